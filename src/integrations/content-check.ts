/**
 * Checks the whole course before Astro builds anything, and stops the build with every problem
 * listed (file:line, field, what is wrong, a suggestion) instead of the first one Astro happens
 * to meet. Text still at its placeholder is a warning, not an error: a library can preview the
 * course before it has filled everything in, and the pages flag what is missing.
 *
 * A course kept outside the project (CROSSWALK_COURSE_DIR, as the tests do) may have its own
 * public/ folder for its logo; its files are copied into the build beside the project's.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { cp } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatProblem } from '../lib/course/course';
import { checkContent, formatReport } from '../node/check-content';

export function contentCheck(): AstroIntegration {
  let courseRoot = '';
  let projectRoot = '';
  return {
    name: 'crosswalk:content-check',
    hooks: {
      'astro:config:setup': async ({ config, command, logger }) => {
        projectRoot = fileURLToPath(config.root);
        courseRoot = resolve(projectRoot, process.env.CROSSWALK_COURSE_DIR ?? '.');
        if (command !== 'build') return;
        const report = await checkContent(courseRoot);
        if (report.problems.length > 0) {
          const count = `${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}`;
          throw new Error(`Crosswalk content has ${count}:\n${report.problems.map((p) => `  ${formatProblem(p)}`).join('\n')}\n(npm run check:content lists them without building)`);
        }
        if (report.placeholders.length > 0) logger.warn(formatReport({ ...report, course: undefined }));
        const { modules } = report.course!;
        logger.info(`course checked: ${modules.length} modules, ${modules.reduce((n, m) => n + m.lessons.length, 0)} lessons, ${modules.reduce((n, m) => n + m.check.questions.length, 0)} questions`);
      },
      'astro:build:done': async ({ dir }) => {
        const coursePublic = join(courseRoot, 'public');
        if (resolve(courseRoot) === resolve(projectRoot) || !existsSync(coursePublic)) return;
        // The project's own files win: a course cannot replace the site's scripts or icons.
        await cp(coursePublic, fileURLToPath(dir), { recursive: true, force: false, errorOnExist: false });
      },
    },
  };
}
