import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { pack, unpack, type UnpackOptions } from '../../src/lib/encoding/link-codec';

const assignment: UnpackOptions = { kind: 'A', versions: [1], maxChars: 2000, maxJsonChars: 20_000 };
const sample = { by: 'Ana (Circulation)', due: '2026-12-15', modules: ['orientation', 'duty-06-linking-to-resources'], note: 'Before your first evening shift ✨' };

describe('pack and unpack', () => {
  test('any JSON value survives the round trip', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = unpack(pack('A', 1, value), { ...assignment, maxChars: 1_000_000, maxJsonChars: undefined });
        expect(result).toEqual({ ok: true, version: 1, data: JSON.parse(JSON.stringify(value)) });
      }),
    );
  });

  test('the packed text is URL-fragment safe and shorter than the JSON for a typical assignment', () => {
    const packed = pack('A', 1, { ...sample, modules: Array.from({ length: 14 }, (_, i) => `duty-${String(i + 1).padStart(2, '0')}-caring`) });
    expect(packed).toMatch(/^A1\.[A-Za-z0-9_-]+\.[0-9a-z]{11}$/);
    expect(encodeURIComponent(packed)).toBe(packed);
  });

  test('a whole pasted link, or a code broken across lines, still opens', () => {
    const packed = pack('A', 1, sample);
    const link = `https://library.example/training/assign/open/#${packed}`;
    expect(unpack(link, assignment)).toMatchObject({ ok: true, data: sample });
    const wrapped = packed.replace(/(.{20})/g, '$1\n  ');
    expect(unpack(wrapped, assignment)).toMatchObject({ ok: true, data: sample });
  });
});

describe('bad input gets a reason, never an exception', () => {
  const packed = pack('A', 1, sample);

  test.each([
    ['empty', '   ', 'empty'],
    ['not a code at all', 'hello there', 'malformed'],
    ['a record where an assignment is expected', pack('R', 1, sample), 'wrong-kind'],
    ['a newer format', pack('A', 7, sample), 'unsupported-version'],
    ['cut off in the middle', packed.slice(0, Math.floor(packed.length / 2)), 'malformed'],
    ['cut off inside the body', packed.replace(/\.[^.]*\./, (m) => `${m.slice(0, m.length - 6)}.`), 'damaged'],
    ['oversized', `A1.${'x'.repeat(5000)}.abcdefghijk`, 'too-long'],
    ['an HTML snippet', '<img src=x onerror=alert(1)>', 'malformed'],
  ])('%s', (_, input, problem) => {
    const result = unpack(input, assignment);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem).toBe(problem);
      expect(result.message.length).toBeGreaterThan(20);
    }
  });

  test('a single changed character never yields different data: it is caught, or lands in padding', () => {
    // Deflate ignores the bits after its end-of-block marker, so a change there leaves the data
    // intact; every other change must be reported as damage.
    const [head, body, check] = packed.split('.') as [string, string, string];
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
    fc.assert(
      fc.property(fc.nat(body.length + check.length - 1), fc.constantFrom(...alphabet), (at, replacement) => {
        const whole = body + check;
        fc.pre(whole[at] !== replacement && (at < body.length || /[0-9a-z]/.test(replacement)));
        const changed = whole.slice(0, at) + replacement + whole.slice(at + 1);
        const result = unpack(`${head}.${changed.slice(0, body.length)}.${changed.slice(body.length)}`, assignment);
        if (result.ok) expect(result.data).toEqual(sample);
        else expect(result.problem).toBe('damaged');
      }),
      { numRuns: 500 },
    );
  });

  test('a payload that inflates past the limit is refused', () => {
    const big = pack('A', 1, { note: 'a'.repeat(50_000) });
    expect(big.length).toBeLessThan(assignment.maxChars);
    expect(unpack(big, assignment)).toMatchObject({ ok: false, problem: 'too-long' });
  });

  test('messages say what to do about an old or new format', () => {
    const newer = unpack(pack('A', 9, sample), assignment);
    expect(!newer.ok && newer.message).toContain('newer version of the course');
    const older = unpack(pack('A', 1, sample), { ...assignment, versions: [2, 3] });
    expect(!older.ok && older.message).toContain('no longer reads');
  });
});
