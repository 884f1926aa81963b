/**
 * Adds the xAPI reporter's script (src/components/xapi-boot.ts) to every page, and only when
 * the course's content/site.yaml has an `xapi:` block: otherwise the build holds no xAPI code at
 * all (and so no statement vocabulary addresses, which the security test would rightly flag).
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';

export function xapiReporter(configured: boolean): AstroIntegration {
  return {
    name: 'crosswalk:xapi-reporter',
    hooks: {
      'astro:config:setup': ({ injectScript }) => {
        if (!configured) return;
        injectScript('page', `import ${JSON.stringify(fileURLToPath(new URL('../components/xapi-boot.ts', import.meta.url)))};`);
      },
    },
  };
}
