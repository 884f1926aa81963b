/**
 * /module-facts.json: every module's facts (lessons, content hash) that progress is counted
 * against, for the home page's "Assigned to you". A file of its own, fetched only by a learner
 * who has accepted an assignment: in the home page's HTML it cost every visitor ~3.5 KB gzipped
 * (issue 20).
 */
import type { APIRoute } from 'astro';
import { getCourse } from '../data/course';
import { moduleFacts } from '../lib/site/manifest';

export const GET: APIRoute = async () => {
  const course = await getCourse();
  return new Response(JSON.stringify(course.modules.map(moduleFacts)), { headers: { 'content-type': 'application/json' } });
};
