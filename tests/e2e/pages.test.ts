/**
 * Every page of the real course (base '/'), found by walking the build output: it loads,
 * logs no console error, throws no page error, loses no request, never leaves 127.0.0.1,
 * and axe finds no WCAG A/AA violation, in the light theme and again with a dark system theme
 * (issue 20: every page in both, since what a page holds decides what the dark palette meets;
 * one load per page checks both, which halves the sweep's time in CI).
 * Then every internal link collected during the light sweep resolves.
 */
import { expect, inject, test } from 'vitest';

import { axe, openPage, settle, watchPage, report, useBrowser } from './browser';
import { LinkCollector } from './links';
import { VARIANTS, discoverPages, pagePath } from './site';

const variant = VARIANTS.real;
const pages = discoverPages(variant);
const siteUrl = inject('e2e.urls').real;
const origin = new URL(siteUrl).origin;

const browser = useBrowser();
const links = new LinkCollector(siteUrl);


test('the build has the pages every course has', () => {
  const routes = pages.map((p) => p.route);
  for (const expected of ['', 'modules/']) {
    expect(routes, `${variant.label}: no page /${expected} in ${variant.outDir}`).toContain(expected);
  }
  expect(pages.some((p) => p.notFound), `${variant.label}: no 404.html in ${variant.outDir}`).toBe(true);
});

// Concurrent: most of each test is waiting for the network to go quiet, not CPU.
// Each page loads once, with the system theme light, and is checked; then the system theme turns
// dark (as it does at sunset on a phone) and the same page is checked again. The palettes are
// CSS media queries, so the dark check sees what a page first loaded in dark shows; the theme
// button's visible state follows the system too (asserted below).
test.concurrent.each(pages.map((p) => [pagePath(variant, p), p] as const))('%s loads cleanly and passes axe in the light and the dark theme', async (name, built) => {
  const page = await openPage(browser(), { colorScheme: 'light' });
  try {
    const watch = await watchPage(page, origin);
    const url = new URL(built.route, siteUrl).href;
    if (built.notFound) watch.expectNotFound(url);
    const response = await page.goto(url, { waitUntil: 'load' });
    const where = `${name}${built.notFound ? ' (404 page)' : ''}`;
    expect(response, `${where}: no response`).not.toBeNull();
    expect(response!.status(), `${where}: HTTP status of the page itself`).toBe(built.notFound ? 404 : 200);

    const problems = await settle(page);
    await links.collect(page);
    problems.push(...(await axe(page)).map((v) => `axe [light theme] ${v}`));

    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await page.evaluate(() => new Promise<boolean>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(matchMedia('(prefers-color-scheme: dark)').matches)))));
    expect(dark, `${where}: the page does not see the dark system theme`).toBe(true);
    problems.push(...(await axe(page)).map((v) => `axe [dark system theme] ${v}`));
    for (const state of await page.locator('[data-theme-toggle] [data-theme-state]').allTextContents()) {
      if (state !== ': on') problems.push(`theme button says "${state}" while the page is dark`);
    }

    problems.push(...watch.problems());
    if (problems.length) expect.fail(report(where, problems));
  } finally {
    await page.context().close();
  }
});

test('every internal link on every page resolves', async () => {
  const { problems, checked } = await links.check();
  if (problems.length) expect.fail(report(`internal links of ${variant.label} (${checked} unique URLs on ${pages.length} pages)`, problems));
  expect(checked, 'no internal link found at all: the link collection is broken').toBeGreaterThan(0);
});
