/**
 * Budgets on what the real course asks of a browser that can be counted exactly (characters
 * and bytes, never times). Page weights, which need Chromium, are in tests/e2e/budgets.test.ts.
 */
import { beforeAll, expect, test } from 'vitest';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildCourse, everyQuestion, type Course } from '../../src/lib/course/course';
import { readCourseFiles } from '../../src/node/read-course';
import { loadStoredProgress } from '../../src/lib/learner/packed-storage';
import { loadStoredDeck } from '../../src/lib/learner/packed-deck';
import { courseSearchIndex } from '../../src/lib/site/search-sources';
import { readSearchSynonyms } from '../../src/node/read-search-synonyms';
import { largestLearnerState } from '../support/largest-learner-state';
import { MAX_LEARNER_STATE_CHARACTERS, MAX_LEARNER_STATE_CHARACTERS_PER_KEY, MAX_SEARCH_INDEX_GZIP_BYTES } from '../support/budgets';


const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let course: Course;
beforeAll(async () => {
  course = buildCourse(await readCourseFiles(ROOT));
});

test(`the largest learner state fits in ${MAX_LEARNER_STATE_CHARACTERS.toLocaleString('en-US')} characters, no stored value over ${MAX_LEARNER_STATE_CHARACTERS_PER_KEY.toLocaleString('en-US')}`, () => {
  const { entries, characters } = largestLearnerState(course);
  // It is a state the stores would accept: the measure is of something real.
  const [progressRaw, deckRaw] = Object.values(entries);
  const progress = loadStoredProgress(JSON.parse(progressRaw!));
  expect(progress.ok).toBe(true);
  if (progress.ok) expect(Object.keys(progress.state.completions)).toHaveLength(course.modules.length);
  const deck = loadStoredDeck(JSON.parse(deckRaw!));
  expect(deck.ok && Object.keys(deck.deck.cards).length).toBe(course.modules.reduce((n, m) => n + everyQuestion(m).length, 0));
  expect(characters).toBeLessThanOrEqual(MAX_LEARNER_STATE_CHARACTERS);
  for (const [key, value] of Object.entries(entries)) expect(key.length + value.length, key).toBeLessThanOrEqual(MAX_LEARNER_STATE_CHARACTERS_PER_KEY);
});

test(`the search index is at most ${MAX_SEARCH_INDEX_GZIP_BYTES.toLocaleString('en-US')} bytes gzipped`, async () => {
  const json = JSON.stringify(courseSearchIndex(course, await readSearchSynonyms(ROOT)));
  expect(gzipSync(json).length).toBeLessThanOrEqual(MAX_SEARCH_INDEX_GZIP_BYTES);
});
