/**
 * Checks the whole course before Astro builds anything, and stops the build with
 * every problem listed (file → field: what is wrong, and a suggestion) instead of
 * the first one Astro happens to meet.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { buildCourse } from '../lib/course';
import { readCourseFiles } from '../node/read-course';

export function contentCheck(): AstroIntegration {
  return {
    name: 'crosswalk:content-check',
    hooks: {
      'astro:config:setup': async ({ config, command, logger }) => {
        if (command !== 'build') return;
        const root = resolve(fileURLToPath(config.root), process.env.CROSSWALK_COURSE_DIR ?? '.');
        const course = buildCourse(await readCourseFiles(root));
        logger.info(`course checked: ${course.modules.length} modules, ${course.modules.reduce((n, m) => n + m.lessons.length, 0)} lessons, ${course.modules.reduce((n, m) => n + m.check.questions.length, 0)} questions`);
      },
    },
  };
}
