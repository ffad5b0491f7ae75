import type { Position } from '@courtdesk/contracts';
import type { LightMyRequestResponse } from 'fastify';
import crypto from 'node:crypto';
import { loadConfig, type Config } from '../src/platform/config.js';
import type { DbHandle, Engine } from '../src/platform/db/database.js';
import { buildApp } from '../src/platform/http/app.js';
import type { App } from '../src/platform/http/types.js';
import { SecretBox } from '../src/platform/crypto.js';
import { insertPerson } from '../src/features/people/people.service.js';
import type { UsersTable } from '../src/features/people/people.tables.js';
import { currentTotp } from '../src/features/auth/totp.js';
import { createTestDatabase } from './db.js';

export const TEST_PASSWORD = 'correct horse battery staple';
const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

export interface TestContext {
  app: App;
  database: DbHandle;
  config: Config;
  engine: Engine;
  close(): Promise<void>;
}

/** A full app on a fresh database of the given engine, with logs silenced and no web app. */
export async function createTestApp(engine: Engine, overrides: Partial<Config> = {}): Promise<TestContext> {
  const database = await createTestDatabase(engine);
  const config = loadConfig(
    { DATA_DIR: '/tmp/courtdesk-test', SECRET_KEY: 'test-secret-key-that-is-long-enough-123', LOG_LEVEL: 'silent' },
    { demoSeed: false, databaseUrl: database.url, ...overrides },
  );
  const app = await buildApp({ config, database, logger: false, serveWeb: false });
  await app.ready();
  return {
    app,
    database,
    config,
    engine,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

let counter = 0;
/** Builders: each test makes its own people so tests never depend on each other. */
export const build = {
  async user(
    ctx: TestContext,
    opts: { position?: Position; institution?: string; totp?: boolean; name?: string } = {},
  ): Promise<UsersTable> {
    const n = ++counter;
    const box = new SecretBox(ctx.config.secretKey, 'totp-secret');
    const user = await insertPerson(ctx.database.db, {
      institutionId: `inst-${opts.institution ?? 'bc-prishtine'}`,
      name: opts.name ?? `Test Person ${n}`,
      email: `person${n}-${crypto.randomBytes(3).toString('hex')}@test.example`,
      position: opts.position ?? 'pio',
      password: TEST_PASSWORD,
    });
    if (opts.totp !== false) {
      await ctx.database.db
        .updateTable('users')
        .set({ totp_enabled: 1, totp_secret: box.seal(TOTP_SECRET) })
        .where('id', '=', user.id)
        .execute();
      return { ...user, totp_enabled: 1 };
    }
    return user;
  },
};

/** An HTTP client bound to one session: carries the cookie and the CSRF header like the web app does. */
export class Client {
  cookie: string | null = null;
  csrf: string | null = null;
  constructor(readonly app: App) {}

  async request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({
      method,
      url,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: body as object } : {}),
    });
    const set = res.cookies.find((c) => c.name === 'courtdesk_session');
    if (set) this.cookie = set.value ? `courtdesk_session=${set.value}` : null;
    const json = safeJson(res.body) as { csrfToken?: string } | null;
    if (json && typeof json.csrfToken === 'string') this.csrf = json.csrfToken;
    return res;
  }
  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, body?: unknown) {
    return this.request('POST', url, body ?? {});
  }
  put(url: string, body?: unknown) {
    return this.request('PUT', url, body ?? {});
  }
  patch(url: string, body?: unknown) {
    return this.request('PATCH', url, body ?? {});
  }
  delete(url: string) {
    return this.request('DELETE', url);
  }
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}

/** Signs a person in through the real endpoints (password, then TOTP) and returns their client. */
export async function signIn(ctx: TestContext, user: UsersTable): Promise<Client> {
  const c = new Client(ctx.app);
  const res = await c.post('/api/auth/login', { email: user.email, password: TEST_PASSWORD });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
  if (res.json().stage === 'totp') {
    // Step forward one period per sign-in so replay protection never refuses the test's code.
    const step = await nextTotpTime(ctx, user.id);
    const r2 = await c.post('/api/auth/totp', { code: currentTotp(TOTP_SECRET, step) });
    if (r2.statusCode !== 200) throw new Error(`totp failed: ${r2.body}`);
  }
  return c;
}

async function nextTotpTime(ctx: TestContext, userId: string): Promise<number> {
  const row = await ctx.database.db.selectFrom('users').select('totp_last_step').where('id', '=', userId).executeTakeFirstOrThrow();
  const nowStep = Math.floor(Date.now() / 30_000);
  const step = row.totp_last_step !== null && row.totp_last_step >= nowStep ? row.totp_last_step + 1 : nowStep;
  // A code for a step within the ±1 window is accepted; beyond that the test would be racing the clock.
  return Math.min(step, nowStep + 1) * 30_000 + 1000;
}

export { TOTP_SECRET };
