/** One run of an APA citation: plain or italic text. */
export interface ApaSegment {
  text: string;
  italic: boolean;
}

/**
 * Splits an APA citation written with `*italics*` into runs, so components render it as
 * text and <em> elements: no HTML string is ever built from content.
 */
export function apaSegments(apa: string): ApaSegment[] {
  const segments: ApaSegment[] = [];
  let last = 0;
  for (const match of apa.matchAll(/\*([^*]+)\*/g)) {
    if (match.index > last) segments.push({ text: apa.slice(last, match.index), italic: false });
    segments.push({ text: match[1]!, italic: true });
    last = match.index + match[0].length;
  }
  if (last < apa.length) segments.push({ text: apa.slice(last), italic: false });
  return segments;
}

/** The citation as plain text (for search, exports and screen-reader-friendly copies). */
export function apaToText(apa: string): string {
  return apa.replace(/\*([^*]+)\*/g, '$1');
}
