/**
 * /question-ids.json: every check and practice question id in the course, the set the home
 * page's "Due for review" counts within (cards for questions the course no longer has are
 * skipped). A file of its own, fetched only by a learner who has answered something or has a
 * review deck: in the home page's HTML it cost every visitor ~6 KB gzipped (issue 20).
 */
import type { APIRoute } from 'astro';
import { getCourse } from '../data/course';
import { everyQuestion } from '../lib/course/course';

export const GET: APIRoute = async () => {
  const course = await getCourse();
  const ids = course.modules.flatMap((m) => everyQuestion(m).map((q) => q.id));
  return new Response(JSON.stringify(ids), { headers: { 'content-type': 'application/json' } });
};
