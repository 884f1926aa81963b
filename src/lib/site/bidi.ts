/**
 * Names and other text people type, placed inside a sentence that is built as one string (a
 * status message, a label, an option). In markup, components use <bdi> or dir="auto" instead;
 * a string has no element to isolate, so it gets the Unicode isolates around the name.
 */

/**
 * Characters that can reorder the text around them in a left-to-right sentence: right-to-left
 * letters (Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms, and the
 * right-to-left blocks beyond the first plane) and the bidirectional controls (marks,
 * embeddings, overrides, isolates). Text without any of them reads the same isolated or not.
 */
const REORDERING = /[\u0590-\u08ff\u200e\u200f\u202a-\u202e\u2066-\u2069\ufb1d-\ufdff\ufe70-\ufefc]|[\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

const FIRST_STRONG_ISOLATE = '\u2068';
const POP_DIRECTIONAL_ISOLATE = '\u2069';

/**
 * The text wrapped in first-strong isolate … pop-directional isolate when it could reorder its
 * neighbours (an unclosed right-to-left override in a name turns the rest of the sentence
 * around): the closing isolate ends whatever the name opened. Other text comes back as it is,
 * so messages about ordinary names stay character for character what they were.
 */
export function isolateText(text: string): string {
  return REORDERING.test(text) ? `${FIRST_STRONG_ISOLATE}${text}${POP_DIRECTIONAL_ISOLATE}` : text;
}
