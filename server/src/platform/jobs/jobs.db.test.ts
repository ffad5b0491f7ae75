import { afterAll, beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import pino from 'pino';
import { createTestDatabase, describeEachEngine } from '../../../test/db.js';
import type { DbHandle } from '../db/database.js';
import { loadConfig } from '../config.js';
import { nowIso } from '../ids.js';
import { cancelJobs, defineJob, enqueueJob, JobRunner, purgeFinishedJobs, rescheduleJob } from './jobs.js';

const seen: string[] = [];
let failUntil = 0;
defineJob({
  name: 'test.echo',
  payload: z.object({ v: z.string() }),
  maxAttempts: 3,
  async handler({ v }, ctx) {
    if (v === 'flaky' && ctx.attempt <= failUntil) throw new Error('not yet');
    seen.push(`${v}#${ctx.attempt}`);
  },
});

describeEachEngine('job runner', (engine) => {
  let h: DbHandle;
  let runner: JobRunner;
  beforeAll(async () => {
    h = await createTestDatabase(engine);
    runner = new JobRunner(
      { db: h.db, config: loadConfig({ LOG_LEVEL: 'silent', SECRET_KEY: 'x'.repeat(40) }), log: pino({ level: 'silent' }) },
      { leaseMs: 500 },
    );
  });
  afterAll(() => h.close());
  const job = (key: string) => h.db.selectFrom('jobs').selectAll().where('dedupe_key', '=', key).executeTakeFirstOrThrow();

  it('runs due jobs once, leaves future ones, and re-arms a finished job with the same key', async () => {
    seen.length = 0;
    await enqueueJob(h.db, 'test.echo', { v: 'now' }, { dedupeKey: `k1-${engine}` });
    await enqueueJob(h.db, 'test.echo', { v: 'later' }, { dedupeKey: `k2-${engine}`, runAt: nowIso(new Date(Date.now() + 60_000)) });
    await runner.drain();
    await runner.drain();
    expect(seen).toEqual(['now#1']);
    expect((await job(`k1-${engine}`)).status).toBe('done');
    await enqueueJob(h.db, 'test.echo', { v: 'again' }, { dedupeKey: `k1-${engine}` });
    await runner.drain();
    expect(seen).toEqual(['now#1', 'again#1']);
    expect(await rescheduleJob(h.db, `k2-${engine}`, nowIso())).toBe(true);
    await runner.drain();
    expect(seen).toContain('later#1');
  });

  it('retries a throwing handler with backoff, then gives up after max attempts', async () => {
    seen.length = 0;
    failUntil = 99;
    await enqueueJob(h.db, 'test.echo', { v: 'flaky' }, { dedupeKey: `f-${engine}` });
    for (let i = 0; i < 3; i++) {
      await runner.drain();
      await h.db
        .updateTable('jobs')
        .set({ run_at: nowIso() })
        .where('dedupe_key', '=', `f-${engine}`)
        .where('status', '=', 'queued')
        .execute();
    }
    const j = await job(`f-${engine}`);
    expect(j).toMatchObject({ status: 'failed', attempts: 3, last_error: 'not yet' });
    expect(seen).toEqual([]);
  });

  it('reclaims a job whose worker died (lease expired), and not before', async () => {
    seen.length = 0;
    await enqueueJob(h.db, 'test.echo', { v: 'orphan' }, { dedupeKey: `o-${engine}` });
    // Another worker claimed it and vanished.
    await h.db
      .updateTable('jobs')
      .set({ status: 'running', attempts: 1, locked_by: 'dead', locked_until: nowIso(new Date(Date.now() + 60_000)) })
      .where('dedupe_key', '=', `o-${engine}`)
      .execute();
    expect(await runner.drain()).toBe(0);
    await h.db
      .updateTable('jobs')
      .set({ locked_until: nowIso(new Date(Date.now() - 1)) })
      .where('dedupe_key', '=', `o-${engine}`)
      .execute();
    await runner.drain();
    expect(seen).toEqual(['orphan#2']);
  });

  it('cancels waiting jobs and purges old finished ones', async () => {
    await enqueueJob(h.db, 'test.echo', { v: 'x' }, { dedupeKey: `c-${engine}`, runAt: nowIso(new Date(Date.now() + 60_000)) });
    await cancelJobs(h.db, [`c-${engine}`]);
    expect((await job(`c-${engine}`)).status).toBe('cancelled');
    await h.db.updateTable('jobs').set({ updated_at: '2020-01-01T00:00:00.000Z' }).where('dedupe_key', '=', `c-${engine}`).execute();
    expect(await purgeFinishedJobs(h.db)).toBeGreaterThanOrEqual(1);
    expect(await h.db.selectFrom('jobs').select('id').where('dedupe_key', '=', `c-${engine}`).execute()).toHaveLength(0);
    expect(await h.db.selectFrom('jobs').select('id').where('status', '=', 'failed').execute()).not.toHaveLength(0);
  });
});
