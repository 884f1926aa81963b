import { describe, expect, test } from 'vitest';
import { adjustUntil, contrastRatio, formatRatio, parseHex, relativeLuminance, toHex } from '../../src/lib/course/contrast';

describe('WCAG contrast', () => {
  test.each([
    ['#000000', 0],
    ['#ffffff', 1],
    ['#808080', 0.2159],
    ['#ff0000', 0.2126],
  ])('relative luminance of %s is %f', (hex, luminance) => {
    expect(relativeLuminance(hex)).toBeCloseTo(luminance, 4);
  });

  test.each([
    ['#000000', '#ffffff', 21],
    ['#ffffff', '#ffffff', 1],
    // Reference values from the WebAIM contrast checker.
    ['#767676', '#ffffff', 4.54],
    ['#777777', '#ffffff', 4.48],
    ['#0000ff', '#ffffff', 8.59],
  ])('%s against %s is %f:1, in either order', (a, b, ratio) => {
    expect(contrastRatio(a, b)).toBeCloseTo(ratio, 2);
    expect(contrastRatio(b, a)).toBeCloseTo(ratio, 2);
  });

  test('a ratio just under 4.5 is never shown as 4.50', () => {
    expect(formatRatio(4.4999)).toBe('4.49:1');
    expect(formatRatio(7)).toBe('7.00:1');
  });

  test('parses and writes #RRGGBB, refusing other forms', () => {
    expect(parseHex('#1F5f8b')).toEqual([31, 95, 139]);
    expect(toHex([31, 95, 139])).toBe('#1f5f8b');
    for (const bad of ['1f5f8b', '#fff', '#1f5f8bff', 'blue']) expect(() => parseHex(bad)).toThrow();
  });

  test('adjustUntil darkens or lightens to the first colour that passes', () => {
    const passesOnWhite = (c: string) => contrastRatio(c, '#ffffff') >= 4.5;
    const darker = adjustUntil('#aaaaaa', 'darker', passesOnWhite)!;
    expect(passesOnWhite(darker)).toBe(true);
    expect(contrastRatio(darker, '#ffffff')).toBeLessThan(5);
    expect(adjustUntil('#1f5f8b', 'darker', passesOnWhite)).toBe('#1f5f8b');
    expect(adjustUntil('#ffffff', 'lighter', passesOnWhite)).toBeUndefined();
  });
});
