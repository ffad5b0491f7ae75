import { loadConfig, ConfigError } from './platform/config.js';
import { startServer, StartupError } from './platform/boot.js';

try {
  const config = loadConfig();
  const { stop } = await startServer(config);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
} catch (err) {
  if (err instanceof ConfigError || err instanceof StartupError) {
    process.stderr.write(`Courtdesk cannot start: ${err.message}\n`);
    process.exit(2);
  }
  throw err;
}
