import { sql } from 'kysely';
import type { z } from 'zod';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.js';
import { engineOf, type Db, type DbOrTrx } from '../db/database.js';
import { newId, nowIso } from '../ids.js';
import type { JobsTable } from './jobs.tables.js';

/**
 * A durable job outbox (ozone-style): jobs are rows, written in the same transaction as the change that
 * needs them; workers claim due rows with a lease — `FOR UPDATE SKIP LOCKED` on PostgreSQL, a
 * conditional update on SQLite — so several instances never run one job at once, and a job whose worker
 * died (lease expired) is picked up again. Handlers must be idempotent; they are also callable from
 * tests through `drainJobs`.
 */
export interface JobRunContext {
  db: Db;
  config: Config;
  log: FastifyBaseLogger;
  jobId: string;
  /** 1 on the first run; counts every claim, including ones whose worker crashed. */
  attempt: number;
}

/** What a handler may ask for instead of "done": run again at a time, or give up. */
export type JobOutcome = { retryAt: string; error?: string } | { fail: string } | void;

export interface JobDefinition<P> {
  name: string;
  payload: z.ZodType<P>;
  maxAttempts?: number;
  handler(payload: P, ctx: JobRunContext): Promise<JobOutcome>;
  /** When it answers false, jobs of this kind are left waiting (e.g. publishing is paused). */
  gate?(db: Db): Promise<boolean>;
}

const definitions = new Map<string, JobDefinition<unknown>>();

/** Declares a kind of job; call at module load. */
export function defineJob<P>(def: JobDefinition<P>): JobDefinition<P> {
  definitions.set(def.name, def as JobDefinition<unknown>);
  return def;
}

export interface EnqueueOptions {
  runAt?: string;
  /** At most one live job per key: enqueueing again re-arms a finished one (but never a running one). */
  dedupeKey?: string;
  maxAttempts?: number;
}

/** Adds a job inside the caller's transaction; wake the runner after commit (`wakeJobs`). */
export async function enqueueJob(db: DbOrTrx, name: string, payload: unknown, opts: EnqueueOptions = {}): Promise<void> {
  const def = definitions.get(name);
  const now = nowIso();
  const row: JobsTable = {
    id: newId(),
    name,
    payload: JSON.stringify(payload),
    status: 'queued',
    run_at: opts.runAt ?? now,
    attempts: 0,
    max_attempts: opts.maxAttempts ?? def?.maxAttempts ?? 10,
    locked_until: null,
    locked_by: null,
    dedupe_key: opts.dedupeKey ?? null,
    last_error: null,
    created_at: now,
    updated_at: now,
  };
  await db
    .insertInto('jobs')
    .values(row)
    .onConflict((oc) =>
      oc
        .column('dedupe_key')
        .doUpdateSet({
          status: 'queued',
          run_at: row.run_at,
          payload: row.payload,
          attempts: 0,
          locked_until: null,
          locked_by: null,
          last_error: null,
          updated_at: now,
        })
        .where('jobs.status', '!=', 'running'),
    )
    .execute();
}

/** Moves a waiting job to another time (drag to reschedule); false if it is not waiting. */
export async function rescheduleJob(db: DbOrTrx, dedupeKey: string, runAt: string): Promise<boolean> {
  const r = await db
    .updateTable('jobs')
    .set({ run_at: runAt, updated_at: nowIso() })
    .where('dedupe_key', '=', dedupeKey)
    .where('status', '=', 'queued')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Cancels waiting jobs with these keys; running ones finish (their handlers re-check state). */
export async function cancelJobs(db: DbOrTrx, dedupeKeys: string[]): Promise<void> {
  if (dedupeKeys.length === 0) return;
  await db
    .updateTable('jobs')
    .set({ status: 'cancelled', updated_at: nowIso() })
    .where('dedupe_key', 'in', dedupeKeys)
    .where('status', '=', 'queued')
    .execute();
}

export interface RunnerOptions {
  /** How often to look for due jobs (also woken at once by `wakeJobs`). */
  pollMs?: number;
  /** How long a claim holds; renewed while the handler runs. A dead worker's job is free after this. */
  leaseMs?: number;
  concurrency?: number;
  workerId?: string;
}

const runners = new Map<Db, Set<JobRunner>>();
const PURGE_EVERY_MS = 10 * 60_000;
const KEEP_FINISHED_MS = 14 * 24 * 3600_000;

/**
 * Deletes jobs that finished (done or cancelled) more than two weeks ago; failed ones stay for
 * inspection. The record of what happened lives in the audit trail and the archive, not here.
 */
export async function purgeFinishedJobs(db: DbOrTrx, olderThanMs = KEEP_FINISHED_MS): Promise<number> {
  const r = await db
    .deleteFrom('jobs')
    .where('status', 'in', ['done', 'cancelled'])
    .where('updated_at', '<', nowIso(new Date(Date.now() - olderThanMs)))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Asks the runners on this database to look for work now (after a commit that enqueued some). */
export function wakeJobs(db: Db): void {
  for (const r of runners.get(db) ?? []) r.wake();
}

function backoffMs(attempt: number): number {
  return Math.min(2 ** Math.max(0, attempt - 1) * 1000, 5 * 60_000);
}

export class JobRunner {
  readonly workerId: string;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly concurrency: number;
  private timer: NodeJS.Timeout | null = null;
  private running = new Set<Promise<void>>();
  private stopped = true;
  private ticking: Promise<void> | null = null;
  private again = false;
  private lastPurge = 0;

  constructor(
    private readonly ctx: { db: Db; config: Config; log: FastifyBaseLogger },
    opts: RunnerOptions = {},
  ) {
    this.workerId = opts.workerId ?? `w-${newId().slice(0, 8)}`;
    this.pollMs = opts.pollMs ?? Number(process.env.COURTDESK_JOB_POLL_MS ?? 500);
    this.leaseMs = opts.leaseMs ?? Number(process.env.COURTDESK_JOB_LEASE_MS ?? 15_000);
    this.concurrency = opts.concurrency ?? 4;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const set = runners.get(this.ctx.db) ?? new Set();
    set.add(this);
    runners.set(this.ctx.db, set);
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    runners.get(this.ctx.db)?.delete(this);
    await this.ticking;
    await Promise.allSettled([...this.running]);
  }

  wake(): void {
    if (this.stopped) return;
    if (this.ticking) this.again = true;
    else this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), ms);
  }

  private async tick(): Promise<void> {
    if (this.ticking || this.stopped) return;
    this.ticking = (async () => {
      try {
        do {
          this.again = false;
          const free = this.concurrency - this.running.size;
          if (free <= 0) break;
          const jobs = await this.claim(free);
          for (const job of jobs) this.track(this.execute(job));
          if (jobs.length === free) this.again = true;
        } while (this.again && !this.stopped);
        if (Date.now() - this.lastPurge > PURGE_EVERY_MS) {
          this.lastPurge = Date.now();
          await purgeFinishedJobs(this.ctx.db);
        }
      } catch (err) {
        this.ctx.log.error({ err }, 'job runner: claim failed');
      }
    })();
    await this.ticking;
    this.ticking = null;
    this.schedule(this.pollMs);
  }

  private track(p: Promise<void>): void {
    this.running.add(p);
    void p.finally(() => {
      this.running.delete(p);
      this.wake();
    });
  }

  /** Runs every due job until none is left (tests; the CLI). Returns how many ran. */
  async drain(maxRounds = 100): Promise<number> {
    let total = 0;
    for (let i = 0; i < maxRounds; i++) {
      const jobs = await this.claim(this.concurrency);
      if (jobs.length === 0) break;
      await Promise.all(jobs.map((j) => this.execute(j)));
      total += jobs.length;
    }
    return total;
  }

  private async openNames(): Promise<string[]> {
    const names: string[] = [];
    for (const def of definitions.values()) if (!def.gate || (await def.gate(this.ctx.db))) names.push(def.name);
    return names;
  }

  /** Claims up to `n` due jobs (queued and due, or running with an expired lease). */
  async claim(n: number): Promise<JobsTable[]> {
    const names = await this.openNames();
    if (names.length === 0 || n <= 0) return [];
    const db = this.ctx.db;
    const now = nowIso();
    const lease = nowIso(new Date(Date.now() + this.leaseMs));
    if (engineOf(db) === 'postgres') {
      const res = await sql<JobsTable>`
        update jobs set status = 'running', attempts = attempts + 1, locked_by = ${this.workerId}, locked_until = ${lease}, updated_at = ${now}
        where id in (
          select id from jobs
          where name in (${sql.join(names)})
            and ((status = 'queued' and run_at <= ${now}) or (status = 'running' and locked_until < ${now}))
          order by run_at
          limit ${n}
          for update skip locked)
        returning *`.execute(db);
      return res.rows;
    }
    const candidates = await db
      .selectFrom('jobs')
      .selectAll()
      .where('name', 'in', names)
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', now)]),
          eb.and([eb('status', '=', 'running'), eb('locked_until', '<', now)]),
        ]),
      )
      .orderBy('run_at')
      .limit(n)
      .execute();
    const claimed: JobsTable[] = [];
    for (const c of candidates) {
      // The lease is taken only if nobody changed the row since we read it.
      const r = await db
        .updateTable('jobs')
        .set({ status: 'running', attempts: c.attempts + 1, locked_by: this.workerId, locked_until: lease, updated_at: now })
        .where('id', '=', c.id)
        .where('status', '=', c.status)
        .where('attempts', '=', c.attempts)
        .where('updated_at', '=', c.updated_at)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 1)
        claimed.push({ ...c, status: 'running', attempts: c.attempts + 1, locked_by: this.workerId, locked_until: lease });
    }
    return claimed;
  }

  private async execute(job: JobsTable): Promise<void> {
    const db = this.ctx.db;
    const def = definitions.get(job.name);
    const mine = (qb: ReturnType<typeof db.updateTable<'jobs'>>) =>
      qb.where('id', '=', job.id).where('locked_by', '=', this.workerId).where('status', '=', 'running');
    if (!def) {
      await mine(db.updateTable('jobs'))
        .set({ status: 'failed', last_error: `No handler for ${job.name}`, updated_at: nowIso() })
        .execute();
      return;
    }
    const heartbeat = setInterval(
      () => {
        void mine(db.updateTable('jobs'))
          .set({ locked_until: nowIso(new Date(Date.now() + this.leaseMs)) })
          .execute()
          .catch(() => undefined);
      },
      Math.max(200, Math.floor(this.leaseMs / 3)),
    );
    let outcome: JobOutcome;
    try {
      const payload = def.payload.parse(JSON.parse(job.payload));
      outcome = await def.handler(payload, { db, config: this.ctx.config, log: this.ctx.log, jobId: job.id, attempt: job.attempts });
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      this.ctx.log.warn({ err, job: job.name, id: job.id }, 'job failed');
      outcome =
        job.attempts >= job.max_attempts ? { fail: msg } : { retryAt: nowIso(new Date(Date.now() + backoffMs(job.attempts))), error: msg };
    } finally {
      clearInterval(heartbeat);
    }
    const now = nowIso();
    const set =
      outcome && 'fail' in outcome
        ? { status: 'failed' as const, last_error: outcome.fail, locked_by: null, locked_until: null, updated_at: now }
        : outcome && 'retryAt' in outcome
          ? {
              status: 'queued' as const,
              run_at: outcome.retryAt,
              last_error: outcome.error ?? null,
              locked_by: null,
              locked_until: null,
              updated_at: now,
            }
          : { status: 'done' as const, locked_by: null, locked_until: null, updated_at: now };
    await mine(db.updateTable('jobs')).set(set).execute();
  }
}

/** Runs every due job on `db` once, in this process (tests). */
export async function drainJobs(ctx: { db: Db; config: Config; log: FastifyBaseLogger }): Promise<number> {
  return new JobRunner(ctx, { workerId: `drain-${newId().slice(0, 8)}` }).drain();
}
