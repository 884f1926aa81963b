/**
 * Search over the real course: the index covers every section, and the queries people type at
 * the desk, misspellings included, find the right section in the top three.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { fileURLToPath } from 'node:url';
import { buildCourse, type Course } from '../../src/lib/course';
import { readCourseFiles } from '../../src/node/read-course';
import { Searcher, buildSearchIndex, type SearchIndexFile } from '../../src/lib/search';
import { searchSources } from '../../src/lib/search-sources';
import { lessonHref } from '../../src/lib/urls';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let course: Course;
let index: SearchIndexFile;
let searcher: Searcher;

beforeAll(async () => {
  course = buildCourse(await readCourseFiles(ROOT));
  // Through JSON, as the browser gets it.
  index = JSON.parse(JSON.stringify(buildSearchIndex(searchSources(course))));
  searcher = new Searcher(index);
});

test('every lesson section, lesson, module, glossary term, reference and resource has a document', () => {
  const hrefs = new Set(index.docs.map((d) => d.h));
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

// Query → where a right answer lives (a link prefix). At least one of the top three must match.
const FIXTURE: [string, string[]][] = [
  ['warm hand-off', ['modules/orientation/warm-hand-off-and-limits/', 'modules/duty-06-linking-to-resources/what-makes-a-hand-off-warm/', 'glossary/#warm-hand-off']],
  ['warm handof', ['modules/orientation/warm-hand-off-and-limits/', 'modules/duty-06-linking-to-resources/what-makes-a-hand-off-warm/', 'glossary/#warm-hand-off']],
  ['confidentiallity', ['modules/rights-library-bill-of-rights/privacy-and-confidentiality/', 'glossary/#confidentiality']],
  ['what can I say about a patron', ['modules/rights-library-bill-of-rights/privacy-and-confidentiality/#what-you-may-and-may-not-say-about-a-patron']],
  ['library jargon', ['modules/value-09-shared-power/language-that-shares-power/#catching-your-own-jargon', 'modules/duty-09-respectful-communication/words-that-respect/#clear-words-not-library-jargon', 'glossary/#library-jargon']],
  ['empathy or sympathy', ['modules/value-04-empathetic/feeling-with-not-for/#feeling-with-not-just-for', 'glossary/#empathy']],
  ['active listning', ['modules/value-04-empathetic/listening-at-any-desk/', 'glossary/#active-listening']],
  ['working alone', ['modules/value-01-voluntary/when-you-cannot-serve-someone-well/#working-alone-plan-it-before-the-shift', 'modules/duty-06-linking-to-resources/inside-the-library-and-beyond/#when-you-work-alone', 'modules/duty-08-crises/when-it-is-more/#plan-ahead-especially-if-you-work-alone']],
  ['suicide crisis lifeline', ['resources/', 'modules/duty-08-crises/']],
  ['roaming refrence', ['glossary/#roaming-reference', 'modules/duty-04-personalizing/']],
  ['cold send-off', ['modules/orientation/warm-hand-off-and-limits/#warm-hand-off-not-cold-send-off', 'glossary/#cold-send-off']],
  ['person driven', ['modules/value-12-person-driven/', 'glossary/#person-driven']],
  ['988', ['resources/#lifeline-988', 'modules/duty-08-crises/']],
  ['legal advice', ['modules/duty-11-advocacy/where-advocacy-stops/', 'modules/value-11-transparent/the-limits-of-your-role/']],
  ['someone in danger', ['modules/orientation/warm-hand-off-and-limits/#when-someone-may-be-in-danger', 'modules/duty-08-crises/when-it-is-more/', 'resources/#emergency-911']],
  ['reference interview', ['glossary/#reference-interview', 'modules/value-04-empathetic/listening-at-any-desk/']],
  ['decline to work with someone', ['modules/value-01-voluntary/when-you-cannot-serve-someone-well/']],
];

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
  const { vocabularyIndex } = await import('../../src/lib/search');
  expect(vocabularyIndex(index.vocab)).toEqual(Fuse.createIndex([], index.vocab).toJSON());
});
