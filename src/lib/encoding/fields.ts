/**
 * Field rules shared by everything that arrives from outside (links, record files, codes):
 * plain text with no control characters, real calendar days, and random ids.
 */
import * as z from 'zod/mini';

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Text that is only ever shown as text: a length range and no control characters. */
export const plainText = (min: number, max: number) =>
  z.string().check(
    z.minLength(min),
    z.maxLength(max),
    z.refine((s) => !CONTROL.test(s), 'contains control characters'),
  );

/** A calendar day, YYYY-MM-DD, that exists (no 30 February). */
export const daySchema = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/),
  z.refine((s) => isRealDay(s), 'is not a real date'),
);

export function isRealDay(text: string): boolean {
  const time = Date.parse(`${text}T00:00:00Z`);
  return Number.isFinite(time) && new Date(time).toISOString().slice(0, 10) === text;
}

/** Random base-36 id from the platform's secure generator (browsers and Node 19+). */
export function randomId(length = 10, random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  return Array.from(random(new Uint8Array(length)), (b) => (b % 36).toString(36)).join('');
}
