import { afterAll, beforeAll, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeEachEngine } from '../../../test/db.js';
import { build, createTestApp, signIn, type TestContext } from '../../../test/app.js';
import { sandbox } from '../../connectors/sandbox/index.js';
import { openDatabase, type DbHandle } from '../../platform/db/database.js';
import { appoint, makeAccount } from './publishing.test-kit.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/**
 * The kill test: the real server (node + tsx, as in production) publishes a scheduled post; the
 * sandbox applies the post and then stalls before answering; we SIGKILL the server in that window,
 * restart it, and the post must end up published exactly once — not twice, not lost.
 */
describeEachEngine('publishing survives SIGKILL mid-publish', (engine) => {
  let ctx: TestContext;
  let url: string;
  let child: ChildProcess | null = null;
  let reader: DbHandle;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'courtdesk-kill-'));

  beforeAll(async () => {
    ctx = await createTestApp(engine);
    url = ctx.config.databaseUrl;
  });
  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await reader?.close();
    await ctx.close();
  });

  function startServer(): ChildProcess {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: url,
        DATA_DIR: dataDir,
        DEMO_SEED: 'off',
        COURTDESK_MODE: 'demo',
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        COURTDESK_JOB_LEASE_MS: '1500',
        COURTDESK_JOB_POLL_MS: '200',
        SECRET_KEY: 'kill-test-secret-key-that-is-long-enough',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    proc.stderr?.on('data', (d: Buffer) => process.env.DEBUG_KILL && process.stderr.write(d));
    return proc;
  }

  async function waitFor<T>(what: string, fn: () => Promise<T | null | undefined | false>, ms = 30_000): Promise<T> {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      const v = await fn();
      if (v) return v;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  it('publishes once after a kill between the platform call and recording it', { timeout: 90_000 }, async () => {
    const president = await build.user(ctx, { position: 'president' });
    const pio = await build.user(ctx, { position: 'pio' });
    const acc = await makeAccount(ctx.database.db);
    await appoint(ctx.database.db, { issuer: president.id, people: [[pio.id, 'responsible_officer']], accounts: [acc.id] });
    // The platform writes, then stalls 20 s before answering: the window in which we kill.
    await sandbox.injectFault(ctx.database.db, acc.externalId, { kind: 'delay_after_write', delayMs: 20_000, op: 'publish' });
    const c = await signIn(ctx, pio);
    const created = await c.post('/api/posts', {
      institutionId: 'inst-bc-prishtine',
      variants: [
        { lang: 'sq', text: 'Njoftim: seanca shtyhet.' },
        { lang: 'sr', text: 'Obaveštenje: ročište je odloženo.' },
        { lang: 'tr', text: 'Duyuru: duruşma ertelendi.' },
      ],
      accountIds: [acc.id],
      mediaIds: [],
    });
    const id = created.json().id as string;
    expect((await c.post(`/api/posts/${id}/approve`)).statusCode).toBe(200);
    expect((await c.post(`/api/posts/${id}/schedule`, { scheduledAt: new Date(Date.now() + 1500).toISOString() })).statusCode).toBe(200);
    await ctx.app.close(); // only the child server runs the jobs from here on
    reader = openDatabase(url, { poolSize: 2 });
    const db = reader.db;
    const target = () => db.selectFrom('post_targets').selectAll().where('post_id', '=', id).executeTakeFirstOrThrow();

    child = startServer();
    await waitFor('the platform to hold the post', async () => (await sandbox.listPosts(db, acc.externalId)).length === 1);
    expect((await target()).status).toBe('publishing');
    child.kill('SIGKILL');
    await new Promise((r) => child!.once('exit', r));
    expect((await target()).status).toBe('publishing'); // the result was never recorded

    child = startServer();
    const done = await waitFor('the post to be recorded as published', async () => {
      const t = await target();
      return t.status === 'published' ? t : null;
    });
    child.kill('SIGTERM');
    await new Promise((r) => child!.once('exit', r));

    const onPlatform = await sandbox.listPosts(db, acc.externalId);
    expect(onPlatform).toHaveLength(1);
    expect(done.external_id).toBe(onPlatform[0]!.external_id);
    expect(done.attempts).toBe(2);
    expect((await db.selectFrom('posts').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('published');
    expect(await db.selectFrom('archive_entries').select('id').where('post_id', '=', id).execute()).toHaveLength(1);
  });
});
