/**
 * Makes the built course work offline: after Astro has written every page, generates the
 * service worker that precaches them all (src/node/service-worker.ts). Only for `astro build`;
 * `astro dev` has no service worker, so a developer never sees stale pages.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { writeServiceWorker } from '../node/service-worker';

export function offline(): AstroIntegration {
  return {
    name: 'crosswalk:offline',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { count, size } = await writeServiceWorker(fileURLToPath(dir));
        logger.info(`service worker written: ${count} files precached (${(size / 1024 / 1024).toFixed(1)} MB)`);
      },
    },
  };
}
