/**
 * /review-questions.json: every check question with its options and feedback, keyed by question
 * id, with its module's title. Fetched only by the review page.
 */
import type { APIRoute } from 'astro';
import { getCourse } from '../data/course';
import { url } from '../data/url';
import { viewQuestion, type ReviewQuestion } from '../lib/check-view';

export const GET: APIRoute = async () => {
  const course = await getCourse();
  const questions: Record<string, ReviewQuestion> = {};
  for (const module of course.modules) {
    for (const question of module.check.questions) questions[question.id] = { ...viewQuestion(course, question, url), moduleTitle: module.title };
  }
  return new Response(JSON.stringify(questions), { headers: { 'content-type': 'application/json' } });
};
