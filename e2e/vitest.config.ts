import { defineConfig } from 'vitest/config';

/** End-to-end journeys in real Chromium against the real server (SQLite, demo data). */
export default defineConfig({
  test: {
    name: 'e2e',
    root: './e2e',
    include: ['**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
