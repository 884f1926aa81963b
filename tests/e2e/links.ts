/**
 * Internal link check shared by pages.test.ts and subpath.test.ts: visits every built page,
 * collects each <a href> that resolves to the server's origin, and checks that
 *   - it stays under the site's base (a link outside it leaves the course on a shared host),
 *   - it answers 200 directly (no 404, no redirect: the site builds with trailing slashes),
 *   - a #fragment points at an element id on its target page.
 * Each unique URL is fetched once. Problems name the href and the pages that link to it.
 */
import type { Browser, Page } from 'playwright-core';
import { collectLinks, openPage, settle } from './browser';
import type { BuiltPage } from './site';

interface LinkUse {
  /** Pages (paths) that carry the link. */
  from: Set<string>;
}

function stripHash(url: string): string {
  const u = new URL(url);
  u.hash = '';
  return u.href;
}

function fragmentOf(url: string): string {
  const hash = new URL(url).hash.slice(1);
  try {
    return decodeURIComponent(hash);
  } catch {
    return hash;
  }
}

function listPages(from: Set<string>): string {
  const all = [...from].sort();
  return all.length > 5 ? `${all.slice(0, 5).join(', ')} and ${all.length - 5} more` : all.join(', ');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Gathers links from pages as they are visited (the page sweep already loads every page, so the
 * link check need not load them again), then checks every unique target once.
 */
export class LinkCollector {
  private readonly origin: string;
  private readonly base: string;
  private readonly problems: string[] = [];
  private readonly targets = new Map<string, LinkUse>();
  private readonly fragments = new Map<string, LinkUse>(); // key: `${target}#${id}`
  private readonly idsByUrl = new Map<string, Set<string>>();

  constructor(siteUrl: string) {
    const site = new URL(siteUrl);
    this.origin = site.origin;
    this.base = site.pathname;
  }

  /** Records the links and ids of a page that is open and settled. */
  async collect(page: Page): Promise<void> {
    const { hrefs, ids } = await collectLinks(page);
    this.add(page.url(), hrefs, ids);
  }

  add(pageUrl: string, hrefs: string[], ids: string[]): void {
    const { origin, base, problems, targets, fragments } = this;
    const here = stripHash(pageUrl);
    const label = new URL(pageUrl).pathname;
    this.idsByUrl.set(here, new Set(ids));
    for (const href of hrefs) {
      const url = new URL(href);
      if (url.origin !== origin) continue;
      const target = stripHash(href);
      if (!url.pathname.startsWith(base)) {
        problems.push(`${label}: link ${url.pathname}${url.search}${url.hash} leaves the site's base ${base}`);
        continue;
      }
      const fragment = fragmentOf(href);
      if (target === here) {
        if (fragment && !ids.includes(fragment)) {
          problems.push(`${label}: same-page link #${fragment} has no element with id="${fragment}" on the page`);
        }
        continue;
      }
      if (!targets.has(target)) targets.set(target, { from: new Set() });
      targets.get(target)!.from.add(label);
      if (fragment) {
        const key = `${target}#${fragment}`;
        if (!fragments.has(key)) fragments.set(key, { from: new Set() });
        fragments.get(key)!.from.add(label);
      }
    }
  }

  /** Fetches each unique target once and checks fragments against the target's ids. */
  async check(): Promise<{ problems: string[]; checked: number }> {
    const { problems, targets, fragments, idsByUrl } = this;
    const bodies = new Map<string, string>();
    await Promise.all(
      [...targets].map(async ([target, use]) => {
        const shown = new URL(target).pathname + new URL(target).search;
        let response: Response;
        try {
          response = await fetch(target, { redirect: 'manual' });
        } catch (error) {
          problems.push(`link ${shown} could not be fetched (${String(error)}); linked from ${listPages(use.from)}`);
          return;
        }
        if (response.status >= 300 && response.status < 400) {
          problems.push(
            `link ${shown} redirects (${response.status}) to ${response.headers.get('location')}: link to the final URL instead; linked from ${listPages(use.from)}`,
          );
        } else if (response.status !== 200) {
          problems.push(`link ${shown} answers ${response.status}; linked from ${listPages(use.from)}`);
        } else if (/html/.test(response.headers.get('content-type') ?? '')) {
          bodies.set(target, await response.text());
          return;
        }
        await response.body?.cancel();
      }),
    );

    for (const [key, use] of fragments) {
      const hashAt = key.indexOf('#');
      const target = key.slice(0, hashAt);
      const id = key.slice(hashAt + 1);
      const shown = `${new URL(target).pathname}#${id}`;
      const known = idsByUrl.get(target);
      if (known) {
        if (!known.has(id)) problems.push(`link ${shown}: the target page has no element with id="${id}"; linked from ${listPages(use.from)}`);
        continue;
      }
      const body = bodies.get(target);
      if (body === undefined) continue; // the target itself is already reported, or is not HTML
      if (!new RegExp(`\\s(id|name)=["']?${escapeRegExp(id)}(["'\\s>]|$)`).test(body)) {
        problems.push(`link ${shown}: the target page has no element with id="${id}"; linked from ${listPages(use.from)}`);
      }
    }

    return { problems: problems.sort(), checked: targets.size };
  }
}

/** Visits every page in one tab and checks its links (for sweeps that do not load pages themselves). */
export async function checkInternalLinks(browser: Browser, siteUrl: string, pages: BuiltPage[]): Promise<{ problems: string[]; checked: number }> {
  const collector = new LinkCollector(siteUrl);
  const page = await openPage(browser);
  const problems: string[] = [];
  try {
    for (const built of pages) {
      const pageUrl = new URL(built.route, siteUrl).href;
      const response = await page.goto(pageUrl, { waitUntil: 'load' });
      if (!response) {
        problems.push(`${new URL(pageUrl).pathname}: no response when opening the page`);
        continue;
      }
      await settle(page);
      await collector.collect(page);
    }
  } finally {
    await page.context().close();
  }
  const result = await collector.check();
  return { problems: [...problems, ...result.problems].sort(), checked: result.checked };
}
