import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Flows are named after their generator functions: keep names as written.
  esbuild: { keepNames: true },
  resolve: { alias: { 'deep-faker': fileURLToPath(new URL('./src/index.ts', import.meta.url)) } },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Integration suites share real services; run files one at a time so they never race.
    fileParallelism: false,
  },
});
