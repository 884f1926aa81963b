/**
 * Issue 17, items 4 and 7: dates are real instants and names printable text at every door, lone
 * surrogate halves are refused or made whole, and what passed a door never throws further on.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { cleanName, isRealDay, isRealInstant, isWellFormed, nameText, wellFormed } from '../../src/lib/encoding/fields';
import { pack } from '../../src/lib/encoding/link-codec';
import { BACKUP_FORMAT, createBackup, parseBackup } from '../../src/lib/learner/backup';
import { emptyJournal, loadJournal, saveEntry } from '../../src/lib/learner/journal';
import { loadStoredProgress, packProgress } from '../../src/lib/learner/packed-storage';
import { addProfile, defaultProfiles, profilesSchema, renameProfile } from '../../src/lib/learner/profiles';
import { emptyProgress, loadProgress, markLessonRead, recordAnswer, recordAttempt, type ProgressState } from '../../src/lib/learner/progress';
import { openAssignment, packAssignment } from '../../src/lib/supervisor/assignment';
import { buildRecord, openRecord, recordCode, recordFile, recordName } from '../../src/lib/supervisor/record';

const NOW = '2026-12-01T08:00:00.000Z';
const modules = [{ id: 'orientation', lessonIds: ['orientation/a'], contentHash: 'h1' }];
const passedProgress = (passedAt: string): ProgressState => {
  const state = recordAttempt(markLessonRead(emptyProgress('e1'), 'orientation/a', NOW), 'orientation', { at: NOW, ratio: 1, points: 5, max: 5, passed: true, contentHash: 'h1' }, modules[0]);
  return { ...state, checks: { orientation: { ...state.checks.orientation!, passedAt } }, completions: { orientation: { at: passedAt, contentHash: 'h1' } } };
};

describe('dates are real instants, in range', () => {
  test.each([
    ['2026-02-30T10:00:00.000Z', false],
    ['2028-02-29T10:00:00.000Z', true],
    ['2026-02-29T10:00:00.000Z', false],
    ['0000-01-01T00:00:00.000Z', false],
    ['1969-12-31T23:59:59.999Z', false],
    ['1970-01-01T00:00:00.000Z', true],
    ['2999-12-31T23:59:59.999Z', true],
    ['3000-01-01T00:00:00.000Z', false],
    ['+275760-09-13T00:00:00.000Z', false],
    ['2026-12-01T24:00:00.000Z', false],
    ['2026-12-01T10:00:00Z', false],
    ['2026-12-01', false],
  ])('%s is a real instant: %s', (text, real) => {
    expect(isRealInstant(text)).toBe(real);
  });

  test.each([
    ['2026-02-30', false],
    ['2028-02-29', true],
    ['0000-01-01', false],
    ['2026-13-01', false],
    ['20266-12-15', false],
    ['2026-12-15', true],
  ])('%s is a real day: %s', (text, real) => {
    expect(isRealDay(text)).toBe(real);
  });

  test('every instant toISOString writes in the range is accepted', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1970-01-01T00:00:00.000Z'), max: new Date('2999-12-31T23:59:59.999Z'), noInvalidDate: true }), (d) => {
        expect(isRealInstant(d.toISOString())).toBe(true);
        expect(isRealDay(d.toISOString().slice(0, 10))).toBe(true);
      }),
    );
  });
});

describe('text is printable and made of whole characters', () => {
  test('a lone surrogate half is found and made whole; pairs are left alone', () => {
    expect(isWellFormed('a😀b')).toBe(true);
    expect(isWellFormed('a\ud83d')).toBe(false);
    expect(isWellFormed('\ude00a')).toBe(false);
    expect(wellFormed('\ude00😀\ud83d')).toBe('\ufffd😀\ufffd');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const whole = wellFormed(text);
        expect(isWellFormed(whole)).toBe(true);
        expect(whole.length).toBe(text.length);
        // Whole text survives UTF-8 unchanged: that is what makes a save and reload give it back.
        expect(new TextDecoder().decode(new TextEncoder().encode(whole))).toBe(whole);
        if (isWellFormed(text)) expect(whole).toBe(text);
      }),
    );
  });

  test.each([
    ['Ctl\u0007name', false],
    ['Sam\nOkafor', false],
    ['Sam\u2028Okafor', false],
    ['C1\u0085control', false],
    ['half\ud800', false],
    ['   ', false],
    ['Zoë 😀', true],
    ['Ana\tRuiz', true],
  ])('name %j is printable: %s', (name, ok) => {
    expect(nameText(1, 80).safeParse(name).success).toBe(ok);
  });

  test('a typed name is cleaned to a printable one', () => {
    expect(cleanName(' Ctl\u0007name ')).toBe('Ctlname');
    expect(cleanName('Ana\tRuiz\n')).toBe('Ana Ruiz');
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (typed) => {
        const name = cleanName(typed);
        if (name) expect(nameText(1, 80).safeParse(name).success).toBe(true);
      }),
    );
  });
});

describe('backups', () => {
  const file = (profiles: unknown[], exportedAt = NOW) => JSON.stringify({ format: BACKUP_FORMAT, version: 1, exportedAt, profiles });

  test('a backup whose passedAt is 30 February is refused with a sentence, nothing imported', () => {
    const result = parseBackup(file([{ name: 'Sam', progress: passedProgress('2026-02-30T10:00:00.000Z') }]));
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/progress of “Sam” in this backup is damaged \(.*passedAt: is not a real date and time\)\. Nothing was imported\./) });
  });

  test('a backup exported at an impossible time is refused', () => {
    expect(parseBackup(file([{ name: 'Sam', progress: emptyProgress('e1') }], '2026-02-30T10:00:00.000Z'))).toMatchObject({ ok: false, error: expect.stringMatching(/damaged \(exportedAt/) });
  });

  test('a profile named with a control character imports under a printable name, and its record can be made and sent', () => {
    const result = parseBackup(createBackup([{ name: 'Ctl\u0007name', progress: passedProgress(NOW) }], NOW));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [profile] = result.backup.profiles;
    expect(profile!.name).toBe('Ctlname');
    const record = buildRecord({ learner: profile!.name, learnerId: 'abc123def4', issued: NOW, course: '2026.11', progress: profile!.progress, modules });
    expect(openRecord(recordCode(record))).toEqual({ ok: true, record });
    expect(openRecord(recordFile(record))).toEqual({ ok: true, record });
  });

  test('answers with lone surrogate halves are refused: packed storage would merge them into one character', () => {
    const state = recordAnswer(emptyProgress('e1'), 'orientation/q1', ['\ud83d', '\ude00'], 'correct', NOW);
    expect(loadProgress(state)).toMatchObject({ ok: false, reason: expect.stringMatching(/options/) });
    expect(parseBackup(file([{ name: 'Sam', progress: state }]))).toMatchObject({ ok: false });
    // What is accepted comes back from storage exactly as it went in.
    const whole = recordAnswer(emptyProgress('e1'), 'orientation/q1', ['😀', 'b'], 'correct', NOW);
    expect(loadStoredProgress(JSON.parse(packProgress(whole)))).toEqual({ ok: true, state: whole });
  });
});

describe('profiles', () => {
  test('a name typed with a control character is saved printable; one with nothing printable is refused', () => {
    const added = addProfile(defaultProfiles(NOW), 'Ctl\u0007name', 'p-1', NOW);
    expect(added).toMatchObject({ ok: true, profile: { name: 'Ctlname' } });
    expect(addProfile(defaultProfiles(NOW), '\u0007\u0000', 'p-1', NOW)).toMatchObject({ ok: false, error: expect.stringMatching(/Give the profile a name/) });
    expect(renameProfile(defaultProfiles(NOW), 'default', 'Sam\ud800')).toMatchObject({ ok: true, profiles: { profiles: [{ name: 'Sam\ufffd' }] } });
  });

  test('a profile list saved with such a name loads cleaned, not set aside (its progress stays reachable)', () => {
    const stored = { ...defaultProfiles(NOW), profiles: [{ id: 'default', name: 'Ctl\u0007name', createdAt: NOW }] };
    expect(profilesSchema.safeParse(stored)).toMatchObject({ success: true, data: { profiles: [{ name: 'Ctlname' }] } });
  });
});

describe('records', () => {
  const record = buildRecord({ learner: 'Sam', learnerId: 'abc123def4', issued: NOW, course: '2026.11', progress: passedProgress(NOW), modules });

  test.each([
    ['issued on 30 February', { issued: '2026-02-30T10:00:00.000Z' }],
    ['issued in year 0', { issued: '0000-01-01T00:00:00.000Z' }],
    ['issued without milliseconds', { issued: '2026-12-01T08:00:00Z' }],
    ['a module passed in year 0', { modules: [{ ...record.modules[0]!, passedOn: '0000-01-01' }] }],
    ['a name with a control character', { learner: 'Ctl\u0007name' }],
    ['a name with half a character', { learner: 'Sam\ud800' }],
    ['a blank name', { learner: '  ' }],
  ])('a record %s is refused as a code and as a file', (_, change) => {
    const changed = { ...record, ...change };
    expect(openRecord(pack('R', 1, changed))).toMatchObject({ ok: false, message: expect.stringMatching(/not valid/) });
    expect(openRecord(recordFile(changed as typeof record))).toMatchObject({ ok: false, message: expect.stringMatching(/not valid/) });
  });

  test('making a record never throws on what a learner typed or a date that is not a real day', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 120 }), fc.constantFrom(NOW, '2026-02-30T10:00:00.000Z', '0000-01-01T00:00:00.000Z', 'soon'), (name, passedAt) => {
        const made = buildRecord({ learner: name, learnerId: 'abc123def4', issued: NOW, course: '2026.11', progress: passedProgress(passedAt), modules, assignment: { id: 'k3v9q1ab', due: '2026-02-30' } });
        expect(made.learner).toBe(recordName(name));
        expect(made.assignment).toEqual({ id: 'k3v9q1ab' });
        expect(made.modules[0]!.passedOn).toBe(passedAt === NOW ? '2026-12-01' : undefined);
        expect(openRecord(recordCode(made))).toEqual({ ok: true, record: made });
      }),
      { numRuns: 300 },
    );
  });

  test('a long name is cut at the limit without splitting a character', () => {
    const name = recordName(`${'a'.repeat(79)}😀`);
    expect(name).toBe('a'.repeat(79));
    expect(isWellFormed(name)).toBe(true);
  });
});

describe('assignments', () => {
  const known = new Set(['orientation']);
  const base = { id: 'k3v9q1ab', by: 'Ana', modules: ['orientation'], created: '2026-11-28' };

  test.each([
    ['made on 30 February', { c: '2026-02-30' }],
    ['made in year 0', { c: '0000-01-01' }],
    ['due in year 0', { d: '0000-01-01' }],
    ['from a name with a control character', { b: 'Ctl\u0007name' }],
    ['for a name on two lines', { f: 'Sam\nOkafor' }],
    ['with half a character in its note', { n: 'see you \ud83d' }],
  ])('a link %s is refused with a sentence', (_, change) => {
    const wire = { i: base.id, b: base.by, m: base.modules, c: base.created, ...change };
    expect(openAssignment(pack('A', 1, wire), known)).toMatchObject({ ok: false, problem: 'invalid', message: expect.stringMatching(/not valid/) });
  });

  test('a note or name typed with half a character or a control character makes a link that opens as it was saved', () => {
    const packed = packAssignment({ ...base, by: 'Ana\u0007 Ruiz', for: 'Sam\ud800', note: 'First line\nsecond \ud83d' });
    expect(openAssignment(packed, known)).toMatchObject({ ok: true, assignment: { by: 'Ana Ruiz', for: 'Sam\ufffd', note: 'First line\nsecond \ufffd' } });
  });
});

describe('journal notes', () => {
  const entry = { prompt: 'What did you notice?', lesson: 'Lesson', module: 'Module', href: 'modules/orientation/why/#reflect-1' };

  test('a note with a lone surrogate half is saved whole, and reads back after a reload exactly as saved', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }).map((s) => `${s.replace(/[\u0000-\u001f\u007f]/g, '')}\ud800x`), (text) => {
        const saved = saveEntry(emptyJournal(), 'orientation/why', { ...entry, text }, NOW);
        fc.pre(saved.ok);
        if (!saved.ok) return;
        const note = saved.journal.entries['orientation/why']!;
        expect(isWellFormed(note.text)).toBe(true);
        const reloaded = loadJournal(JSON.parse(JSON.stringify(saved.journal)));
        expect(reloaded).toMatchObject({ ok: true, journal: saved.journal, dropped: 0 });
      }),
      { numRuns: 200 },
    );
  });
});
