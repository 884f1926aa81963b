/**
 * Writes the course's service worker (sw.js) into a built site folder: Workbox's generateSW
 * precaches every page and asset of the course, so a learner who opened it once can take any
 * lesson and check offline. The build runs it (src/integrations/offline.ts), and so does
 * whoever republishes a changed folder without rebuilding (the offline browser test does):
 * any changed file changes its precache revision, and learners see "a new version is ready".
 *
 * The output does not depend on the base path: precache URLs are relative to sw.js, which sits
 * at the site's root folder, so the same sw.js works at '/' and at '/training/crosswalk/'.
 */
import { generateSW } from 'workbox-build';
import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** What is precached: every page and asset type the build writes. */
export const PRECACHE_PATTERNS = ['**/*.{html,css,js,mjs,json,svg,png,ico,webp,jpg,jpeg,woff2,webmanifest,txt,xml}'];

/** The service worker's file name, at the site's root folder (its scope is that folder). */
export const SERVICE_WORKER_FILE = 'sw.js';

/**
 * Files precached from the build are capped at this size; a bigger one stops the build. The
 * largest file is the search index: 0.2 MB for this course, 1.7 MB for one ten times larger
 * (`npm run bench` builds one), so 16 MB leaves room for a far bigger library's course.
 */
const MAX_PRECACHED_FILE_BYTES = 16 * 1024 * 1024;

export interface ServiceWorkerResult {
  /** Files the service worker precaches. */
  count: number;
  /** Their total size in bytes. */
  size: number;
  swFile: string;
}

/** Generates `sw.js` in `siteDir` (a built Crosswalk site). Throws if any file would be left out. */
export async function writeServiceWorker(siteDir: string): Promise<ServiceWorkerResult> {
  const swFile = path.join(siteDir, SERVICE_WORKER_FILE);
  // Generated beside the site, then moved in at once: a browser checking for an update while
  // this runs gets the previous sw.js or the finished new one, never a half-written file.
  const workDir = await mkdtemp(path.join(tmpdir(), 'crosswalk-sw-'));
  try {
    const draft = path.join(workDir, SERVICE_WORKER_FILE);
    const { count, size, warnings } = await generateSW({
      globDirectory: siteDir,
      globPatterns: PRECACHE_PATTERNS,
      // A republished folder still holds the previous sw.js: never precache the worker itself.
      globIgnores: [SERVICE_WORKER_FILE, `${SERVICE_WORKER_FILE}.next`, '**/node_modules/**'],
      swDest: draft,
      mode: 'production',
      sourcemap: false,
      // Workbox's runtime goes inside sw.js: nothing is ever loaded from a CDN or another file.
      inlineWorkboxRuntime: true,
      maximumFileSizeToCacheInBytes: MAX_PRECACHED_FILE_BYTES,
      // Astro's bundles carry a content hash in their names (/_astro/Check.Ab12cD.js): the URL
      // is the revision, so an update does not download unchanged bundles again.
      dontCacheBustURLsMatching: /^_astro\//,
      // Pages are folders (/modules/x/ is /modules/x/index.html). Query strings are read only by
      // the page's own script (/search/?q=…), never by the server: ignore them all when looking up
      // the precached page.
      directoryIndex: 'index.html',
      ignoreURLParametersMatching: [/.*/],
      // The page asks before an update takes over (skipWaiting: false): a learner mid-check is
      // never switched to new pages under their feet. "Reload" posts SKIP_WAITING, which Workbox
      // answers because skipWaiting is false. clientsClaim lets the first install control the
      // open page at once, so the course works offline without a reload.
      skipWaiting: false,
      clientsClaim: true,
      cleanupOutdatedCaches: true,
      // A page that is not in the course (a mistyped address) while offline: our own 404 page
      // rather than the browser's error. Online, the server answers as usual, status and all.
      runtimeCaching: [
        {
          urlPattern: ({ request, sameOrigin }) => sameOrigin && request.mode === 'navigate',
          handler: 'NetworkOnly',
          options: { precacheFallback: { fallbackURL: '404.html' } },
        },
      ],
    });
    if (warnings.length > 0) {
      throw new Error(`The service worker would not make the whole course available offline:\n  ${warnings.join('\n  ')}`);
    }
    // Workbox's runtime names a help link in one of its console warnings. It is never fetched,
    // but the built course names no other site (tests/e2e/security.test.ts checks): drop it.
    const sw = (await readFile(draft, 'utf8')).replace(/ Learn more at https:\/\/bit\.ly\/wb-precache/g, '');
    await writeFile(`${swFile}.next`, sw);
    await rename(`${swFile}.next`, swFile);
    return { count, size, swFile };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
