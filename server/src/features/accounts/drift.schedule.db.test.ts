import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.js';
import { build, createTestApp, signIn, type TestContext } from '../../../test/app.js';
import { sandbox } from '../../connectors/sandbox/index.js';
import { drainJobs } from '../../platform/jobs/jobs.js';
import { decisionNo, insertAccount, today } from '../decisions/authority.testing.js';
import { DRIFT_SWEEP_JOB, driftScheduleStarter, sweepDrift } from './drift.schedule.js';

describeEachEngine('drift checks on a schedule (art. 5.5–5.7)', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp(engine);
  });
  afterAll(async () => ctx?.close());

  const env = () => ({ db: ctx.database.db, config: ctx.config, log: ctx.app.log });
  const hours = (h: number) => new Date(Date.now() + h * 3_600_000);
  const driftNotes = async (userId: string) =>
    ctx.database.db.selectFrom('notifications').selectAll().where('user_id', '=', userId).where('kind', '=', 'drift_found').execute();
  const checksOf = async (accountId: string) =>
    ctx.database.db.selectFrom('account_role_checks').selectAll().where('account_id', '=', accountId).execute();

  it('checks due accounts, notifies the president and the RO once per new difference, and skips accounts not yet due', async () => {
    const db = ctx.database.db;
    const president = await build.user(ctx, { position: 'president', institution: 'bc-gjilan' });
    const pio = await build.user(ctx, { position: 'pio', institution: 'bc-gjilan' });
    const acc = await insertAccount(ctx, { institution: 'bc-gjilan' });
    const pc = await signIn(ctx, president);
    const made = await pc.post('/api/decisions', {
      institutionId: 'inst-bc-gjilan',
      number: decisionNo(),
      decidedOn: today(),
      kind: 'ro_appointment',
      personIds: [pio.id],
      accountIds: [acc.id],
    });
    expect(made.statusCode, made.body).toBeLessThan(300);
    await sandbox.setRoles(db, acc.external_id!, [
      { externalUserId: 'u1', name: president.name, email: president.email, role: 'admin' },
      { externalUserId: 'u2', name: 'Nephew', email: 'nephew@gmail.com', role: 'admin' },
    ]);

    const first = await sweepDrift(env());
    expect(first.checked).toBeGreaterThanOrEqual(1);
    const [check] = await checksOf(acc.id);
    expect(check!.checked_by).toBeNull();
    expect((JSON.parse(check!.findings) as Array<{ kind: string }>).map((f) => f.kind).sort()).toEqual([
      'decision_without_role',
      'role_without_decision',
    ]);
    const toPresident = await driftNotes(president.id);
    expect(toPresident).toHaveLength(1);
    expect(JSON.parse(toPresident[0]!.data)).toMatchObject({ accountId: acc.id, findings: 2, fresh: 2 });
    expect(JSON.parse(toPresident[0]!.data).excerpt).toContain('Nephew');
    expect(await driftNotes(pio.id)).toHaveLength(1);
    const mail = await db.selectFrom('mail_outbox').selectAll().where('to_address', '=', president.email).execute();
    expect(mail.at(-1)!.body).toContain(`/accounts/${acc.id}`);

    // Not due again within the interval.
    await sweepDrift(env());
    expect(await checksOf(acc.id)).toHaveLength(1);

    // A day later the same differences are checked again but not reported twice.
    await sweepDrift(env(), hours(25));
    expect(await checksOf(acc.id)).toHaveLength(2);
    expect(await driftNotes(president.id)).toHaveLength(1);

    // A new stranger appears: reported, with only the new difference counted as fresh.
    await sandbox.setRoles(db, acc.external_id!, [
      { externalUserId: 'u1', name: president.name, email: president.email, role: 'admin' },
      { externalUserId: 'u2', name: 'Nephew', email: 'nephew@gmail.com', role: 'admin' },
      { externalUserId: 'u3', name: 'Agency', email: 'ads@agency.example', role: 'editor' },
    ]);
    await sweepDrift(env(), hours(50));
    const after = await driftNotes(president.id);
    expect(after).toHaveLength(2);
    expect(JSON.parse(after.at(-1)!.data)).toMatchObject({ findings: 3, fresh: 1 });
    const audit = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('type', '=', 'account.drift_checked')
      .where('subject_id', '=', acc.id)
      .execute();
    expect(audit).toHaveLength(3);
    expect(audit.every((e) => e.actor_id === null)).toBe(true);
  });

  it('does nothing when turned off, and the job re-arms itself after each run', async () => {
    expect(await sweepDrift({ db: ctx.database.db, config: { ...ctx.config, driftCheckHours: 0 } })).toEqual({
      checked: 0,
      notified: 0,
      remaining: 0,
    });

    const stop = await driftScheduleStarter(env() as never);
    await stop();
    const armed = await ctx.database.db.selectFrom('jobs').selectAll().where('dedupe_key', '=', DRIFT_SWEEP_JOB).executeTakeFirstOrThrow();
    expect(armed.status).toBe('queued');
    expect(Date.parse(armed.run_at)).toBeGreaterThan(Date.now());

    // Make it due now, run it, and find it queued again for later.
    await ctx.database.db
      .updateTable('jobs')
      .set({ run_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', armed.id)
      .execute();
    expect(await drainJobs({ db: ctx.database.db, config: ctx.config, log: ctx.app.log })).toBeGreaterThanOrEqual(1);
    const rearmed = await ctx.database.db
      .selectFrom('jobs')
      .selectAll()
      .where('dedupe_key', '=', DRIFT_SWEEP_JOB)
      .executeTakeFirstOrThrow();
    expect(rearmed.status).toBe('queued');
    expect(Date.parse(rearmed.run_at)).toBeGreaterThan(Date.now() + 30_000);

    // Turned off: the waiting sweep is cancelled.
    await driftScheduleStarter({ ...env(), config: { ...ctx.config, driftCheckHours: 0 } } as never);
    const cancelled = await ctx.database.db
      .selectFrom('jobs')
      .selectAll()
      .where('dedupe_key', '=', DRIFT_SWEEP_JOB)
      .executeTakeFirstOrThrow();
    expect(cancelled.status).toBe('cancelled');
  });
});
