import { inject, describe } from 'vitest';
import pg from 'pg';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type DbHandle, type Engine } from '../src/platform/db/database.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { seedInstitutions } from '../src/features/institutions/institutions.seed.js';

/** The engines every data-layer test runs on. PostgreSQL is skipped only when TEST_DATABASE_URL=none. */
export function engines(): Engine[] {
  return inject('pgUrl') ? ['sqlite', 'postgres'] : ['sqlite'];
}

/**
 * A fresh, migrated database with the institutions seeded: a temp SQLite file, or a new
 * PostgreSQL database on the run's server. Call `close()` in afterAll.
 */
export async function createTestDatabase(engine: Engine): Promise<DbHandle & { url: string }> {
  let url: string;
  if (engine === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courtdesk-sqlite-'));
    url = `sqlite:${path.join(dir, 'test.sqlite')}`;
  } else {
    const server = inject('pgUrl');
    if (!server) throw new Error('No PostgreSQL server for this run.');
    const name = `t_${crypto.randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    url = server.replace(/\/[^/]*$/, `/${name}`);
  }
  const handle = openDatabase(url, { poolSize: 5 });
  await migrateToLatest(handle.db);
  await handle.db.transaction().execute((trx) => seedInstitutions(trx));
  return { ...handle, url };
}

/** `describe` once per engine: `describeEachEngine('decisions', (engine) => { … })`. */
export function describeEachEngine(name: string, body: (engine: Engine) => void): void {
  for (const engine of engines()) describe(`${name} [${engine}]`, () => body(engine));
}
