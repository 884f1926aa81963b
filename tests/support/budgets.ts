/**
 * Issue 9's budgets, in one place: the CI tests that hold them (tests/content/budgets.test.ts,
 * tests/e2e/budgets.test.ts) and `npm run bench`, which reports against them, read them here.
 * Bytes are gzipped (zlib level 6) as Chromium requests them; characters are UTF-16 code units.
 */

/**
 * A lesson page with no interactive part, at load: HTML, CSS and JS together: 12 KB, as issue 20
 * asks. The longest (practice-02 "After the conversation") weighs about 11.9 KB since the search
 * styles load with the search dialog instead of with every page.
 */
export const MAX_PLAIN_LESSON_GZIP_AT_LOAD = 12_000;

/**
 * A lesson with an inline check, at load (issue 20 asks 12 KB, as for plain lessons; not met by
 * all yet). The check's code, and now its styles, load only when the question is used or comes
 * near, and the lesson styles are one file with the frame's: about half of these lessons are at
 * 12 KB or under (median about 11.9 KB). What is left over is prose: the longest lessons
 * (practice-07 "Before the conversation", about 14.3 KB; practice-06 "Before the conversation")
 * are long to read as well as to load, and splitting them is content work. The heaviest as measured
 * is practice-06 "Before the conversation" (about 14.9 KB): its check is near the top, so its
 * styles load with the page. Held just above, so the check's code cannot come back to load time
 * unnoticed.
 */
export const MAX_CHECK_LESSON_GZIP_AT_LOAD = 15_000;

/**
 * The home page at load, for a first visit (nothing stored): issue 20 asks 25 KB, from 47.6 KB,
 * most of it the code of parts that show stored state (badges, Continue, review due, open
 * assignments), which now loads only when something is stored.
 */
export const MAX_HOME_GZIP_AT_LOAD = 25_000;

/** A module check page once its questions have come to life (everything it loads, scrolled through). */
export const CHECK_PAGE_BUDGET = 80_000;

/**
 * The largest learner state (every module passed, every question answered, full review deck):
 * no one stored value over 64,000 characters (the size of a SCORM 2004 suspend_data, so any one
 * of them could travel in such a slot; the SCORM packer has its own, tighter encoding and test),
 * and all of them together within 100,000 characters, 2% of the smallest browser quota (5 MB).
 * Issue 9 set one 64,000 total when the course had 213 questions; the check banks of issue 16
 * brought it to 477 (bank and practice), and the total with it to about 73,000.
 */
export const MAX_LEARNER_STATE_CHARACTERS_PER_KEY = 64_000;
export const MAX_LEARNER_STATE_CHARACTERS = 100_000;

/** The search index of the real course. */
export const MAX_SEARCH_INDEX_GZIP_BYTES = 40_000;
