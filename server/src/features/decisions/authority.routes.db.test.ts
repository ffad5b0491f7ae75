import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.js';
import { Client, createTestApp, type TestContext } from '../../../test/app.js';

/** Every route of the authority features, read from the OpenAPI document so a new route cannot be missed. */
const MINE = /^\/(api\/(decisions|editor-requests|accounts|brand-kits|compliance|offboarding)|public\/accounts)/;

describeEachEngine('authority routes refuse anonymous calls', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp(engine);
  });
  afterAll(() => ctx.close());

  it('answers 401 to every private route without a session, and serves only the public register', async () => {
    const doc = ctx.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(doc.paths)
      .filter(([path]) => MINE.test(path))
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => [m.toUpperCase(), path.replace(/\{[^}]+\}/g, 'x')] as const));
    expect(routes.length).toBeGreaterThanOrEqual(23);
    const anon = new Client(ctx.app);
    for (const [method, url] of routes) {
      const res = await anon.request(method as 'GET', url, method === 'GET' ? undefined : {});
      if (url === '/public/accounts.json') expect(res.statusCode).toBe(200);
      else expect({ method, url, status: res.statusCode }).toEqual({ method, url, status: 401 });
    }
  });
});
