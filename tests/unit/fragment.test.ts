import { expect, test } from 'vitest';
import fc from 'fast-check';
import { fragmentText } from '../../src/lib/encoding/fragment';

test.each([
  ['#A1.abc', 'A1.abc'],
  ['#q-case%20one', 'q-case one'],
  ['#%E0%A4%A', '%E0%A4%A'],
  ['#A1.abc%zz.def', 'A1.abc%zz.def'],
  ['#%E0', '%E0'],
  ['', ''],
])('%j reads as %j', (hash, text) => {
  expect(fragmentText(hash)).toBe(text);
});

test('no fragment, however malformed, throws', () => {
  fc.assert(fc.property(fc.string(), (s) => typeof fragmentText(`#${s}`) === 'string'), { numRuns: 2_000 });
});
