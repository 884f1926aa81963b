/**
 * The "not saving" notice in real Chromium, on the mini-course: storage fills up, a save is
 * refused and the page says so; space is freed, the next save succeeds, and the notice goes.
 */
import { expect, inject, test } from 'vitest';
import { openPage, watchPage, useBrowser } from './browser';

const base = inject('e2e.urls').subpath;
const browser = useBrowser();

test('the "not saving" notice clears when a later write succeeds, and what was refused is saved', async () => {
  const page = await openPage(browser());
  const watch = await watchPage(page, new URL(base).origin);
  await page.addInitScript(() => {
    // A full storage: every write of course data throws QuotaExceededError while the test says
    // so (the one-character probe the page makes when its store code loads still fits).
    const realSet = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if ((window as Window & { storageFull?: boolean }).storageFull && key !== 'crosswalk:probe') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      realSet.call(this, key, value);
    };
  });
  await page.goto(new URL('modules/alpha/first-steps/', base).href);
  await page.waitForSelector('[data-reflect-journal]:not([hidden])', { timeout: 15_000 });
  const note = page.getByLabel('Your note (private: kept in your journal on this device)');
  const save = page.getByRole('button', { name: 'Save to my journal' });
  const notice = page.getByText('Progress is not being saved.');

  await page.evaluate(() => ((window as Window & { storageFull?: boolean }).storageFull = true));
  await note.fill('Written while storage was full.');
  await save.click();
  await expect.poll(() => notice.count()).toBe(1);
  expect(await page.locator('.storage-notice').innerText()).toContain('storage for the course is full.');

  await page.evaluate(() => ((window as Window & { storageFull?: boolean }).storageFull = false));
  await note.fill('Written after space was freed.');
  await save.click();
  await expect.poll(() => notice.count()).toBe(0);
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('crosswalk:journal:default') ?? '{}') as { entries?: Record<string, { text: string }> });
  expect(stored.entries?.['alpha/first-thought']?.text).toBe('Written after space was freed.');
  expect(watch.problems()).toEqual([]);
  await page.context().close();
});
