/**
 * Search over the real course: the index covers every section, and the queries people type at
 * the desk, misspellings included, find the right section in the top three.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { fileURLToPath } from 'node:url';
import { buildCourse, type Course } from '../../src/lib/course/course';
import { readCourseFiles } from '../../src/node/read-course';
import { Searcher, buildSearchIndex, type SearchIndexFile } from '../../src/lib/site/search';
import { searchSources } from '../../src/lib/site/search-sources';
import { lessonHref } from '../../src/lib/site/urls';
import { SEARCH_FIXTURE as FIXTURE } from '../support/search-fixture';

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
