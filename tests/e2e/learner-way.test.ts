/**
 * The learner's way through (issue 20, part A), in real Chromium on the real course:
 *  - at 390×844 every lesson's h1 is on the first screen, and the home page's start button;
 *    the phone's Menu opens and closes by keyboard (Escape puts focus back on it);
 *  - ✓ on read lessons (in words too), Continue to the section left, the next module once a
 *    module is complete, the certificate offered where earned;
 *  - My progress: summary first, each module once, no layout shift on load (CLS ≤ 0.05);
 *  - the certificate lists what was completed and shows the record code's own checksum;
 *  - review (mini-course): no "Easy" after a wrong answer, "Again" comes back in the session,
 *    and the end offers a way onward.
 */
import { describe, expect, inject, test } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { axe, openPage, watchPage, type PageWatch, useBrowser, seedStorageOnce } from './browser';
import { VARIANTS, discoverPages } from './site';

const siteUrl = inject('e2e.urls').real;
const subpathUrl = inject('e2e.urls').subpath;
const browser = useBrowser();
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 } };

const at = '2026-11-20T10:00:00.000Z';
const passed = { at, ratio: 1, points: 6, max: 6, passed: true, answers: {}, contentHash: '' };
/** Orientation complete (read and passed), duty 1 begun: one lesson read, another left half-way. */
const learner = {
  'crosswalk:progress:default': JSON.stringify({
    version: 2,
    epoch: 'e1',
    lessons: Object.fromEntries(
      ['orientation/what-a-peer-specialist-is', 'orientation/everyone-is-library-staff', 'orientation/warm-hand-off-and-limits', 'duty-01-caring-relationship/caring-and-trust'].map((id) => [id, { readAt: at }]),
    ),
    checks: { orientation: { attempts: [passed], best: passed, passedAt: at } },
    completions: {},
    answers: {},
    lastVisit: { lessonId: 'duty-01-caring-relationship/both-ways', title: 'Both ways', moduleTitle: 'Duty 1', at },
  }),
  'crosswalk:places:default': JSON.stringify({ version: 1, places: { 'duty-01-caring-relationship/both-ways': { section: 'words-that-keep-you-level', at } } }),
};

async function open(url: string, options: { storage?: Record<string, string>; context?: BrowserContextOptions } = {}): Promise<{ page: Page; watch: PageWatch }> {
  const page = await openPage(browser(), options.context);
  const watch = await watchPage(page, new URL(url).origin);
  if (options.storage) await seedStorageOnce(page, options.storage);
  await page.goto(url);
  return { page, watch };
}

async function close(page: Page, watch: PageWatch) {
  const problems = watch.problems();
  await page.context().close();
  expect(problems, 'console errors, page errors or failed requests').toEqual([]);
}

describe('a phone, 390×844', () => {
  test("every lesson's title, and the home page's start button, is on the first screen", async () => {
    const lessons = discoverPages(VARIANTS.real)
      .map((p) => p.route)
      .filter((route) => /^modules\/[^/]+\/[^/]+\/$/.test(route) && !route.endsWith('/check/'));
    expect(lessons.length).toBeGreaterThan(30);
    // No request watch here: going on to the next lesson at once aborts the last one's late
    // requests, which is no fault of the page (the other tests watch every request).
    const page = await openPage(browser(), PHONE);
    await page.goto(siteUrl);
    const start = await page.getByRole('link', { name: /^Start the .* path$/ }).boundingBox();
    expect(start!.y + start!.height).toBeLessThan(844);
    const below: string[] = [];
    for (const route of lessons) {
      await page.goto(new URL(route, siteUrl).href);
      const box = await page.locator('h1').boundingBox();
      if (!box || box.y + box.height >= 844) below.push(`${route}: h1 ends at ${box ? Math.round(box.y + box.height) : 'nowhere'}`);
    }
    expect(below).toEqual([]);
    await page.context().close();
  });

  test('the Menu opens and closes from the keyboard, Escape gives focus back to it, and the outline is folded', async () => {
    const { page, watch } = await open(new URL('modules/orientation/what-a-peer-specialist-is/', siteUrl).href, { context: PHONE });
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.isVisible()).toBe(false);
    expect(await page.locator('details[data-outline]').evaluate((d: HTMLDetailsElement) => d.open)).toBe(false);
    const menu = page.locator('details[data-site-menu] > summary');
    await menu.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => nav.isVisible()).toBe(true);
    expect(await axe(page)).toEqual([]);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Modules');
    await page.keyboard.press('Escape');
    await expect.poll(() => nav.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.closest('details')?.hasAttribute('data-site-menu'))).toBe(true);
    // The breadcrumb is one line.
    const crumb = await page.locator('nav.breadcrumbs').boundingBox();
    expect(crumb!.height).toBeLessThan(40);
    await close(page, watch);
  });

  test('the skip links reach the lesson and its outline; the theme button says its state', async () => {
    const { page, watch } = await open(new URL('modules/orientation/what-a-peer-specialist-is/', siteUrl).href, { context: { viewport: { width: 1280, height: 800 } } });
    const texts: string[] = [];
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      texts.push((await page.evaluate(() => document.activeElement?.textContent)) ?? '');
    }
    expect(texts).toEqual(['Skip to main content', 'Skip to the lesson', 'Skip to the module outline']);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('lesson');
    // The first glossary term is then a few Tabs away, and its popover does not cover it.
    let tabs = 0;
    while (tabs < 10 && !(await page.evaluate(() => document.activeElement?.classList.contains('term')))) {
      await page.keyboard.press('Tab');
      tabs++;
    }
    expect(tabs).toBeLessThan(10);
    await page.keyboard.press('Enter');
    const term = await page.evaluate(() => {
      const button = document.activeElement as HTMLElement;
      const popover = document.getElementById(button.getAttribute('popovertarget')!)!;
      const [t, p] = [button.getBoundingClientRect(), popover.getBoundingClientRect()];
      return { open: popover.matches(':popover-open'), overlaps: !(p.bottom <= t.top || p.top >= t.bottom || p.right <= t.left || p.left >= t.right) };
    });
    expect(term).toEqual({ open: true, overlaps: false });
    const toggle = page.locator('[data-theme-toggle]');
    await expect.poll(() => toggle.innerText()).toMatch(/Dark theme: off$/);
    await toggle.click();
    await expect.poll(() => toggle.innerText()).toMatch(/Dark theme: on$/);
    await close(page, watch);
  });
});

describe('where am I', () => {
  test('module page: ✓ on read lessons, Continue at the section left; a finished module offers the next one and its certificate', async () => {
    const { page, watch } = await open(new URL('modules/duty-01-caring-relationship/', siteUrl).href, { storage: learner, context: PHONE });
    const main = page.locator('[data-next-step-link]');
    const title = await page.locator('.lesson-list li[data-lesson-id$="/both-ways"] > a').evaluate((a) => a.firstChild!.textContent);
    await expect.poll(() => main.innerText()).toBe(`Continue with “${title}”`);
    expect(await main.getAttribute('href')).toBe('/modules/duty-01-caring-relationship/both-ways/#words-that-keep-you-level');
    const read = page.locator('.lesson-list li[data-lesson-id="duty-01-caring-relationship/caring-and-trust"] [data-read-mark]');
    expect(await read.isVisible()).toBe(true);
    expect(await read.textContent()).toBe(' ✓(read)');
    expect(await page.locator('.lesson-list li[data-lesson-id="duty-01-caring-relationship/both-ways"] [data-read-mark]').isVisible()).toBe(false);
    expect(await page.locator('[data-next-step-certificate]').isVisible()).toBe(false);

    await page.goto(new URL('modules/orientation/', siteUrl).href);
    await expect.poll(() => main.getAttribute('data-kind')).toBe('next-module');
    expect(await main.innerText()).toMatch(/^Next module: /);
    expect(await main.getAttribute('href')).toBe('/modules/duty-01-caring-relationship/');
    expect(await page.locator('[data-next-step-certificate] a').getAttribute('href')).toBe('/certificate/?module=orientation');
    expect(await axe(page)).toEqual([]);

    await page.goto(new URL('paths/new-hire/', siteUrl).href);
    await expect.poll(() => main.getAttribute('data-kind')).toBe('continue');
    expect(await main.getAttribute('href')).toBe('/modules/duty-01-caring-relationship/both-ways/#words-that-keep-you-level');
    await close(page, watch);
  });

  test("the lesson outline ticks read lessons, and the section reached is kept for Continue", async () => {
    const { page, watch } = await open(new URL('modules/orientation/everyone-is-library-staff/', siteUrl).href, { storage: learner });
    const mark = page.locator('.lesson-outline li[data-lesson-id="orientation/what-a-peer-specialist-is"] [data-read-mark]');
    await page.mouse.wheel(0, 10);
    await expect.poll(() => mark.isVisible(), { timeout: 10_000 }).toBe(true);
    await page.goto(new URL('modules/duty-01-caring-relationship/working-together/', siteUrl).href);
    const second = page.locator('article.lesson h2[id]').nth(1);
    const id = await second.getAttribute('id');
    // The second section's heading at the top of the screen: that is the section being read.
    await page.evaluate((headingId) => {
      const top = document.getElementById(headingId!)!.getBoundingClientRect().top + window.scrollY;
      window.scrollTo({ top: top - 20, behavior: 'instant' });
    }, id);
    await page.mouse.wheel(0, 1);
    await expect
      .poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('crosswalk:places:default') ?? '{"places":{}}').places['duty-01-caring-relationship/working-together']?.section), { timeout: 10_000 })
      .toBe(id);
    await close(page, watch);
  });
});

describe('My progress and the certificate', () => {
  for (const context of [PHONE, { viewport: { width: 1280, height: 800 } }]) {
    test(`summary first, modules once, no layout shift on load (${context.viewport!.width} px)`, async () => {
      const page = await openPage(browser(), context);
      const watch = await watchPage(page, new URL(siteUrl).origin);
      await page.addInitScript((entries) => {
        for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
        (window as unknown as { cls: number }).cls = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) if (!entry.hadRecentInput) (window as unknown as { cls: number }).cls += entry.value;
        }).observe({ type: 'layout-shift', buffered: true });
      }, learner);
      await page.goto(new URL('progress/', siteUrl).href);
      await page.waitForSelector('[data-progress-page="ready"]');
      await page.waitForTimeout(1000);
      const cls = await page.evaluate(() => (window as unknown as { cls: number }).cls);
      expect(cls).toBeLessThanOrEqual(0.05);
      const headings = await page.locator('.progress-page h2').allInnerTexts();
      expect(headings.slice(0, 2)).toEqual(['At a glance', 'Send a completion record']);
      expect(await page.locator('[data-section="summary"] [data-path-id="new-hire"]').innerText()).toMatch(/1 of \d+ modules complete/);
      await page.getByText(/^Every module once/).click();
      expect(await page.locator('[data-module-id="orientation"]').count()).toBe(1);
      expect(await page.locator('[data-module-id="orientation"]').innerText()).toContain('New-hire onboarding');
      expect(await axe(page)).toEqual([]);
      await close(page, watch);
    });
  }

  test('a module certificate lists what was completed and shows the same code as the end of the record code', async () => {
    const { page, watch } = await open(new URL('certificate/?path=new-hire', siteUrl).href, { storage: learner });
    await page.getByLabel('Name to print on the certificate').fill('Ada Lovelace');
    await page.getByRole('button', { name: 'Show the certificate' }).click();
    const certificate = page.locator('article.certificate');
    await expect.poll(() => certificate.count()).toBe(1);
    const rows = await certificate.locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('Orientation');
    expect(await certificate.innerText()).toMatch(/\d+ other modules of this record are not complete/);
    const code = await page.evaluate(() => location.hash.slice(1));
    expect(await certificate.locator('[data-verification-code]').innerText()).toBe(code.split('.').at(-1));
    expect(await axe(page)).toEqual([]);
    await close(page, watch);
  });
});

describe('review', () => {
  test('no "Easy" after a wrong answer, "Again" comes back in the same session, and the end offers a way onward', async () => {
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    const { page, watch } = await open(new URL('review/', subpathUrl).href, {
      storage: { 'crosswalk:progress:default': JSON.stringify({ version: 2, epoch: 'e1', lessons: {}, checks: {}, completions: {}, answers: { 'beta/only': { options: ['a'], verdict: 'correct', at: yesterday } } }) },
    });
    const question = page.locator('[data-review-state="question"]');
    await expect.poll(() => question.count(), { timeout: 10_000 }).toBe(1);
    await page.getByLabel('No', { exact: true }).check();
    await page.getByRole('button', { name: 'Check my answer' }).click();
    const ratings = await page.locator('[data-rating]').evaluateAll((buttons) => buttons.map((b) => (b as HTMLElement).dataset.rating));
    expect(ratings).not.toContain('easy');
    expect(ratings).toContain('again');
    await page.locator('[data-rating="again"]').click();
    await expect.poll(() => page.locator('[data-review-state="question"] p.meta').innerText()).toContain('Question 2 of 2');
    expect(await question.getAttribute('data-question-id')).toBe('beta/only');
    await page.getByLabel('Yes', { exact: true }).check();
    await page.getByRole('button', { name: 'Check my answer' }).click();
    expect(await page.locator('[data-rating]').count()).toBe(4);
    await page.locator('[data-rating="good"]').click();
    await expect.poll(() => page.locator('[data-review-state="finished"]').count()).toBe(1);
    expect(await page.locator('[data-review-onward] a').count()).toBeGreaterThan(0);
    expect(await axe(page)).toEqual([]);
    await close(page, watch);
  });
});
