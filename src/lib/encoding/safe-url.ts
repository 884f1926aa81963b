/**
 * Which URLs content and imported data may put into a link. A course about privacy must not
 * let a content file (or a file someone imports) smuggle in `javascript:`, `data:` or a
 * plain-http address: a link is relative to the course, https:, mailto:, tel: or sms:.
 */

/** Schemes a link may use. Anything else with a scheme is refused. */
export const SAFE_LINK_SCHEMES = ['https:', 'mailto:', 'tel:', 'sms:'] as const;

/** Why `url` may not be a link target, or undefined when it may. */
export function unsafeLinkReason(url: string): string | undefined {
  const trimmed = url.trim();
  if (trimmed !== url) return 'has spaces at its start or end';
  if (url === '') return 'is empty';
  // Browsers drop tabs and newlines inside URLs, so "java\tscript:" would still run.
  if (/[\u0000-\u001f\u007f]/.test(url)) return 'contains a control character (tab, newline…)';
  // Browsers read a backslash as a slash in web addresses, so "/\\evil.example/x" is "//evil.example/x",
  // another site. No link needs one.
  if (url.includes('\\')) return 'contains a backslash, which browsers read as a slash';
  if (url.startsWith('//')) return 'is protocol-relative (//host): write https:// in full';
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url)?.[1];
  if (scheme === undefined) return undefined; // relative: a path, ?query or #fragment inside the course
  const lower = `${scheme.toLowerCase()}:`;
  if (!(SAFE_LINK_SCHEMES as readonly string[]).includes(lower)) {
    return lower === 'http:'
      ? 'uses http:, which is not encrypted: use https://'
      : `uses the scheme "${scheme}:"; only relative links, https:, mailto:, tel: and sms: are allowed`;
  }
  if (lower === 'https:') {
    try {
      const parsed = new URL(url);
      if (!parsed.hostname) return 'has no host name';
      if (parsed.username || parsed.password) return 'carries a user name or password';
    } catch {
      return 'is not a well-formed https address';
    }
  }
  return undefined;
}

export function isSafeLinkUrl(url: string): boolean {
  return unsafeLinkReason(url) === undefined;
}
