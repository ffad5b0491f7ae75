import type { Command } from 'commander';
import { loadConfig } from '../../platform/config.js';
import { openDatabase } from '../../platform/db/database.js';
import { inspectSealed, RotationRefusedError, rotateSealed, type SealedReport } from '../../platform/key-rotation.js';

function print(report: SealedReport): void {
  for (const c of report.perColumn)
    console.log(`  ${`${c.table}.${c.column}`.padEnd(36)} current ${c.current}  previous ${c.previous}  unreadable ${c.unreadable}`);
}

/** `courtdesk secrets status|rotate`: which key seals what, and re-sealing under a new SECRET_KEY. */
export function registerSecrets(program: Command): void {
  const secrets = program.command('secrets').description('Sealed secrets at rest and rotation of SECRET_KEY (docs/OPERATIONS.md)');
  secrets
    .command('status')
    .description('Count sealed values by the key that opens them (exit 1 if any cannot be opened)')
    .action(async () => {
      const config = loadConfig();
      const handle = openDatabase(config.databaseUrl);
      try {
        const report = await inspectSealed(handle.db, config);
        console.log(
          `Sealed values: ${report.current} under SECRET_KEY, ${report.previous} under SECRET_KEY_PREVIOUS, ${report.unreadable.length} unreadable.`,
        );
        print(report);
        if (report.unreadable.length > 0) process.exitCode = 1;
      } finally {
        await handle.close();
      }
    });
  secrets
    .command('rotate')
    .description('Re-seal every value still sealed with SECRET_KEY_PREVIOUS under SECRET_KEY, in one transaction')
    .action(async () => {
      const config = loadConfig();
      const handle = openDatabase(config.databaseUrl);
      try {
        const { resealed, report } = await rotateSealed(handle.db, config);
        console.log(`Re-sealed ${resealed} value(s) under the current SECRET_KEY. SECRET_KEY_PREVIOUS can now be removed.`);
        print(report);
      } catch (err) {
        if (!(err instanceof RotationRefusedError)) throw err;
        console.error(err.message);
        print(err.report);
        process.exitCode = 1;
      } finally {
        await handle.close();
      }
    });
}
