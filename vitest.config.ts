import { defineConfig } from 'vitest/config';

/** Unit and integration tests: the server (on SQLite and PostgreSQL) and the web app (web/vite.config.ts, happy-dom). */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'server',
          root: './server',
          environment: 'node',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          globalSetup: ['./test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      { extends: './web/vite.config.ts', test: { name: 'web', root: './web' } },
    ],
  },
});
