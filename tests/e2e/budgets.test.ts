/**
 * Page-weight budgets (issue 9), in bytes as Chromium requests them, gzipped: deterministic for
 * a given build, so they can fail CI, unlike timings. Figures for every page type are printed
 * by `npm run bench`; the budgets here hold the two pages learners open most:
 *  - every lesson page with no interactive part: at most 12 KB at load (HTML, CSS and JS);
 *  - every lesson with an inline check: at most MAX_CHECK_LESSON_GZIP_AT_LOAD at load, and none
 *    fetches the check's code until the question is used (issue 20);
 *  - the home page, on a first visit: at most 25 KB at load (issue 20), the code of its parts
 *    that show stored state fetched only once something is stored;
 *  - every module check: at most 80 KB once its questions have come to life. The check is
 *    server-rendered and brought to life by a plain script (ModuleCheck.astro), because React's
 *    runtime alone is ~70 KB and with it a check weighed ~108 KB.
 * Storage and search-index budgets are in tests/content/budgets.test.ts.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, inject, test } from 'vitest';
import { useBrowser } from './browser';
import { weighPage, type Totals } from './page-weight';
import { VARIANTS, discoverPages } from './site';
import { CHECK_PAGE_BUDGET, MAX_CHECK_LESSON_GZIP_AT_LOAD, MAX_HOME_GZIP_AT_LOAD, MAX_PLAIN_LESSON_GZIP_AT_LOAD } from '../support/budgets';


const browser = useBrowser();
const siteUrl = inject('e2e.urls').real;
const pages = discoverPages(VARIANTS.real);

const lessonRoute = /^modules\/[^/]+\/(?!check\/)[^/]+\/$/;
// No interactive part: no island, and nothing a script brings to life (an inline check).
const plainLessons = pages.filter((p) => lessonRoute.test(p.route) && !/<astro-island|data-enhance=/.test(readFileSync(p.file, 'utf8')));
const checkLessons = pages.filter((p) => lessonRoute.test(p.route) && /data-inline-check/.test(readFileSync(p.file, 'utf8')));
const checks = pages.filter((p) => /^modules\/[^/]+\/check\/$/.test(p.route));

const htmlCssJs = (t: Totals) => t.byKind.html.gzip + t.byKind.css.gzip + t.byKind.js.gzip;

test('the course has lessons with no interactive part, and checks, to weigh', () => {
  expect(plainLessons.length).toBeGreaterThan(0);
  expect(checks.length).toBeGreaterThan(0);
  expect(checkLessons.length).toBeGreaterThan(0);
  // The check's code is a chunk of its own (what the lesson test below looks for at load).
  expect(readdirSync(path.join(VARIANTS.real.outDir, '_astro')).some((f) => /^inline-check\.[^/]*\.js$/.test(f))).toBe(true);
});

test.concurrent.each(checkLessons.map((p) => [`/${p.route}`, p.route] as const))(
  `lesson %s with an inline check is at most ${MAX_CHECK_LESSON_GZIP_AT_LOAD.toLocaleString('en-US')} bytes at load, without the check's code`,
  async (_name, route) => {
    const weight = await weighPage(browser(), new URL(route, siteUrl).href);
    const atLoad = weight.transfers.filter((t) => t.phase === 'load');
    const detail = atLoad.map((t) => `${t.kind} ${t.gzip} ${new URL(t.url).pathname}`).join('\n');
    expect(atLoad.filter((t) => /\/inline-check\.[^/]*\.js$/.test(t.url)), `lesson /${route} fetched the check's code at load:\n${detail}`).toEqual([]);
    expect(htmlCssJs(weight.atLoad), `lesson /${route} at load:\n${detail}`).toBeLessThanOrEqual(MAX_CHECK_LESSON_GZIP_AT_LOAD);
    expect(weight.atLoad.byKind.html.gzip).toBeGreaterThan(1_000);
  },
);

test.concurrent.each(plainLessons.map((p) => [`/${p.route}`, p.route] as const))(
  `lesson %s is at most ${MAX_PLAIN_LESSON_GZIP_AT_LOAD.toLocaleString('en-US')} bytes gzipped at load`,
  async (_name, route) => {
    const weight = await weighPage(browser(), new URL(route, siteUrl).href);
    const bytes = htmlCssJs(weight.atLoad);
    const detail = weight.transfers.filter((t) => t.phase === 'load').map((t) => `${t.kind} ${t.gzip} ${new URL(t.url).pathname}`).join('\n');
    expect(bytes, `lesson /${route} at load:\n${detail}`).toBeLessThanOrEqual(MAX_PLAIN_LESSON_GZIP_AT_LOAD);
    // The weighing saw the page itself: a broken measure must not pass as a light page.
    expect(weight.atLoad.byKind.html.gzip).toBeGreaterThan(1_000);
  },
);

test.concurrent.each(checks.map((p) => [`/${p.route}`, p.route] as const))(
  `check %s is at most ${CHECK_PAGE_BUDGET.toLocaleString('en-US')} bytes gzipped once its questions work`,
  async (_name, route) => {
    const weight = await weighPage(browser(), new URL(route, siteUrl).href);
    const bytes = htmlCssJs(weight.afterHydration);
    const detail = weight.transfers.map((t) => `${t.phase} ${t.kind} ${t.gzip} ${new URL(t.url).pathname}`).join('\n');
    expect(bytes, `check /${route} after hydration:\n${detail}`).toBeLessThanOrEqual(CHECK_PAGE_BUDGET);
    // The check really came to life (weighPage fails if it did not) and its script was weighed.
    expect(weight.transfers.some((t) => t.kind === 'js' && /\/ModuleCheck\.astro[^/]*\.js$/.test(t.url)), detail).toBe(true);
  },
);

test(`the home page, on a first visit, is at most ${MAX_HOME_GZIP_AT_LOAD.toLocaleString('en-US')} bytes gzipped at load, and fetches no progress code`, async () => {
  const weight = await weighPage(browser(), siteUrl);
  const atLoad = weight.transfers.filter((t) => t.phase === 'load');
  const detail = atLoad.map((t) => `${t.kind} ${t.gzip} ${new URL(t.url).pathname}`).join('\n');
  expect(htmlCssJs(weight.atLoad), `home at load:\n${detail}`).toBeLessThanOrEqual(MAX_HOME_GZIP_AT_LOAD);
  expect(weight.atLoad.byKind.html.gzip).toBeGreaterThan(1_000);
  // The badges' start ("Not started") is shown from the page itself; the stores never load.
  expect(atLoad.filter((t) => /\/(progress-badge|review-due|continue-learning|assigned-summary)\.[^/]*\.js$/.test(t.url)), detail).toEqual([]);
});
