import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// CI collects a JSON report per suite (see .ci/run) to print one closing count line.
const reportDir = process.env.CROSSWALK_TEST_REPORT_DIR;

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/content/**/*.test.ts'],
    environment: 'node',
    // Property tests run thousands of cases; on a busy machine a few take longer than vitest's
    // default five seconds. A failing property still fails at once.
    testTimeout: 30_000,
    ...(reportDir ? { reporters: ['default', 'json'], outputFile: { json: `${reportDir}/unit.json` } } : {}),
  },
});
