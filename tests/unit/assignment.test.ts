import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { MAX_ASSIGNMENT_CHARS, dueState, daysBetween, openAssignment, packAssignment, type Assignment } from '../../src/lib/supervisor/assignment';
import { pack } from '../../src/lib/encoding/link-codec';

const known = new Set(['orientation', 'duty-01-caring-relationship', 'duty-06-linking-to-resources', 'duty-08-crises']);
const base: Assignment = {
  id: 'k3v9q1ab',
  by: 'Ana Ruiz, circulation supervisor',
  for: 'Sam',
  pathId: 'new-hire',
  modules: ['orientation', 'duty-06-linking-to-resources'],
  due: '2026-12-15',
  note: 'Please finish before your first Saturday shift.',
  created: '2026-11-28',
};

const idArb = fc.stringMatching(/^[a-z0-9]{6,16}$/);
const dayArb = fc.date({ min: new Date('2020-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const textArb = (max: number) => fc.string({ maxLength: max, unit: 'grapheme' }).filter((s) => !/[\u0000-\u001f\u007f]/.test(s));
const assignmentArb: fc.Arbitrary<Assignment> = fc.record(
  {
    id: idArb,
    by: textArb(80).filter((s) => s.trim().length > 0).map((s) => s.trim()),
    for: textArb(80).map((s) => s.trim()).filter((s) => s.length > 0),
    pathId: fc.constantFrom('new-hire', 'full'),
    modules: fc.uniqueArray(fc.constantFrom(...known), { minLength: 1, maxLength: 4 }),
    due: dayArb,
    note: textArb(400).map((s) => s.trim()).filter((s) => s.length > 0),
    created: dayArb,
  },
  { requiredKeys: ['id', 'by', 'modules', 'created'] },
);

describe('assignment links', () => {
  test('every valid assignment opens as it was made', () => {
    fc.assert(
      fc.property(assignmentArb, (assignment) => {
        const packed = packAssignment(assignment);
        fc.pre(packed.length <= MAX_ASSIGNMENT_CHARS);
        expect(openAssignment(`https://x.example/assign/open/#${packed}`, known)).toEqual({ ok: true, assignment, unknownModules: [] });
      }),
      { numRuns: 200 },
    );
  });

  test('a whole new-hire path with names, due date and note stays short enough for a QR code', () => {
    const modules = [...known, ...Array.from({ length: 10 }, (_, i) => `duty-${String(i + 2).padStart(2, '0')}-some-module-name`)];
    const packed = packAssignment({ ...base, modules });
    expect(packed.length).toBeLessThan(700);
  });

  test('modules this course does not have are reported, and the rest still open', () => {
    const packed = packAssignment({ ...base, modules: ['orientation', 'duty-99-future'] });
    expect(openAssignment(packed, known)).toMatchObject({ ok: true, assignment: { modules: ['orientation'] }, unknownModules: ['duty-99-future'] });
    const none = openAssignment(packAssignment({ ...base, modules: ['duty-99-future'] }), known);
    expect(none).toMatchObject({ ok: false, problem: 'no-modules' });
  });

  test.each([
    ['a constructor key', { ...wire(), constructor: 'x' }],
    ['an unknown field', { ...wire(), x: 1 }],
    ['a module id with markup', { ...wire(), m: ['<script>alert(1)</script>'] }],
    ['an impossible due date', { ...wire(), d: '2026-02-30' }],
    ['a name that is too long', { ...wire(), b: 'x'.repeat(81) }],
    ['control characters in a note', { ...wire(), n: 'hi\u0000there' }],
    ['no modules', { ...wire(), m: [] }],
    ['a javascript: URL as the path', { ...wire(), p: 'javascript:alert(1)' }],
    ['an array instead of an object', [1, 2, 3]],
  ])('%s is refused with a message', (_, data) => {
    const result = openAssignment(pack('A', 1, data), known);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/not valid|None of the modules/);
  });

  test('a __proto__ key written into the JSON text itself is refused', () => {
    const text = JSON.stringify(wire()).replace(/^\{/, '{"__proto__":{"polluted":true},');
    const result = openAssignment(pack('A', 1, JSON.parse(text)), known);
    expect(result.ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('random text never throws and never opens', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 3000 }), (text) => {
        const result = openAssignment(text, known);
        expect(result.ok).toBe(false);
      }),
    );
  });

  test('names and notes come back as the same plain text, markup and all', () => {
    const opened = openAssignment(packAssignment({ ...base, by: '<img src=x onerror=alert(1)>', note: '"><script>x</script>' }), known);
    expect(opened).toMatchObject({ ok: true, assignment: { by: '<img src=x onerror=alert(1)>', note: '"><script>x</script>' } });
  });
});

describe('due dates', () => {
  test.each([
    [undefined, '2026-12-01', false, 'none'],
    ['2026-12-15', '2026-12-01', false, 'upcoming'],
    ['2026-12-15', '2026-12-13', false, 'due-soon'],
    ['2026-12-15', '2026-12-15', false, 'due-today'],
    ['2026-12-15', '2026-12-16', false, 'overdue'],
    ['2026-12-15', '2027-03-01', true, 'done'],
  ])('due %s, today %s, complete %s → %s', (due, today, complete, state) => {
    expect(dueState(due, today, complete)).toBe(state);
  });

  test('days are counted across month, year and daylight-saving boundaries', () => {
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2026-03-07', '2026-03-09')).toBe(2);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });
});

function wire() {
  return { i: 'k3v9q1ab', b: 'Ana', m: ['orientation'], c: '2026-11-28' };
}
