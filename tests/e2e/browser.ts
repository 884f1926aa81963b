/**
 * Browser helpers for the end-to-end tests: launching Chromium, watching a page for
 * errors and stray requests, settling islands, collecting links, and running axe.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Frame, type Page, type Request } from 'playwright-core';
import { PROJECT_ROOT } from './site';
import type { CourseQuestion } from '../../src/lib/course/course';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium\` or set CHROMIUM_PATH`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const CONTEXT_DEFAULTS: BrowserContextOptions = {
  viewport: { width: 1280, height: 800 },
  colorScheme: 'light',
};

/** A fresh context (empty storage) and page. Close the context when done. */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ ...CONTEXT_DEFAULTS, ...options });
  return context.newPage();
}

export interface PageWatch {
  /** Everything that went wrong so far, one readable line each (empty when all is well). */
  problems(): string[];
  /** The next response for this URL is the deliberate 404 page: its status is not a problem. */
  expectNotFound(url: string): void;
}

function isLocalScheme(url: string): boolean {
  return /^(data|blob|about):/i.test(url);
}

/**
 * Records console errors, uncaught page errors, failed requests, responses with status >= 400
 * (except an expected 404 page) and any request that leaves `origin`. Requests to other
 * origins are aborted so a test never touches the network.
 */
export async function watchPage(page: Page, origin: string): Promise<PageWatch> {
  const problems: string[] = [];
  const expected404 = new Set<string>();
  const isExpected404 = (url: string) => expected404.has(url.split('#')[0]!);
  // A document's own loads (its favicon, a script chunk fetched when idle or on the first click)
  // are cancelled when the test navigates the page or a frame away, reloads it, closes it, or a
  // frame is removed: that abort is the test's doing, not the page's. An abort counts only when
  // none of that happened since the request started and no navigation is under way (the page
  // itself cancelled it).
  const begun = new Map<Frame, number>();
  const committed = new Map<Frame, number>();
  const count = (map: Map<Frame, number>, frame: Frame) => map.get(frame) ?? 0;
  const detached = new WeakSet<Frame>();
  const whenStarted = new WeakMap<Request, { page: number; frame: number; commits: number }>();
  let closed = false;
  page.on('framenavigated', (frame) => committed.set(frame, count(committed, frame) + 1));
  page.on('framedetached', (frame) => detached.add(frame));
  page.on('close', () => (closed = true));
  const navigating = (frame: Frame) => count(begun, frame) > count(committed, frame);
  const cancelledByTest = (request: Request) => {
    const at = whenStarted.get(request);
    const frame = request.frame();
    const main = page.mainFrame();
    if (closed || at === undefined || detached.has(frame) || navigating(frame) || navigating(main)) return true;
    return at.page < count(begun, main) || at.frame < count(begun, frame) || at.commits < count(committed, frame);
  };

  await page.route(
    (url) => url.origin !== origin,
    (route) => route.abort('blockedbyclient'),
  );

  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const where = msg.location().url;
    // Chromium echoes every failed or >= 400 load to the console; the network listeners below
    // already report those (and the deliberate 404 page is no problem), so skip the echo.
    if (/^Failed to load resource\b/.test(msg.text())) return;
    problems.push(`console error: ${msg.text()}${where ? ` (at ${where}:${msg.location().lineNumber})` : ''}`);
  });
  page.on('pageerror', (error) => {
    problems.push(`uncaught page error: ${error.name}: ${error.message}${error.stack ? `\n${error.stack}` : ''}`);
  });
  page.on('request', (request) => {
    const frame = request.frame();
    if (request.isNavigationRequest()) begun.set(frame, count(begun, frame) + 1);
    whenStarted.set(request, { page: count(begun, page.mainFrame()), frame: count(begun, frame), commits: count(committed, frame) });
    const url = request.url();
    if (isLocalScheme(url)) return;
    let requestOrigin: string;
    try {
      requestOrigin = new URL(url).origin;
    } catch {
      requestOrigin = 'unparseable';
    }
    if (requestOrigin !== origin) {
      problems.push(`request leaves the site's origin (${origin}): ${request.method()} ${url} [${request.resourceType()}]`);
    }
  });
  page.on('requestfailed', (request) => {
    const url = request.url();
    if (isLocalScheme(url)) return;
    try {
      // Already reported as leaving the origin.
      if (new URL(url).origin !== origin) return;
    } catch {
      return;
    }
    const errorText = request.failure()?.errorText ?? 'unknown error';
    if (errorText === 'net::ERR_ABORTED' && !request.isNavigationRequest() && cancelledByTest(request)) return;
    problems.push(`request failed: ${request.method()} ${url} [${request.resourceType()}]: ${errorText}`);
  });
  page.on('response', (response) => {
    const status = response.status();
    if (status < 400) return;
    const url = response.url();
    if (status === 404 && isExpected404(url) && response.request().isNavigationRequest()) return;
    problems.push(`HTTP ${status} for ${url} [${response.request().resourceType()}]`);
  });

  return {
    problems: () => [...problems],
    expectNotFound: (url) => void expected404.add(url.split('#')[0]!),
  };
}

/**
 * Reads the open lesson to its end, until it says "Read on …". A short lesson marks itself read
 * once its end is on screen and its code has loaded, which hides "Mark as read"; otherwise the
 * button is pressed, again until the page's script takes the press. A press begun just as the
 * button hides gives up after a second instead of waiting for it forever.
 */
export async function markLessonRead(target: Page | Frame, timeout = 15_000): Promise<void> {
  const button = target.getByRole('button', { name: 'Mark as read' });
  await expect
    .poll(
      async () => {
        if (await button.isVisible()) await button.click({ timeout: 1_000 }).catch(() => {});
        return target.locator('[data-lesson-status]').first().textContent();
      },
      { timeout },
    )
    .toContain('Read on');
}

/**
 * A server-rendered part that a plain script brings to life (the module check, inline checks)
 * says so: `data-enhance="pending"` until its script has wired it, then "ready".
 */
/**
 * Ticks the best responses of the questions the current attempt shows (a check draws some of its
 * bank, src/lib/learner/check-draw.ts), from the course data, since the page itself holds no answers.
 * Returns the local ids of the questions answered.
 */
export async function answerDrawnQuestions(target: Page | Frame, questions: readonly CourseQuestion[], pick: 'best' | 'first' = 'best'): Promise<string[]> {
  const answered: string[] = [];
  for (const question of questions) {
    if (!(await target.locator(`#q-${question.localId}`).isVisible())) continue;
    answered.push(question.localId);
    const chosen = pick === 'best' ? question.options.filter((o) => o.correct) : [question.options[0]!];
    for (const option of chosen) await target.locator(`#check-${question.localId}-${option.id}`).check();
  }
  return answered;
}

export const ENHANCED_PENDING = '[data-enhance="pending"]';
export const CHECK_READY = '[data-module-check][data-enhance="ready"]';

/**
 * Brings every island and enhanced part into view so client:visible ones hydrate and lazily
 * loaded scripts run, waits until all that can have (Astro drops an island's `ssr` attribute;
 * an enhanced part becomes "ready"), then lets the network go quiet.
 * Returns problems (what never came to life) as readable lines.
 */
export async function settle(page: Page): Promise<string[]> {
  const problems: string[] = [];
  const islands = page.locator(`astro-island, ${ENHANCED_PENDING}`);
  const count = await islands.count();
  for (let i = 0; i < count; i++) {
    await islands.nth(i).scrollIntoViewIfNeeded().catch(() => {});
  }
  // Parts whose code loads only when used (an inline check, issue 20) are used as a keyboard
  // reader would: focus moving into them.
  await page.$$eval(ENHANCED_PENDING, (els) => els.forEach((el) => el.dispatchEvent(new FocusEvent('focusin', { bubbles: true })))).catch(() => {});
  if (count > 0) {
    try {
      await page.waitForFunction((selector) => !document.querySelector(selector), ENHANCED_PENDING, { timeout: 15_000 });
    } catch {
      const left = await page.$$eval(ENHANCED_PENDING, (els) => els.map((el) => el.className || el.tagName));
      if (left.length) problems.push(`part(s) never brought to life by their script within 15s: ${left.join(', ')}`);
    }
  }
  if (count > 0) {
    // client:media islands may legitimately stay dormant at this viewport.
    const pending = 'astro-island[ssr]:not([client="media"])';
    try {
      await page.waitForFunction((selector) => !document.querySelector(selector), pending, { timeout: 15_000 });
    } catch {
      const left = await page.$$eval(pending, (els) => els.map((el) => el.getAttribute('component-url') ?? '(unknown component)'));
      if (left.length) problems.push(`island(s) never hydrated within 15s: ${left.join(', ')}`);
    }
  }
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
  await page.evaluate(() => window.scrollTo(0, 0));
  return problems;
}

export interface PageLinks {
  /** Resolved href of every <a href> on the page whose URL is http(s). */
  hrefs: string[];
  /** Every id in the document (fragment targets), plus <a name> values. */
  ids: string[];
}

export async function collectLinks(page: Page): Promise<PageLinks> {
  return page.evaluate(() => {
    const hrefs = [...document.querySelectorAll<HTMLAnchorElement>('a[href]')]
      .map((a) => a.href)
      .filter((href) => /^https?:/i.test(href));
    const ids = [
      ...[...document.querySelectorAll('[id]')].map((el) => el.id),
      ...[...document.querySelectorAll('a[name]')].map((el) => el.getAttribute('name') ?? ''),
    ];
    return { hrefs, ids };
  });
}

const AXE_SOURCE_PATH = path.join(PROJECT_ROOT, 'node_modules/axe-core/axe.min.js');
let axeSource: string | undefined;

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface AxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA, WCAG 2.2 AA) on the page. Returns one readable block
 * per violation: rule id, impact, what to fix, and each offending element's selector and HTML.
 */
export async function axe(page: Page): Promise<string[]> {
  axeSource ??= readFileSync(AXE_SOURCE_PATH, 'utf8');
  const hasAxe = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  // Through the DevTools protocol, not an injected <script>: the site's Content-Security-Policy
  // rightly refuses inline scripts it has no hash for.
  if (!hasAxe) await page.evaluate(axeSource);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations;
  }, AXE_TAGS) as AxeViolation[];
  return violations.map((v) => {
    const nodes = v.nodes
      .map((node) => {
        const target = node.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : String(t))).join(', ');
        const summary = (node.failureSummary ?? '').split('\n').map((line) => `      ${line}`).join('\n');
        return `    - ${target}\n      html: ${node.html.length > 300 ? `${node.html.slice(0, 300)}…` : node.html}\n${summary}`;
      })
      .join('\n');
    return `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n  ${v.helpUrl}\n${nodes}`;
  });
}

/**
 * One Chromium per test file: launched before its tests, closed after them.
 * Call at module level; the returned function gives the browser inside tests.
 */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is not launched yet: call useBrowser() at module level');
    return browser;
  };
}

/** A failure message that lists every problem found on a page. */
export function report(where: string, problems: string[]): string {
  return `${where}: ${problems.length} problem(s)\n\n${problems.map((p) => `• ${p}`).join('\n\n')}\n`;
}

/**
 * Writes these localStorage entries before any page script runs, on the page's first load only:
 * later reloads must see what the page itself stored.
 */
export async function seedStorageOnce(page: Page, entries: Record<string, string>): Promise<void> {
  await page.addInitScript((seed) => {
    if (sessionStorage.getItem('e2e:seeded')) return;
    sessionStorage.setItem('e2e:seeded', '1');
    for (const [key, value] of Object.entries(seed)) localStorage.setItem(key, value);
  }, entries);
}
