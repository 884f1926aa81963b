/**
 * The mini-course fixture built for a library that hosts the course in a folder of its
 * website (base '/training/crosswalk/'): every page loads every asset from under that
 * folder, every internal link stays in it and resolves, and a lesson with no interactive
 * part ships no React at all.
 */
import { describe, expect, inject, test } from 'vitest';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openPage, settle, watchPage, report, useBrowser } from './browser';
import { checkInternalLinks } from './links';
import { VARIANTS, discoverPages, pagePath, readPage } from './site';

const variant = VARIANTS.subpath;
const pages = discoverPages(variant);
const siteUrl = inject('e2e.urls').subpath;
const origin = new URL(siteUrl).origin;

const browser = useBrowser();


test('the site is served under /training/crosswalk/ only', async () => {
  expect(new URL(siteUrl).pathname).toBe('/training/crosswalk/');
  const outside = await fetch(`${origin}/modules/`, { redirect: 'manual' });
  expect(outside.status, 'a page requested outside the base must not be served').toBe(404);
});

describe('every page loads everything from under the base', () => {
  test.each(pages.map((p) => [pagePath(variant, p), p] as const))('%s', async (name, built) => {
    const page = await openPage(browser());
    try {
      const watch = await watchPage(page, origin);
      const url = new URL(built.route, siteUrl).href;
      if (built.notFound) watch.expectNotFound(url);
      const subresources: string[] = [];
      page.on('request', (request) => {
        if (!request.isNavigationRequest()) subresources.push(request.url());
      });
      const response = await page.goto(url, { waitUntil: 'load' });
      const where = `${name}${built.notFound ? ' (404 page)' : ''}`;
      expect(response?.status(), `${where}: HTTP status of the page itself`).toBe(built.notFound ? 404 : 200);
      const problems = await settle(page);
      problems.push(...watch.problems());
      for (const sub of subresources) {
        const u = new URL(sub);
        if (u.origin === origin && !u.pathname.startsWith(variant.base)) {
          problems.push(`subresource outside the base ${variant.base}: ${u.pathname}`);
        }
      }
      if (problems.length) expect.fail(report(where, problems));
    } finally {
      await page.context().close();
    }
  });
});

test('every internal link stays under /training/crosswalk/ and resolves', async () => {
  const { problems, checked } = await checkInternalLinks(browser(), siteUrl, pages);
  if (problems.length) expect.fail(report(`internal links of ${variant.label} (${checked} unique URLs on ${pages.length} pages)`, problems));
  expect(checked, 'no internal link found at all: the link collection is broken').toBeGreaterThan(0);
});

/**
 * How we tell that a script is React. Minifiers rename everything except strings that must
 * survive at run time: React's element and type symbols are registered with Symbol.for, whose
 * keys ("react.transitional.element", "react.fragment", …) stay in every build of react,
 * react/jsx-runtime and react-dom, whatever the quoting the minifier picks (`…`, "…", '…').
 * `__reactContainer` is react-dom's root marker. Inspected on the fixture build: the renderer
 * chunk (client.*.js), react.*.js and the jsx-runtime chunk all carry them; ThemeToggle's and
 * the nanostores chunks carry none.
 */
const REACT_MARKERS: RegExp[] = [/Symbol\.for\(\s*["'`]react\.[a-z_.]+["'`]\s*\)/, /react\.transitional\.element/, /__reactContainer/];

interface ScriptLoad {
  url: string;
  react: boolean;
}

async function loadWithScripts(page: Page, url: string): Promise<{ scripts: ScriptLoad[]; scriptElements: number; islands: number; problems: string[] }> {
  const bodies: Promise<ScriptLoad | null>[] = [];
  page.on('response', (response) => {
    const type = response.headers()['content-type'] ?? '';
    if (response.request().resourceType() !== 'script' && !/javascript/.test(type)) return;
    bodies.push(
      response
        .text()
        .then((body) => ({ url: new URL(response.url()).pathname, react: REACT_MARKERS.some((re) => re.test(body)) }))
        .catch(() => null),
    );
  });
  const watch = await watchPage(page, origin);
  const response = await page.goto(url, { waitUntil: 'load' });
  const problems = await settle(page);
  // Scroll to the end too, in case anything loads late (client:visible below the fold).
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
  problems.push(...watch.problems());
  if (response?.status() !== 200) problems.push(`HTTP ${response?.status()} for the page itself`);
  const scripts = (await Promise.all(bodies)).filter((s): s is ScriptLoad => s !== null);
  const scriptElements = await page.locator('script').count();
  const islands = await page.locator('astro-island').count();
  return { scripts, scriptElements, islands, problems };
}

function describeScripts(scripts: ScriptLoad[], scriptElements: number): string {
  const list = scripts.map((s) => `  ${s.react ? '[React] ' : ''}${s.url}`).join('\n');
  return `${scripts.length} script file(s) loaded, ${scriptElements} <script> element(s) in the page${list ? `:\n${list}` : ''}`;
}

describe('React only where there is an island', () => {
  const ONLY_LESSON = 'modules/beta/only/';

  test(`${variant.base}${ONLY_LESSON} (a lesson with no interactive part) loads no React`, async () => {
    const file = path.join(variant.outDir, ONLY_LESSON, 'index.html');
    expect(existsSync(file), `fixture lesson modules/beta/01-only.mdx was not built to ${file}`).toBe(true);
    const page = await openPage(browser());
    try {
      const where = `${variant.base}${ONLY_LESSON}`;
      const { scripts, scriptElements, islands, problems } = await loadWithScripts(page, new URL(ONLY_LESSON, siteUrl).href);
      if (problems.length) expect.fail(report(where, problems));
      const summary = describeScripts(scripts, scriptElements);
      expect(islands, `${where}: has ${islands} <astro-island> element(s); a lesson with no interactive part should have none. ${summary}`).toBe(0);
      const react = scripts.filter((s) => s.react).map((s) => s.url);
      expect(react, `${where}: loads React although nothing on it is interactive. ${summary}`).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  // The control: a page with an island must load React, or the check above proves nothing.
  const islandPages = pages.filter((p) => !p.notFound && readPage(p).includes('<astro-island'));

  test('a page with an island does load React (control for the test above)', async () => {
    expect(
      islandPages.length,
      `no page of ${variant.label} has an <astro-island>, so the no-React check has no control. ` +
        'Add an interactive part (e.g. <Check>) to a fixture lesson.',
    ).toBeGreaterThan(0);
    const built = islandPages[0]!;
    const where = pagePath(variant, built);
    const page = await openPage(browser());
    try {
      const { scripts, scriptElements, islands, problems } = await loadWithScripts(page, new URL(built.route, siteUrl).href);
      if (problems.length) expect.fail(report(where, problems));
      expect(islands, `${where}: the built HTML has <astro-island> but the loaded page has none`).toBeGreaterThan(0);
      expect(
        scripts.some((s) => s.react),
        `${where}: has ${islands} island(s) but no loaded script carries a React marker; update REACT_MARKERS. ${describeScripts(scripts, scriptElements)}`,
      ).toBe(true);
    } finally {
      await page.context().close();
    }
  });
});
