import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.js';
import { build, createTestApp, signIn, type TestContext } from '../../../test/app.js';
import { decisionNo, insertAccount, today } from '../decisions/authority.testing.js';
import { accountsWhereUserHas, rightsOnAccount } from '../decisions/rights.js';

describeEachEngine('off-boarding (art. 5.7)', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp(engine);
  });
  afterAll(() => ctx.close());

  it('revokes every right at once, ends sessions and opens a checklist per account owned by the president', async () => {
    const president = await build.user(ctx, { position: 'president', institution: 'bc-gjilan' });
    const ro = await build.user(ctx, { position: 'pio', institution: 'bc-gjilan' });
    const a1 = await insertAccount(ctx, { institution: 'bc-gjilan' });
    const a2 = await insertAccount(ctx, { institution: 'bc-gjilan', platform: 'x', handle: `gj${Date.now() % 100000}` });
    const pc = await signIn(ctx, president);
    const dec = await pc.post('/api/decisions', {
      institutionId: 'inst-bc-gjilan',
      number: decisionNo(),
      decidedOn: today(),
      kind: 'ro_appointment',
      personIds: [ro.id],
      coversAllAccounts: true,
    });
    expect(dec.statusCode).toBe(200);
    const roClient = await signIn(ctx, ro);
    expect((await accountsWhereUserHas(ctx.database.db, ro.id, 'publish')).sort()).toEqual([a1.id, a2.id].sort());

    const left = await pc.post(`/api/people/${ro.id}/leave`, { status: 'resigned', reason: 'Moved abroad' });
    expect(left.statusCode).toBe(200);
    expect((await roClient.get('/api/accounts')).statusCode).toBe(401);
    expect((await rightsOnAccount(ctx.database.db, ro.id, a1.id)).level).toBeNull();
    const d = (await pc.get(`/api/decisions/${dec.json().id}`)).json();
    expect(d.people[0].endedAt).not.toBeNull();
    expect(d.endings[0]).toMatchObject({ cause: 'person_left', personId: ro.id });

    const list = (await pc.get('/api/offboarding?institutionId=inst-bc-gjilan&status=open')).json();
    expect(list.open).toBe(7);
    expect(list.items.map((i: { step: string; account: { id: string } | null }) => `${i.step}:${i.account?.id ?? '-'}`).sort()).toEqual(
      [
        `remove_platform_role:${a1.id}`,
        `rotate_password:${a1.id}`,
        `rotate_2fa:${a1.id}`,
        `remove_platform_role:${a2.id}`,
        `rotate_password:${a2.id}`,
        `rotate_2fa:${a2.id}`,
        'reassign_posts:-',
      ].sort(),
    );
    expect(
      list.items.every(
        (i: { owner: { id: string }; ageDays: number; canComplete: boolean }) =>
          i.owner.id === president.id && i.ageDays === 0 && i.canComplete,
      ),
    ).toBe(true);

    const first = list.items[0];
    const done = await pc.post(`/api/offboarding/${first.id}/complete`, { note: 'Removed from the page roles' });
    expect(done.json()).toMatchObject({ status: 'done', doneBy: { id: president.id }, note: 'Removed from the page roles' });
    expect((await pc.post(`/api/offboarding/${first.id}/complete`, {})).statusCode).toBe(409);
    expect((await pc.get('/api/offboarding?institutionId=inst-bc-gjilan&status=open')).json().open).toBe(6);
    const audit = (
      await ctx.database.db
        .selectFrom('audit_events')
        .select('type')
        .where('institution_id', '=', 'inst-bc-gjilan')
        .orderBy('seq')
        .execute()
    ).map((r) => r.type);
    expect(audit).toEqual(expect.arrayContaining(['person.left', 'access.revoked', 'offboarding.opened', 'offboarding.step_completed']));
  });

  it('keeps other courts out and lets only the owner or an RO tick steps', async () => {
    const president = await build.user(ctx, { position: 'president', institution: 'bc-ferizaj' });
    const ro = await build.user(ctx, { position: 'pio', institution: 'bc-ferizaj' });
    const officer = await build.user(ctx, { position: 'court_officer', institution: 'bc-ferizaj' });
    await insertAccount(ctx, { institution: 'bc-ferizaj' });
    const pc = await signIn(ctx, president);
    await pc.post('/api/decisions', {
      institutionId: 'inst-bc-ferizaj',
      number: decisionNo(),
      decidedOn: today(),
      kind: 'ro_appointment',
      personIds: [ro.id],
      coversAllAccounts: true,
    });
    await pc.post(`/api/people/${ro.id}/leave`, { status: 'dismissed' });
    const item = (await pc.get('/api/offboarding?institutionId=inst-bc-ferizaj')).json().items[0];

    const other = await signIn(ctx, await build.user(ctx, { position: 'president', institution: 'bc-peje' }));
    expect((await other.post(`/api/offboarding/${item.id}/complete`, {})).statusCode).toBe(404);
    expect((await other.get('/api/offboarding?institutionId=inst-bc-ferizaj')).json().items).toEqual([]);
    const oc = await signIn(ctx, officer);
    expect((await oc.post(`/api/offboarding/${item.id}/complete`, {})).statusCode).toBe(404);
    const chair = await signIn(ctx, await build.user(ctx, { position: 'kjc_chair', institution: 'kjc' }));
    expect((await chair.get('/api/offboarding?institutionId=inst-bc-ferizaj')).json().open).toBe(4);
    expect((await chair.post(`/api/offboarding/${item.id}/complete`, {})).statusCode).toBe(403);
  });

  it('opens nothing for someone who held no access', async () => {
    const president = await build.user(ctx, { position: 'president', institution: 'bc-gjakove' });
    const officer = await build.user(ctx, { position: 'court_officer', institution: 'bc-gjakove' });
    const pc = await signIn(ctx, president);
    await pc.post(`/api/people/${officer.id}/leave`, { status: 'resigned' });
    expect((await pc.get('/api/offboarding?institutionId=inst-bc-gjakove')).json().total).toBe(0);
  });
});
