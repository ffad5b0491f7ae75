import type { Config } from './config.js';
import { openDatabase, type DbHandle } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { seedInstitutions } from '../features/institutions/institutions.seed.js';
import { seedDemo } from '../features/demo/demo.seed.js';
import { buildApp } from './http/app.js';
import type { App } from './http/types.js';
import { backgroundStarters } from './background.js';

export class StartupError extends Error {}

/** Opens the database, applies migrations and seeds the judiciary (and, in demo mode, the demo data). */
export async function prepareDatabase(
  config: Config,
): Promise<{ database: DbHandle; demoCredentials: Awaited<ReturnType<typeof seedDemo>> }> {
  const database = openDatabase(config.databaseUrl);
  await migrateToLatest(database.db);
  await database.db.transaction().execute((trx) => seedInstitutions(trx));
  if (config.mode === 'production') {
    const demo = await database.db
      .selectFrom('users')
      .select('email')
      .where('is_demo', '=', 1)
      .where('status', '=', 'active')
      .executeTakeFirst();
    if (demo) {
      await database.close();
      throw new StartupError(`Production mode refuses to start while demo users exist (e.g. ${demo.email}). Use a fresh database.`);
    }
  }
  const demoCredentials = config.demoSeed ? await seedDemo(database.db, config) : null;
  return { database, demoCredentials };
}

/** Starts the server: database, HTTP, background work, and graceful shutdown on SIGINT/SIGTERM. */
export async function startServer(config: Config): Promise<{ app: App; stop: () => Promise<void> }> {
  const { database, demoCredentials } = await prepareDatabase(config);
  const app = await buildApp({ config, database });
  const stops: Array<() => Promise<void>> = [];
  for (const start of backgroundStarters) stops.push(await start(app.ctx));
  await app.listen({ host: config.host, port: config.port });
  if (demoCredentials) printDemoCredentials(demoCredentials, config);
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      app.log.info('shutting down');
      for (const s of stops.reverse()) await s().catch((err: unknown) => app.log.error({ err }, 'background stop failed'));
      await app.close();
      await database.close();
    })());
  return { app, stop };
}

function printDemoCredentials(list: NonNullable<Awaited<ReturnType<typeof seedDemo>>>, config: Config): void {
  const url = `http://${config.host}:${config.port}`;
  const lines = [
    '',
    '  Courtdesk demo data is ready. These sign-in details are shown ONCE:',
    '',
    ...list.map((c) => `    ${c.position.padEnd(26)} ${c.institution.padEnd(14)} ${c.email.padEnd(28)} ${c.password}`),
    '',
    `  Open ${url} — everyone sets up two-factor authentication at first sign-in.`,
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}
