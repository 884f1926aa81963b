/**
 * /review-questions/<module-id>.json: one module's check and practice questions with their options and
 * feedback, keyed by question id, with the module's title. Fetched only by the review page, and
 * only for the modules that have a question due, so a session costs what it shows rather than
 * the whole course's question bank (over a megabyte for the real course).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCourse } from '../../data/course';
import { everyQuestion } from '../../lib/course/course';
import { url } from '../../data/url';
import { viewQuestion, type ReviewQuestion } from '../../lib/site/check-view';

export const getStaticPaths = (async () => {
  const course = await getCourse();
  return course.modules.map((module) => ({ params: { module: module.id }, props: { moduleId: module.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const course = await getCourse();
  const module = course.modules.find((m) => m.id === props.moduleId)!;
  const questions: Record<string, ReviewQuestion> = {};
  for (const question of everyQuestion(module)) questions[question.id] = { ...viewQuestion(course, question, url), moduleTitle: module.title };
  return new Response(JSON.stringify(questions), { headers: { 'content-type': 'application/json' } });
};
