/**
 * The security and privacy gates (issue 9), on the built output of both variants:
 *  - every page carries a Content-Security-Policy: default-src 'self', object-src 'none',
 *    base-uri 'self', scripts and styles by hash, never 'unsafe-eval' or 'unsafe-inline';
 *  - every link, image, script and form target is relative, https:, mailto:, tel: or sms: (text lines);
 *  - no absolute URL to another site anywhere in the output except as the target (or visible
 *    text) of a link that a content file asked for;
 *  - "Erase my data" on My progress leaves no key of ours in localStorage or sessionStorage.
 * The crawl that records every request and fails on any to another origin is pages.test.ts
 * (watchPage aborts and reports them), over every page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { openPage, useBrowser, watchPage } from './browser';
import { PROJECT_ROOT, VARIANTS, discoverPages, pagePath, readPage, type Variant } from './site';
import { unsafeLinkReason } from '../../src/lib/encoding/safe-url';

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(full, keep));
    else if (keep(entry.name)) out.push(full);
  }
  return out;
}

/** The policy of a page, directive name → its sources. */
function cspOf(html: string): Map<string, string[]> | undefined {
  const metas = [...html.matchAll(/<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"/gi)];
  if (metas.length !== 1) return undefined;
  const policy = new Map<string, string[]>();
  for (const part of metas[0]![1]!.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

describe.each([VARIANTS.real, VARIANTS.subpath] as Variant[])('$label', (variant) => {
  const pages = discoverPages(variant);

  test('every page has one Content-Security-Policy that allows only this site and hashed inline code', () => {
    const problems: string[] = [];
    for (const page of pages) {
      const html = readPage(page);
      const where = pagePath(variant, page);
      const policy = cspOf(html);
      if (!policy) {
        problems.push(`${where}: no single <meta http-equiv="content-security-policy">`);
        continue;
      }
      // A policy in a meta only governs what follows it: no script may come first.
      const metaAt = html.search(/<meta\s+http-equiv="content-security-policy"/i);
      const firstScript = html.search(/<script\b/i);
      if (firstScript !== -1 && firstScript < metaAt) problems.push(`${where}: a script comes before the policy`);
      const expectExactly = (name: string, sources: string[]) => {
        const got = policy.get(name);
        if (JSON.stringify(got) !== JSON.stringify(sources)) problems.push(`${where}: ${name} is ${got ? got.join(' ') : 'missing'}, expected ${sources.join(' ')}`);
      };
      expectExactly('default-src', ["'self'"]);
      expectExactly('object-src', ["'none'"]);
      expectExactly('base-uri', ["'self'"]);
      expectExactly('connect-src', ["'self'"]);
      for (const name of ['script-src', 'style-src']) {
        const sources = policy.get(name);
        if (!sources) {
          problems.push(`${where}: no ${name}`);
          continue;
        }
        const loose = sources.filter((s) => !/^'sha(256|384|512)-[A-Za-z0-9+/=]+'$/.test(s) && s !== "'self'");
        if (loose.length) problems.push(`${where}: ${name} allows ${loose.join(' ')}`);
      }
      for (const [name, sources] of policy) {
        if (sources.some((s) => /^'unsafe-|^\*$|^https?:$|^data:$/.test(s) && !(name === 'img-src' && s === 'data:'))) {
          problems.push(`${where}: ${name} allows ${sources.join(' ')}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(pages.length).toBeGreaterThan(3);
  });

  test('every link, image, script and form target is relative, https:, mailto:, tel: or sms:', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const page of pages) {
      const html = readPage(page);
      for (const match of html.matchAll(/\s(href|src|action|formaction|poster|srcset|xlink:href)\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
        const value = (match[3] ?? match[4] ?? match[5] ?? '').replace(/&amp;/g, '&');
        checked++;
        const urls = match[1]!.toLowerCase() === 'srcset' ? value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : [value];
        for (const url of urls) {
          const reason = unsafeLinkReason(url);
          if (reason) problems.push(`${pagePath(variant, page)}: ${match[1]}="${url}" ${reason}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(pages.length);
  });
});

/** Every absolute http(s) URL written in a content or module file: what trainers asked to link to. */
function contentLinkTargets(): Set<string> {
  const files = [
    ...filesUnder(path.join(PROJECT_ROOT, 'content'), (n) => /\.(ya?ml|mdx?)$/.test(n)),
    ...filesUnder(path.join(PROJECT_ROOT, 'modules'), (n) => /\.(ya?ml|mdx?)$/.test(n)),
  ];
  const urls = new Set<string>();
  for (const file of files) for (const m of readFileSync(file, 'utf8').matchAll(/https?:\/\/[^\s"'<>)\]]+/g)) urls.add(m[0]);
  return urls;
}

/**
 * Identifiers that look like URLs but are never requested: XML namespace names in the SVG
 * we ship and in React's DOM code, and the address React's minified build prints inside its
 * error messages. Each is matched whole, so a real address cannot hide behind one.
 */
const INERT_URL_IDENTIFIERS = [
  'http://www.w3.org/2000/svg',
  'http://www.w3.org/1999/xlink',
  'http://www.w3.org/XML/1998/namespace',
  'http://www.w3.org/1998/Math/MathML',
  'http://www.w3.org/1999/xhtml',
];
const REACT_ERROR_DECODER = 'https://react.dev/errors/';

test('the real build names no other site except links that content asked for', () => {
  const variant = VARIANTS.real;
  const allowedLinks = contentLinkTargets();
  const problems: string[] = [];
  const files = filesUnder(variant.outDir, (n) => /\.(html|js|mjs|css|json|webmanifest|svg|xml|txt)$/.test(n));
  for (const file of files) {
    const rel = path.relative(variant.outDir, file);
    let text = readFileSync(file, 'utf8');
    if (rel.endsWith('.html')) {
      // A link a trainer wrote: its href, and the same address shown as the link's text.
      text = text.replace(/<a\b[^>]*\shref="(https:\/\/[^"]+)"[^>]*>([^<]*)<\/a>/g, (whole, href: string, label: string) => {
        const url = href.replace(/&amp;/g, '&');
        if (!allowedLinks.has(url)) return whole;
        return label.trim() === href || label.trim() === url ? '' : whole.replace(href, '');
      });
    }
    if (rel.endsWith('.json')) {
      // The search index and review questions carry content's own link targets as data.
      text = text.replace(/https:\/\/[^"\s\\]+/g, (url) => (allowedLinks.has(url) ? '' : url));
    }
    for (const m of text.matchAll(/\b(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}[^\s"'`<>)\\]*/gi)) {
      const url = m[0];
      if (INERT_URL_IDENTIFIERS.includes(url)) continue;
      if (rel.endsWith('.js') && url.startsWith(REACT_ERROR_DECODER)) continue;
      problems.push(`${rel}: ${url}`);
    }
  }
  expect(problems).toEqual([]);
  expect(files.length).toBeGreaterThan(10);
});

describe('Erase my data', () => {
  const browser = useBrowser();
  const siteUrl = inject('e2e.urls').real;

  const OURS = {
    'crosswalk:profiles': '{"v":1}',
    'crosswalk:progress:p-1': '{"v":1}',
    'crosswalk:assigned:p-1': '{"v":1}',
    'crosswalk:review:p-1': '{"v":1}',
    'crosswalk:journal:p-1': '{"v":1}',
    'crosswalk:team': '{"v":1}',
    'crosswalk:quarantine:crosswalk:progress:p-1': '{"raw":"x"}',
  };

  test('leaves no key of ours in localStorage or sessionStorage, keeps other sites\' keys, and says it is done', async () => {
    const page = await openPage(browser());
    const watch = await watchPage(page, new URL(siteUrl).origin);
    try {
      await page.addInitScript((ours) => {
        if (sessionStorage.getItem('e2e:seeded')) return;
        sessionStorage.setItem('e2e:seeded', '1');
        for (const [key, value] of Object.entries(ours)) localStorage.setItem(key, value);
        sessionStorage.setItem('crosswalk:progress:p-2', '{"v":1}');
        localStorage.setItem('another-app:settings', 'keep me');
      }, OURS);
      // A real write too: the theme toggle stores the learner's choice.
      await page.goto(siteUrl);
      await page.locator('[data-theme-toggle]').first().click();
      // The theme store loads on that first press: let it write before leaving the page (the
      // offline service worker may be precaching the course at the same time, on a busy machine).
      await page.waitForFunction(() => localStorage.getItem('crosswalk:theme') !== null);
      await page.goto(new URL('progress/', siteUrl).href);
      await page.waitForSelector('[data-progress-page="ready"]');
      const before = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('crosswalk:')));
      expect(before).toContain('crosswalk:theme');

      const section = page.locator('section#erase');
      // Erase is folded with backup, shared computer and reset until asked for (issue 20).
      await page.locator('details[data-section="data-tools"] > summary').click();
      await section.getByRole('button', { name: 'Erase my data…' }).click();
      // Cancel first: nothing goes.
      await section.getByRole('button', { name: 'Keep my data' }).click();
      expect(await page.evaluate(() => localStorage.length)).toBeGreaterThan(before.length);
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Erase my data…');

      await section.getByRole('button', { name: 'Erase my data…' }).click();
      await section.getByRole('button', { name: 'Erase everything' }).click();
      await page.waitForURL((url) => !url.searchParams.has('erased') && url.pathname.endsWith('/progress/'));
      await expect.poll(() => section.getByRole('status').textContent()).toContain('has been erased');

      const left = await page.evaluate(() => ({
        local: Object.keys(localStorage),
        session: Object.keys(sessionStorage),
      }));
      expect(left.local.filter((k) => k.startsWith('crosswalk:'))).toEqual([]);
      expect(left.session.filter((k) => k.startsWith('crosswalk:'))).toEqual([]);
      expect(left.local).toContain('another-app:settings');
      expect(watch.problems()).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});
