/**
 * What the browser tests share: the built variants, where they live, and page discovery.
 * global-setup.ts builds each variant into tests/e2e/.output/<name>/ before any test file is
 * collected, so test files can walk the output at module load time.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const OUTPUT_ROOT = path.join(PROJECT_ROOT, 'tests/e2e/.output');

export interface Variant {
  name: 'real' | 'subpath';
  /** What the build is, for messages. */
  label: string;
  base: string;
  /** CROSSWALK_COURSE_DIR for the build, relative to the project root. */
  courseDir: string;
  outDir: string;
}

export const VARIANTS = {
  real: {
    name: 'real',
    label: 'the real course at base /',
    base: '/',
    courseDir: '.',
    outDir: path.join(OUTPUT_ROOT, 'real'),
  },
  subpath: {
    name: 'subpath',
    label: 'the mini-course fixture at base /training/crosswalk/',
    base: '/training/crosswalk/',
    courseDir: 'tests/fixtures/mini-course',
    outDir: path.join(OUTPUT_ROOT, 'subpath'),
  },
} as const satisfies Record<string, Variant>;

export type VariantName = keyof typeof VARIANTS;

declare module 'vitest' {
  export interface ProvidedContext {
    /** Server URL (origin + base, trailing slash) per variant. */
    'e2e.urls': Record<VariantName, string>;
  }
}

/** A built HTML page: its path relative to the base ('' for home, 'modules/x/'), and its file. */
export interface BuiltPage {
  /** Path under the base, e.g. '' (home), 'glossary/', or a missing path for the 404 page. */
  route: string;
  file: string;
  /** True for 404.html, which is reached through a URL that does not exist. */
  notFound: boolean;
}

/** A path that no build will ever contain: it serves the built 404.html. */
export const MISSING_ROUTE = 'this-page-does-not-exist-e2e/';

/**
 * Every HTML page of a variant's build, found by walking its output folder (sorted, so
 * test names are stable). index.html files map to their directory URL; 404.html maps to
 * MISSING_ROUTE. Other .html files (none today) are served as is.
 */
export function discoverPages(variant: Variant): BuiltPage[] {
  if (!existsSync(path.join(variant.outDir, 'index.html'))) {
    throw new Error(
      `No build of ${variant.label} in ${variant.outDir}: global-setup.ts should have built it. ` +
        'Run the suite with `npx vitest run --config tests/e2e/vitest.config.ts`.',
    );
  }
  const pages: BuiltPage[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(full);
        continue;
      }
      if (!entry.name.endsWith('.html')) continue;
      const rel = path.relative(variant.outDir, full).split(path.sep).join('/');
      if (rel === '404.html') pages.push({ route: MISSING_ROUTE, file: full, notFound: true });
      else if (rel === 'index.html') pages.push({ route: '', file: full, notFound: false });
      else if (rel.endsWith('/index.html')) pages.push({ route: rel.slice(0, -'index.html'.length), file: full, notFound: false });
      else pages.push({ route: rel, file: full, notFound: false });
    }
  };
  walk(variant.outDir);
  return pages.sort((a, b) => a.route.localeCompare(b.route));
}

/** The page's URL path for test names and messages, e.g. '/training/crosswalk/glossary/'. */
export function pagePath(variant: Variant, page: BuiltPage): string {
  return `${variant.base}${page.route}`;
}

export function readPage(page: BuiltPage): string {
  return readFileSync(page.file, 'utf8');
}
