/**
 * Adds the xAPI reporter's script (src/components/xapi-boot.ts) to every page, and its settings
 * file (/xapi-config.json, src/lms/xapi-config.json.ts), and only when
 * the course's content/site.yaml has an `xapi:` block: otherwise the build holds no xAPI code at
 * all (and so no statement vocabulary addresses, which the security test would rightly flag).
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';

export function xapiReporter(configured: boolean): AstroIntegration {
  return {
    name: 'crosswalk:xapi-reporter',
    hooks: {
      'astro:config:setup': ({ injectScript, injectRoute }) => {
        if (!configured) return;
        // The reporter's settings, titles and answer keys: one file, not inlined in every page.
        injectRoute({ pattern: '/xapi-config.json', entrypoint: new URL('../lms/xapi-config.json.ts', import.meta.url), prerender: true });
        injectScript('page', `import ${JSON.stringify(fileURLToPath(new URL('../components/xapi-boot.ts', import.meta.url)))};`);
      },
    },
  };
}
