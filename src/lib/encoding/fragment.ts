/**
 * The text a link carries after its `#`. Browsers may percent-encode it, so it is decoded; a
 * malformed escape (`#%E0%A4%A`, `#A1.abc%zz`) would make decodeURIComponent throw URIError and
 * stop the page, so such a fragment is handed on as written instead, and the codec that reads it
 * then refuses it with a sentence, as any damaged link. Total: never throws.
 */
export function fragmentText(hash: string): string {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
