/**
 * A link whose fragment has a malformed %-escape (a truncated copy, a stray "%") must not stop
 * the page: every door that reads a fragment answers with a sentence and stores nothing.
 */
import { expect, inject, test } from 'vitest';
import { openPage, useBrowser, watchPage } from './browser';

const base = inject('e2e.urls').subpath;
const browser = useBrowser();

test.each([
  ['assign/open/#%E0%A4%A', 'This assignment link could not be opened.'],
  ['assign/open/#A1.abc%zz.def', 'This assignment link could not be opened.'],
  ['certificate/#%E0', 'There is no certificate to show.'],
  ['certificate/#R1.abc%', 'There is no certificate to show.'],
])('/%s answers a sentence', async (route, sentence) => {
  const page = await openPage(browser());
  const watch = await watchPage(page, new URL(base).origin);
  await page.goto(new URL(route, base).href);
  const alert = page.getByRole('alert');
  await expect.poll(() => alert.filter({ hasText: sentence }).count(), { timeout: 10_000 }).toBe(1);
  expect((await alert.innerText()).length).toBeGreaterThan(sentence.length + 20);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('crosswalk:assigned')))).toEqual([]);
  expect(watch.problems()).toEqual([]);
  await page.context().close();
});
