/**
 * Astro writes one Content-Security-Policy meta with the hashes of every script it bundles or
 * renders anywhere in the site, on every page: ten hashes, about 390 bytes gzipped (hashes do
 * not compress), on pages whose only inline script is the theme one. A hash only lets an
 * inline <script> run (bundled ones are external, allowed by 'self'), so each page needs just
 * the hashes of the inline scripts it holds. Pure string work: the build applies it
 * (src/integrations/csp-per-page.ts).
 */
import { createHash } from 'node:crypto';

const CSP_META = /<meta http-equiv="content-security-policy" content="([^"]*)">/i;
// An inline script: no src attribute. Its body is hashed exactly as written, as browsers do.
const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi;

export function sha256Source(body: string): string {
  return `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`;
}

/**
 * The page with its script-src keeping only the hashes of inline scripts it holds; every other
 * source ('self', nonces, keywords) and every other directive left as it was. A page without a
 * CSP meta, or without a hashed script-src, comes back unchanged.
 */
export function keepPageScriptHashes(html: string): string {
  const meta = CSP_META.exec(html);
  if (!meta) return html;
  const onPage = new Set([...html.matchAll(INLINE_SCRIPT)].map((m) => sha256Source(m[1]!)));
  const policy = meta[1]!
    .split(';')
    .map((directive) => {
      const [name, ...sources] = directive.trim().split(/\s+/);
      if (name !== 'script-src') return directive;
      const kept = sources.filter((s) => !/^'sha(256|384|512)-/.test(s) || onPage.has(s));
      return ` ${[name, ...kept].join(' ')}`;
    })
    .join(';');
  return html.replace(meta[0], meta[0].replace(meta[1]!, policy));
}
