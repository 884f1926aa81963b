import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// CI collects a JSON report per suite (see .ci/run) to print one closing count line.
const reportDir = process.env.CROSSWALK_TEST_REPORT_DIR;

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/content/**/*.test.ts'],
    environment: 'node',
    ...(reportDir ? { reporters: ['default', 'json'], outputFile: { json: `${reportDir}/unit.json` } } : {}),
  },
});
