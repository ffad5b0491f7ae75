import type { Command } from 'commander';
import { Position } from '@courtdesk/contracts';
import { loadConfig } from '../../platform/config.js';
import { openDatabase } from '../../platform/db/database.js';
import { migrateToLatest } from '../../platform/db/migrate.js';
import { seedInstitutions } from '../../features/institutions/institutions.seed.js';
import { insertPerson } from '../../features/people/people.service.js';
import { generateTemporaryPassword } from '../../features/auth/password.js';
import { appendAudit } from '../../features/audit/audit.service.js';

export function registerUser(program: Command): void {
  const user = program.command('user').description('Manage people who sign in');
  user
    .command('create')
    .description('Create a person (e.g. the first system administrator); prints a one-time password')
    .requiredOption('--email <email>', 'e-mail address used to sign in')
    .requiredOption('--name <name>', 'full name')
    .option('--position <position>', `one of: ${Position.options.join(', ')}`, 'sysadmin')
    .option('--institution <code>', 'institution code (e.g. kjc, supreme, bc-prishtine)', 'kjc')
    .option('--password <password>', 'initial password (default: a random one, to change at first sign-in)')
    .action(async (opts: { email: string; name: string; position: string; institution: string; password?: string }) => {
      const position = Position.safeParse(opts.position);
      if (!position.success) {
        console.error(`Unknown position "${opts.position}". Use one of: ${Position.options.join(', ')}`);
        process.exitCode = 2;
        return;
      }
      if (opts.password !== undefined && opts.password.length < 12) {
        console.error('The password must have at least 12 characters.');
        process.exitCode = 2;
        return;
      }
      const handle = openDatabase(loadConfig().databaseUrl);
      try {
        await migrateToLatest(handle.db);
        await handle.db.transaction().execute((trx) => seedInstitutions(trx));
        const inst = await handle.db.selectFrom('institutions').select('id').where('code', '=', opts.institution).executeTakeFirst();
        if (!inst) {
          console.error(`Unknown institution code "${opts.institution}".`);
          process.exitCode = 2;
          return;
        }
        const password = opts.password ?? generateTemporaryPassword();
        const row = await handle.db.transaction().execute(async (trx) => {
          const created = await insertPerson(trx, {
            email: opts.email,
            name: opts.name,
            position: position.data,
            institutionId: inst.id,
            password,
            mustChangePassword: !opts.password,
          });
          await appendAudit(trx, {
            type: 'person.created',
            actorId: null,
            institutionId: inst.id,
            subjectType: 'user',
            subjectId: created.id,
            data: { via: 'cli', email: created.email, position: created.position },
          });
          return created;
        });
        console.log(`Created ${row.name} <${row.email}> as ${row.position} at ${opts.institution}.`);
        if (!opts.password) console.log(`One-time password (shown once): ${password}`);
        console.log('Two-factor authentication is set up at first sign-in.');
      } catch (err) {
        console.error(err instanceof Error ? err.message : String(err));
        process.exitCode = 1;
      } finally {
        await handle.close();
      }
    });
}
