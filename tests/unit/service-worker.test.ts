/**
 * The service worker writer on a tiny built site: what it precaches, that it needs nothing
 * from another origin, and that republishing a changed page changes the worker (which is what
 * makes browsers offer the new version).
 */
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { writeServiceWorker } from '../../src/node/service-worker';

// generateSW bundles and minifies Workbox's runtime with Rollup: seconds each, more on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

let site: string;

beforeEach(async () => {
  site = await mkdtemp(path.join(tmpdir(), 'crosswalk-sw-'));
  const files: Record<string, string> = {
    'index.html': '<h1>Home</h1>',
    '404.html': '<h1>Not found</h1>',
    'modules/alpha/index.html': '<h1>Alpha</h1>',
    'modules/alpha/first/index.html': '<h1>First lesson</h1>',
    '_astro/page.Ab12Cd34.js': 'console.log(1)',
    '_astro/global.Ef56Gh78.css': 'body{}',
    'search-index.json': '{}',
    'manifest.webmanifest': '{}',
    'favicon.svg': '<svg/>',
  };
  for (const [file, body] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(site, file)), { recursive: true });
    await writeFile(path.join(site, file), body);
  }
});

afterEach(async () => {
  await rm(site, { recursive: true, force: true });
});

/** The precache list inside sw.js: [{url, revision}]. */
function precached(sw: string): { url: string; revision: string | null }[] {
  return [...sw.matchAll(/\{url:"([^"]+)",revision:(?:"([^"]+)"|null)\}/g)].map((m) => ({ url: m[1]!, revision: m[2] ?? null }));
}

test('precaches every page and asset with URLs relative to sw.js, and never itself', async () => {
  const result = await writeServiceWorker(site);
  const sw = await readFile(path.join(site, 'sw.js'), 'utf8');
  const urls = precached(sw).map((e) => e.url).sort();
  expect(urls).toEqual(
    ['404.html', '_astro/global.Ef56Gh78.css', '_astro/page.Ab12Cd34.js', 'favicon.svg', 'index.html', 'manifest.webmanifest', 'modules/alpha/first/index.html', 'modules/alpha/index.html', 'search-index.json'].sort(),
  );
  expect(result.count).toBe(urls.length);
  // A second run (a republish) does not pick up the previous sw.js.
  await writeServiceWorker(site);
  expect(precached(await readFile(path.join(site, 'sw.js'), 'utf8')).map((e) => e.url)).not.toContain('sw.js');
});

test('hashed bundles are precached by URL alone; pages carry a revision', async () => {
  await writeServiceWorker(site);
  const entries = precached(await readFile(path.join(site, 'sw.js'), 'utf8'));
  expect(entries.find((e) => e.url === '_astro/page.Ab12Cd34.js')?.revision).toBeNull();
  expect(entries.find((e) => e.url === 'modules/alpha/first/index.html')?.revision).toMatch(/^[0-9a-f]{32}$/);
});

test('the Workbox runtime is inside sw.js: nothing is imported from a CDN or another file', async () => {
  await writeServiceWorker(site);
  const sw = await readFile(path.join(site, 'sw.js'), 'utf8');
  expect(sw).not.toMatch(/importScripts\s*\(/);
  expect(sw).not.toMatch(/workbox-cdn|storage\.googleapis\.com/);
  // Not even as text: the built course names no other site.
  expect(sw.match(/https?:\/\/[^\s"'`]+/g) ?? []).toEqual([]);
  // Update on request, never behind the learner's back.
  expect(sw).toContain('SKIP_WAITING');
});

test('republishing a changed page changes that page’s revision and nothing else', async () => {
  await writeServiceWorker(site);
  const before = precached(await readFile(path.join(site, 'sw.js'), 'utf8'));
  await writeFile(path.join(site, 'modules/alpha/first/index.html'), '<h1>First lesson, revised</h1>');
  await writeServiceWorker(site);
  const after = precached(await readFile(path.join(site, 'sw.js'), 'utf8'));
  const changed = after.filter((e) => before.find((b) => b.url === e.url)?.revision !== e.revision).map((e) => e.url);
  expect(changed).toEqual(['modules/alpha/first/index.html']);
});

test('a file too big to precache stops the build with a message, rather than leaving it out', async () => {
  await writeFile(path.join(site, 'huge.json'), 'x'.repeat(17 * 1024 * 1024));
  await expect(writeServiceWorker(site)).rejects.toThrow(/would not make the whole course available offline[\s\S]*huge\.json/);
});
