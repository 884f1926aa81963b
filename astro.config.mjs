// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import react from '@astrojs/react';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { contentCheck } from './src/integrations/content-check.ts';
import { cspPerPage } from './src/integrations/csp-per-page.ts';
import { offline } from './src/integrations/offline.ts';
import { scormLaunch } from './src/integrations/scorm-launch.ts';
import { xapiReporter } from './src/integrations/xapi-reporter.ts';
import { THEME_INIT_SCRIPT } from './src/lib/site/theme-init.ts';
import { satteri } from '@astrojs/markdown-satteri';
import { phoneLinksPlugin } from './src/lib/site/phone-links-plugin.ts';

// Libraries often host the course in a folder of their website (for example
// https://library.example.org/training/crosswalk/). Set CROSSWALK_BASE to that
// folder when building; links and assets follow it.
const base = process.env.CROSSWALK_BASE || '/';

/**
 * Vite wraps every dynamic import() in a preload helper (~1 KB gzipped on every page) that
 * fetches the imported chunk's CSS and JS dependencies ahead of time. With modulePreload off
 * and no dynamic import that has CSS of its own, the helper only ever calls the import: this
 * swaps its body for exactly that. When any import does have files to preload (Vite then
 * writes a __vite__mapDeps table), Vite's helper is left alone.
 * @returns {import('vite').Plugin}
 */
function minimalPreloadHelper() {
  return {
    name: 'crosswalk:minimal-preload-helper',
    enforce: 'post',
    applyToEnvironment: (environment) => environment.name === 'client',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
      if (chunks.some((chunk) => chunk.code.includes('__vite__mapDeps'))) return;
      for (const chunk of chunks) {
        if (!chunk.name.includes('preload-helper')) continue;
        const exported = /export\s*\{\s*([A-Za-z_$][\w$]*)\s+as\s+([A-Za-z_$][\w$]*)\s*\};?\s*$/.exec(chunk.code);
        if (exported) chunk.code = `const ${exported[1]}=(load)=>load();export{${exported[1]} as ${exported[2]}};\n`;
      }
    },
  };
}

// Tests and the benchmark build other courses (CROSSWALK_COURSE_DIR); each gets its own
// content cache so entries from one course never leak into another's build.
const courseDir = process.env.CROSSWALK_COURSE_DIR;
const cacheDir = courseDir ? `./node_modules/.astro/course-${courseDir.replace(/[^a-zA-Z0-9]+/g, '_')}` : undefined;

// The one other origin the course may ever talk to: the Learning Record Store a trainer put in
// content/site.yaml `xapi:` (src/lib/lms/xapi.ts validates it). Without that block, none.
function lrsOrigin() {
  try {
    const file = resolve(fileURLToPath(new URL('.', import.meta.url)), courseDir ?? '.', 'content/site.yaml');
    const endpoint = parseYaml(readFileSync(file, 'utf8'))?.xapi?.endpoint;
    return typeof endpoint === 'string' ? new URL(endpoint).origin : undefined;
  } catch {
    return undefined; // Unreadable or invalid: the content check stops the build and says why.
  }
}
const lrs = lrsOrigin();
// A cmi5 package (npm run export:cmi5) learns its LRS endpoint from the launch address, which
// the LMS chooses: any https origin (and the package's own).
const cmi5 = process.env.CROSSWALK_LMS === 'cmi5';
const connectSrc = ["'self'", lrs, cmi5 ? 'https:' : undefined].filter(Boolean).join(' ');

export default defineConfig({
  output: 'static',
  base,
  // Tests build several variants side by side (another course, another base).
  outDir: process.env.CROSSWALK_OUT_DIR || './dist',
  ...(cacheDir ? { cacheDir } : {}),
  trailingSlash: 'always',
  // Stylesheets as files, never inlined: an inline <style> would need its hash in every page's
  // Content-Security-Policy, and files are cached from one page to the next.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Never call home: no telemetry, no prefetch to other origins.
  devToolbar: { enabled: false },
  // offline() runs after the build: it writes sw.js, which precaches every page written. Not in a
  // SCORM package: the LMS serves it and decides when it changes (src/data/build.ts).
  integrations: [contentCheck(), scormLaunch(), xapiReporter(Boolean(lrs)), mdx(), react(), cspPerPage(), ...(process.env.CROSSWALK_SCORM_PATH ? [] : [offline()])],
  // Shiki colours code blocks with style="…" attributes, which the CSP below refuses (and the
  // console reports on every page with a code block). Lessons rarely show code: plain <pre>.
  // Sätteri (Astro 7's processor; MDX inherits it) with one step of ours: phone numbers in lesson
  // prose become tap-to-call links (src/lib/site/phone-links-plugin.ts).
  markdown: { syntaxHighlight: false, processor: satteri({ hastPlugins: [phoneLinksPlugin] }) },
  // A Content-Security-Policy <meta> on every page. Astro hashes the scripts and styles it
  // bundles or renders into script-src and style-src; everything else may come only from this
  // site. No 'unsafe-inline', no 'unsafe-eval': an injected script or style cannot run.
  security: {
    csp: {
      algorithm: 'SHA-256',
      // Astro hashes the scripts it bundles, not is:inline ones: the theme script's hash is ours.
      scriptDirective: { hashes: [`sha256-${createHash('sha256').update(THEME_INIT_SCRIPT, 'utf8').digest('base64')}`] },
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        `connect-src ${connectSrc}`,
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
    },
  },
  server: { host: '127.0.0.1' },
  vite: {
    plugins: [
      {
        // No preload helper around dynamic imports: pages load their heavier parts on demand
        // (src/components/page-boot.ts), and the helper alone would cost every page ~1 KB.
        // Astro sets modulePreload for the build itself, so this says it per environment.
        name: 'crosswalk:no-module-preload',
        configEnvironment(name) {
          if (name === 'client') return { build: { modulePreload: false } };
        },
      },
      minimalPreloadHelper(),
    ],
    build: {
      rollupOptions: {
        // Astro's MDX modules carry a "use astro:head-inject" directive the bundler
        // warns about on every lesson; the warning is harmless and buries real ones.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          warn(warning);
        },
      },
    },
  },
});
