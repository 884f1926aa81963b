/**
 * Spaced review in real Chromium, on the mini-course: a learner who answered a question
 * yesterday sees it due on the home page today, and completes the review by keyboard alone.
 */
import { expect, inject, test } from 'vitest';
import { loadStoredDeck } from '../../src/lib/learner/packed-deck';
import { axe, openPage, watchPage, useBrowser } from './browser';

const base = inject('e2e.urls').subpath;
const browser = useBrowser();

test('answered yesterday, due today: the home page says so and the session works by keyboard', async () => {
  const page = await openPage(browser());
  const watch = await watchPage(page, new URL(base).origin);
  const yesterday = new Date(Date.now() - 86_400_000).toISOString();
  await page.addInitScript((at) => {
    if (sessionStorage.getItem('e2e:seeded')) return;
    sessionStorage.setItem('e2e:seeded', '1');
    localStorage.setItem(
      'crosswalk:progress:default',
      JSON.stringify({ version: 2, epoch: 'e1', lessons: {}, checks: {}, completions: {}, answers: { 'beta/only': { options: ['a'], verdict: 'correct', at } } }),
    );
  }, yesterday);

  await page.goto(base);
  const due = page.locator('[data-review-due]');
  await expect.poll(() => due.isVisible(), { timeout: 10_000 }).toBe(true);
  expect(await due.innerText()).toContain('1 question is due for review');

  // Only the due question's module is fetched, not the whole question bank.
  const fetched: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/review-questions')) fetched.push(new URL(request.url()).pathname.slice(new URL(base).pathname.length));
  });
  await page.goto(new URL('review/', base).href);
  await expect.poll(() => page.locator('[data-review-state="question"]').count(), { timeout: 10_000 }).toBe(1);
  expect(fetched).toEqual(['review-questions/beta.json']);
  expect(await page.locator('[data-review-state="question"] p.meta').innerText()).toContain('Question 1 of 1');
  expect(await axe(page)).toEqual([]);

  // Keyboard only: Tab to the first option, pick "Yes", Tab to "Check my answer", Enter.
  const focusedLabel = () => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.innerText ?? document.activeElement?.textContent ?? '');
  for (let i = 0; i < 60 && !/^(Yes|No)$/.test((await focusedLabel()).trim()); i++) await page.keyboard.press('Tab');
  if ((await focusedLabel()).trim() === 'No') await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Space');
  expect((await focusedLabel()).trim()).toBe('Yes');
  for (let i = 0; i < 10 && (await focusedLabel()).trim() !== 'Check my answer'; i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');

  // The suggested rating has focus, and says when the question will come back.
  await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.rating)).toBe('good');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Good, back (in \d+ (minutes?|hours?|days)|tomorrow)/);
  expect(await axe(page)).toEqual([]);
  await page.keyboard.press('Enter');

  await expect.poll(() => page.locator('[data-review-state="finished"]').count()).toBe(1);
  expect(await page.getByText('You reviewed 1 question: 0 again, 0 hard, 1 good, 0 easy.').count()).toBe(1);
  // Stored packed (src/lib/learner/packed-deck.ts): read back as the store does.
  const loaded = loadStoredDeck(JSON.parse((await page.evaluate(() => localStorage.getItem('crosswalk:review:default')))!));
  if (!loaded.ok) throw new Error(`the stored deck does not load: ${loaded.reason}`);
  expect(loaded.deck.cards['beta/only']!.reps).toBe(2);
  expect(Date.parse(loaded.deck.cards['beta/only']!.due)).toBeGreaterThan(Date.now());

  // Nothing is due any more: the home page stops asking.
  await page.goto(base);
  await page.waitForLoadState('networkidle');
  expect(await due.isVisible()).toBe(false);
  await page.goto(new URL('review/', base).href);
  await expect.poll(() => page.locator('[data-review-state="nothing-due"]').count(), { timeout: 10_000 }).toBe(1);

  expect(watch.problems()).toEqual([]);
  await page.context().close();
});
