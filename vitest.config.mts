import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  oxc: { jsx: { runtime: 'automatic' } },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    env: { PGLITE_DIR: 'memory://' },
    testTimeout: 60_000,
    // PGlite starts and migrates in a few seconds, longer when the machine is busy with browsers.
    hookTimeout: 60_000,
  },
});
