/**
 * Two tabs on one profile, in real Chromium (two pages of one browser context share
 * localStorage), on the mini-course under '/training/crosswalk/': both tabs save journal notes,
 * accept assignments and import team records within the same few milliseconds, through the
 * pages' own buttons. Afterwards every write is present, in both tabs and in storage.
 *
 * The mini-course has one reflection prompt; each tab gives it another id (an init script
 * renames the prompt as the page is parsed, before its script reads it), so the two tabs save
 * different notes through the real note box.
 */
import { expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, watchPage, useBrowser } from './browser';
import { pack } from '../../src/lib/encoding/link-codec';
import { recordCode, type CompletionRecord } from '../../src/lib/supervisor/record';

const base = inject('e2e.urls').subpath;
const at = (route: string) => new URL(route, base).href;
const browser = useBrowser();

const ROUNDS = 4;
const TABS = ['a', 'b'] as const;

/**
 * Clicks a button by its text in every tab at once: each page is told the same instant, a moment
 * ahead, and clicks then (the tabs share the machine's clock). Returns when each clicked.
 */
async function clickTogether(pages: Page[], selector: string, text: string): Promise<number[]> {
  const when = Date.now() + 150;
  return Promise.all(
    pages.map((page) =>
      page.evaluate(
        ([sel, label, at]) =>
          new Promise<number>((resolve, reject) => {
            const button = [...document.querySelectorAll<HTMLButtonElement>(sel)].find((b) => b.textContent?.trim() === label);
            if (!button) return reject(new Error(`no button "${label}"`));
            setTimeout(() => {
              // The last millisecond or two by the clock itself: timers are not that precise.
              while (Date.now() < at);
              button.click();
              resolve(Date.now());
            }, Math.max(0, at - Date.now() - 2));
          }),
        [selector, text, when] as const,
      ),
    ),
  );
}

/** Lets the pages finish loading before they are left. */
const quiet = (pages: Page[]) => Promise.all(pages.map((page) => page.waitForLoadState('networkidle')));


/** What storage holds under a key, as seen from a tab. */
const storedIn = (page: Page, key: string) => page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? 'null') as Record<string, unknown> | null, key);

const noteIds = async (page: Page) => Object.keys(((await storedIn(page, 'crosswalk:journal:default'))?.entries ?? {}) as object).sort();
const assignmentIds = async (page: Page) => (((await storedIn(page, 'crosswalk:assigned:default'))?.items ?? []) as { assignment: { id: string } }[]).map((i) => i.assignment.id).sort();
const learnerIds = async (page: Page) => (((await storedIn(page, 'crosswalk:team'))?.records ?? []) as CompletionRecord[]).map((r) => r.learnerId).sort();

test('journal notes, assignments and team imports saved in two tabs at once are all kept, in both tabs', { timeout: 120_000 }, async () => {
  const first = await openPage(browser());
  const context = first.context();
  await context.addInitScript(() => {
    const note = new URLSearchParams(location.search).get('note');
    if (!note) return;
    new MutationObserver((_records, observer) => {
      const box = document.querySelector('[data-reflection-id]');
      if (!box) return;
      box.setAttribute('data-reflection-id', `alpha/${note}`);
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  const pages = [first, await context.newPage()];
  const origin = new URL(base).origin;
  const watches = await Promise.all(pages.map((page) => watchPage(page, origin)));
  const spreads: number[] = [];
  const together = async (selector: string, text: string) => {
    const times = await clickTogether(pages, selector, text);
    spreads.push(Math.abs(times[0]! - times[1]!));
  };

  // Journal notes: each round both tabs open the lesson with their own prompt id and save at once.
  const notes: string[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    await quiet(pages);
    await Promise.all(
      pages.map(async (page, i) => {
        const id = `note-${TABS[i]}${round}`;
        notes.push(`alpha/${id}`);
        await page.goto(`${at('modules/alpha/first-steps/')}?note=${id}`);
        await page.waitForSelector('[data-reflect-journal]:not([hidden])', { timeout: 15_000 });
        await page.getByLabel('Your note (private: kept in your journal on this device)').fill(`Tab ${TABS[i]}, round ${round}.`);
      }),
    );
    await together('[data-reflect-save]', 'Save to my journal');
    await Promise.all(pages.map((page) => expect.poll(() => page.locator('[data-reflect-status]').innerText()).toMatch(/Saved in your journal/)));
  }

  // Assignments: each round both tabs open their own link and accept at once.
  const assignments: string[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    await quiet(pages);
    await Promise.all(
      pages.map(async (page, i) => {
        const id = `assign${TABS[i]}${round}`;
        assignments.push(id);
        await page.goto(`${at('assign/open/')}#${pack('A', 1, { i: id, b: 'Ana', m: ['beta'], c: '2026-11-28' })}`);
        await page.getByRole('button', { name: 'Accept this assignment' }).waitFor({ timeout: 15_000 });
      }),
    );
    await together('button', 'Accept this assignment');
    await Promise.all(pages.map((page) => expect.poll(() => page.getByText('Accepted. It is on your home page and on My progress.').count()).toBe(1)));
  }

  // Team records: both tabs stay on the team page; each round both paste a code and import at once.
  await quiet(pages);
  await Promise.all(pages.map((page) => page.goto(at('team/'))));
  await Promise.all(pages.map((page) => page.getByRole('button', { name: 'Import pasted codes' }).waitFor({ timeout: 15_000 })));
  await Promise.all(pages.map((page) => page.waitForSelector('astro-island:not([ssr])')));
  const learners: string[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    await Promise.all(
      pages.map(async (page, i) => {
        const learnerId = `learner${TABS[i]}${round}`;
        learners.push(learnerId);
        const record: CompletionRecord = {
          learner: `Learner ${TABS[i].toUpperCase()}${round}`,
          learnerId,
          issued: '2026-11-20T10:00:00.000Z',
          course: 'c1',
          modules: [{ id: 'beta', status: 'complete', lessonsRead: 1, lessonsTotal: 1, best: 100 }],
        };
        // Once the team has data, the import form is folded away (issue 18): open it.
        const fold = page.locator('.team-import__details');
        if ((await fold.count()) > 0 && !(await fold.evaluate((d) => (d as HTMLDetailsElement).open))) await fold.locator('summary').click();
        await page.getByLabel('Or paste record codes').fill(recordCode(record));
      }),
    );
    await together('button', 'Import pasted codes');
  }

  // Afterwards: every write is in storage as each tab sees it, and on each tab's live team table.
  for (const page of pages) {
    await expect.poll(() => noteIds(page)).toEqual([...notes].sort());
    await expect.poll(() => assignmentIds(page)).toEqual([...assignments].sort());
    await expect.poll(() => learnerIds(page)).toEqual([...learners].sort());
    await expect.poll(() => page.getByRole('button', { name: /^Remove Learner / }).count()).toBe(2 * ROUNDS);
  }
  // And each tab shows them: its journal and its assignments.
  await quiet(pages);
  for (const page of pages) {
    await page.goto(at('journal/'));
    await expect.poll(() => page.locator('.journal__entry').count(), { timeout: 10_000 }).toBe(2 * ROUNDS);
    await page.waitForLoadState('networkidle');
    await page.goto(at('progress/'));
    await page.waitForSelector('[data-progress-page="ready"]');
    await expect.poll(() => page.locator('[data-section="assignments"] .assignment-item').count()).toBe(2 * ROUNDS);
  }
  await quiet(pages);
  // "At once": the two clicks of each round ran within a few milliseconds of each other.
  expect(Math.max(...spreads)).toBeLessThan(50);
  for (const watch of watches) expect(watch.problems()).toEqual([]);
  await context.close();
});

const profileNames = async (page: Page) => (((await storedIn(page, 'crosswalk:profiles'))?.profiles ?? []) as { name: string }[]).map((p) => p.name).sort();

test('profiles added in two tabs at once are all kept, and both tabs list them', { timeout: 120_000 }, async () => {
  const first = await openPage(browser());
  const context = first.context();
  const pages = [first, await context.newPage()];
  const origin = new URL(base).origin;
  const watches = await Promise.all(pages.map((page) => watchPage(page, origin)));
  await Promise.all(pages.map((page) => page.goto(at('progress/'))));
  await Promise.all(pages.map((page) => page.waitForSelector('[data-progress-page="ready"]')));
  const added: string[] = [];
  const spreads: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    await Promise.all(
      pages.map(async (page, i) => {
        const name = `Tab ${TABS[i].toUpperCase()} ${round}`;
        added.push(name);
        const details = page.locator('details', { has: page.getByText('Add a profile', { exact: true }) });
        if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
        await page.getByLabel('Name of the new profile').fill(name);
      }),
    );
    const times = await clickTogether(pages, 'button', 'Add profile');
    spreads.push(Math.abs(times[0]! - times[1]!));
    await Promise.all(pages.map((page) => expect.poll(() => page.getByText(/^Added the profile/).count()).toBeGreaterThan(0)));
  }
  const expected = ['Me', ...added].sort();
  for (const page of pages) {
    await expect.poll(() => profileNames(page)).toEqual(expected);
    // The tab's own list (the switch menu) shows every profile but the active one.
    await expect.poll(() => page.getByLabel('Switch to another profile').locator('option').allInnerTexts().then((o) => o.length)).toBe(expected.length - 1);
  }
  await quiet(pages);
  expect(Math.max(...spreads)).toBeLessThan(50);
  for (const watch of watches) expect(watch.problems()).toEqual([]);
  await context.close();
});
