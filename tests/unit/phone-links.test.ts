import { describe, expect, test } from 'vitest';
import { dialable, phonePieces } from '../../src/lib/site/phone-links';

/** Pieces as a compact string: links as [text](href). */
const render = (text: string) => phonePieces(text).map((p) => (p.href ? `[${p.text}](${p.href})` : p.text)).join('');

describe('phone numbers become tap-to-call and tap-to-text links', () => {
  test.each([
    ['Call 911', 'Call [911](tel:911)'],
    ['Call or text 988', '[Call 988](tel:988) or [text 988](sms:988)'],
    ['call or text 988 at any hour', '[call 988](tel:988) or [text 988](sms:988) at any hour'],
    ['Text or call 988', '[Text 988](sms:988) or [call 988](tel:988)'],
    ['Text HOME to 741741', 'Text HOME to [741741](sms:741741)'],
    ['text 741741', 'text [741741](sms:741741)'],
    ['Front desk: (555) 123-4567, ext. 2', 'Front desk: [(555) 123-4567](tel:5551234567), ext. 2'],
    ['Phone 555-123-4567 or 1-800-273-8255', 'Phone [555-123-4567](tel:5551234567) or [1-800-273-8255](tel:18002738255)'],
    ['+1 555 123 4567', '[+1 555 123 4567](tel:+15551234567)'],
    ['dial 211 for local services', 'dial [211](tel:211) for local services'],
    ['In immediate danger, call 911; 988 (call or text) is the Lifeline.', 'In immediate danger, call [911](tel:911); [988](tel:988) (call or text) is the Lifeline.'],
  ])('%s', (text, expected) => {
    expect(render(text)).toBe(expected);
  });

  test('text with no number, years, and numbers inside words or addresses stay plain', () => {
    for (const text of ['Replace with phone, email or desk location', 'Open since 1988, room 911a', 'Chat at 988lifeline.org', 'Mon–Fri 9–5']) {
      expect(phonePieces(text)).toEqual([{ text }]);
    }
  });

  test('nothing but the "call or text" wording changes: the visible text reads the same numbers', () => {
    const text = 'Call 911. Call or text 988. Desk (555) 010-0199.';
    const out = render(text).replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
    expect(out).toBe('Call 911. Call 988 or text 988. Desk (555) 010-0199.');
  });

  test('dialable keeps digits and a leading plus', () => {
    expect(dialable('(555) 123-4567')).toBe('5551234567');
    expect(dialable(' +1 555.123.4567')).toBe('+15551234567');
  });
});
