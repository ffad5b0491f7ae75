import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.js';
import { build, createTestApp, signIn, type TestContext } from '../../../test/app.js';

describeEachEngine('policy routes', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp(engine);
  });
  afterAll(() => ctx.close());

  it('checks a draft for the composer: findings with article, offsets and a message in the user’s language', async () => {
    const pio = await build.user(ctx, { position: 'pio' });
    await ctx.database.db.updateTable('users').set({ locale: 'en' }).where('id', '=', pio.id).execute();
    const c = await signIn(ctx, pio);
    const text = 'Support the right choice — vote for PDK on Sunday! pdk [dot] info';
    const res = await c.post('/api/policy/check', { variants: [{ lang: 'sq', text }] });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.requiredLanguages).toEqual(['sq', 'sr', 'tr']);
    const party = body.findings.find((f: { article: string }) => f.article === '4.4a');
    expect(party).toBeDefined();
    expect(text.slice(party.start, party.end)).toBe(party.excerpt);
    // Prishtina requires Serbian (and Turkish): the missing variant is a 3.11 finding.
    expect(body.findings.some((f: { article: string; variant: string | null }) => f.article === '3.11')).toBe(true);
  });

  it('answers 401 without a session, 400 for a bad language, 404 for another court', async () => {
    const anon = await ctx.app.inject({ method: 'POST', url: '/api/policy/check', payload: { variants: [] } });
    expect(anon.statusCode).toBe(401);
    const c = await signIn(ctx, await build.user(ctx));
    expect((await c.post('/api/policy/check', { variants: [{ lang: 'xx', text: 'a' }] })).statusCode).toBe(400);
    expect(
      (await c.post('/api/policy/check', { variants: [{ lang: 'sq', text: 'a' }], institutionId: 'inst-bc-prizren' })).statusCode,
    ).toBe(404);
  });

  it('shows the pack in force and lets only an administrator reload it', async () => {
    const c = await signIn(ctx, await build.user(ctx));
    const pack = (await c.get('/api/policy/pack')).json();
    expect(pack.rules.length).toBeGreaterThan(5);
    expect(pack.lists.every((l: { source: string }) => l.source.length > 0)).toBe(true);
    expect((await c.post('/api/policy/pack/reload')).statusCode).toBe(403);
    const admin = await signIn(ctx, await build.user(ctx, { position: 'sysadmin', institution: 'kjc' }));
    const reload = await admin.post('/api/policy/pack/reload');
    expect(reload.json()).toMatchObject({ ok: true, error: null });
  });
});
