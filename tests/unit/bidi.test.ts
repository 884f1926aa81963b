import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { isolateText } from '../../src/lib/site/bidi';

const FSI = '\u2068';
const PDI = '\u2069';

describe('names isolated inside a sentence built as a string', () => {
  test.each([
    ['an unclosed right-to-left override', '\u202E Sam'],
    ['a Hebrew name', 'שרה'],
    ['an Arabic name', 'سارة'],
    ['a right-to-left mark', 'Sam\u200F'],
    ['a stray isolate of its own', 'Sam\u2067'],
  ])('%s is wrapped in first-strong isolate … pop-directional isolate', (_, name) => {
    expect(isolateText(name)).toBe(`${FSI}${name}${PDI}`);
  });

  test('a name that cannot reorder its neighbours comes back as it is, so messages stay the same', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'abcXYZ 0123-’é,.ßøñ'.split('')) }), (name) => {
        expect(isolateText(name)).toBe(name);
      }),
    );
    expect(`Added the profile “${isolateText('Sam')}” and switched to it.`).toBe('Added the profile “Sam” and switched to it.');
  });

  test('any text with a bidirectional control is isolated, whatever surrounds it', () => {
    const control = fc.constantFrom('\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F');
    fc.assert(
      fc.property(fc.string(), control, fc.string(), (before, c, after) => {
        const text = before + c + after;
        expect(isolateText(text)).toBe(`${FSI}${text}${PDI}`);
      }),
    );
  });
});
