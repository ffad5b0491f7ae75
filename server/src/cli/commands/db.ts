import type { Command } from 'commander';
import { loadConfig } from '../../platform/config.js';
import { openDatabase } from '../../platform/db/database.js';
import { migrateToLatest } from '../../platform/db/migrate.js';
import { seedInstitutions } from '../../features/institutions/institutions.seed.js';

export function registerDb(program: Command): void {
  const db = program.command('db').description('Database maintenance');
  db.command('migrate')
    .description('Apply pending migrations and add missing institutions (DATABASE_URL or ./data)')
    .action(async () => {
      const handle = openDatabase(loadConfig().databaseUrl);
      try {
        const applied = await migrateToLatest(handle.db);
        const added = await handle.db.transaction().execute((trx) => seedInstitutions(trx));
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
        if (added) console.log(`Added ${added} institution(s).`);
      } finally {
        await handle.close();
      }
    });
}
