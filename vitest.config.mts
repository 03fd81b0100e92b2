import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  oxc: { jsx: { runtime: 'automatic' } },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    // The relay's and actions' log lines would bury the test report; tests/unit/log.test.ts has its own.
    env: { PGLITE_DIR: 'memory://', LOG_LEVEL: 'silent' },
    testTimeout: 60_000,
    // PGlite starts and migrates in a few seconds, longer when the machine is busy with browsers.
    hookTimeout: 60_000,
  },
});
