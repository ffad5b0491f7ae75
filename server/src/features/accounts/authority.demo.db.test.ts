import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.js';
import { createTestApp, type TestContext } from '../../../test/app.js';
import { seedDemo } from '../demo/demo.seed.js';
import { checksFor, loadCheckContext } from './accounts.repository.js';
import { publicRegister } from './compliance.service.js';
import { rightsOnAccount } from '../decisions/rights.js';

describeEachEngine('authority demo data', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp(engine);
    process.env.DEMO_PASSWORD = 'demo-password-for-tests-1';
    await seedDemo(ctx.database.db, ctx.config);
  }, 120_000);
  afterAll(async () => {
    delete process.env.DEMO_PASSWORD;
    await ctx.close();
  });

  it('registers a sandbox account for every court and the KJC, with decisions, one failing profile check and one drift case', async () => {
    const db = ctx.database.db;
    const accounts = await db.selectFrom('accounts').selectAll().where('status', '=', 'active').execute();
    const handles = accounts.map((a) => a.handle);
    expect(handles).toEqual(
      expect.arrayContaining([
        'kgjk',
        'gjykatasupreme',
        'gjykataeapelit',
        'gjthprishtine',
        'gjthprizren',
        'gjthpeje',
        'gjthgjakove',
        'gjthmitrovice',
        'gjthgjilan',
        'gjthferizaj',
      ]),
    );
    const c = await loadCheckContext(db, accounts);
    const failing = (handle: string) =>
      checksFor(
        accounts.find((a) => a.handle === handle)!,
        c,
      )
        .filter((r) => r.status === 'fail')
        .map((r) => r.code);
    expect(failing('gjthprizren')).toEqual(['description_languages']);
    expect(failing('gjthprishtine')).toEqual(['drift']);
    expect(failing('kgjk')).toEqual([]);
    expect(failing('gjthpeje')).toEqual(['authorisation', 'responsible_officer']);

    const pio = await db.selectFrom('users').select('id').where('email', '=', 'pio@prishtine.test').executeTakeFirstOrThrow();
    const pr = accounts.find((a) => a.handle === 'gjthprishtine')!;
    expect((await rightsOnAccount(db, pio.id, pr.id)).level).toBe('admin');
    const officer = await db.selectFrom('users').select('id').where('email', '=', 'officer@prishtine.test').executeTakeFirstOrThrow();
    expect((await rightsOnAccount(db, officer.id, pr.id)).level).toBeNull();

    const reg = await publicRegister(db);
    expect(reg.institutions.length).toBeGreaterThanOrEqual(11);
    expect(reg.institutions.find((i) => i.code === 'bc-prishtine')!.accounts[0]).toMatchObject({
      handle: 'gjthprishtine',
      verifiedByDecision: true,
    });
  });
});
