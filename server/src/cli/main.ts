import { Command } from 'commander';
import { registerUser } from './commands/user.js';
import { registerAudit } from './commands/audit.js';
import { registerDb } from './commands/db.js';
import { registerServe } from './commands/serve.js';
import { registerCheck } from './commands/check.js';
import { registerModerate } from './commands/moderate.js';
import { registerSecrets } from './commands/secrets.js';

/** `courtdesk --help` lists every command. Each command lives in ./commands and registers itself here. */
const program = new Command()
  .name('courtdesk')
  .description('Courtdesk — governance of a judiciary’s official social media accounts')
  .showHelpAfterError();

registerServe(program);
registerDb(program);
registerUser(program);
registerAudit(program);
registerCheck(program);
registerModerate(program);
registerSecrets(program);

await program.parseAsync(process.argv);
