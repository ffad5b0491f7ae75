import { z } from 'zod';
import path from 'node:path';
import fs from 'node:fs';
import crypto from 'node:crypto';

const Env = z.object({
  NODE_ENV: z.string().optional(),
  COURTDESK_MODE: z.enum(['demo', 'production']).optional(),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default('./data'),
  SECRET_KEY: z.string().min(32, 'SECRET_KEY must be at least 32 characters').optional(),
  /** Former SECRET_KEYs, comma-separated, still accepted for opening sealed values until `courtdesk secrets rotate` has run. */
  SECRET_KEY_PREVIOUS: z.string().optional(),
  PUBLIC_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Courtdesk <courtdesk@localhost>'),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(720).default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  DEMO_SEED: z.enum(['auto', 'off']).default('auto'),
  /** How often every account's platform roles are compared with the decisions (art. 5.5–5.7); 0 turns it off. */
  DRIFT_CHECK_HOURS: z.coerce
    .number()
    .min(0)
    .max(24 * 30)
    .default(24),
});

export type Mode = 'demo' | 'production';

export interface Config {
  mode: Mode;
  host: string;
  port: number;
  databaseUrl: string;
  dataDir: string;
  secretKey: string;
  /** Former keys still accepted for opening sealed values (key rotation). */
  previousSecretKeys: string[];
  publicUrl: string | null;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  smtpUrl: string | null;
  mailFrom: string;
  sessionTtlHours: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  bodyLimitBytes: number;
  demoSeed: boolean;
  driftCheckHours: number;
  /** True when cookies must carry `Secure` (served over https). */
  secureCookies: boolean;
}

export class ConfigError extends Error {}

/** Reads the configuration from the environment; see the README's configuration table. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  // An empty variable counts as unset (e.g. `DATABASE_URL=` in a shell).
  const parsed = Env.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new ConfigError(`Invalid configuration: ${first?.path.join('.')}: ${first?.message}`);
  }
  const e = parsed.data;
  const mode: Mode = e.COURTDESK_MODE ?? (e.NODE_ENV === 'production' ? 'production' : 'demo');
  const dataDir = path.resolve(e.DATA_DIR);
  const databaseUrl = e.DATABASE_URL ?? `sqlite:${path.join(dataDir, 'courtdesk.sqlite')}`;
  if (mode === 'production' && !e.SECRET_KEY) {
    throw new ConfigError('Production mode refuses to start without SECRET_KEY (32+ random characters).');
  }
  const publicUrl = e.PUBLIC_URL ?? null;
  return {
    mode,
    host: e.HOST,
    port: e.PORT,
    databaseUrl,
    dataDir,
    secretKey: e.SECRET_KEY ?? demoSecret(dataDir),
    previousSecretKeys: (e.SECRET_KEY_PREVIOUS ?? '')
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean),
    publicUrl,
    logLevel: e.LOG_LEVEL,
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockMinutes: e.LOGIN_LOCK_MINUTES,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    demoSeed: mode === 'demo' && e.DEMO_SEED === 'auto',
    driftCheckHours: e.DRIFT_CHECK_HOURS,
    secureCookies: publicUrl?.startsWith('https://') ?? false,
    ...overrides,
  };
}

/** In demo mode a random key is kept in DATA_DIR so that restarts can still read the vault. */
function demoSecret(dataDir: string): string {
  const file = path.join(dataDir, 'demo-secret.key');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    const key = crypto.randomBytes(32).toString('base64url');
    fs.writeFileSync(file, key, { mode: 0o600 });
    return key;
  }
}
