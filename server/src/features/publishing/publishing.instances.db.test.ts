import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db.js';
import { build, createTestApp, signIn, type TestContext } from '../../../test/app.js';
import type { Connector } from '../../connectors/connector.js';
import { registerConnector } from '../../connectors/index.js';
import { createSandboxConnector, sandbox } from '../../connectors/sandbox/index.js';
import { openDatabase, type DbHandle } from '../../platform/db/database.js';
import { JobRunner } from '../../platform/jobs/jobs.js';
import { appoint, makeAccount } from './publishing.test-kit.js';
import './publishing.jobs.js';

const N = 24;

/** Counts every publish call per idempotency key, so a double publish shows even though the platform dedupes. */
function counting(inner: Connector, calls: Map<string, number>, perInstance: number[], i: number): Connector {
  return {
    ...inner,
    manifest: inner.manifest,
    async publish(account, input) {
      calls.set(input.idempotencyKey, (calls.get(input.idempotencyKey) ?? 0) + 1);
      perInstance[i] = (perInstance[i] ?? 0) + 1;
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20)); // widen the race window
      return inner.publish(account, input);
    },
  };
}

/**
 * Two server instances (separate connection pools, separate workers) on one database publish N posts
 * on two accounts: every (post, account) is published by exactly one call.
 */
describeEachEngine('two instances publishing from one database', (engine) => {
  let ctx: TestContext;
  const handles: DbHandle[] = [];
  const runners: JobRunner[] = [];
  beforeAll(async () => {
    ctx = await createTestApp(engine);
  });
  afterAll(async () => {
    for (const r of runners) await r.stop();
    for (const h of handles) await h.close();
    await ctx.close();
  });

  it(`publishes ${N} posts × 2 accounts once each`, { timeout: 60_000 }, async () => {
    const president = await build.user(ctx, { position: 'president' });
    const pio = await build.user(ctx, { position: 'pio' });
    const accs = [await makeAccount(ctx.database.db), await makeAccount(ctx.database.db)];
    await appoint(ctx.database.db, { issuer: president.id, people: [[pio.id, 'responsible_officer']], accounts: accs.map((a) => a.id) });
    const c = await signIn(ctx, pio);
    const ids: string[] = [];
    for (let i = 0; i < N; i++) {
      const res = await c.post('/api/posts', {
        institutionId: 'inst-bc-prishtine',
        variants: [
          { lang: 'sq', text: `Njoftimi nr. ${i}.` },
          { lang: 'sr', text: `Obaveštenje br. ${i}.` },
          { lang: 'tr', text: `Duyuru ${i}.` },
        ],
        accountIds: accs.map((a) => a.id),
        mediaIds: [],
      });
      const id = res.json().id as string;
      await c.post(`/api/posts/${id}/approve`);
      ids.push(id);
    }
    // Scheduled together, shortly ahead, so slow post creation does not count as latency.
    const at = new Date(Date.now() + 2000).toISOString();
    for (const id of ids) expect((await c.post(`/api/posts/${id}/schedule`, { scheduledAt: at })).statusCode).toBe(200);
    const calls = new Map<string, number>();
    const perInstance: number[] = [0, 0];
    for (let i = 0; i < 2; i++) {
      const h = openDatabase(ctx.config.databaseUrl, { poolSize: 5 });
      handles.push(h);
      registerConnector(counting(createSandboxConnector(h.db), calls, perInstance, i), h.db);
      const r = new JobRunner(
        { db: h.db, config: ctx.config, log: ctx.app.log },
        { pollMs: 50, concurrency: 4, workerId: `instance-${i}` },
      );
      runners.push(r);
      r.start();
    }
    const db = ctx.database.db;
    const end = Date.now() + 45_000;
    for (;;) {
      const left = await db
        .selectFrom('post_targets')
        .select('id')
        .where('post_id', 'in', ids)
        .where('status', '!=', 'published')
        .execute();
      if (left.length === 0) break;
      if (Date.now() > end) throw new Error(`${left.length} targets not published`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const targets = await db.selectFrom('post_targets').selectAll().where('post_id', 'in', ids).execute();
    expect(targets).toHaveLength(N * 2);
    for (const t of targets) {
      expect(calls.get(t.idempotency_key)).toBe(1);
      expect(t.attempts).toBe(1);
    }
    // Both instances took part (otherwise the test would prove nothing about concurrency).
    expect(perInstance.every((n) => n > 0)).toBe(true);
    // Schedule-to-publish latency (docs/publishing.md): every post within 5 s of its time.
    const lat = targets.map((t) => Date.parse(t.published_at!) - Date.parse(at)).sort((a, b) => a - b);
    console.info(
      `[${engine}] schedule→publish latency ms: min ${lat[0]}, median ${lat[Math.floor(lat.length / 2)]}, max ${lat.at(-1)} (instances: ${perInstance.join('/')})`,
    );
    expect(lat.at(-1)!).toBeLessThan(5000);
    for (const a of accs) expect(await sandbox.listPosts(db, a.externalId)).toHaveLength(N);
    const jobs = await db
      .selectFrom('jobs')
      .select(['status', 'locked_by', 'attempts', 'updated_at'])
      .where('name', '=', 'post.publish')
      .where(
        'dedupe_key',
        'in',
        targets.map((t) => `publish:${t.id}`),
      )
      .execute();
    expect(jobs.every((j) => j.status === 'done' && j.attempts === 1)).toBe(true);
    const archived = await db.selectFrom('archive_entries').select('id').where('post_id', 'in', ids).execute();
    expect(archived).toHaveLength(N * 2);
  });
});
