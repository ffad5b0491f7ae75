import type { DriftFinding } from '@courtdesk/contracts';
import { z } from 'zod';
import type { Config } from '../../platform/config.js';
import type { Db } from '../../platform/db/database.js';
import type { AppContext } from '../../platform/http/types.js';
import { nowIso } from '../../platform/ids.js';
import { cancelJobs, defineJob, enqueueJob, wakeJobs } from '../../platform/jobs/jobs.js';
import { notify } from '../notifications/notifications.service.js';
import type { AccountsTable } from './accounts.tables.js';
import { checkDrift, decidedPeople, platformAccess } from './platform.service.js';

/**
 * Drift on a schedule (art. 5.5–5.7): every open account whose platform can list its roles is compared
 * with the decisions in force at least every `DRIFT_CHECK_HOURS`. When a check finds a difference
 * that the previous one did not (a stranger made admin, a departed officer still present…), the
 * account's administrators by decision — the president and the Responsible Officers — are notified.
 *
 * One durable job (`accounts.drift_sweep`, a single row by its dedupe key) re-arms itself, so two
 * instances never sweep at once and a restart does not lose the schedule.
 */
export const DRIFT_SWEEP_JOB = 'accounts.drift_sweep';
/** Accounts checked per run; the rest follow a minute later, so one run never holds a worker for long. */
export const DRIFT_SWEEP_BATCH = 50;

const HOUR = 3_600_000;

/** Same person, same kind of difference: a finding already reported is not reported again. */
const signature = (f: DriftFinding) => `${f.kind}|${(f.email ?? f.externalUserId ?? f.personId ?? f.name).toLowerCase()}`;

export interface SweepResult {
  checked: number;
  notified: number;
  /** Accounts still due after this run (the next run follows shortly). */
  remaining: number;
}

/** Checks the accounts that are due (never checked, or not within the interval), oldest first. */
export async function sweepDrift(ctx: { db: Db; config: Config }, now = new Date()): Promise<SweepResult> {
  const { db, config } = ctx;
  if (config.driftCheckHours <= 0) return { checked: 0, notified: 0, remaining: 0 };
  const dueBefore = new Date(now.getTime() - config.driftCheckHours * HOUR).toISOString();
  const accounts = await db.selectFrom('accounts').selectAll().where('status', '=', 'active').orderBy('id').execute();
  const due: Array<{ a: AccountsTable; last: string | null }> = [];
  for (const a of accounts) {
    if (!platformAccess.connectorFor(db, a.platform)?.manifest.capabilities.listRoles) continue;
    const last = await db
      .selectFrom('account_role_checks')
      .select(['checked_at'])
      .where('account_id', '=', a.id)
      .orderBy('checked_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!last || last.checked_at <= dueBefore) due.push({ a, last: last?.checked_at ?? null });
  }
  due.sort((x, y) => (x.last ?? '').localeCompare(y.last ?? ''));
  const batch = due.slice(0, DRIFT_SWEEP_BATCH);
  let notified = 0;
  for (const { a } of batch) {
    const previous = await db
      .selectFrom('account_role_checks')
      .select(['findings', 'error'])
      .where('account_id', '=', a.id)
      .where('error', 'is', null)
      .orderBy('checked_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    const report = await checkDrift(db, null, a.id, a);
    if (!report || report.error || report.findings.length === 0) continue;
    const known = new Set((previous ? (JSON.parse(previous.findings) as DriftFinding[]) : []).map(signature));
    const fresh = report.findings.filter((f) => !known.has(signature(f)));
    if (fresh.length === 0) continue;
    const { decided } = await decidedPeople(db, a);
    const admins = decided.filter((d) => d.level === 'admin').map((d) => d.userId);
    await db.transaction().execute((trx) =>
      notify(trx, config, {
        userIds: admins,
        kind: 'drift_found',
        postId: null,
        data: {
          accountId: a.id,
          handle: a.handle,
          platform: a.platform,
          findings: report.findings.length,
          fresh: fresh.length,
          excerpt: `${a.platform} @${a.handle}: ${fresh.map((f) => `${f.name} (${f.kind.replaceAll('_', ' ')}, art. ${f.article})`).join('; ')}`,
        },
      }),
    );
    notified += admins.length > 0 ? 1 : 0;
  }
  return { checked: batch.length, notified, remaining: due.length - batch.length };
}

defineJob({
  name: DRIFT_SWEEP_JOB,
  payload: z.object({}).passthrough(),
  // The job re-arms itself for ever; its attempts only count runs.
  maxAttempts: 2_000_000_000,
  async handler(_payload, ctx) {
    const next = (ms: number) => ({ retryAt: nowIso(new Date(Date.now() + ms)) });
    if (ctx.config.driftCheckHours <= 0) return;
    try {
      const r = await sweepDrift(ctx);
      if (r.checked > 0) ctx.log.info({ ...r }, 'drift sweep');
      // Come back soon while accounts are still due; otherwise at a tenth of the interval (at most an hour),
      // so that an account is never more than ~10% late.
      return r.remaining > 0 ? next(60_000) : next(Math.min(HOUR, (ctx.config.driftCheckHours * HOUR) / 10));
    } catch (err) {
      ctx.log.warn({ err }, 'drift sweep failed; trying again in 15 minutes');
      return { ...next(15 * 60_000), error: err instanceof Error ? err.message : String(err) };
    }
  },
});

/** Arms the sweep when the server starts (a minute later, so start-up stays quick), or cancels it when turned off. */
export async function driftScheduleStarter(ctx: AppContext): Promise<() => Promise<void>> {
  if (ctx.config.driftCheckHours <= 0) {
    await cancelJobs(ctx.db, [DRIFT_SWEEP_JOB]);
    return async () => undefined;
  }
  const waiting = await ctx.db
    .selectFrom('jobs')
    .select(['status'])
    .where('dedupe_key', '=', DRIFT_SWEEP_JOB)
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirst();
  if (!waiting) {
    await enqueueJob(ctx.db, DRIFT_SWEEP_JOB, {}, { dedupeKey: DRIFT_SWEEP_JOB, runAt: nowIso(new Date(Date.now() + 60_000)) });
    wakeJobs(ctx.db);
  }
  return async () => undefined;
}
