/**
 * A module check is evidence of learning, so in real Chromium on the real course:
 *  - before the learner submits, neither the page nor anything it loaded tells a correct option
 *    from a wrong one (no marker, no feedback text); the key arrives with the submit;
 *  - a retake draws other questions from the bank;
 *  - after Back to a check that the browser did not keep in its back/forward cache, the ticks on
 *    screen are the learner's own or none, and what is saved is exactly what they chose.
 */
import { beforeAll, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { CHECK_READY, answerDrawnQuestions, openPage, useBrowser, watchPage } from './browser';
import { PROJECT_ROOT } from './site';
import { buildCourse, everyQuestion, type CourseModule } from '../../src/lib/course/course';
import { readCourseFiles } from '../../src/node/read-course';
import { loadStoredProgress } from '../../src/lib/learner/packed-storage';

const base = inject('e2e.urls').real;
const browser = useBrowser();
let module: CourseModule;

beforeAll(async () => {
  const course = buildCourse(await readCourseFiles(PROJECT_ROOT));
  // A module whose attempts draw part of the bank (the course's checks all do).
  module = course.modules.find((m) => m.check.draw < m.check.items.length && m.id.startsWith('duty-'))!;
  expect(module, 'a module whose check draws part of its bank').toBeDefined();
});

const checkUrl = () => new URL(`modules/${module.id}/check/`, base).href;

/** The local ids of the questions on screen, in order. */
const shownQuestions = (page: Page) => page.locator('[data-check-item]:not([hidden]) [data-local-id]').evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).dataset.localId!));

/** Option ids ticked on screen, per question shown. */
const ticked = (page: Page) =>
  page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll<HTMLElement>('[data-check-item]:not([hidden]) [data-local-id]')].map((q) => [
        q.dataset.localId!,
        [...q.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value).sort(),
      ]),
    ),
  );

async function storedAnswers(page: Page) {
  const raw = await page.evaluate(() => localStorage.getItem('crosswalk:progress:default'));
  const loaded = loadStoredProgress(JSON.parse(raw!));
  if (!loaded.ok) throw new Error(loaded.reason);
  return loaded.state;
}

test('before submit the page and what it loaded hold no answers; the key comes with the submit', async () => {
  const page = await openPage(browser());
  const watch = await watchPage(page, new URL(base).origin);
  const bodies: { url: string; text: string }[] = [];
  page.on('response', async (response) => {
    const type = response.headers()['content-type'] ?? '';
    if (/text|javascript|json/.test(type)) bodies.push({ url: response.url(), text: await response.text().catch(() => '') });
  });
  await page.goto(checkUrl());
  await page.waitForSelector(CHECK_READY, { timeout: 15_000 });
  await page.waitForLoadState('networkidle');

  const questions = everyQuestion(module);
  const feedback = questions.flatMap((q) => q.options.map((o) => o.feedback));
  const html = await page.content();
  expect(await page.locator('[data-best], .option__feedback, .question__sources').count()).toBe(0);
  expect(html).not.toMatch(/A best response\.|Not the best response\.|\bdata-best=/);
  expect(feedback.filter((text) => html.includes(text))).toEqual([]);
  for (const { url, text } of bodies) {
    expect(url).not.toMatch(/review-questions/);
    expect(feedback.filter((f) => text.includes(f)), `${url} carries feedback`).toEqual([]);
  }

  const shown = await shownQuestions(page);
  expect(shown.length).toBeGreaterThanOrEqual(5);
  await answerDrawnQuestions(page, module.check.questions);
  const keyRequest = page.waitForRequest((request) => request.url().includes(`review-questions/${module.id}.json`));
  await page.getByRole('button', { name: 'Submit my answers' }).click();
  await keyRequest;
  await expect.poll(() => page.getByText('Passed: you scored 100%').count()).toBe(1);
  expect(await page.getByText('A best response.').filter({ visible: true }).count()).toBeGreaterThanOrEqual(shown.length);
  expect(watch.problems()).toEqual([]);
  await page.context().close();
});

test('a retake draws other questions from the bank, and a reload mid-attempt keeps the same ones', async () => {
  const page = await openPage(browser());
  await page.goto(checkUrl());
  await page.waitForSelector(CHECK_READY, { timeout: 15_000 });
  const first = await shownQuestions(page);
  await page.reload();
  await page.waitForSelector(CHECK_READY, { timeout: 15_000 });
  expect(await shownQuestions(page)).toEqual(first);

  await answerDrawnQuestions(page, module.check.questions, 'first');
  await page.getByRole('button', { name: 'Submit my answers' }).click();
  await expect.poll(() => page.locator('[data-module-check]').getAttribute('data-check-view')).toBe('result');
  await page.getByRole('button', { name: /Try again|Take it again/ }).first().click();
  const second = await shownQuestions(page);
  const repeated = second.filter((id) => first.includes(id));
  expect(second.length).toBeGreaterThanOrEqual(5);
  expect(repeated.length).toBeLessThan(second.length);
  // The bank holds at least 1.5 attempts, so at least a third of a retake is new.
  expect(second.length - repeated.length).toBeGreaterThanOrEqual(Math.floor(second.length / 3));
  // The retake starts keyless again.
  expect(await page.locator('[data-best], .option__feedback').count()).toBe(0);
  await page.context().close();
});

test('Back without the back/forward cache: the ticks are the learner\'s own or none, and what is saved is what they chose', async () => {
  const page = await openPage(browser());
  const watch = await watchPage(page, new URL(base).origin);
  await page.goto(checkUrl());
  await page.waitForSelector(CHECK_READY, { timeout: 15_000 });
  const shown = await shownQuestions(page);
  const byId = new Map(module.check.questions.map((q) => [q.localId, q]));

  // Tick the last option of the first two questions (not where a position-based restore would put them).
  for (const id of shown.slice(0, 2)) {
    const question = byId.get(id)!;
    await page.locator(`#check-${id}-${question.options.at(-1)!.id}`).check();
  }
  const mine = await ticked(page);

  // An unload handler keeps the page out of the back/forward cache, as many real pages do.
  await page.evaluate(() => {
    (window as unknown as { marker: number }).marker = 1;
    addEventListener('unload', () => {});
  });
  await page.goto(new URL(`modules/${module.id}/`, base).href);
  await page.goBack();
  await page.waitForSelector(CHECK_READY, { timeout: 15_000 });
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker), 'the page was rebuilt, not restored from the cache').toBeUndefined();

  expect(await shownQuestions(page)).toEqual(shown);
  const after = await ticked(page);
  for (const [id, options] of Object.entries(after)) {
    if (options.length > 0) expect(options, `question ${id} shows ticks the learner did not make`).toEqual(mine[id]);
  }

  // The learner answers everything (again) and submits: the saved answers are what is on screen.
  for (const id of shown) {
    const question = byId.get(id)!;
    const input = page.locator(`#check-${id}-${question.options[0]!.id}`);
    if ((await ticked(page))[id]!.length === 0) await input.check();
  }
  const final = await ticked(page);
  await page.getByRole('button', { name: 'Submit my answers' }).click();
  await expect.poll(() => page.locator('[data-module-check]').getAttribute('data-check-view')).toBe('result');
  const state = await storedAnswers(page);
  for (const id of shown) expect([...state.answers[`${module.id}/${id}`]!.options].sort()).toEqual(final[id]);
  expect(watch.problems()).toEqual([]);
  await page.context().close();
});
