/// <reference types="vitest/config" />
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { serviceWorker } from './src/offline/buildServiceWorker.ts';
import { contentSecurityPolicy } from './src/offline/contentSecurityPolicy.ts';
import { precompressed, servePrecompressed } from './src/offline/precompress.ts';

export default defineConfig({
  // Relative URLs: the build runs from any folder of any static server (a USB stick, a laptop).
  base: './',
  plugins: [
    svelte(),
    serviceWorker(),
    contentSecurityPolicy(),
    precompressed(),
    servePrecompressed(),
  ],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: false },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // Vitest leaves a core for itself (cpus − 1): on a 2-core runner that is one worker,
          // while each file's DuckDB keeps a core busy and the main process waits. All cores
          // take the unit tests from 198 s to 149 s there.
          maxWorkers: availableParallelism(),
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/browser/setup/server.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // A page that loads and scores data answers in seconds on a busy 2-core runner.
          expect: { poll: { timeout: 10_000 } },
          // Two files at a time: a page's DuckDB runs on one thread, so one browser keeps about
          // one core busy; two use both cores of a 2-core runner. Every file opens its own
          // browsers on their own profiles, so files share nothing but the preview server.
          maxWorkers: 2,
        },
      },
    ],
  },
});
