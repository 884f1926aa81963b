/**
 * My progress (/progress/) in real Chromium, on the real course (base '/') and the
 * mini-course under '/training/crosswalk/':
 *  - what a learner sees, from nothing saved and from progress saved earlier (status in words);
 *  - profiles: add (an empty name is refused inline), switch, rename, remove after a confirmation
 *    that takes focus;
 *  - backup: export downloads every profile; importing that file elsewhere shows the plan first
 *    and then adds and merges; a file that is not a backup changes nothing;
 *  - reset after a confirmation naming the profile; shared-computer mode on, clear, off;
 *  - storage blocked: a plain warning; no WCAG A/AA violation with confirmations open; no
 *    sideways scrolling at 360px.
 */
import { readFile } from 'node:fs/promises';
import { expect, inject, test } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { axe, openPage, watchPage, type PageWatch, useBrowser, seedStorageOnce } from './browser';

const siteUrl = inject('e2e.urls').real;
const subpathUrl = inject('e2e.urls').subpath;
const progressUrl = new URL('progress/', siteUrl).href;
const origin = new URL(siteUrl).origin;

const browser = useBrowser();

/** Opens My progress in a fresh context, optionally with storage written before any page script runs. */
async function openProgress(options: { storage?: Record<string, string>; context?: BrowserContextOptions; url?: string } = {}): Promise<{ page: Page; watch: PageWatch }> {
  const page = await openPage(browser(), options.context);
  const url = options.url ?? progressUrl;
  const watch = await watchPage(page, new URL(url).origin);
  if (options.storage) await seedStorageOnce(page, options.storage);
  await page.goto(url);
  await ready(page);
  return { page, watch };
}

/** The island has hydrated and read storage. */
async function ready(page: Page) {
  await page.waitForSelector('[data-progress-page="ready"]', { timeout: 15_000 });
  // Backup, shared computer, reset and erase are folded until asked for (issue 20): open them.
  const tools = page.locator('details[data-section="data-tools"]');
  if ((await tools.count()) && !(await tools.evaluate((d: HTMLDetailsElement) => d.open))) await tools.locator('summary').click();
}

async function close(page: Page, watch: PageWatch) {
  const problems = watch.problems();
  await page.context().close();
  expect(problems, 'console errors, page errors or failed requests').toEqual([]);
}

const section = (page: Page, heading: string) => page.locator('section').filter({ has: page.getByRole('heading', { level: 2, name: heading }) });

/** The Modules section, opened (it is folded until asked for). */
async function openModules(page: Page) {
  const modules = section(page, 'Modules');
  const fold = modules.locator('details');
  if (!(await fold.evaluate((d: HTMLDetailsElement) => d.open))) await fold.locator('summary').click();
  return modules;
}

const focusedText = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText ?? '');

const now = '2026-11-20T10:00:00.000Z';
const twoProfiles = (samProgress: object) => ({
  'crosswalk:profiles': JSON.stringify({
    version: 1,
    activeId: 'default',
    profiles: [
      { id: 'default', name: 'Me', createdAt: now },
      { id: 'p-sam', name: 'Sam', createdAt: now },
    ],
  }),
  'crosswalk:progress:p-sam': JSON.stringify(samProgress),
});
const samInProgress = {
  version: 2,
  epoch: 'e-sam',
  lessons: { 'orientation/what-a-peer-specialist-is': { readAt: now }, 'orientation/everyone-is-library-staff': { readAt: now } },
  checks: {
    orientation: {
      attempts: [{ at: now, ratio: 0.5, points: 3, max: 6, passed: false, answers: {}, contentHash: '' }],
      best: { at: now, ratio: 0.5, points: 3, max: 6, passed: false, answers: {}, contentHash: '' },
    },
  },
  completions: {},
  answers: {},
};

test('a new learner sees every path with modules not started, and where progress is kept', async () => {
  const { page, watch } = await openProgress();
  await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('My progress');
  // Issue 20: a summary per path first, then every module once (folded until opened).
  const summary = section(page, 'At a glance');
  for (const title of ['New-hire onboarding', 'Full cross-training', 'Refresher']) {
    await expect(summary.getByRole('link', { name: title, exact: true }).count()).resolves.toBe(1);
  }
  expect(await summary.innerText()).toMatch(/\b0 of \d+ modules? complete/);
  const modules = await openModules(page);
  const text = await modules.innerText();
  expect(text).toContain('Not started');
  expect(text).toContain('0 of 3');
  await expect(modules.locator('a[href="/modules/orientation/"]').count()).resolves.toBe(1);
  await expect(section(page, 'Profile').innerText()).resolves.toContain('You are using the profile Me.');
  await expect(section(page, 'Storage status').innerText()).resolves.toContain('kept in this browser');
  await close(page, watch);
});

test('progress saved earlier shows as words: status, lessons read, best score', async () => {
  const storage = twoProfiles(samInProgress);
  storage['crosswalk:profiles'] = storage['crosswalk:profiles']!.replace('"activeId":"default"', '"activeId":"p-sam"');
  const { page, watch } = await openProgress({ storage });
  const row = (await openModules(page)).locator('[data-module-id="orientation"]');
  const text = await row.innerText();
  expect(text).toContain('In progress');
  expect(text).toContain('2 of 3');
  expect(text).toContain('50%');
  await close(page, watch);
});

test('profiles: an empty name is refused inline; add, switch, rename, and remove after confirming', async () => {
  const { page, watch } = await openProgress();
  const profile = section(page, 'Profile');

  await profile.getByText('Add a profile').click();
  await profile.getByRole('button', { name: 'Add profile' }).click();
  const input = profile.getByLabel('Name of the new profile');
  await expect(input.getAttribute('aria-invalid')).resolves.toBe('true');
  const describedBy = (await input.getAttribute('aria-describedby')) ?? '';
  const errorText = await page.evaluate((ids) => ids.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' '), describedBy);
  expect(errorText).toContain('Give the profile a name');

  await input.fill('Sam');
  await profile.getByRole('button', { name: 'Add profile' }).click();
  await expect(profile.getByRole('status').innerText()).resolves.toContain('Added the profile “Sam”');
  await expect(profile.innerText()).resolves.toContain('You are using the profile Sam.');

  await profile.getByLabel('Switch to another profile').selectOption({ label: 'Me' });
  await profile.getByRole('button', { name: 'Switch profile' }).click();
  await expect(profile.innerText()).resolves.toContain('You are using the profile Me.');

  await profile.getByText('Rename “Me”').click();
  await profile.getByLabel('New name for “Me”').fill('Alex');
  await profile.getByRole('button', { name: 'Rename', exact: true }).click();
  await expect(profile.innerText()).resolves.toContain('You are using the profile Alex.');

  await profile.getByText('Remove another profile').click();
  await profile.getByRole('button', { name: 'Remove…' }).click();
  // The confirmation takes focus and names the profile; Escape backs out and returns focus.
  expect(await focusedText(page)).toContain('Remove the profile “Sam”?');
  await page.keyboard.press('Escape');
  expect(await focusedText(page)).toBe('Remove…');
  await profile.getByRole('button', { name: 'Remove…' }).click();
  await profile.getByRole('button', { name: 'Remove “Sam”' }).click();
  await expect(profile.getByRole('status').innerText()).resolves.toContain('Removed the profile “Sam”');
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('crosswalk:profiles') ?? '{}'));
  expect(stored.profiles.map((p: { name: string }) => p.name)).toEqual(['Alex']);
  await close(page, watch);
});

test('export downloads every profile; importing it into another browser shows the plan, then adds and merges', async () => {
  const first = await openProgress({ storage: twoProfiles(samInProgress) });
  const [download] = await Promise.all([first.page.waitForEvent('download'), section(first.page, 'Backup').getByRole('button', { name: 'Export all my data' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^crosswalk-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const file = await readFile((await download.path())!, 'utf8');
  const backup = JSON.parse(file);
  expect(backup.format).toBe('crosswalk-backup');
  expect(backup.profiles.map((p: { name: string }) => p.name)).toEqual(['Me', 'Sam']);
  await close(first.page, first.watch);

  // Another browser: only "Me", nothing read.
  const { page, watch } = await openProgress();
  const backupSection = section(page, 'Backup');
  await backupSection.getByLabel('Import a backup (.json file)').setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(file) });
  const plan = backupSection.getByRole('group', { name: /^Import “crosswalk-backup-/ });
  const planText = await plan.innerText();
  expect(planText).toContain('“Me”: merged into the profile of the same name');
  expect(planText).toContain('“Sam”: added as a new profile');
  expect(await focusedText(page)).toContain('Import “crosswalk-backup-');
  // Nothing changes before the learner confirms.
  expect(await page.evaluate(() => localStorage.getItem('crosswalk:profiles'))).toBeNull();

  await plan.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(backupSection.getByRole('status').innerText()).resolves.toContain('Imported 2 profiles');
  const profile = section(page, 'Profile');
  await profile.getByLabel('Switch to another profile').selectOption({ label: 'Sam' });
  await profile.getByRole('button', { name: 'Switch profile' }).click();
  await expect((await openModules(page)).locator('[data-module-id="orientation"]').innerText()).resolves.toContain('2 of 3');
  await close(page, watch);
});

test('a file that is not a backup is refused with an alert and changes nothing', async () => {
  const { page, watch } = await openProgress();
  const backupSection = section(page, 'Backup');
  await backupSection.getByLabel('Import a backup (.json file)').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
  await expect(backupSection.getByRole('alert').innerText()).resolves.toContain('This file is not a Crosswalk backup');
  await expect(backupSection.getByRole('button', { name: 'Import', exact: true }).count()).resolves.toBe(0);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('crosswalk:') && k !== 'crosswalk:theme'))).toEqual([]);
  await close(page, watch);
});

test('reset asks first, naming the profile, then starts it afresh', async () => {
  const storage = twoProfiles(samInProgress);
  storage['crosswalk:profiles'] = storage['crosswalk:profiles']!.replace('"activeId":"default"', '"activeId":"p-sam"');
  const { page, watch } = await openProgress({ storage });
  const reset = section(page, 'Reset');
  await reset.getByRole('button', { name: 'Reset my progress' }).click();
  const question = await focusedText(page);
  expect(question).toContain('Reset all progress of “Sam”?');
  expect(question).toContain('cannot be undone');
  await reset.getByRole('button', { name: 'Reset “Sam”' }).click();
  await expect(reset.getByRole('status').innerText()).resolves.toContain('The progress of “Sam” was reset.');
  const text = await (await openModules(page)).locator('[data-module-id="orientation"]').innerText();
  expect(text).toContain('Not started');
  expect(text).toContain('0 of 3');
  await close(page, watch);
});

test('shared-computer mode: switching on keeps nothing beyond the tab; clearing stays in the mode; leaving returns', async () => {
  const { page, watch } = await openProgress({ storage: twoProfiles(samInProgress) });
  await Promise.all([page.waitForEvent('load'), section(page, 'Shared computer').getByRole('button', { name: 'This is a shared computer' }).click()]);
  await ready(page);
  const shared = section(page, 'Shared computer');
  await expect(shared.innerText()).resolves.toContain('Shared-computer mode: nothing is kept after you close this tab');
  await expect(section(page, 'Storage status').innerText()).resolves.toContain('kept in this tab only');
  // The browser's saved profiles are set aside, not shown and not deleted.
  await expect(section(page, 'Profile').getByLabel('Switch to another profile').count()).resolves.toBe(0);

  await section(page, 'Profile').getByText('Add a profile').click();
  await section(page, 'Profile').getByLabel('Name of the new profile').fill('Visitor');
  await section(page, 'Profile').getByRole('button', { name: 'Add profile' }).click();
  await shared.getByRole('button', { name: 'Clear my data now' }).click();
  await Promise.all([page.waitForEvent('load'), shared.getByRole('button', { name: 'Yes, clear my data', exact: true }).click()]);
  await ready(page);
  await expect(section(page, 'Shared computer').innerText()).resolves.toContain('Shared-computer mode');
  await expect(section(page, 'Profile').innerText()).resolves.toContain('You are using the profile Me.');

  await Promise.all([page.waitForEvent('load'), section(page, 'Shared computer').getByRole('button', { name: 'Leave shared-computer mode' }).click()]);
  await ready(page);
  await expect(section(page, 'Shared computer').getByRole('button', { name: 'This is a shared computer' }).count()).resolves.toBe(1);
  await expect(section(page, 'Profile').getByLabel('Switch to another profile').count()).resolves.toBe(1);
  await close(page, watch);
});

test('storage blocked: the page still works and warns, in words, to export a backup', async () => {
  const page = await openPage(browser());
  const watch = await watchPage(page, origin);
  await page.addInitScript(() => {
    // What a browser with site data blocked does: touching localStorage throws.
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await page.goto(progressUrl);
  await ready(page);
  const status = section(page, 'Storage status');
  await expect(status.innerText()).resolves.toContain('Your progress is not kept');
  await expect(status.getByRole('status').innerText()).resolves.toContain('Warning: progress is not being saved.');
  await close(page, watch);
});

test('with confirmations open, axe finds no WCAG A/AA violation, in light and dark', async () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    const { page, watch } = await openProgress({ storage: twoProfiles(samInProgress), context: { colorScheme } });
    const profile = section(page, 'Profile');
    await profile.getByText('Add a profile').click();
    await profile.getByRole('button', { name: 'Add profile' }).click();
    await profile.getByText('Remove another profile').click();
    await profile.getByRole('button', { name: 'Remove…' }).click();
    await section(page, 'Reset').getByRole('button', { name: 'Reset my progress' }).click();
    const violations = await axe(page);
    expect(violations, `${colorScheme}:\n${violations.join('\n\n')}`).toEqual([]);
    await close(page, watch);
  }
});

test('at 360px wide nothing scrolls sideways and every button is at least 44px tall', async () => {
  const { page, watch } = await openProgress({ storage: twoProfiles(samInProgress), context: { viewport: { width: 360, height: 740 } } });
  await section(page, 'Profile').getByText('Remove another profile').click();
  await section(page, 'Profile').getByRole('button', { name: 'Remove…' }).click();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  const small = await page.$$eval('.progress-page button, .progress-page select, .progress-page input, .progress-page summary', (els) =>
    els.map((el) => ({ what: `${el.tagName} “${(el as HTMLElement).innerText || el.getAttribute('type') || ''}”`, height: el.getBoundingClientRect().height })).filter((e) => e.height > 0 && e.height < 44),
  );
  expect(small).toEqual([]);
  await close(page, watch);
});

test('under a sub-path, module links stay under the base and modules in a path are listed', async () => {
  const url = new URL('progress/', subpathUrl).href;
  const { page, watch } = await openProgress({ url });
  const hrefs = await (await openModules(page)).locator('.module-row a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) expect(href).toMatch(/^\/training\/crosswalk\/modules\/[a-z0-9-]+\/$/);
  await close(page, watch);
});
