/**
 * Desk cards: one card per duty and per value, then one per practice module (the situations at
 * the desk) and one for a peer specialist joining the staff (issue 21), each with its recap, phone numbers as tap-to-call
 * and tap-to-text links; printed on Letter and on A4, nothing is cut off (issue 20): cards grow
 * to fit, and a long card continues on the next page. Checked in the PDF itself: every line a
 * card shows in print is in the PDF's text, on the real course and on the mini-course, whose
 * referral list has long entries (tests/fixtures/mini-course/content/resources.yaml).
 */
import { extractText, getDocumentProxy } from 'unpdf';
import { expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { axe, openPage, watchPage, useBrowser } from './browser';
import { PROJECT_ROOT } from './site';

const urls = inject('e2e.urls');
const browser = useBrowser();

/**
 * Whitespace (and soft hyphens) removed: the PDF's text breaks lines where the page wrapped them,
 * with or without a space, so only the characters themselves, in order, are compared.
 */
const flat = (text: string) => text.replace(/[\s\u00ad]+/g, '');

async function pdfText(pdf: Buffer): Promise<{ pages: number; text: string }> {
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const { totalPages, text } = await extractText(document, { mergePages: true });
  return { pages: totalPages, text: flat(text) };
}

/** Every line each card shows in print (its innerText under print media), per card. */
async function printedLines(page: Page): Promise<{ id: string; lines: string[] }[]> {
  return page.locator('.desk-card').evaluateAll((cards) =>
    cards.map((card) => ({ id: card.id, lines: (card as HTMLElement).innerText.split('\n').map((l) => l.trim()).filter(Boolean) })),
  );
}

async function expectNothingCut(page: Page, label: string) {
  await page.emulateMedia({ media: 'print' });
  const clipped = await page.locator('.desk-card').evaluateAll((els) => els.filter((el) => el.scrollHeight > el.clientHeight + 1).map((el) => el.id));
  expect(clipped, `${label}: cards whose content overflows their printed box`).toEqual([]);
  const cards = await printedLines(page);
  for (const format of ['Letter', 'A4'] as const) {
    const { pages, text } = await pdfText(await page.pdf({ format }));
    // At least two cards a page when they are short; more pages only when cards need them.
    expect(pages, `${label} on ${format}`).toBeGreaterThan(0);
    const missing = cards.flatMap(({ id, lines }) => lines.filter((line) => !text.includes(flat(line))).map((line) => `${id}: ${line}`));
    expect(missing, `${label} on ${format}: lines missing from the printed PDF`).toEqual([]);
  }
}

/** The practice modules in the course's modules/ folder: each is a situation card. */
const practiceModules = readdirSync(path.join(PROJECT_ROOT, 'modules')).filter((name) => name.startsWith('practice-'));

test('a card per duty, value and situation, with recaps and tappable numbers; printed on Letter and A4, every line is in the PDF', { timeout: 120_000 }, async () => {
  const page = await openPage(browser());
  const watch = await watchPage(page, new URL(urls.real).origin);
  await page.goto(new URL('desk-cards/', urls.real).href);
  const cards = page.locator('.desk-card');
  expect(practiceModules).toContain('practice-08-peer-specialist-at-the-library');
  const situationIds = [...practiceModules.map((m) => `card-${m}`), 'card-orientation-02-library-practice-for-peer-specialists'];
  const ids = await cards.evaluateAll((els) => els.map((el) => el.id));
  expect(ids.filter((id) => id.startsWith('card-')).sort()).toEqual(situationIds.sort());
  expect(ids.length).toBe(24 + situationIds.length);
  expect(await page.locator('#copeland-06 h3').allInnerTexts()).toEqual(['Say', 'Avoid', 'Hand off']);
  for (const id of situationIds) {
    const card = page.locator(`#${id}`);
    expect(await card.locator('h3').allInnerTexts(), id).toEqual(['Say', 'Avoid', 'Hand off']);
    expect(await card.locator('.desk-card__more a').getAttribute('href'), id).toBe(`/modules/${id.slice('card-'.length)}/`);
  }
  expect(await page.locator('#card-practice-08-peer-specialist-at-the-library h2').innerText()).toBe('Working alongside a peer specialist');
  const referrals = page.locator('#naps-12 .desk-card__referrals');
  expect(await referrals.innerText()).toContain('988');
  expect(await referrals.locator('a[href="tel:988"]').count()).toBe(1);
  expect(await referrals.locator('a[href="sms:988"]').count()).toBe(1);
  expect(await page.locator('.desk-card a[href="tel:911"]').count(), 'the hand-off lines that say "call 911"').toBeGreaterThan(0);
  expect(await axe(page)).toEqual([]);
  await expectNothingCut(page, 'real course');
  expect(watch.problems()).toEqual([]);
  await page.context().close();
});

test('long referral entries print whole: every line of every card is in the PDF', { timeout: 120_000 }, async () => {
  const page = await openPage(browser());
  const watch = await watchPage(page, new URL(urls.subpath).origin);
  await page.goto(new URL('desk-cards/', urls.subpath).href);
  const long = page.locator('.desk-card__referrals').first();
  expect(await long.innerText()).toContain('Homelessness Prevention and Emergency Shelter Coordination Office');
  expect(await long.locator('a[href="tel:5550100142"]').count()).toBe(1);
  expect(await long.locator('a[href="sms:5550100123"]').count()).toBe(1);
  await expectNothingCut(page, 'mini-course with long referral entries');
  expect(watch.problems()).toEqual([]);
  await page.context().close();
});
