import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// `npm run lighthouse`: scores, printed; like the bench, it asserts nothing.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['tests/bench/lighthouse.run.ts'],
    environment: 'node',
    testTimeout: 900_000,
    silent: false,
  },
});
