import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// Browser (end-to-end) tests: global-setup.ts builds the site variants and serves them;
// the test files drive Chromium through playwright-core.
const reportDir = process.env.CROSSWALK_TEST_REPORT_DIR;

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    // Page sweeps run their tests concurrently (test.concurrent), up to this many pages at once.
    maxConcurrency: 4,
    // A real browser on a busy CI machine: the lazily loaded page code (page-boot.ts) can take
    // more than vitest's default second to arrive after the first click. A poll that succeeds
    // still returns as soon as it does.
    expect: { poll: { timeout: 10_000 } },
    // CI (.ci/run) collects a JSON report per suite from CROSSWALK_TEST_REPORT_DIR.
    ...(reportDir
      ? { reporters: ['default', 'json'], outputFile: { json: `${reportDir}/browser.json` } }
      : {}),
  },
});
