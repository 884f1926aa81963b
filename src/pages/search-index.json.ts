/**
 * /search-index.json: the search index, built with the site and fetched only when a learner
 * opens search. Links in it are relative to the site's base, so the same file works in a folder.
 * The synonyms file is read here, so a malformed one fails the build with its name.
 */
import type { APIRoute } from 'astro';
import { getCourse } from '../data/course';
import { courseSearchIndex } from '../lib/site/search-sources';
import { readSearchSynonyms } from '../node/read-search-synonyms';

export const GET: APIRoute = async () => {
  const course = await getCourse();
  const synonyms = await readSearchSynonyms(process.env.CROSSWALK_COURSE_DIR ?? '.');
  return new Response(JSON.stringify(courseSearchIndex(course, synonyms)), { headers: { 'content-type': 'application/json' } });
};
