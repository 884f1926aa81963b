/**
 * The module check in real Chromium, on the fixture course (module beta: one
 * single-choice question, pass mark 50%): fail, retry, pass; the pass survives a
 * reload; a second tab sees it live; corrupted saved data and a localStorage that
 * throws still let a learner take the check, with a visible notice.
 */
import { expect, inject, test } from 'vitest';
import { loadStoredProgress } from '../../src/lib/learner/packed-storage';
import type { Page } from 'playwright-core';
import { CHECK_READY, axe, openPage, watchPage, useBrowser } from './browser';

const base = inject('e2e.urls').subpath;
const checkUrl = new URL('modules/beta/check/', base).href;
const overviewUrl = new URL('modules/beta/', base).href;

const browser = useBrowser();

async function answer(page: Page, option: 'Yes' | 'No') {
  await page.getByLabel(option, { exact: true }).check();
  await page.getByRole('button', { name: 'Submit my answers' }).click();
}

/** The check's script has run (ModuleCheck.astro is brought to life without React). */
async function ready(page: Page) {
  await page.waitForSelector(CHECK_READY, { timeout: 15_000 });
}

test('fail, retry with feedback, pass; the pass survives a reload and shows in another tab', async () => {
  const page = await openPage(browser());
  const watch = await watchPage(page, new URL(base).origin);
  await page.goto(checkUrl);
  await ready(page);

  const otherTab = await page.context().newPage();
  await otherTab.goto(overviewUrl);
  await otherTab.waitForSelector('[data-progress-badge]:not([hidden])');

  await answer(page, 'No');
  await expect.poll(() => page.getByRole('heading', { level: 2 }).filter({ hasText: 'Not passed yet' }).count()).toBe(1);
  // Every option explains itself, in words.
  await expect.poll(() => page.getByText('Not the best response.').filter({ visible: true }).count()).toBeGreaterThan(0);
  expect(await page.getByText('You chose this.').filter({ visible: true }).count()).toBe(1);
  expect(await page.evaluate(() => document.activeElement?.classList.contains('check__result'))).toBe(true);

  await page.getByRole('button', { name: 'Try again' }).first().click();
  await answer(page, 'Yes');
  await expect.poll(() => page.getByRole('heading', { level: 2 }).filter({ hasText: 'Passed: you scored 100%' }).count()).toBe(1);

  // The other tab hears about it without a reload.
  await expect.poll(() => otherTab.locator('[data-progress-badge]').first().textContent()).toContain('best score 100%');

  await page.reload();
  await ready(page);
  await expect.poll(() => page.getByText('You have passed this check.').filter({ visible: true }).count()).toBe(1);
  await page.getByRole('button', { name: 'Review the check' }).click();
  await expect.poll(() => page.getByText('A best response.').filter({ visible: true }).count()).toBe(1);

  expect(watch.problems()).toEqual([]);
  await page.context().close();
});

test('when the answer key cannot be fetched, the learner is told, nothing is lost, and Submit tries again', async () => {
  const page = await openPage(browser());
  await page.goto(checkUrl);
  await ready(page);
  await page.route(/review-questions\/beta\.json$/, (route) => route.abort('internetdisconnected'));
  await answer(page, 'Yes');
  const alert = page.locator('[data-key-error]');
  await expect.poll(() => alert.isVisible()).toBe(true);
  expect(await alert.innerText()).toContain('Your answers could not be scored');
  expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-key-error'))).toBe(true);
  expect(await page.getByLabel('Yes', { exact: true }).isChecked()).toBe(true);
  expect(await page.evaluate(() => localStorage.getItem('crosswalk:progress:default'))).toBeNull();

  await page.unroute(/review-questions\/beta\.json$/);
  await page.getByRole('button', { name: 'Submit my answers' }).click();
  await expect.poll(() => page.getByText('Passed: you scored 100%').count()).toBe(1);
  expect(await alert.isVisible()).toBe(false);
  await page.context().close();
});

test('corrupted saved progress is set aside with a notice, and the check still works', async () => {
  const page = await openPage(browser());
  await page.addInitScript(() => {
    if (sessionStorage.getItem('e2e:seeded')) return;
    sessionStorage.setItem('e2e:seeded', '1');
    localStorage.setItem('crosswalk:progress:default', '{"version":2,"lessons":');
  });
  await page.goto(checkUrl);
  await ready(page);
  await expect.poll(() => page.getByText('Some saved data could not be read.').count()).toBe(1);
  const quarantined = await page.evaluate(() => localStorage.getItem('crosswalk:quarantine:crosswalk:progress:default'));
  expect(quarantined).toContain('{\\"version\\":2,\\"lessons\\":');
  await answer(page, 'Yes');
  await expect.poll(() => page.getByText('Passed: you scored 100%').count()).toBe(1);
  await page.context().close();
});

test('a localStorage that throws still lets a learner pass, with a banner saying nothing is saved', async () => {
  const page = await openPage(browser());
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(checkUrl);
  await ready(page);
  await expect.poll(() => page.getByText('Progress is not being saved.').count()).toBe(1);
  await answer(page, 'Yes');
  await expect.poll(() => page.getByText('Passed: you scored 100%').count()).toBe(1);
  expect(errors).toEqual([]);
  await page.context().close();
});

test('two named profiles on one browser keep their progress apart', async () => {
  const page = await openPage(browser());
  await page.goto(checkUrl);
  await ready(page);
  await answer(page, 'Yes');
  await expect.poll(() => page.getByText('Passed: you scored 100%').count()).toBe(1);

  // A second person on the same browser: a new profile, made active.
  await page.evaluate(() => {
    const profiles = JSON.parse(localStorage.getItem('crosswalk:profiles') ?? 'null') ?? {
      version: 1,
      activeId: 'default',
      profiles: [{ id: 'default', name: 'Me', createdAt: new Date().toISOString() }],
    };
    profiles.profiles.push({ id: 'p-sam', name: 'Sam', createdAt: new Date().toISOString() });
    profiles.activeId = 'p-sam';
    localStorage.setItem('crosswalk:profiles', JSON.stringify(profiles));
  });
  await page.reload();
  await ready(page);
  expect(await page.getByText('You have passed this check.').filter({ visible: true }).count()).toBe(0);
  expect(await page.getByRole('button', { name: 'Submit my answers' }).count()).toBe(1);
  await answer(page, 'No');
  await expect.poll(() => page.getByText('Not passed yet').count()).toBe(1);

  // Back to the first person: their pass is there, Sam's attempt is not.
  await page.evaluate(() => {
    const profiles = JSON.parse(localStorage.getItem('crosswalk:profiles')!);
    profiles.activeId = 'default';
    localStorage.setItem('crosswalk:profiles', JSON.stringify(profiles));
  });
  await page.reload();
  await ready(page);
  await expect.poll(() => page.getByText('You have passed this check.').filter({ visible: true }).count()).toBe(1);
  // Stored packed (src/lib/learner/packed-storage.ts): read back as the store does.
  const stored = async (profile: string) => {
    const loaded = loadStoredProgress(JSON.parse((await page.evaluate((key) => localStorage.getItem(key), `crosswalk:progress:${profile}`))!));
    if (!loaded.ok) throw new Error(`${profile}'s stored progress does not load: ${loaded.reason}`);
    return loaded.state;
  };
  expect((await stored('default')).checks.beta!.attempts.map((a) => a.passed)).toEqual([true]);
  expect((await stored('p-sam')).checks.beta!.attempts.map((a) => a.passed)).toEqual([false]);
  await page.context().close();
});

const alphaCheckUrl = new URL('modules/alpha/check/', base).href;

test('by keyboard: nothing answered names the questions; partial credit is said in words; a passed check opened at a question reviews it', async () => {
  const page = await openPage(browser());
  const watch = await watchPage(page, new URL(base).origin);
  await page.goto(alphaCheckUrl);
  await ready(page);

  await page.getByRole('button', { name: 'Submit my answers' }).focus();
  await page.keyboard.press('Enter');
  const alert = page.getByRole('alert');
  await expect.poll(() => alert.innerText()).toContain('3 questions have no answer yet.');
  expect(await alert.getByRole('link').allInnerTexts()).toEqual(['Question 1', 'Question 2', 'Question 3']);
  expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
  expect(await page.locator('fieldset[aria-invalid="true"]').count()).toBe(3);

  // Space ticks the focused option, as in any form.
  for (const label of ['Walk them over and introduce them.', 'Listen', 'How can I help?']) {
    await page.getByLabel(label, { exact: true }).focus();
    await page.keyboard.press('Space');
  }
  await page.getByRole('button', { name: 'Submit my answers' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Passed: you scored 83%' }).count()).toBe(1);
  expect(await page.getByText('2.5 of 3 points.').count()).toBe(1);
  // Listen alone of two best responses: half the point, said in words beside the symbol.
  expect(await page.locator('#check-pick-many [data-verdict]').innerText()).toBe('◐ Partly correct (0.5 of 1 point)');
  expect(await page.getByText('You chose this.').filter({ visible: true }).count()).toBe(3);
  expect(await page.getByText('Paraphrase').locator('xpath=ancestor::li').getByText('Not the best response.').count()).toBe(0);
  expect(await page.locator('input:not([disabled])').count()).toBe(0);
  expect(await page.locator('fieldset[aria-invalid="true"]').count()).toBe(0);
  expect(await axe(page)).toEqual([]);

  // Linked to one question (as review and feedback links do), a passed check shows it in review.
  expect(watch.problems()).toEqual([]);
  await page.close();
  const linked = await page.context().newPage();
  const linkedWatch = await watchPage(linked, new URL(base).origin);
  await linked.goto(`${alphaCheckUrl}#q-case-q1`);
  await ready(linked);
  await reviewFromLink(linked);
  expect(linkedWatch.problems()).toEqual([]);
  await linked.context().close();
});

async function reviewFromLink(page: Page) {
  expect(await page.locator('[data-module-check]').getAttribute('data-check-view')).toBe('review');
  expect(await page.getByText('Reviewing the check').filter({ visible: true }).count()).toBe(1);
  expect(await page.evaluate(() => document.activeElement?.closest('.check-question')?.id)).toBe('q-case-q1');
  // Review shows the best responses, not the learner's old choices.
  expect(await page.getByText('You chose this.').filter({ visible: true }).count()).toBe(0);
  expect(await page.locator('input:checked').count()).toBe(0);

  // A malformed link to a question still opens the check.
  const malformed = await page.context().newPage();
  await malformed.goto(`${alphaCheckUrl}#q-%E0`);
  await ready(malformed);
  expect(await malformed.getByText('You have passed this check.').filter({ visible: true }).count()).toBe(1);
  await malformed.close();

  await page.getByRole('button', { name: 'Retake the check' }).click();
  expect(await page.locator('input:not([disabled])').count()).toBe(7);
  expect(await page.getByText('A best response.').filter({ visible: true }).count()).toBe(0);
}

test('an inline check in a lesson: a press made before its code arrives counts; feedback, try again, and the answer kept', async () => {
  const page = await openPage(browser());
  const watch = await watchPage(page, new URL(base).origin);
  // A slow connection: the inline check's code arrives well after the learner has answered.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/inline-check\.[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(new URL('modules/alpha/first-steps/', base).href);
  const box = page.locator('[data-inline-check]');
  await box.getByLabel('Walk them over and introduce them.', { exact: true }).check();
  await box.getByRole('button', { name: 'Check my answer' }).click();
  expect(await box.getAttribute('data-enhance')).toBe('pending');
  release();

  const status = box.getByRole('status');
  await expect.poll(() => status.innerText()).toBe('Correct. The feedback on each option is shown above.');
  expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-inline-status'))).toBe(true);
  expect(await box.getByText('Yes, trust transfers.').isVisible()).toBe(true);
  expect(await box.getByText('That is a cold send-off.').isVisible()).toBe(true);
  expect(await box.getByText('You chose this.').filter({ visible: true }).count()).toBe(1);
  expect(await axe(page)).toEqual([]);

  // The answer is kept for review, though not scored.
  const stored = loadStoredProgress(JSON.parse((await page.evaluate(() => localStorage.getItem('crosswalk:progress:default')))!));
  if (!stored.ok) throw new Error(stored.reason);
  expect(stored.state.answers['alpha/practice-warm']?.verdict).toBe('correct');

  await box.getByRole('button', { name: 'Try this question again' }).click();
  expect(await box.getByText('Yes, trust transfers.').isVisible()).toBe(false);
  expect(await box.locator('input:checked').count()).toBe(0);
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Check my answer');
  await page.keyboard.press('Enter');
  await expect.poll(() => status.innerText()).toBe('Choose an answer first.');
  expect(watch.problems()).toEqual([]);
  await page.context().close();
});

test("an inline check's styles load when it comes near, and the question shows once they have", async () => {
  const page = await openPage(browser(), { viewport: { width: 1280, height: 300 } });
  const styles: string[] = [];
  page.on('request', (r) => void (/\/check\.[^/]*\.css$/.test(r.url()) && styles.push(r.url())));
  await page.goto(new URL('modules/alpha/first-steps/', base).href);
  const box = page.locator('[data-inline-check]');
  await box.scrollIntoViewIfNeeded();
  await expect.poll(() => box.isVisible()).toBe(true);
  expect(styles).toHaveLength(1);
  // Styled: an option is a bordered box, as check.css draws it.
  expect(await box.locator('.option label').first().evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe('solid');
  await page.context().close();
});
