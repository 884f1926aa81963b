/**
 * Tap to call in lesson prose (issue 20): on the real course's crisis lesson, 911 and 988 in the
 * text are tel: links and "text 988" an sms: link, none of them inside a heading, a button or
 * another link; and the home page's parts that show stored state come to life once a lesson has
 * been opened (their code loads only when something is stored).
 */
import { expect, inject, test } from 'vitest';
import { axe, openPage, watchPage, useBrowser } from './browser';

const siteUrl = inject('e2e.urls').real;
const browser = useBrowser();

test('the crisis lesson links 911 and 988 where its prose names them, and nowhere they would nest', async () => {
  const page = await openPage(browser(), { viewport: { width: 390, height: 844 } });
  const watch = await watchPage(page, new URL(siteUrl).origin);
  await page.goto(new URL('modules/duty-08-crises/when-it-is-more/', siteUrl).href);
  const lesson = page.locator('article.lesson');
  expect(await lesson.locator('p a[href="tel:911"]').count()).toBeGreaterThan(2);
  expect(await lesson.locator('a[href="tel:988"]').count()).toBeGreaterThan(0);
  expect(await lesson.locator('a[href="sms:988"]').count()).toBeGreaterThan(0);
  const nested = await page.locator(':is(a, button, h1, h2, h3, h4, summary) a.phone').count();
  expect(nested, 'phone links inside a link, a button or a heading').toBe(0);
  // The link reads as what it does: the number, or "text 988".
  expect(await lesson.locator('a[href="sms:988"]').first().innerText()).toMatch(/^text 988$/i);
  expect(await axe(page)).toEqual([]);
  expect(watch.problems()).toEqual([]);
  await page.context().close();
});

test('home on a first visit shows no stored parts; after a lesson is opened, it offers to continue it', async () => {
  const page = await openPage(browser());
  const watch = await watchPage(page, new URL(siteUrl).origin);
  await page.goto(siteUrl);
  const continueBox = page.locator('[data-continue]');
  expect(await continueBox.isHidden()).toBe(true);
  await page.goto(new URL('modules/orientation/everyone-is-library-staff/', siteUrl).href);
  // A lesson's progress code starts at the reader's first move.
  await page.mouse.wheel(0, 10);
  await expect.poll(() => page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith('crosswalk:progress:')))).toBe(true);
  await page.goto(siteUrl);
  await expect.poll(() => continueBox.isVisible()).toBe(true);
  expect(await continueBox.locator('[data-continue-link]').getAttribute('href')).toMatch(/\/modules\/orientation\/everyone-is-library-staff\//);
  expect(watch.problems()).toEqual([]);
  await page.context().close();
});
