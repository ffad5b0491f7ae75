import type { Command } from 'commander';
import { loadConfig } from '../../platform/config.js';
import { openDatabase } from '../../platform/db/database.js';
import { verifyAuditChain } from '../../features/audit/audit.service.js';

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('The tamper-evident audit trail');
  audit
    .command('verify')
    .description('Check every link of the hash chain; report the first broken one (exit 1 if broken)')
    .action(async () => {
      const handle = openDatabase(loadConfig().databaseUrl);
      try {
        const res = await verifyAuditChain(handle.db);
        if (res.ok) console.log(`Audit trail intact: ${res.checked} event(s) verified.`);
        else {
          console.log(
            `Audit trail BROKEN at event #${res.firstBroken?.seq} (${res.firstBroken?.id}): ${res.firstBroken?.problem}. ${res.checked} event(s) before it are intact.`,
          );
          process.exitCode = 1;
        }
      } finally {
        await handle.close();
      }
    });
}
