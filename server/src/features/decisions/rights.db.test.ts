import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.js';
import { build, createTestApp, type TestContext } from '../../../test/app.js';
import { newId, nowIso } from '../../platform/ids.js';
import type { AccessLevel, DecisionKind, DecisionRole } from './decisions.tables.js';
import { accountsWhereUserHas, isPresidentOf, rightsOnAccount } from './rights.js';
import { accountRow } from '../accounts/accounts.rows.js';

describeEachEngine('rights from decisions', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp(engine);
  });
  afterAll(() => ctx.close());

  async function account(institution = 'bc-prishtine', status: 'active' | 'requested' | 'closed' = 'active') {
    const id = newId();
    const now = nowIso();
    await ctx.database.db
      .insertInto('accounts')
      .values(
        accountRow({
          id,
          institution_id: `inst-${institution}`,
          platform: 'sandbox',
          handle: `h${id.slice(0, 8)}`,
          display_name: 'Test',
          external_id: null,
          opened_at: now,
          status,
          created_at: now,
          updated_at: now,
        }),
      )
      .execute();
    return id;
  }

  async function decide(o: {
    issuer: string;
    kind: DecisionKind;
    level: AccessLevel;
    people: Array<[string, DecisionRole]>;
    accounts?: string[];
    all?: boolean;
    from: string;
    until?: string;
    institution?: string;
  }) {
    const id = newId();
    await ctx.database.db
      .insertInto('decisions')
      .values({
        id,
        institution_id: `inst-${o.institution ?? 'bc-prishtine'}`,
        number: `T-${id.slice(0, 8)}`,
        decided_on: o.from.slice(0, 10),
        kind: o.kind,
        issued_by: o.issuer,
        recorded_by: o.issuer,
        level: o.level,
        covers_all_accounts: o.all ? 1 : 0,
        effect_from: o.from,
        effect_until: o.until ?? null,
        target_decision_id: null,
        supersedes_decision_id: null,
        editor_request_id: null,
        summary: null,
        file_id: null,
        created_at: nowIso(),
      })
      .execute();
    for (const [u, role] of o.people)
      await ctx.database.db.insertInto('decision_people').values({ decision_id: id, user_id: u, role }).execute();
    for (const a of o.accounts ?? [])
      await ctx.database.db.insertInto('decision_accounts').values({ decision_id: id, account_id: a }).execute();
    return id;
  }

  it('gives nothing without a decision, even to a PIO', async () => {
    const pio = await build.user(ctx, { position: 'pio' });
    const acc = await account();
    const r = await rightsOnAccount(ctx.database.db, pio.id, acc);
    expect(r).toEqual({
      level: null,
      publish: false,
      moderate: false,
      vault: false,
      manageAccess: false,
      approve: false,
      viaDecisionIds: [],
    });
    expect(await accountsWhereUserHas(ctx.database.db, pio.id, 'publish')).toEqual([]);
  });

  it('derives admin from an RO appointment and editor from an editor grant, within their dates', async () => {
    const president = await build.user(ctx, { position: 'president' });
    const pio = await build.user(ctx, { position: 'pio' });
    const officer = await build.user(ctx, { position: 'court_officer' });
    const acc = await account();
    const ro = await decide({
      issuer: president.id,
      kind: 'ro_appointment',
      level: 'admin',
      people: [[pio.id, 'responsible_officer']],
      accounts: [acc],
      from: '2024-01-01T00:00:00.000Z',
    });
    const ed = await decide({
      issuer: president.id,
      kind: 'editor_grant',
      level: 'editor',
      people: [[officer.id, 'editor']],
      accounts: [acc],
      from: '2024-02-01T00:00:00.000Z',
      until: '2024-03-01T00:00:00.000Z',
    });
    const r = await rightsOnAccount(ctx.database.db, pio.id, acc);
    expect(r).toMatchObject({
      level: 'admin',
      publish: true,
      moderate: true,
      vault: true,
      manageAccess: true,
      approve: false,
      viaDecisionIds: [ro],
    });
    expect(await rightsOnAccount(ctx.database.db, officer.id, acc, '2024-02-15T00:00:00Z')).toMatchObject({
      level: 'editor',
      publish: true,
      vault: false,
      manageAccess: false,
      viaDecisionIds: [ed],
    });
    expect((await rightsOnAccount(ctx.database.db, officer.id, acc)).level).toBeNull();
    expect((await rightsOnAccount(ctx.database.db, pio.id, acc, '2023-12-31T23:59:59Z')).level).toBeNull();
    expect(await accountsWhereUserHas(ctx.database.db, officer.id, 'publish', '2024-02-15T00:00:00Z')).toEqual([acc]);
    expect(await accountsWhereUserHas(ctx.database.db, officer.id, 'vault', '2024-02-15T00:00:00Z')).toEqual([]);
  });

  it('ends a grant from its revocation on, and keeps it in the past', async () => {
    const president = await build.user(ctx, { position: 'president' });
    const pio = await build.user(ctx, { position: 'pio' });
    const acc = await account();
    const ro = await decide({
      issuer: president.id,
      kind: 'ro_appointment',
      level: 'admin',
      people: [[pio.id, 'responsible_officer']],
      all: true,
      from: '2024-01-01T00:00:00.000Z',
    });
    await ctx.database.db
      .insertInto('decision_endings')
      .values({
        id: newId(),
        decision_id: ro,
        user_id: null,
        at: '2024-06-01T00:00:00.000Z',
        cause: 'revoked',
        by_decision_id: null,
        actor_id: president.id,
        reason: null,
        created_at: nowIso(),
      })
      .execute();
    expect((await rightsOnAccount(ctx.database.db, pio.id, acc, '2024-05-01T00:00:00Z')).level).toBe('admin');
    expect((await rightsOnAccount(ctx.database.db, pio.id, acc)).level).toBeNull();
  });

  it('gives the president admin and approval by position, only on their own institution', async () => {
    const president = await build.user(ctx, { position: 'president' });
    const mine = await account();
    const other = await account('bc-prizren');
    expect(await rightsOnAccount(ctx.database.db, president.id, mine)).toMatchObject({
      level: 'admin',
      approve: true,
      vault: true,
      viaDecisionIds: [],
    });
    expect((await rightsOnAccount(ctx.database.db, president.id, other)).level).toBeNull();
    expect(await isPresidentOf(ctx.database.db, president.id, 'inst-bc-prishtine')).toBe(true);
    expect(await isPresidentOf(ctx.database.db, president.id, 'inst-bc-prishtine-podujeve')).toBe(true);
    expect(await isPresidentOf(ctx.database.db, president.id, 'inst-bc-prizren')).toBe(false);
    const chair = await build.user(ctx, { position: 'kjc_chair', institution: 'kjc' });
    expect(await isPresidentOf(ctx.database.db, chair.id, 'inst-kjc')).toBe(true);
    expect(await isPresidentOf(ctx.database.db, chair.id, 'inst-bc-prishtine')).toBe(false);
    expect(await accountsWhereUserHas(ctx.database.db, president.id, 'approve')).toContain(mine);
    expect(await accountsWhereUserHas(ctx.database.db, president.id, 'approve')).not.toContain(other);
  });

  it('gives nothing on requested or closed accounts, nor to a person who has left', async () => {
    const president = await build.user(ctx, { position: 'president' });
    const pio = await build.user(ctx, { position: 'pio' });
    const requested = await account('bc-prishtine', 'requested');
    const active = await account();
    await decide({
      issuer: president.id,
      kind: 'ro_appointment',
      level: 'admin',
      people: [[pio.id, 'responsible_officer']],
      all: true,
      from: '2024-01-01T00:00:00.000Z',
    });
    expect((await rightsOnAccount(ctx.database.db, pio.id, requested)).level).toBeNull();
    expect((await rightsOnAccount(ctx.database.db, pio.id, active)).level).toBe('admin');
    await ctx.database.db
      .updateTable('users')
      .set({ status: 'resigned', left_at: '2025-01-01T00:00:00.000Z' })
      .where('id', '=', pio.id)
      .execute();
    expect((await rightsOnAccount(ctx.database.db, pio.id, active)).level).toBeNull();
    expect((await rightsOnAccount(ctx.database.db, pio.id, active, '2024-12-01T00:00:00Z')).level).toBe('admin');
  });
});
