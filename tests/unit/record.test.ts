import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  MAX_RECORD_CODE_CHARS,
  MAX_RECORD_FILE_BYTES,
  buildRecord,
  openRecord,
  recordChecksum,
  recordCode,
  recordFile,
  recordFileName,
  type CompletionRecord,
} from '../../src/lib/supervisor/record';
import { pack } from '../../src/lib/encoding/link-codec';
import { emptyProgress, markLessonRead, recordAttempt, type ModuleFacts } from '../../src/lib/learner/progress';

const dayArb = fc.date({ min: new Date('2020-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const instantArb = fc.date({ min: new Date('2020-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
const nameArb = fc
  .string({ minLength: 1, maxLength: 80, unit: 'grapheme' })
  .filter((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s) && s.trim() === s && s.length > 0);
const moduleArb = fc
  .record(
    {
      id: fc.stringMatching(/^[a-z0-9]{1,10}(-[a-z0-9]{1,10}){0,3}$/),
      status: fc.constantFrom('not-started', 'in-progress', 'complete', 'updated') as fc.Arbitrary<CompletionRecord['modules'][number]['status']>,
      lessonsTotal: fc.integer({ min: 0, max: 50 }),
      best: fc.integer({ min: 0, max: 100 }),
      passedOn: dayArb,
      completedOn: dayArb,
    },
    { requiredKeys: ['id', 'status', 'lessonsTotal'] },
  )
  .chain((m) => fc.integer({ min: 0, max: m.lessonsTotal }).map((lessonsRead) => ({ ...m, lessonsRead })));

const recordArb: fc.Arbitrary<CompletionRecord> = fc.record(
  {
    learner: nameArb,
    learnerId: fc.stringMatching(/^[a-z0-9]{6,16}$/),
    issued: instantArb,
    course: fc.constantFrom('Crosswalk 2026.11', 'c-3f9a2b'),
    assignment: fc.record({ id: fc.stringMatching(/^[a-z0-9]{6,16}$/), due: dayArb }, { requiredKeys: ['id'] }),
    modules: fc.uniqueArray(moduleArb, { selector: (m) => m.id, minLength: 1, maxLength: 30 }),
  },
  { requiredKeys: ['learner', 'learnerId', 'issued', 'course', 'modules'] },
);

const sample: CompletionRecord = {
  learner: 'Sam Okafor',
  learnerId: 'p4x8k2m9',
  issued: '2026-11-28T15:04:05.000Z',
  course: 'Crosswalk 2026.11',
  assignment: { id: 'k3v9q1ab', due: '2026-12-15' },
  modules: [
    { id: 'orientation', status: 'complete', lessonsRead: 3, lessonsTotal: 3, best: 89, passedOn: '2026-11-27', completedOn: '2026-11-27' },
    { id: 'duty-06-linking-to-resources', status: 'in-progress', lessonsRead: 1, lessonsTotal: 3 },
  ],
};

describe('completion records', () => {
  test('every valid record round-trips through its code and its file', () => {
    fc.assert(
      fc.property(recordArb, (record) => {
        expect(openRecord(recordCode(record))).toEqual({ ok: true, record });
        expect(openRecord(recordFile(record))).toEqual({ ok: true, record });
      }),
      { numRuns: 150 },
    );
  });

  test('a record of every module of a 30-module course fits the code limit with room to spare', () => {
    fc.assert(
      fc.property(recordArb, (record) => {
        expect(recordCode(record).length).toBeLessThan(MAX_RECORD_CODE_CHARS / 2);
      }),
      { numRuns: 50 },
    );
  });

  test('is built from progress with status, best score and dates', () => {
    const module: ModuleFacts = { id: 'orientation', lessonIds: ['orientation/a', 'orientation/b'], contentHash: 'h1' };
    let progress = emptyProgress('e1');
    progress = markLessonRead(progress, 'orientation/a', '2026-11-26T10:00:00.000Z', module);
    progress = markLessonRead(progress, 'orientation/b', '2026-11-26T10:05:00.000Z', module);
    progress = recordAttempt(progress, 'orientation', { at: '2026-11-27T09:00:00.000Z', ratio: 0.875, points: 7, max: 8, passed: true, answers: {}, contentHash: 'h1' }, module);
    const untouched: ModuleFacts = { id: 'duty-08-crises', lessonIds: ['duty-08-crises/a'], contentHash: 'h2' };
    const record = buildRecord({ learner: '  Sam ', learnerId: 'p4x8k2m9', issued: '2026-11-28T15:00:00.000Z', course: 'c1', progress, modules: [module, untouched] });
    expect(record.learner).toBe('Sam');
    expect(record.modules).toEqual([
      // The edition completed travels with the module (issue 18), so the Team page judges "updated" by its own course.
      { id: 'orientation', status: 'complete', lessonsRead: 2, lessonsTotal: 2, best: 88, passedOn: '2026-11-27', completedOn: '2026-11-27', edition: 'h1' },
      { id: 'duty-08-crises', status: 'not-started', lessonsRead: 0, lessonsTotal: 1 },
    ]);
  });

  test('a completion saved before editions counts as current while the text is unchanged, and names the current edition', () => {
    const module: ModuleFacts = { id: 'orientation', lessonIds: ['orientation/a'], contentHash: 'ed1', textHash: 'text1' };
    const progress = { ...emptyProgress(), lessons: { 'orientation/a': { readAt: '2026-11-27T09:00:00.000Z' } }, checks: {}, completions: { orientation: { at: '2026-11-27T09:00:00.000Z', contentHash: 'text1' } } };
    const current = buildRecord({ learner: 'Sam', learnerId: 'p4x8k2m9', issued: '2026-11-28T15:00:00.000Z', course: 'c1', progress, modules: [module] });
    expect(current.modules[0]).toMatchObject({ status: 'complete', edition: 'ed1' });
    const edited = buildRecord({ learner: 'Sam', learnerId: 'p4x8k2m9', issued: '2026-11-28T15:00:00.000Z', course: 'c1', progress, modules: [{ ...module, textHash: 'text2' }] });
    expect(edited.modules[0]).toMatchObject({ status: 'updated', edition: 'text1' });
  });

  test('a file edited by hand is refused by its checksum', () => {
    const file = JSON.parse(recordFile(sample));
    file.record.modules[1].status = 'complete';
    const result = openRecord(JSON.stringify(file));
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/changed since it was exported/) });
  });

  test('the check at the end of a record code is the record checksum (one verification code everywhere)', () => {
    const reordered = JSON.parse(JSON.stringify({ modules: sample.modules, course: sample.course, issued: sample.issued, learnerId: sample.learnerId, learner: sample.learner, assignment: sample.assignment }));
    for (const record of [sample, reordered]) expect(recordCode(record).split('.').at(-1)).toBe(recordChecksum(sample));
  });

  test('the checksum does not depend on key order', () => {
    const reordered = JSON.parse(JSON.stringify({ modules: sample.modules, course: sample.course, issued: sample.issued, learnerId: sample.learnerId, learner: sample.learner, assignment: sample.assignment }));
    expect(recordChecksum(reordered)).toBe(recordChecksum(sample));
  });

  test('a single changed character never yields a different record: it is refused, or lands in bits deflate ignores', () => {
    // The codec checks the content's checksum, not the compressor's spelling (so codes survive an
    // fflate update): a change that inflates to the very same JSON opens as the very same record.
    const code = recordCode(sample);
    fc.assert(
      fc.property(fc.nat({ max: code.length - 1 }), fc.constantFrom(...'ABCxyz019-_.'), (at, char) => {
        fc.pre(code[at] !== char);
        const changed = code.slice(0, at) + char + code.slice(at + 1);
        const opened = openRecord(changed);
        if (opened.ok) expect(opened.record).toEqual(sample);
        else expect(opened.message.length).toBeGreaterThan(20);
      }),
      { numRuns: 300 },
    );
  });

  test('a truncated code or file is refused with a message', () => {
    const code = recordCode(sample);
    const file = recordFile(sample);
    for (const cut of [1, 5, Math.floor(code.length / 2)]) expect(openRecord(code.slice(0, -cut))).toMatchObject({ ok: false });
    expect(openRecord(file.slice(0, file.length - 10))).toEqual({ ok: false, message: expect.stringMatching(/not readable JSON/) });
  });

  test('random text and random JSON never throw and never open', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 2000 }), fc.json().map((j) => j)), (text) => {
        expect(openRecord(text).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  test.each([
    ['a script tag as a module id', { ...sample, modules: [{ ...sample.modules[0]!, id: '<script>alert(1)</script>' }] }],
    ['an unknown field', { ...sample, admin: true }],
    ['a constructor key', { ...sample, constructor: { prototype: { x: 1 } } }],
    ['a javascript: URL as the course version', { ...sample, course: 'javascript:alert(1)\u0000' }],
    ['a score over 100', { ...sample, modules: [{ ...sample.modules[0]!, best: 101 }] }],
    ['more lessons read than exist', { ...sample, modules: [{ ...sample.modules[0]!, lessonsRead: 9 }] }],
    ['the same module twice', { ...sample, modules: [sample.modules[0]!, sample.modules[0]!] }],
    ['an impossible date', { ...sample, modules: [{ ...sample.modules[0]!, completedOn: '2026-02-30' }] }],
    ['no name', { ...sample, learner: '' }],
  ])('%s is refused in a code and in a file', (_, data) => {
    expect(openRecord(pack('R', 1, data))).toEqual({ ok: false, message: expect.stringMatching(/not valid/) });
    const file = JSON.stringify({ format: 'crosswalk-record', version: 1, record: data, checksum: recordChecksum(data as CompletionRecord) });
    expect(openRecord(file).ok).toBe(false);
  });

  test('__proto__ keys in the JSON text are refused and pollute nothing', () => {
    const recordText = JSON.stringify(sample).replace(/^\{/, '{"__proto__":{"polluted":true},');
    const file = `{"format":"crosswalk-record","version":1,"record":${recordText},"checksum":"${recordChecksum(sample)}"}`;
    expect(openRecord(file).ok).toBe(false);
    expect(openRecord(pack('R', 1, JSON.parse(recordText))).ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('markup in a name comes back as the same plain text', () => {
    const record = { ...sample, learner: '<img src=x onerror=alert(1)>' };
    expect(openRecord(recordFile(record))).toEqual({ ok: true, record });
  });

  test('oversized files, newer formats and other files get their own messages', () => {
    expect(openRecord(`{"x":"${'a'.repeat(MAX_RECORD_FILE_BYTES)}"}`)).toEqual({ ok: false, message: expect.stringMatching(/too large/) });
    const newer = JSON.stringify({ format: 'crosswalk-record', version: 2, record: sample, checksum: recordChecksum(sample) });
    expect(openRecord(newer)).toEqual({ ok: false, message: expect.stringMatching(/newer version/) });
    expect(openRecord('{"format":"crosswalk-backup","version":1,"profiles":[]}')).toEqual({ ok: false, message: expect.stringMatching(/not a Crosswalk completion record/) });
    expect(openRecord(pack('A', 1, { i: 'k3v9q1ab' }))).toEqual({ ok: false, message: expect.stringMatching(/assignment, not a completion record/) });
  });

  test('the file name is safe and says whose record it is', () => {
    expect(recordFileName({ ...sample, learner: 'José O\'Neil / desk 2' })).toBe('crosswalk-record-jose-oneil-desk-2-2026-11-28.json');
    expect(recordFileName({ ...sample, learner: '<<>>' })).toBe('crosswalk-record-learner-2026-11-28.json');
  });
});
