/**
 * Review cards the scheduler refuses, in real Chromium on the mini-course: a stored deck that
 * holds good cards and cards ts-fsrs would throw on (difficulty below 1, stability 0, a last
 * review later than now). The bad ones are set aside with a notice; the session runs on the rest.
 */
import { expect, inject, test } from 'vitest';
import { loadStoredDeck } from '../../src/lib/learner/packed-deck';
import { axe, openPage, watchPage, useBrowser } from './browser';

const base = inject('e2e.urls').subpath;
const browser = useBrowser();

test('cards the scheduler would refuse are set aside with a notice; the review runs on the rest', async () => {
  const page = await openPage(browser(), { viewport: { width: 390, height: 844 } });
  const watch = await watchPage(page, new URL(base).origin);
  const day = 86_400_000;
  const now = Date.now();
  // A card as the scheduler leaves it after two good answers, due yesterday.
  const good = {
    due: new Date(now - day).toISOString(),
    stability: 2.3,
    difficulty: 5.2,
    scheduled_days: 2,
    learning_steps: 0,
    reps: 2,
    lapses: 0,
    state: 2,
    last_review: new Date(now - 3 * day).toISOString(),
  };
  const deck = {
    version: 1,
    cards: {
      'beta/only': good,
      'alpha/pick-one': { ...good, due: new Date(now - 2 * day).toISOString() },
      'alpha/pick-many': { ...good, difficulty: 0.5 },
      'alpha/case-q1': { ...good, stability: 0 },
      'alpha/practice-warm': { ...good, last_review: new Date(now + 2 * day).toISOString() },
    },
  };
  await page.addInitScript((seeded) => {
    if (sessionStorage.getItem('e2e:seeded')) return;
    sessionStorage.setItem('e2e:seeded', '1');
    localStorage.setItem('crosswalk:review:default', seeded);
  }, JSON.stringify(deck));

  await page.goto(new URL('review/', base).href);
  const question = page.locator('[data-review-state="question"]');
  await expect.poll(() => question.count(), { timeout: 10_000 }).toBe(1);
  const notice = page.locator('[data-review-set-aside]');
  expect(await notice.innerText()).toBe('3 review cards could not be used and were set aside; the rest of your review is here.');
  // Most overdue first: the two good cards, and only they.
  expect(await question.locator('p.meta').innerText()).toContain('Question 1 of 2');
  expect(await question.getAttribute('data-question-id')).toBe('alpha/pick-one');
  expect(await axe(page)).toEqual([]);

  const seen: string[] = [];
  for (let i = 0; i < 2; i++) {
    seen.push((await question.getAttribute('data-question-id'))!);
    await question.locator('input').first().check();
    await page.getByRole('button', { name: 'Check my answer' }).click();
    const again = page.locator('[data-rating="again"]');
    await expect.poll(() => again.count()).toBe(1);
    // The buttons say when each rating brings the question back: the scheduler previewed it.
    expect(await again.innerText()).toMatch(/^Again, back in \d+ minutes?$/);
    // Hard, not Again: a card rated Again comes back in the same session (issue 20).
    await page.locator('[data-rating="hard"]').click();
    if (i === 0) await expect.poll(() => question.getAttribute('data-question-id')).toBe('beta/only');
  }
  expect(seen).toEqual(['alpha/pick-one', 'beta/only']);
  await expect.poll(() => page.locator('[data-review-state="finished"]').count()).toBe(1);
  expect(await page.getByText('You reviewed 2 questions: 0 again, 2 hard, 0 good, 0 easy.').count()).toBe(1);
  expect(await notice.count()).toBe(1);

  // What was written back holds the two reviewed cards only; the damaged deck is kept aside.
  const stored = await page.evaluate(() => ({ deck: localStorage.getItem('crosswalk:review:default'), aside: localStorage.getItem('crosswalk:quarantine:crosswalk:review:default') }));
  const loaded = loadStoredDeck(JSON.parse(stored.deck!));
  if (!loaded.ok) throw new Error(`the stored deck does not load: ${loaded.reason}`);
  expect(Object.keys(loaded.deck.cards).sort()).toEqual(['alpha/pick-one', 'beta/only']);
  expect(loaded.dropped).toBe(0);
  expect(Object.keys(JSON.parse(JSON.parse(stored.aside!).raw).cards)).toContain('alpha/case-q1');

  // The site-wide notice offers the set-aside data for download; nothing on the page failed.
  expect(await page.getByText('Some saved data could not be read.').count()).toBeGreaterThan(0);
  expect(await axe(page)).toEqual([]);
  expect(watch.problems()).toEqual([]);
  await page.context().close();
});
