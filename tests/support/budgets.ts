/**
 * Issue 9's budgets, in one place: the CI tests that hold them (tests/content/budgets.test.ts,
 * tests/e2e/budgets.test.ts) and `npm run bench`, which reports against them, read them here.
 * Bytes are gzipped (zlib level 6) as Chromium requests them; characters are UTF-16 code units.
 */

/** A lesson page with no interactive part, at load: HTML, CSS and JS together. */
export const MAX_PLAIN_LESSON_GZIP_AT_LOAD = 12_000;

/** A module check page once its questions have come to life (everything it loads, scrolled through). */
export const CHECK_PAGE_BUDGET = 80_000;

/** Everything one learner can keep in localStorage: every module passed, every question answered, full review deck. */
export const MAX_LEARNER_STATE_CHARACTERS = 64_000;

/** The search index of the real course. */
export const MAX_SEARCH_INDEX_GZIP_BYTES = 40_000;
