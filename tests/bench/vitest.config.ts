import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// `npm run bench`: prints figures (sizes, latencies) for the budgets in the issues. It asserts
// nothing about speed: timings belong to a machine, not to a test that can fail on a busy one.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['tests/bench/**/*.bench-run.ts'],
    environment: 'node',
    testTimeout: 300_000,
    silent: false,
  },
});
