import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: {
    // Exact matches: a plain '@ctxlens/core' key would also catch '@ctxlens/core/live' as a prefix.
    alias: [
      { find: /^@ctxlens\/core$/, replacement: fileURLToPath(new URL('./packages/core/src/index.ts', import.meta.url)) },
      { find: /^@ctxlens\/core\/live$/, replacement: fileURLToPath(new URL('./packages/core/src/live/index.ts', import.meta.url)) },
      { find: /^@ctxlens\/core\/internal$/, replacement: fileURLToPath(new URL('./packages/core/src/internal.ts', import.meta.url)) },
      { find: /^@ctxlens\/test-fixtures$/, replacement: fileURLToPath(new URL('./test-fixtures/src/index.ts', import.meta.url)) },
    ],
  },
  test: {
    include: ['packages/*/src/**/*.test.{ts,tsx}', 'packages/*/test/**/*.test.{ts,tsx}', 'test-fixtures/src/**/*.test.ts', 'bench/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
  },
});
