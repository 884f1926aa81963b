/**
 * Keyboard-only use of the real course (base '/'):
 *  - a walk from the home page into the onboarding path, its first module, that module's first
 *    lesson and on to the next one, using only Tab and Enter (no clicks, one goto at the start);
 *  - on every page, the first Tab lands on "Skip to main content", which moves focus to #main;
 *  - every element that receives focus on the way shows a visible outline.
 */
import { describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, useBrowser } from './browser';
import { VARIANTS, discoverPages, pagePath } from './site';

const variant = VARIANTS.real;
const pages = discoverPages(variant);
const siteUrl = inject('e2e.urls').real;
const base = new URL(siteUrl).pathname;
/**
 * Tab loops stop after MAX_TABS presses, or after one more press than the page has focusable
 * elements when that is more (a long lesson can hold 60 links before its pager).
 */
const MAX_TABS = 60;

const browser = useBrowser();

interface Focused {
  tag: string;
  /** Resolved href for links, '' otherwise. */
  href: string;
  pathname: string;
  rel: string;
  id: string;
  text: string;
  inMain: boolean;
  outlineStyle: string;
  outlineWidth: number;
  /** Short description for messages: tag, id/classes, text. */
  describe: string;
  rect: { x: number; y: number; width: number; height: number };
}

function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body || el === document.documentElement) return null;
    const style = getComputedStyle(el);
    const a = el instanceof HTMLAnchorElement ? el : null;
    const text = (el.innerText || el.getAttribute('aria-label') || '').replace(/\s+/g, ' ').trim();
    const classes = [...el.classList].map((c) => `.${c}`).join('');
    const r = el.getBoundingClientRect();
    return {
      tag: el.tagName.toLowerCase(),
      href: a?.href ?? '',
      pathname: a ? new URL(a.href).pathname : '',
      rel: a?.rel ?? '',
      id: el.id,
      text,
      inMain: !!el.closest('main'),
      outlineStyle: style.outlineStyle,
      outlineWidth: parseFloat(style.outlineWidth) || 0,
      describe: `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${classes}${a ? ` href="${a.getAttribute('href')}"` : ''}> “${text.slice(0, 60)}”`,
      rect: { x: r.x, y: r.y, width: r.width, height: r.height },
    };
  });
}

function outlineProblem(where: string, f: Focused): string | null {
  if (f.outlineStyle !== 'none' && f.outlineWidth > 0) return null;
  return `${where}: focused ${f.describe} has no visible outline (outline-style: ${f.outlineStyle}, outline-width: ${f.outlineWidth}px)`;
}

/**
 * Presses Tab until `want` matches the focused element; checks each stop's outline on the way.
 * Fails with the list of stops when `want` is not reached within MAX_TABS presses.
 */
async function tabTo(page: Page, goal: string, want: (f: Focused) => boolean, outlineProblems: string[]): Promise<Focused> {
  const where = new URL(page.url()).pathname;
  const stops: string[] = [];
  const focusable = await page.locator('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])').count();
  const limit = Math.max(MAX_TABS, focusable + 1);
  for (let i = 1; i <= limit; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (!f) {
      stops.push(`${i}. (nothing: focus left the page)`);
      continue;
    }
    stops.push(`${i}. ${f.describe}`);
    const problem = outlineProblem(where, f);
    if (problem && !outlineProblems.includes(problem)) outlineProblems.push(problem);
    if (want(f)) return f;
  }
  throw new Error(`${where}: ${limit} presses of Tab never reached ${goal}. Focus went to:\n${stops.join('\n')}`);
}

/** Presses Enter on the focused link and waits for its page; returns the new URL's path. */
async function follow(page: Page, link: Focused): Promise<string> {
  await Promise.all([page.waitForURL(link.href, { timeout: 15_000 }), page.keyboard.press('Enter')]);
  return new URL(page.url()).pathname;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PATH_PAGE = new RegExp(`^${escapeRe(base)}paths/[^/]+/$`);
const MODULE_PAGE = new RegExp(`^${escapeRe(base)}modules/[^/]+/$`);
const LESSON_PAGE = new RegExp(`^${escapeRe(base)}modules/([^/]+)/(?!check/)[^/]+/$`);
const CHECK_PAGE = new RegExp(`^${escapeRe(base)}modules/([^/]+)/check/$`);

test('keyboard only: home → onboarding path → first module → first lesson → next', async () => {
  const page = await openPage(browser());
  const outlineProblems: string[] = [];
  try {
    await page.goto(siteUrl, { waitUntil: 'load' });

    // Home: the first door's button opens the onboarding path.
    const door = await tabTo(page, 'a link to a path page (/paths/<id>/) in <main>: the onboarding door', (f) => f.inMain && PATH_PAGE.test(f.pathname), outlineProblems);
    const pathPage = await follow(page, door);
    expect(pathPage, `Enter on ${door.describe} on the home page`).toMatch(PATH_PAGE);

    // Path page: the first module of the path.
    const moduleLink = await tabTo(page, 'a link to a module page (/modules/<id>/) in <main>', (f) => f.inMain && MODULE_PAGE.test(f.pathname), outlineProblems);
    const modulePage = await follow(page, moduleLink);
    expect(modulePage, `Enter on ${moduleLink.describe} on ${pathPage}`).toMatch(MODULE_PAGE);

    // Module overview: note the module's lessons in order (reading only), then "Start with …".
    const lessons = await page.evaluate(
      (pattern) => [...new Set([...document.querySelectorAll<HTMLAnchorElement>('main a[href]')].map((a) => new URL(a.href).pathname))].filter((p) => new RegExp(pattern).test(p)),
      LESSON_PAGE.source,
    );
    const moduleLessons = lessons.filter((p) => p.startsWith(modulePage));
    expect(moduleLessons.length, `${modulePage}: the module overview links to no lesson of its own`).toBeGreaterThan(0);
    const start = await tabTo(page, 'the “Start with …” button', (f) => f.tag === 'a' && /^Start with\b/.test(f.text), outlineProblems);
    const firstLesson = await follow(page, start);
    expect(firstLesson, `Enter on ${start.describe} on ${modulePage}: not a lesson URL`).toMatch(LESSON_PAGE);
    expect(firstLesson, `Enter on ${start.describe} on ${modulePage}: not the module's first lesson`).toBe(moduleLessons[0]);

    // First lesson: the rel="next" link goes to the second lesson, or the check if there is only one.
    const next = await tabTo(page, 'the rel="next" link', (f) => f.tag === 'a' && f.rel.split(/\s+/).includes('next'), outlineProblems);
    const after = await follow(page, next);
    if (moduleLessons.length > 1) {
      expect(after, `Enter on rel="next" on ${firstLesson}: expected the second lesson`).toBe(moduleLessons[1]);
    } else {
      expect(after, `Enter on rel="next" on ${firstLesson} (the module's only lesson): expected its check page`).toMatch(CHECK_PAGE);
      expect(after, `Enter on rel="next" on ${firstLesson}: the check of another module`).toBe(`${modulePage}check/`);
    }

    expect(outlineProblems, 'focused elements without a visible outline during the walk').toEqual([]);
  } finally {
    await page.context().close();
  }
});

describe('skip link', () => {
  test.each(pages.map((p) => [pagePath(variant, p), p] as const))('%s: first Tab focuses “Skip to main content”, Enter moves focus to #main', async (name, built) => {
    const page = await openPage(browser());
    try {
      await page.goto(new URL(built.route, siteUrl).href, { waitUntil: 'load' });
      await page.keyboard.press('Tab');
      const first = await focused(page);
      expect(first?.text, `${name}: the first Tab focused ${first?.describe ?? 'nothing'}, not the skip link`).toBe('Skip to main content');
      expect(new URL(first!.href).hash, `${name}: the skip link does not point at #main`).toBe('#main');
      const viewport = page.viewportSize()!;
      const r = first!.rect;
      expect(
        r.width > 0 && r.height > 0 && r.x >= 0 && r.y >= 0 && r.x + r.width <= viewport.width && r.y + r.height <= viewport.height,
        `${name}: the focused skip link is not visible on screen (box ${JSON.stringify(r)})`,
      ).toBe(true);
      expect(outlineProblem(name, first!)).toBeNull();

      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.id === 'main', null, { timeout: 5_000 }).catch(() => {});
      const after = await focused(page);
      expect(after?.id, `${name}: after Enter on the skip link, focus is on ${after?.describe ?? 'nothing'}, not #main`).toBe('main');
    } finally {
      await page.context().close();
    }
  });
});
