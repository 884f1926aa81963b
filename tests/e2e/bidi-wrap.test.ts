/**
 * Names that could break a page, in real Chromium on a phone-sized window (390 px), on the
 * subpath fixture: a name opening with an unclosed right-to-left override ("\u202E Sam") must not
 * turn the sentence around it backwards, and one long unbroken name must not widen the page.
 * The journey: a supervisor makes an assignment, the learner opens and accepts it, sees it on
 * My progress, makes record codes, opens the certificate, and the supervisor imports the codes.
 */
import { expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { axe, openPage, watchPage, useBrowser } from './browser';

const base = inject('e2e.urls').subpath;
const browser = useBrowser();

const RTL = '\u202E Sam';
/** The longest name a record or assignment carries (MAX_NAME, MAX_LEARNER_NAME), unbroken. */
const LONG = 'Wolfeschlegelsteinhausenbergerdorff'.repeat(3).slice(0, 80);
/** The longest profile name (MAX_NAME_LENGTH), unbroken. */
const LONG_PROFILE = LONG.slice(0, 60);
const WIDTH = 390;

/** The island has hydrated: typing now reaches React's state. */
const hydrated = (page: Page) => page.waitForSelector('astro-island:not([ssr])', { timeout: 15_000 });

/** The page is no wider than the phone: nothing makes it scroll sideways. */
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/**
 * Every element in `scope` whose own text is exactly `name`: each must isolate it (a <bdi>, or
 * dir="auto"), and the text just before and after it on the same line must sit before and after
 * it on screen, left to right. Returns how many were checked, or the first problem.
 */
function isolatedInOrder(page: Page, scope: string, name: string) {
  return page.evaluate(
    ([scope, name]) => {
      // Shown on screen: not inside a closed part, and not the words kept for screen readers only.
      const shown = (el: Element) => (el as HTMLElement).offsetParent !== null && !el.closest('.visually-hidden');
      const holders = [...document.querySelectorAll(`${scope} *`)].filter((el) => el.textContent === name && el.childElementCount === 0 && shown(el));
      if (holders.length === 0) return `no visible element in ${scope} holds the name`;
      const sameLine = (a: DOMRect, b: DOMRect) => a.top < b.bottom - 2 && b.top < a.bottom - 2;
      for (const el of holders) {
        if (el.tagName !== 'BDI' && el.getAttribute('dir') !== 'auto') return `the name is in a <${el.tagName.toLowerCase()}>, not isolated`;
        const block = el.closest('p, h1, h2, h3, li, th, td, label, summary') ?? el.parentElement!;
        const texts: Text[] = [];
        const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) texts.push(walker.currentNode as Text);
        const inside = (t: Text) => el.contains(t);
        const first = texts.findIndex(inside);
        const last = texts.findLastIndex(inside);
        const before = texts.slice(0, first).reverse().find((t) => t.data.trim());
        const after = texts.slice(last + 1).find((t) => t.data.trim());
        const rects = el.getClientRects();
        const charRect = (t: Text, at: 'start' | 'end') => {
          const range = document.createRange();
          const offset = at === 'start' ? t.data.search(/\S/) : t.data.trimEnd().length - 1;
          range.setStart(t, offset);
          range.setEnd(t, offset + 1);
          return range.getBoundingClientRect();
        };
        if (before) {
          const r = charRect(before, 'end');
          const start = rects[0]!;
          if (sameLine(r, start) && r.right > start.left + 1) return `“${before.data.trim()}” shows after the name`;
        }
        if (after) {
          const r = charRect(after, 'start');
          const end = rects[rects.length - 1]!;
          if (sameLine(r, end) && r.left < end.right - 1) return `“${after.data.trim()}” shows before the name`;
        }
      }
      return holders.length;
    },
    [scope, name] as const,
  );
}

test('a right-to-left override and an 80-character name, on a phone: pages stay in order and in width', async () => {
  const page = await openPage(browser(), { viewport: { width: WIDTH, height: 844 } });
  const watch = await watchPage(page, new URL(base).origin);
  const at = new Date().toISOString();
  await page.addInitScript(
    ({ rtl, long, at }) => {
      if (sessionStorage.getItem('e2e:seeded')) return;
      sessionStorage.setItem('e2e:seeded', '1');
      localStorage.setItem(
        'crosswalk:profiles',
        JSON.stringify({
          version: 1,
          activeId: 'p-rtl',
          profiles: [
            { id: 'default', name: 'Me', createdAt: at },
            { id: 'p-rtl', name: rtl, createdAt: at },
            { id: 'p-long', name: long, createdAt: at },
          ],
        }),
      );
    },
    { rtl: RTL, long: LONG_PROFILE, at },
  );

  // The supervisor: from the right-to-left name, for the long one, with a long unbroken note.
  await page.goto(new URL('assign/', base).href);
  await hydrated(page);
  await page.getByLabel('From', { exact: true }).fill(RTL);
  await page.getByLabel('Note to the learner (optional)').fill('N'.repeat(300));
  await page.getByLabel('Learners (optional)').fill(LONG);
  await page.getByRole('button', { name: 'Make links' }).click();
  const url = page.locator('.link-card textarea');
  await expect.poll(() => url.count()).toBe(1);
  expect(await isolatedInOrder(page, '.link-card h3', LONG)).toBe(1);
  expect(await pageWidth(page)).toBeLessThanOrEqual(WIDTH);
  expect(await axe(page)).toEqual([]);

  // The learner opens it: "For <long>, from <rtl>" keeps its order; the note wraps.
  await page.goto(await url.inputValue());
  await expect.poll(() => page.locator('[data-assignment-ready]').count()).toBe(1);
  expect(await isolatedInOrder(page, '#assignment-heading', RTL)).toBe(1);
  expect(await isolatedInOrder(page, '#assignment-heading', LONG)).toBe(1);
  expect(await isolatedInOrder(page, '.tool', RTL)).toBe(2); // the heading, and "Nothing is sent to <rtl> or anyone else"
  expect(await page.locator('.assignment-note').getAttribute('dir')).toBe('auto');
  expect(await pageWidth(page)).toBeLessThanOrEqual(WIDTH);
  expect(await axe(page)).toEqual([]);
  await page.getByRole('button', { name: 'Accept this assignment' }).click();
  await expect.poll(() => page.getByText('Accepted.').count()).toBe(1);

  // My progress, as "<rtl>": "You are using the profile <rtl>." ends with its full stop.
  await page.goto(new URL('progress/', base).href);
  await expect.poll(() => page.locator('[data-progress-page="ready"]').count()).toBe(1);
  expect(await isolatedInOrder(page, '.profile-name', RTL)).toBe(1);
  expect(await page.locator('.profile-name').evaluate((el) => el.parentElement!.textContent)).toBe(`You are using the profile ${RTL}.`);
  // The assignment card names the supervisor twice: "from <rtl>" and "Send your record to <rtl>".
  expect(await isolatedInOrder(page, '[data-section="assignments"]', RTL)).toBe(2);
  expect(await isolatedInOrder(page, '[data-section="assignments"]', LONG)).toBe(1);
  expect(await pageWidth(page)).toBeLessThanOrEqual(WIDTH);
  expect(await axe(page)).toEqual([]);

  // A record code under each profile (the record's name starts as the profile's; each profile
  // is its own learner on the team page).
  const record = page.locator('[data-section="record"]');
  const codes: string[] = [];
  const makeCode = async (name: string) => {
    await record.getByLabel('Your name on the record').fill(name);
    await record.getByRole('button', { name: 'Show record code' }).click();
    await expect.poll(() => record.locator('.record-code label').textContent()).toBe(`Record code for ${name}`);
    expect(await isolatedInOrder(page, '.record-code label', name)).toBe(1);
    codes.push(await record.locator('.record-code textarea').inputValue());
  };
  expect(await record.getByLabel('Your name on the record').inputValue()).toBe(RTL);
  await makeCode(RTL);

  // The longest profile name in use: the page keeps its width.
  const switcher = page.getByLabel('Switch to another profile');
  await switcher.selectOption('p-long');
  await page.getByRole('button', { name: 'Switch profile' }).click();
  await expect.poll(() => page.locator('.profile-name').textContent()).toBe(LONG_PROFILE);
  expect(await isolatedInOrder(page, '.progress-page', LONG_PROFILE)).toBeGreaterThanOrEqual(2); // the sentence and "Rename “…”"
  await makeCode(LONG);
  expect(await pageWidth(page)).toBeLessThanOrEqual(WIDTH);
  expect(await axe(page)).toEqual([]);

  // The certificates.
  for (const [i, name] of [RTL, LONG].entries()) {
    await page.goto(`${new URL('certificate/', base).href}#${codes[i]}`);
    await expect.poll(() => page.locator('#certificate-name').count()).toBe(1);
    expect(await isolatedInOrder(page, '#certificate-name', name)).toBe(1);
    expect(await pageWidth(page)).toBeLessThanOrEqual(WIDTH);
    expect(await axe(page)).toEqual([]);
  }

  // The supervisor imports both: "Added <rtl>." and the team table keep order and width.
  await page.goto(new URL('team/', base).href);
  await hydrated(page);
  // With team data stored, the import form is folded away (issue 18): open it.
  const fold = page.locator('.team-import__details');
  if ((await fold.count()) > 0 && !(await fold.evaluate((d) => (d as HTMLDetailsElement).open))) await fold.locator('summary').click();
  await page.getByLabel('Or paste record codes').fill(codes.join('\n'));
  await page.getByRole('button', { name: 'Import pasted codes' }).click();
  await expect.poll(() => page.locator('[data-import-ok="yes"]').count()).toBe(2);
  expect(await isolatedInOrder(page, '.import-results', RTL)).toBe(1);
  expect(await isolatedInOrder(page, '.import-results', LONG)).toBe(1);
  // On a phone the team is one card per person (the table is for wide screens).
  // A card may name a person twice (the roster's name and the name the record was signed with):
  // every showing must be isolated and in order (a failure is a sentence, not a count).
  expect(await isolatedInOrder(page, '.team-cards', RTL)).toBeGreaterThanOrEqual(1);
  expect(await isolatedInOrder(page, '.team-cards', LONG)).toBeGreaterThanOrEqual(1);
  expect(await pageWidth(page)).toBeLessThanOrEqual(WIDTH);
  expect(await axe(page)).toEqual([]);

  expect(watch.problems()).toEqual([]);
  await page.context().close();
});
