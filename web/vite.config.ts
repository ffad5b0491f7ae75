/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** Where the Fastify server listens during development (it serves the API and, in production, web/dist). */
const apiTarget = 'http://127.0.0.1:8080';

const proxy = {
  '/api': { target: apiTarget, changeOrigin: false },
  '/public': { target: apiTarget, changeOrigin: false },
  '/healthz': { target: apiTarget, changeOrigin: false },
};

/**
 * React, React DOM and the router change rarely: one chunk of their own, so a deploy of the app does
 * not make browsers download them again. Pages are split by route (`lazyPage` in the route files);
 * the charts library thus only loads with the report page. (A group for it would also pull in the
 * Mantine core it depends on and make that load with the charts.)
 */
const vendorChunks = [{ name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ }];

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: { output: { codeSplitting: { groups: vendorChunks } } },
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true, proxy },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, proxy },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
  },
});
