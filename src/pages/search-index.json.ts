/**
 * /search-index.json: the search index, built with the site and fetched only when a learner
 * opens search. Links in it are relative to the site's base, so the same file works in a folder.
 */
import type { APIRoute } from 'astro';
import { getCourse } from '../data/course';
import { buildSearchIndex } from '../lib/site/search';
import { searchSources } from '../lib/site/search-sources';

export const GET: APIRoute = async () => {
  const course = await getCourse();
  return new Response(JSON.stringify(buildSearchIndex(searchSources(course))), { headers: { 'content-type': 'application/json' } });
};
