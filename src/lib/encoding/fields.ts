/**
 * Field rules shared by everything that arrives from outside (links, record files, codes,
 * backups, profile names typed in): printable text, whole characters, real calendar days and
 * instants, and random ids. A value that passes these rules is one every later step (a record,
 * its code and file, a certificate, a review session) can use without throwing.
 */
import * as z from 'zod/mini';

/** C0 controls other than tab, line feed and carriage return; DEL; the C1 controls. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const CONTROL_ALL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
/** Every kind of line break: a name is one line. */
const LINE_BREAK = /[\n\r\u0085\u2028\u2029]/;
/** A surrogate pair (left alone) or a surrogate half on its own (captured). */
const SURROGATES = /[\ud800-\udbff][\udc00-\udfff]|([\ud800-\udfff])/g;

/**
 * True when every surrogate half is paired. A lone half cannot be written as UTF-8: encoders
 * turn it into U+FFFD, and storage that joins strings can merge it with a neighbour into another
 * character, so the text would come back changed after a save and reload.
 */
export function isWellFormed(text: string): boolean {
  let lone = false;
  text.replace(SURROGATES, (pair, half: string | undefined) => {
    if (half) lone = true;
    return pair;
  });
  return !lone;
}

/** The text with each lone surrogate half replaced by U+FFFD (String#toWellFormed, for older browsers). */
export function wellFormed(text: string): string {
  return text.replace(SURROGATES, (pair, half: string | undefined) => (half ? '\ufffd' : pair));
}

const printable = () => z.refine<string>((s) => !CONTROL.test(s), 'contains control characters');
const whole = () => z.refine<string>(isWellFormed, 'contains half of a character (a lone surrogate)');

/** Any text made of whole characters (ids and option ids kept from a backup). */
export const wholeText = () => z.string().check(whole());

/** Text that is only ever shown as text: a length range, no control characters, whole characters. */
export const plainText = (min: number, max: number) => z.string().check(z.minLength(min), z.maxLength(max), printable(), whole());

/**
 * The checks a person's name passes: printable, whole characters, one line, and not blank.
 * Tabs are kept (they show as a space): names typed into a text field today can hold one.
 */
export const nameChecks = () => [
  printable(),
  whole(),
  z.refine<string>((s) => !LINE_BREAK.test(s), 'contains a line break'),
  z.refine<string>((s) => s === '' || s.trim() !== '', 'is blank'),
];

/** A person's name, as links and records carry it (not trimmed here: the checksum covers it as sent). */
export const nameText = (min: number, max: number) => z.string().check(z.minLength(min), z.maxLength(max), ...nameChecks());

/**
 * A name typed in made fit to keep: line breaks and tabs become spaces, other control characters
 * go, lone surrogate halves become U+FFFD, and the ends are trimmed. Used where people type
 * (profiles, records, assignments), so what is saved is what comes back.
 */
export function cleanName(text: string): string {
  return wellFormed(text.replace(/[\t\n\r\u0085\u2028\u2029]/g, ' ').replace(CONTROL_ALL, '')).trim();
}

/** Free text that may span lines (a journal note), normalised to whole characters, with no other control characters. */
export const noteText = (max: number) =>
  z.pipe(
    z.string(),
    z.transform((s) => wellFormed(s)),
  ).check(
    z.refine<string>((s) => s.length <= max, `is longer than ${max} characters`),
    // Notes kept before this rule may hold C1 controls: refusing them now would drop saved notes.
    z.refine<string>((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), 'contains control characters'),
  );

// ---------------------------------------------------------------------------
// Dates

/**
 * The range of dates accepted: from 1970 (a device whose clock was never set) to the end of the
 * year 2999. Outside it, dates are typing or forging errors, and some later arithmetic breaks:
 * Date.UTC reads years below 100 as 19xx, and years past 9999 change the ISO form.
 */
export const EARLIEST_TIME = Date.UTC(1970, 0, 1);
export const LATEST_TIME = Date.UTC(3000, 0, 1) - 1;

/** A calendar day, YYYY-MM-DD, that exists (no 30 February) and lies in the accepted range. */
export function isRealDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const time = Date.parse(`${text}T00:00:00.000Z`);
  return time >= EARLIEST_TIME && time <= LATEST_TIME && new Date(time).toISOString().slice(0, 10) === text;
}

/**
 * An instant as toISOString writes it (2026-11-28T10:00:00.000Z) that names a real moment in
 * the accepted range: it reads back through Date as the very same text, so 30 February, hour 24
 * or year 0 are refused rather than silently moved to another day.
 */
export function isRealInstant(text: string): boolean {
  if (text.length !== 24) return false;
  const time = Date.parse(text);
  return time >= EARLIEST_TIME && time <= LATEST_TIME && new Date(time).toISOString() === text;
}

export const daySchema = z.string().check(z.refine(isRealDay, 'is not a real date'));
export const instantSchema = z.string().check(z.refine(isRealInstant, 'is not a real date and time'));

/** Random base-36 id from the platform's secure generator (browsers and Node 19+). */
export function randomId(length = 10, random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  return Array.from(random(new Uint8Array(length)), (b) => (b % 36).toString(36)).join('');
}
