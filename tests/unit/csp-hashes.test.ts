import { describe, expect, it } from 'vitest';
import { keepPageScriptHashes, sha256Source } from '../../src/lib/site/csp-hashes';

const theme = 'try{document.documentElement.dataset.theme="dark"}catch(e){}';
const island = 'window.islandRuntime=1';
const page = (scriptSrc: string, body: string) =>
  `<!DOCTYPE html><html><head><meta http-equiv="content-security-policy" content="default-src 'self';object-src 'none'; script-src ${scriptSrc}; style-src 'self' 'sha256-abc=';"></head><body>${body}</body></html>`;
const scriptSrcOf = (html: string) => /script-src ([^;]*);/.exec(html)![1]!.split(' ');

describe('keepPageScriptHashes', () => {
  const all = `'self' ${sha256Source(theme)} ${sha256Source(island)} 'sha256-elsewhereOnTheSite='`;

  it("keeps only the hashes of the page's own inline scripts, and every other source", () => {
    const html = keepPageScriptHashes(page(all, `<script>${theme}</script><p>text</p><script type="module" src="/_astro/a.js"></script>`));
    expect(scriptSrcOf(html)).toEqual(["'self'", sha256Source(theme)]);
  });

  it('keeps the hash of every inline script the page holds, module or classic', () => {
    const html = keepPageScriptHashes(page(all, `<script>${theme}</script><script type="module">${island}</script>`));
    expect(scriptSrcOf(html)).toEqual(["'self'", sha256Source(theme), sha256Source(island)]);
  });

  it('leaves the other directives, style hashes included, as they were', () => {
    const before = page(all, `<script>${theme}</script>`);
    const after = keepPageScriptHashes(before);
    expect(after.replace(/script-src [^;]*;/, '')).toBe(before.replace(/script-src [^;]*;/, ''));
    expect(after).toContain("style-src 'self' 'sha256-abc='");
  });

  it('a script edited after hashing loses its hash (the policy never allows more than before)', () => {
    const html = keepPageScriptHashes(page(`'self' ${sha256Source(theme)}`, `<script>${theme};evil()</script>`));
    expect(scriptSrcOf(html)).toEqual(["'self'"]);
  });

  it('returns a page without a policy unchanged', () => {
    const html = `<html><head></head><body><script>${theme}</script></body></html>`;
    expect(keepPageScriptHashes(html)).toBe(html);
  });
});
