/**
 * /xapi-config.json: what the xAPI reporter needs, in one file every page fetches (and the
 * browser caches) instead of inlining it in each page: the LRS settings from content/site.yaml
 * `xapi:`, activity titles, and each question's correct options (for `answered` statements'
 * correctResponsesPattern). Added to the build by src/integrations/xapi-reporter.ts only when
 * that block exists.
 */
import type { APIRoute } from 'astro';
import { getCourse } from '../data/course';
import { everyQuestion } from '../lib/course/course';
import type { ActivityTitles, XapiConfig } from '../lib/lms/xapi';

export interface XapiConfigFile {
  config: XapiConfig;
  titles: ActivityTitles;
}

export const GET: APIRoute = async () => {
  const course = await getCourse();
  const config = course.site.xapi;
  if (!config) throw new Error('/xapi-config.json is built only when content/site.yaml has an xapi: block');
  const titles: ActivityTitles = {
    modules: Object.fromEntries(course.modules.map((m) => [m.id, m.title])),
    lessons: Object.fromEntries(course.modules.flatMap((m) => m.lessons.map((l) => [l.id, l.title]))),
    questions: Object.fromEntries(course.modules.flatMap((m) => everyQuestion(m).map((q) => [q.id, q.options.filter((o) => o.correct).map((o) => o.id)]))),
  };
  const file: XapiConfigFile = { config, titles };
  return new Response(JSON.stringify(file), { headers: { 'content-type': 'application/json' } });
};
