/**
 * Adds the SCORM launch page (/lms/) to a build made for a SCORM package, and only then:
 * `npm run export:scorm` (src/node/export-scorm.ts) sets CROSSWALK_SCORM_PATH and
 * CROSSWALK_SCORM_VERSION. An ordinary build of the site has no such page.
 */
import type { AstroIntegration } from 'astro';

export function scormLaunch(): AstroIntegration {
  return {
    name: 'crosswalk:scorm-launch',
    hooks: {
      'astro:config:setup': ({ injectRoute }) => {
        if (!process.env.CROSSWALK_SCORM_PATH) return;
        injectRoute({ pattern: '/lms', entrypoint: new URL('../lms/Launch.astro', import.meta.url), prerender: true });
      },
    },
  };
}
