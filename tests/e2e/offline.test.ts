/**
 * The offline journey, in real Chromium, on the real course served from its own copy (so the
 * test can publish a new version into it):
 *  1. a learner opens the home page once; the service worker installs and controls the page;
 *  2. the network goes away; a lesson never visited still opens, its module check can be
 *     taken and passed, and the progress is saved and shown on My progress;
 *  3. the network comes back and a new version is published (a lesson changed, the service
 *     worker regenerated the way the build does it): the page says "A new version of the
 *     course is ready"; Reload shows the changed lesson, and the progress is exactly as before.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { CHECK_READY, answerDrawnQuestions, axe, openPage, report, useBrowser, watchPage } from './browser';
import { startStaticServer, type StaticServer } from './static-server';
import { PROJECT_ROOT, VARIANTS } from './site';
import { readCourseFiles } from '../../src/node/read-course';
import { buildCourse, type CourseModule } from '../../src/lib/course/course';
import { writeServiceWorker } from '../../src/node/service-worker';
import { loadStoredProgress } from '../../src/lib/learner/packed-storage';
import type { ProgressState } from '../../src/lib/learner/progress';

const subpathUrl = inject('e2e.urls').subpath;

const browser = useBrowser();

let siteDir: string;
let server: StaticServer;
let module: CourseModule;

beforeAll(async () => {
  siteDir = await mkdtemp(path.join(tmpdir(), 'crosswalk-offline-'));
  await cp(VARIANTS.real.outDir, siteDir, { recursive: true });
  server = await startStaticServer(siteDir, '/');
  const course = buildCourse(await readCourseFiles(PROJECT_ROOT));
  // A module from the middle of the catalogue: nothing before this test has opened it.
  module = course.modules[Math.floor(course.modules.length / 2)]!;
});

afterAll(async () => {
  await server?.close();
  if (siteDir) await rm(siteDir, { recursive: true, force: true });
});

const PROGRESS_KEY = 'crosswalk:progress:default';

/** The learner's progress as the store reads it (it is stored packed: src/lib/learner/packed-storage.ts). */
async function savedProgress(page: Page): Promise<ProgressState> {
  const raw = await page.evaluate((key) => localStorage.getItem(key), PROGRESS_KEY);
  expect(raw, `${PROGRESS_KEY} in localStorage`).not.toBeNull();
  const loaded = loadStoredProgress(JSON.parse(raw!));
  if (!loaded.ok) throw new Error(`the stored progress does not load: ${loaded.reason}`);
  return loaded.state;
}

/** Waits until a service worker controls the page (the first install claims it at once). */
async function controlled(page: Page) {
  await page
    .waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', undefined, { timeout: 30_000 })
    .catch(() => expect.fail(`no service worker controls ${page.url()} 30s after it loaded`));
}

/** Answers every question of the module's check with its best responses and submits. */
async function passCheck(page: Page, checked: CourseModule) {
  await page.waitForSelector(`${CHECK_READY} .check__submit`, { timeout: 15_000 });
  expect((await answerDrawnQuestions(page, checked.check.questions)).length).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Submit my answers' }).click();
  await expect.poll(() => page.getByText('Passed: you scored 100%').count()).toBe(1);
}

const PUBLISHED_MARK = 'Updated in the new edition of this lesson.';

/** Publishes a new version: changes one lesson page and regenerates the service worker. */
async function publishChangedLesson(lessonRoute: string) {
  const file = path.join(siteDir, lessonRoute, 'index.html');
  const html = await readFile(file, 'utf8');
  const changed = html.replace(/(<h1\b[^>]*>)/, `<p data-e2e-published>${PUBLISHED_MARK}</p>$1`);
  expect(changed, `no <h1> found in ${file}`).not.toBe(html);
  await writeFile(file, changed);
  await writeServiceWorker(siteDir);
}

test('offline: an unvisited lesson and its check work and save; a new version is offered and keeps progress', async () => {
  const page = await openPage(browser());
  const watch = await watchPage(page, server.origin);
  const lesson = module.lessons[0]!;
  const lessonRoute = `modules/${lesson.id}/`;
  const lessonUrl = new URL(lessonRoute, server.url).href;
  const checkUrl = new URL(`modules/${module.id}/check/`, server.url).href;
  try {
    // 1. One visit online installs the course.
    await page.goto(server.url);
    await controlled(page);

    // 2. Offline: a lesson never opened, then the module's check.
    await page.context().setOffline(true);
    const offlineLesson = await page.goto(lessonUrl);
    expect(offlineLesson?.fromServiceWorker(), 'the lesson comes from the service worker').toBe(true);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(lesson.title);
    // Reaching the end of the lesson marks it read.
    await page.locator(`[data-lesson-end="${lesson.id}"]`).scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator('[data-lesson-status]').textContent()).toContain('Read on');

    await page.goto(checkUrl);
    await passCheck(page, module);
    const offlineProgress = await savedProgress(page);
    expect(offlineProgress.lessons[lesson.id]?.readAt, 'the lesson is saved as read').toBeTruthy();
    expect(offlineProgress.checks[module.id]?.best?.passed, 'the pass is saved').toBe(true);

    // A reload, still offline, keeps the pass (it was saved, not just shown).
    await page.reload();
    await expect.poll(() => page.getByText('You have passed this check.').filter({ visible: true }).count()).toBe(1);

    // My progress, offline too: the pass is listed, and the page says how offline use and
    // installing work (and what Safari does to a tab's storage after seven days).
    await page.goto(new URL('progress/', server.url).href);
    await page.waitForSelector('[data-progress-page="ready"]', { timeout: 15_000 });
    await expect.poll(() => page.locator(`.module-row[data-module-id="${module.id}"] dl`).first().textContent()).toContain('100%');
    expect(await page.getByRole('heading', { level: 3, name: 'Offline, and installing the course' }).count()).toBe(1);
    expect(await page.locator('[data-offline-ready]').getAttribute('data-offline-ready'), 'My progress says the course is kept offline').toBe('yes');
    expect(await page.getByText('A course added to the Home Screen is exempt from that rule.').count()).toBe(1);

    // 3. Back online; a new version is published.
    await page.context().setOffline(false);
    await publishChangedLesson(lessonRoute);
    await page.goto(lessonUrl);
    // Until the learner says so, the page is the version they had.
    expect(await page.locator('[data-e2e-published]').count()).toBe(0);
    const prompt = page.locator('[data-update-prompt]');
    await expect.poll(() => prompt.textContent(), { timeout: 30_000 }).toContain('A new version of the course is ready.');
    expect(await prompt.getAttribute('role')).toBe('status');
    const violations = await axe(page);
    if (violations.length) expect.fail(report('the lesson with the update prompt showing', violations));

    // Keyboard users reach it and see where they are; it fits a phone; it never prints.
    const reload = page.getByRole('button', { name: 'Reload' });
    await reload.focus();
    expect(await reload.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
    await page.setViewportSize({ width: 390, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no sideways scrolling at 390px').toBeLessThanOrEqual(390);
    await prompt.screenshot({ path: path.join(PROJECT_ROOT, 'tests/e2e/.output/offline-update-prompt-390.png') });
    await page.emulateMedia({ media: 'print' });
    expect(await prompt.isVisible(), 'the prompt does not print').toBe(false);
    await page.emulateMedia({ media: 'screen' });

    // Later: the prompt goes, the page stays; the next page offers the new version again.
    await page.getByRole('button', { name: 'Later' }).click();
    expect(await prompt.textContent()).toBe('');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.goto(checkUrl);
    await expect.poll(() => prompt.textContent(), { timeout: 30_000 }).toContain('A new version of the course is ready.');
    await page.goto(lessonUrl);
    await expect.poll(() => prompt.textContent(), { timeout: 30_000 }).toContain('A new version of the course is ready.');
    expect(await page.locator('[data-e2e-published]').count()).toBe(0);

    await page.getByRole('button', { name: 'Reload' }).click();
    await expect.poll(() => page.locator('[data-e2e-published]').textContent(), { timeout: 30_000 }).toBe(PUBLISHED_MARK);
    expect(await prompt.textContent()).toBe('');
    // Everything but the "continue where you left off" marker, which opening a lesson moves.
    const { lastVisit: _before, ...before } = offlineProgress;
    const { lastVisit: _after, ...after } = await savedProgress(page);
    expect(after, 'progress is exactly as it was before the update').toEqual(before);
    expect(Object.keys(before.lessons).length).toBeGreaterThan(0);
    await page.locator('[data-lesson-progress]').scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator('[data-lesson-status]').textContent()).toContain('Read on');

    expect(watch.problems()).toEqual([]);
  } finally {
    await page.context().close();
  }
});

test('under a sub-path the service worker is served, scoped and working inside that folder', async () => {
  const page = await openPage(browser());
  const watch = await watchPage(page, new URL(subpathUrl).origin);
  try {
    const sw = await fetch(new URL('sw.js', subpathUrl));
    expect(sw.status, `${subpathUrl}sw.js`).toBe(200);
    expect(sw.headers.get('content-type')).toMatch(/javascript/);
    const manifest = await fetch(new URL('manifest.webmanifest', subpathUrl)).then((r) => r.json());
    expect(manifest.scope).toBe(VARIANTS.subpath.base);
    expect(manifest.start_url).toBe(VARIANTS.subpath.base);

    await page.goto(subpathUrl);
    await controlled(page);
    const registration = await page.evaluate(async () => {
      const r = await navigator.serviceWorker.ready;
      return { scope: r.scope, script: r.active?.scriptURL };
    });
    expect(registration).toEqual({ scope: subpathUrl, script: new URL('sw.js', subpathUrl).href });

    await page.context().setOffline(true);
    const lesson = await page.goto(new URL('modules/beta/only/', subpathUrl).href);
    expect(lesson?.fromServiceWorker()).toBe(true);
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
    // Let the page's own scripts finish loading: leaving mid-load would abort them.
    await page.waitForLoadState('networkidle');
    // Offline, an address that is not part of the course shows the course's own 404 page.
    await page.goto(new URL('no-such-page/', subpathUrl).href);
    await expect.poll(() => page.title()).toMatch(/not found/i);
    expect(watch.problems()).toEqual([]);
  } finally {
    await page.context().close();
  }
});

test('where the browser keeps no copy, My progress says a connection is needed', async () => {
  // 'block': a browser that runs no service worker (plain http, a policy that forbids them).
  const page = await openPage(browser(), { serviceWorkers: 'block' });
  const watch = await watchPage(page, new URL(subpathUrl).origin);
  try {
    await page.goto(new URL('progress/', subpathUrl).href);
    await page.waitForSelector('[data-progress-page="ready"]', { timeout: 15_000 });
    expect(await page.locator('[data-offline-ready]').getAttribute('data-offline-ready')).toBe('no');
    expect(await page.locator('[data-offline-ready]').textContent()).toContain('opening a page needs a connection');
    expect(watch.problems(), 'a browser that refuses service workers sees no error').toEqual([]);
  } finally {
    await page.context().close();
  }
});
