/**
 * Search over the real course: the index covers every section, and the queries people type at
 * the desk, misspellings included, find the right section in the top three.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { fileURLToPath } from 'node:url';
import { buildCourse, type Course } from '../../src/lib/course/course';
import { readCourseFiles } from '../../src/node/read-course';
import { Searcher, expandDocs, type SearchIndexFile } from '../../src/lib/site/search';
import { courseSearchIndex } from '../../src/lib/site/search-sources';
import { readSearchSynonyms } from '../../src/node/read-search-synonyms';
import { DESK_QUESTIONS, LATER_DESK_QUESTIONS } from '../fixtures/desk-questions';
import { deskQuestionShare, DESK_QUESTION_FLOOR } from '../support/desk-question-share';
import { lessonHref } from '../../src/lib/site/urls';
import { SEARCH_FIXTURE as FIXTURE } from '../support/search-fixture';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let course: Course;
let index: SearchIndexFile;
let searcher: Searcher;

beforeAll(async () => {
  course = buildCourse(await readCourseFiles(ROOT));
  // Through JSON, as the browser gets it.
  index = JSON.parse(JSON.stringify(courseSearchIndex(course, await readSearchSynonyms(ROOT))));
  searcher = new Searcher(index);
});

test('every lesson section, lesson, module, glossary term, reference and resource has a document', () => {
  const hrefs = new Set(expandDocs(index.docs).map((d) => d.h));
  for (const module of course.modules) {
    expect(hrefs).toContain(`modules/${module.id}/`);
    for (const lesson of module.lessons) {
      expect(hrefs).toContain(lessonHref(lesson.id));
      for (const section of lesson.sections) expect(hrefs, `${lesson.file} #${section.slug}`).toContain(lessonHref(lesson.id, section.slug));
    }
  }
  for (const term of course.glossary) expect(hrefs).toContain(`glossary/#${term.id}`);
  for (const key of course.references.keys()) expect(hrefs).toContain(`references/#ref-${key}`);
  for (const resource of course.resources) expect(hrefs).toContain(`resources/#${resource.id}`);
});


describe('fixture queries find the right section in the top three', () => {
  test.each(FIXTURE)('%s', (query, expected) => {
    const top = searcher.search(query, 3).map((hit) => hit.doc.h);
    expect(top.some((href) => expected.some((prefix) => href.startsWith(prefix))), `top 3 for "${query}": ${top.join(' | ')}`).toBe(true);
  });
});

test('words nobody wrote find nothing rather than noise', () => {
  expect(searcher.search('xylophonequartz')).toEqual([]);
  expect(searcher.search('   ')).toEqual([]);
});

test('the compact vocabulary rebuilds exactly the index fuse.js makes of it', async () => {
  const { default: Fuse } = await import('fuse.js');
  const { vocabularyIndex } = await import('../../src/lib/site/search');
  expect(vocabularyIndex(index.vocab)).toEqual(Fuse.createIndex([], index.vocab).toJSON());
});

test('every place a desk question names is in the index (a renamed section must not pass as a miss)', () => {
  const hrefs = expandDocs(index.docs).map((d) => d.h);
  for (const [question, places] of DESK_QUESTIONS) for (const place of places) expect(hrefs.some((h) => h.startsWith(place)), `${question}: ${place}`).toBe(true);
});

test(`desk questions in staff's own words find an answering place in the top three (at least ${DESK_QUESTION_FLOOR * 100}%)`, () => {
  expect(DESK_QUESTIONS.length).toBeGreaterThanOrEqual(60);
  const { share, misses } = deskQuestionShare(searcher);
  expect(share, `missed:\n${misses.join('\n')}`).toBeGreaterThanOrEqual(DESK_QUESTION_FLOOR);
});

test('plain-language questions reach the situations the issue names', () => {
  const top3 = (q: string) => searcher.search(q, 3).map((hit) => hit.doc.h);
  expect(top3('what to do if someone is suicidal').some((h) => h.startsWith('modules/duty-08-crises/'))).toBe(true);
  expect(searcher.search('suicidal', 10).length).toBeGreaterThan(3);
  expect(top3('de-escalation').some((h) => h.startsWith('modules/duty-08-crises/') || h.startsWith('modules/practice-04-patron-in-distress/'))).toBe(true);
  expect(top3('bill of rights article 5')[0]).toMatch(/^modules\/rights-library-bill-of-rights\/access-for-everyone\/#article-v-/);
  expect(top3('article v')[0]).toMatch(/#article-v-/);
});

test('every place a later desk question names is in the index', () => {
  const hrefs = expandDocs(index.docs).map((d) => d.h);
  for (const [question, places] of LATER_DESK_QUESTIONS) for (const place of places) expect(hrefs.some((h) => h.startsWith(place)), `${question}: ${place}`).toBe(true);
});
