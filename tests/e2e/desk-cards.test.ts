/**
 * Desk cards on the real course: one card per duty and per value, each with its recap; printed,
 * two cards a page on Letter and on A4, with nothing cut off.
 */
import { expect, inject, test } from 'vitest';
import { axe, openPage, watchPage, useBrowser } from './browser';

const siteUrl = inject('e2e.urls').real;
const browser = useBrowser();

function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

test('24 cards, two to a printed page on Letter and A4, none cut off', { timeout: 60_000 }, async () => {
  const page = await openPage(browser());
  const watch = await watchPage(page, new URL(siteUrl).origin);
  await page.goto(new URL('desk-cards/', siteUrl).href);
  const cards = page.locator('.desk-card');
  expect(await cards.count()).toBe(24);
  expect(await page.locator('#copeland-06 h3').allInnerTexts()).toEqual(['Say', 'Avoid', 'Hand off']);
  expect(await page.locator('#naps-12 .desk-card__referrals').innerText()).toContain('988');
  expect(await axe(page)).toEqual([]);

  await page.emulateMedia({ media: 'print' });
  const clipped = await cards.evaluateAll((els) => els.filter((el) => el.scrollHeight > el.clientHeight + 1).map((el) => el.id));
  expect(clipped, 'cards whose content does not fit their printed height').toEqual([]);
  expect(pdfPageCount(await page.pdf({ format: 'Letter' }))).toBe(12);
  expect(pdfPageCount(await page.pdf({ format: 'A4' }))).toBe(12);
  expect(watch.problems()).toEqual([]);
  await page.context().close();
});
