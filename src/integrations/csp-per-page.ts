/**
 * After the build, trims each page's CSP script-src to the hashes of the inline scripts that
 * page holds (src/lib/site/csp-hashes.ts): the policy allows exactly what it did for that page,
 * and a lesson sheds ~390 bytes gzipped. Runs before offline(), which precaches the result.
 */
import type { AstroIntegration } from 'astro';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { keepPageScriptHashes } from '../lib/site/csp-hashes';

export function cspPerPage(): AstroIntegration {
  return {
    name: 'crosswalk:csp-per-page',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const files = (await readdir(root, { recursive: true })).filter((f) => f.endsWith('.html'));
        let trimmed = 0;
        for (const file of files) {
          const full = path.join(root, file);
          const html = await readFile(full, 'utf8');
          const next = keepPageScriptHashes(html);
          if (next !== html) {
            await writeFile(full, next);
            trimmed++;
          }
        }
        logger.info(`CSP script hashes trimmed to each page's own inline scripts: ${trimmed} of ${files.length} pages`);
      },
    },
  };
}
