import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { startServer, type RunningServer } from './server.js';

/**
 * One real server (fresh SQLite, demo data) and one Chromium for a test file, started before its tests and
 * stopped after them. Use the getters inside tests: `const env = e2eEnvironment(); … env.server.url`.
 */
export function e2eEnvironment(serverEnv: Record<string, string> = {}): { readonly server: RunningServer; readonly browser: Browser } {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer(serverEnv);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get server() {
      if (!server) throw new Error('The e2e server is not running (use it inside a test).');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('The browser is not running (use it inside a test).');
      return browser;
    },
  };
}
