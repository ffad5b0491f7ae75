/**
 * Inbox burst benchmark (issue 6): 10,000 comments on one post arrive at once — ingested (by polling
 * and, separately, by signed webhooks), classified, actioned (hides with evidence copies), nothing
 * lost, nothing twice. Runs on a fresh SQLite file, or on PostgreSQL when BENCH_DATABASE_URL is set.
 *
 *   node --import tsx server/scripts/bench-inbox.ts [--count 10000] [--no-webhooks]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src/platform/db/database.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { seedInstitutions } from '../src/features/institutions/institutions.seed.js';
import { loadConfig } from '../src/platform/config.js';
import { buildApp } from '../src/platform/http/app.js';
import { sandbox } from '../src/connectors/sandbox/index.js';
import { seededRandom, trafficComment } from '../src/connectors/sandbox/sandbox.traffic.js';
import { createInboxDeps } from '../src/features/inbox/inbox.deps.js';
import { drainInbox } from '../src/features/inbox/inbox.jobs.js';
import { pollAccount } from '../src/features/inbox/inbox.poll.js';
import { insertInboxAccount } from '../src/features/inbox/inbox.testing.js';
import { rotateWebhookSecret } from '../src/features/webhooks/webhook.service.js';
import { signBody } from '../src/features/webhooks/webhook.signature.js';
import { newId, nowIso } from '../src/platform/ids.js';

const args = process.argv.slice(2);
const COUNT = Number(args[args.indexOf('--count') + 1] ?? 0) || 10_000;
const WEBHOOKS = !args.includes('--no-webhooks');

function fresh() {
  const url =
    process.env.BENCH_DATABASE_URL ?? `sqlite:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-inbox-')), 'bench.sqlite')}`;
  return { url, handle: openDatabase(url, { poolSize: 10 }) };
}

const ms = (t0: number) => performance.now() - t0;
const rate = (n: number, t: number) => `${Math.round((n / t) * 1000).toLocaleString('en')}/s`;

async function main() {
  const { url, handle } = fresh();
  const db = handle.db;
  await migrateToLatest(db);
  await db.transaction().execute((trx) => seedInstitutions(trx));
  const deps = createInboxDeps(db, { callTimeoutMs: 30_000 });
  console.log(
    `Inbox burst benchmark — ${COUNT.toLocaleString('en')} comments on one post, ${handle.engine} (${url.startsWith('sqlite') ? 'temp file' : 'BENCH_DATABASE_URL'}), Node ${process.version}, ${os.cpus().length} CPU(s)\n`,
  );

  // 1. Polling path: the burst lands on the platform, the poller pages through it.
  const acc = await insertInboxAccount(db, { institution: 'bc-prishtine', handle: 'benchpoll' });
  await sandbox.ensureAccount(db, acc.external_id!, { rateBudget: 1_000_000 });
  const rng = seededRandom(42);
  const post = 'bench-post-1';
  const t0 = performance.now();
  const rows = Array.from({ length: COUNT }, (_, i) => {
    const c = trafficComment(rng, true);
    return {
      external_id: `sbc_bench_${i.toString().padStart(6, '0')}`,
      account_external_id: acc.external_id!,
      post_external_id: post,
      parent_external_id: null,
      author_handle: c.handle,
      author_name: c.name,
      text: c.text,
      hidden: 0,
      from_account: 0,
      created_at: nowIso(new Date(Date.now() - 60_000 + i)),
      deleted_at: null,
    };
  });
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('sandbox_comments')
      .values(rows.slice(i, i + 500))
      .execute();
  console.log(`  platform side: ${COUNT} comments written to the sandbox in ${ms(t0).toFixed(0)} ms (not part of the figures)`);

  const t1 = performance.now();
  const polled = await pollAccount(deps, acc);
  const tPoll = ms(t1);
  const t2 = performance.now();
  await drainInbox(deps, 1000);
  const tAct = ms(t2);
  const report = await verify(db, acc.id, acc.external_id!, COUNT);
  console.log(
    `  poll + ingest + classify: ${tPoll.toFixed(0)} ms (${rate(COUNT, tPoll)}), ${polled.pages} pages, inserted ${polled.inserted}, errors ${polled.errors.length}`,
  );
  console.log(
    `  actions (hide via connector, evidence first, audit): ${report.hidden} hides in ${tAct.toFixed(0)} ms (${rate(report.hidden, tAct)})`,
  );
  console.log(`  end to end: ${(tPoll + tAct).toFixed(0)} ms for ${COUNT} comments (${rate(COUNT, tPoll + tAct)})`);
  console.log(
    `  verdicts: remove ${report.remove}, review ${report.review}, keep ${report.keep}; hidden on platform ${report.platformHidden}; evidence ${report.evidence}; audit ${report.audit}`,
  );
  console.log(
    `  nothing lost: ${report.items === COUNT ? 'yes' : `NO (${report.items}/${COUNT})`}; nothing twice: ${report.distinct === report.items ? 'yes' : 'NO'}; every removal hidden with evidence: ${report.hidden === report.remove && report.evidence === report.remove && report.platformHidden === report.remove ? 'yes' : 'NO'}`,
  );
  const again = await pollAccount(deps, acc);
  console.log(`  second poll of the same burst: inserted ${again.inserted} (must be 0)\n`);

  // 2. Webhook path: the same burst as signed deliveries through the real HTTP route (inject), then processed.
  if (WEBHOOKS) {
    const config = loadConfig(
      { DATA_DIR: os.tmpdir(), SECRET_KEY: 'bench-secret-key-that-is-long-enough-1234', LOG_LEVEL: 'silent' },
      { demoSeed: false, databaseUrl: url },
    );
    const app = await buildApp({ config, database: handle, logger: false, serveWeb: false });
    await app.ready();
    const secret = await rotateWebhookSecret(db, config.secretKey, 'sandbox', null);
    const hook = await insertInboxAccount(db, { institution: 'bc-prishtine', handle: 'benchhook' });
    await sandbox.ensureAccount(db, hook.external_id!, { rateBudget: 1_000_000 });
    const rng2 = seededRandom(7);
    const hookRows = Array.from({ length: COUNT }, (_, i) => {
      const c = trafficComment(rng2, true);
      return {
        external_id: `sbc_hook_${i.toString().padStart(6, '0')}`,
        account_external_id: hook.external_id!,
        post_external_id: post,
        parent_external_id: null,
        author_handle: c.handle,
        author_name: c.name,
        text: c.text,
        hidden: 0,
        from_account: 0,
        created_at: nowIso(),
        deleted_at: null,
      };
    });
    for (let i = 0; i < hookRows.length; i += 500)
      await db
        .insertInto('sandbox_comments')
        .values(hookRows.slice(i, i + 500))
        .execute();
    const bodies = hookRows.map((r) =>
      JSON.stringify({
        id: `evt_${newId()}`,
        type: 'comment.created',
        sentAt: nowIso(),
        accountExternalId: hook.external_id,
        comment: {
          externalId: r.external_id,
          postExternalId: post,
          authorHandle: r.author_handle,
          authorName: r.author_name,
          text: r.text,
          createdAt: r.created_at,
        },
      }),
    );
    const t3 = performance.now();
    let accepted = 0;
    for (let i = 0; i < bodies.length; i += 50) {
      const res = await Promise.all(
        bodies.slice(i, i + 50).map((b) =>
          app.inject({
            method: 'POST',
            url: '/api/webhooks/sandbox',
            payload: b,
            headers: { 'content-type': 'application/json', 'x-courtdesk-signature': signBody(secret, b) },
          }),
        ),
      );
      accepted += res.filter((r) => r.statusCode === 202).length;
    }
    const tRecv = ms(t3);
    // Every delivery again (platform retries): all must be answered 200 duplicate and change nothing.
    const dup = await app.inject({
      method: 'POST',
      url: '/api/webhooks/sandbox',
      payload: bodies[0]!,
      headers: { 'content-type': 'application/json', 'x-courtdesk-signature': signBody(secret, bodies[0]!) },
    });
    const t4 = performance.now();
    await drainInbox(deps, 1000);
    const tProc = ms(t4);
    const r2 = await verify(db, hook.id, hook.external_id!, COUNT);
    console.log(
      `  webhooks received (verify HMAC, validate, store, 2xx): ${accepted} accepted in ${tRecv.toFixed(0)} ms (${rate(accepted, tRecv)}); a retried delivery answered ${dup.statusCode}`,
    );
    console.log(`  webhooks processed (ingest, classify, hide, audit): ${tProc.toFixed(0)} ms (${rate(COUNT, tProc)})`);
    console.log(
      `  nothing lost: ${r2.items === COUNT ? 'yes' : `NO (${r2.items}/${COUNT})`}; every removal hidden with evidence: ${r2.hidden === r2.remove && r2.evidence === r2.remove ? 'yes' : 'NO'}\n`,
    );
    await app.close();
  } else {
    await handle.close();
  }
}

async function verify(db: ReturnType<typeof openDatabase>['db'], accountId: string, ext: string, count: number) {
  const byVerdict = await db
    .selectFrom('inbox_items')
    .select(['verdict', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('account_id', '=', accountId)
    .groupBy(['verdict', 'status'])
    .execute();
  const n = (f: (r: { verdict: string | null; status: string }) => boolean) => byVerdict.filter(f).reduce((a, r) => a + Number(r.n), 0);
  const distinct = await db
    .selectFrom('inbox_items')
    .select((eb) => eb.fn.count<number>('external_id').distinct().as('n'))
    .where('account_id', '=', accountId)
    .executeTakeFirstOrThrow();
  const evidence = await db
    .selectFrom('inbox_evidence')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', accountId)
    .executeTakeFirstOrThrow();
  const platformHidden = await db
    .selectFrom('sandbox_comments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_external_id', '=', ext)
    .where('hidden', '=', 1)
    .executeTakeFirstOrThrow();
  const audit = await db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('type', '=', 'inbox.comment_hidden')
    .executeTakeFirstOrThrow();
  void count;
  return {
    items: n(() => true),
    distinct: Number(distinct.n),
    remove: n((r) => r.verdict === 'remove'),
    review: n((r) => r.verdict === 'review'),
    keep: n((r) => r.verdict === 'keep'),
    hidden: n((r) => r.status === 'hidden'),
    evidence: Number(evidence.n),
    platformHidden: Number(platformHidden.n),
    audit: Number(audit.n),
  };
}

await main();
