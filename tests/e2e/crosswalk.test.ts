/**
 * The crosswalk page of the real course: every duty, value and article has a row, and no row is
 * empty — each names at least one module of its own part, and those links open that module.
 * Then the course reads on a phone: the crosswalk, a module overview, a lesson and a check fit a
 * 375 px screen with no sideways scrolling, and axe stays clean there.
 */
import { describe, expect, inject, test } from 'vitest';
import { axe, openPage, report, settle, useBrowser } from './browser';
import { VARIANTS, discoverPages } from './site';

const siteUrl = inject('e2e.urls').real;
const browser = useBrowser();

interface Row {
  id: string;
  item: string;
  main: { text: string; href: string }[];
  also: number;
}

test('the crosswalk has a row for each of the 12 + 12 + 7 items, and none is empty', async () => {
  const page = await openPage(browser());
  try {
    await page.goto(new URL('crosswalk/', siteUrl).href);
    const tables = await page.$$eval('section.framework', (sections) =>
      sections.map((section) => ({
        title: section.querySelector('h2')?.textContent?.trim() ?? '',
        rows: [...section.querySelectorAll('tbody tr')].map((tr) => ({
          id: tr.id,
          item: tr.querySelector('th')?.firstChild?.textContent?.trim() ?? '',
          main: [...tr.querySelectorAll('.main-cell a')].map((a) => ({ text: a.textContent!.trim(), href: (a as HTMLAnchorElement).href })),
          also: tr.querySelectorAll('.also-cell a').length,
        })),
      })),
    );
    expect(tables.map((t) => t.rows.length), 'rows per framework table').toEqual([12, 12, 7]);
    const rows: Row[] = tables.flatMap((t) => t.rows);
    expect(rows.map((r) => r.id)).toEqual([
      ...Array.from({ length: 12 }, (_, i) => `copeland-${String(i + 1).padStart(2, '0')}`),
      ...Array.from({ length: 12 }, (_, i) => `naps-${String(i + 1).padStart(2, '0')}`),
      ...Array.from({ length: 7 }, (_, i) => `lbor-${i + 1}`),
    ]);
    const empty = rows.filter((r) => r.main.length === 0).map((r) => r.id);
    expect(empty, 'rows with no module of their own').toEqual([]);

    // A row's main module really is a module page, and its overview says it maps that item.
    const duty8 = rows.find((r) => r.id === 'copeland-08')!;
    await page.goto(duty8.main[0]!.href);
    await expect(page.locator('h1').textContent()).resolves.toBe(duty8.main[0]!.text);
  } finally {
    await page.context().close();
  }
});

describe('on a phone-sized screen', () => {
  const pages = discoverPages(VARIANTS.real).map((p) => p.route);
  const firstDuty = pages.find((r) => /^modules\/duty-01[^/]*\/$/.test(r));
  const routes = [
    'crosswalk/',
    firstDuty,
    pages.find((r) => firstDuty && r.startsWith(firstDuty) && r !== firstDuty && !r.endsWith('check/')),
    firstDuty && `${firstDuty}check/`,
  ];

  test.each(routes.map((r, i) => [r ?? `(missing page ${i})`, r] as const))('%s fits 375 px with no sideways scroll and passes axe', async (name, route) => {
    expect(route, `${name}: the real course has no first duty module to open`).toBeTruthy();
    const page = await openPage(browser(), { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    try {
      await page.goto(new URL(route!, siteUrl).href, { waitUntil: 'load' });
      const problems = await settle(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) problems.push(`the page is ${overflow}px wider than the screen`);
      problems.push(...(await axe(page)).map((v) => `axe ${v}`));
      if (problems.length) expect.fail(report(`${name} at 375 px`, problems));
    } finally {
      await page.context().close();
    }
  });
});
