/**
 * The module check in real Chromium, on the fixture course (module beta: one
 * single-choice question, pass mark 50%): fail, retry, pass; the pass survives a
 * reload; a second tab sees it live; corrupted saved data and a localStorage that
 * throws still let a learner take the check, with a visible notice.
 */
import { expect, inject, test } from 'vitest';
import { loadStoredProgress } from '../../src/lib/packed-storage';
import type { Page } from 'playwright-core';
import { openPage, watchPage, useBrowser } from './browser';

const base = inject('e2e.urls').subpath;
const checkUrl = new URL('modules/beta/check/', base).href;
const overviewUrl = new URL('modules/beta/', base).href;

const browser = useBrowser();

async function answer(page: Page, option: 'Yes' | 'No') {
  await page.getByLabel(option, { exact: true }).check();
  await page.getByRole('button', { name: 'Submit my answers' }).click();
}

async function hydrated(page: Page) {
  await page.waitForSelector('astro-island:not([ssr])', { timeout: 15_000 });
}

test('fail, retry with feedback, pass; the pass survives a reload and shows in another tab', async () => {
  const page = await openPage(browser());
  const watch = await watchPage(page, new URL(base).origin);
  await page.goto(checkUrl);
  await hydrated(page);

  const otherTab = await page.context().newPage();
  await otherTab.goto(overviewUrl);
  await otherTab.waitForSelector('[data-progress-badge]:not([hidden])');

  await answer(page, 'No');
  await expect.poll(() => page.getByRole('heading', { level: 2 }).filter({ hasText: 'Not passed yet' }).count()).toBe(1);
  // Every option explains itself, in words.
  await expect.poll(() => page.getByText('Not the best response.').count()).toBeGreaterThan(0);
  expect(await page.getByText('You chose this.').count()).toBe(1);
  expect(await page.evaluate(() => document.activeElement?.classList.contains('check__result'))).toBe(true);

  await page.getByRole('button', { name: 'Try again' }).first().click();
  await answer(page, 'Yes');
  await expect.poll(() => page.getByRole('heading', { level: 2 }).filter({ hasText: 'Passed: you scored 100%' }).count()).toBe(1);

  // The other tab hears about it without a reload.
  await expect.poll(() => otherTab.locator('[data-progress-badge]').first().textContent()).toContain('best score 100%');

  await page.reload();
  await hydrated(page);
  await expect.poll(() => page.getByText('You have passed this check.').count()).toBe(1);
  await page.getByRole('button', { name: 'Review the check' }).click();
  await expect.poll(() => page.getByText('A best response.').count()).toBe(1);

  expect(watch.problems()).toEqual([]);
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
  await hydrated(page);
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
  await hydrated(page);
  await expect.poll(() => page.getByText('Progress is not being saved.').count()).toBe(1);
  await answer(page, 'Yes');
  await expect.poll(() => page.getByText('Passed: you scored 100%').count()).toBe(1);
  expect(errors).toEqual([]);
  await page.context().close();
});

test('two named profiles on one browser keep their progress apart', async () => {
  const page = await openPage(browser());
  await page.goto(checkUrl);
  await hydrated(page);
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
  await hydrated(page);
  expect(await page.getByText('You have passed this check.').count()).toBe(0);
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
  await hydrated(page);
  await expect.poll(() => page.getByText('You have passed this check.').count()).toBe(1);
  // Stored packed (src/lib/packed-storage.ts): read back as the store does.
  const stored = async (profile: string) => {
    const loaded = loadStoredProgress(JSON.parse((await page.evaluate((key) => localStorage.getItem(key), `crosswalk:progress:${profile}`))!));
    if (!loaded.ok) throw new Error(`${profile}'s stored progress does not load: ${loaded.reason}`);
    return loaded.state;
  };
  expect((await stored('default')).checks.beta!.attempts.map((a) => a.passed)).toEqual([true]);
  expect((await stored('p-sam')).checks.beta!.attempts.map((a) => a.passed)).toEqual([false]);
  await page.context().close();
});
