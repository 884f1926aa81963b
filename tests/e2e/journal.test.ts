/**
 * The reflection journal in real Chromium, on the mini-course: write a note at a lesson's prompt,
 * find it on /journal/, export it as Markdown, delete it, and delete all after a confirmation.
 */
import { readFile } from 'node:fs/promises';
import { expect, inject, test } from 'vitest';
import { axe, openPage, watchPage, useBrowser } from './browser';

const base = inject('e2e.urls').subpath;
const browser = useBrowser();

test('write, export and delete journal notes', async () => {
  const page = await openPage(browser(), { acceptDownloads: true });
  const watch = await watchPage(page, new URL(base).origin);
  await page.goto(new URL('modules/alpha/first-steps/', base).href);
  const note = page.getByLabel('Your note (private: kept in your journal on this device)');
  await note.fill('I would ask what they need.\n<b>Not bold</b>');
  await page.getByRole('button', { name: 'Save to my journal' }).click();
  await expect.poll(() => page.locator('[data-reflect-status]').innerText()).toMatch(/Saved in your journal/);

  // A reload shows the saved note in place.
  await page.reload();
  await expect.poll(() => note.inputValue()).toBe('I would ask what they need.\n<b>Not bold</b>');

  await page.goto(new URL('journal/', base).href);
  const entries = page.locator('.journal__entry');
  await expect.poll(() => entries.count(), { timeout: 10_000 }).toBe(1);
  expect(await entries.first().locator('.journal__prompt').innerText()).toBe('What would you say?');
  expect(await entries.first().locator('.journal__note').innerText()).toContain('<b>Not bold</b>');
  expect(await entries.first().locator('b').count()).toBe(0);
  expect(await entries.first().locator('a').getAttribute('href')).toBe(`${new URL(base).pathname}modules/alpha/first-steps/#reflect-first-thought`);
  expect(await axe(page)).toEqual([]);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export as Markdown' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^crosswalk-journal-\d{4}-\d{2}-\d{2}\.md$/);
  const markdown = await readFile((await download.path())!, 'utf8');
  expect(markdown).toContain('> What would you say?');
  expect(markdown).toContain('I would ask what they need.');

  await page.getByRole('button', { name: /^Delete this note/ }).click();
  await expect.poll(() => entries.count()).toBe(0);
  expect(await page.getByText('No notes yet.').count()).toBe(1);

  // Two notes, then delete all after the confirmation.
  await page.goto(new URL('modules/alpha/first-steps/', base).href);
  await note.fill('Again.');
  await page.getByRole('button', { name: 'Save to my journal' }).click();
  await page.goto(new URL('journal/', base).href);
  await expect.poll(() => entries.count(), { timeout: 10_000 }).toBe(1);
  await page.getByRole('button', { name: 'Delete all notes…' }).click();
  await page.getByRole('button', { name: 'Delete all notes', exact: true }).click();
  await expect.poll(() => entries.count()).toBe(0);
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('crosswalk:journal:default') ?? '{}').entries)).toEqual({});

  expect(watch.problems()).toEqual([]);
  await page.context().close();
});
