import type { Command } from 'commander';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Start the server (same as npm start, without building the web app)')
    .action(async () => {
      await import('../../main.js');
    });
}
