/**
 * Every door data comes in by, fuzzed at the library level: assignment links, record codes and
 * record files, backups, `#q-` links and review decks (readable and packed). Inputs are valid
 * values mutated the way damage and tampering mutate them: characters flipped, control characters
 * and lone surrogate halves inserted, impossible dates, huge numbers, keys removed or added, then
 * (for codes) packed again so that the checksum matches and the schema is what must refuse them.
 *
 * Two promises are checked for every case: no door throws; and every value a door accepts can be
 * carried through everything later (a record, its code and file, a certificate's data, a review
 * session) without throwing. The number of cases run is printed at the end.
 */
import { afterAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { fragmentText } from '../../src/lib/encoding/fragment';
import { pack } from '../../src/lib/encoding/link-codec';
import { createBackup, parseBackup, planImport } from '../../src/lib/learner/backup';
import { loadStoredDeck, packDeck } from '../../src/lib/learner/packed-deck';
import { defaultProfiles } from '../../src/lib/learner/profiles';
import { emptyProgress, type ModuleFacts, type ProgressState } from '../../src/lib/learner/progress';
import { dueQuestions, emptyDeck, loadDeck, previewIntervals, rateCard, scheduleReview, syncDeck, usableDeck, type ReviewDeck } from '../../src/lib/learner/review';
import { daysBetween, dueState, formatDay, openAssignment, packAssignment, type Assignment } from '../../src/lib/supervisor/assignment';
import { buildRecord, openRecord, recordChecksum, recordCode, recordFile, recordFileName, type CompletionRecord } from '../../src/lib/supervisor/record';
import { CELL_LABELS } from '../../src/lib/supervisor/team';
import { LESSON_IDS, MODULE_IDS, isoDateArb, progressArb } from './progress-arbitraries';

const NOW = new Date('2026-12-05T12:00:00.000Z');
const RUNS = { numRuns: 1000 };
const LONG = 60_000;

// ---------------------------------------------------------------------------
// The course the fuzzed values meet: modules m1–m3 (the progress arbitraries' ids) and two real ones.

const MODULES: ModuleFacts[] = [
  ...MODULE_IDS.map((id) => ({ id, lessonIds: LESSON_IDS.filter((l) => l.startsWith(`${id}/`)), contentHash: 'h1' })),
  { id: 'orientation', lessonIds: ['orientation/a', 'orientation/b'], contentHash: 'h2' },
  { id: 'duty-06-linking-to-resources', lessonIds: ['duty-06-linking-to-resources/a'], contentHash: 'h3' },
];
const KNOWN_MODULES = new Set(MODULES.map((m) => m.id));
const QUESTIONS = ['m1/q1', 'm1/q2', 'm2/q1', 'orientation/peer-is-not-counsellor'];
const KNOWN_QUESTIONS = new Set(QUESTIONS);
const TITLES = new Map(MODULES.map((m) => [m.id, `Module ${m.id}`]));

let cases = 0;
const counted = <T extends unknown[]>(check: (...args: T) => void) => (...args: T) => {
  cases++;
  check(...args);
};
/** Accepted values per door: each door must accept some, or the later steps were never tried. */
const acceptedAt: Record<string, number> = {};
const accept = (door: string) => {
  acceptedAt[door] = (acceptedAt[door] ?? 0) + 1;
};

// ---------------------------------------------------------------------------
// Mutations

/** Characters that break things: controls, lone surrogate halves, bidi overrides, escapes, separators. */
const NASTY = ['\u0000', '\u0007', '\t', '\n', '\r', '\u001b', '\u007f', '\u0085', '\u009b', '\u2028', '\ud800', '\udbff', '\udc00', '\udfff', '\u202e', '\ufeff', '\ufffd', '%', '%E0', '%zz', '#', '.', '"', '\\', '/', '0', '9', 'Z', '-', ':', 'T', '😀'];
const nastyChar = fc.oneof(fc.constantFrom(...NASTY), fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }), fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-'));

type Edit = { kind: 'flip' | 'insert' | 'delete' | 'truncate' | 'repeat'; at: number; text: string; length: number };
const editArb: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom('flip', 'insert', 'delete', 'truncate', 'repeat'),
  at: fc.nat(),
  text: fc.array(nastyChar, { minLength: 1, maxLength: 3 }).map((a) => a.join('')),
  length: fc.integer({ min: 1, max: 12 }),
});

function applyEdit(text: string, edit: Edit): string {
  const at = text.length === 0 ? 0 : edit.at % (text.length + 1);
  switch (edit.kind) {
    case 'flip':
      return text.slice(0, at) + edit.text + text.slice(at + edit.text.length);
    case 'insert':
      return text.slice(0, at) + edit.text + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + edit.length);
    case 'truncate':
      return text.slice(0, at);
    case 'repeat':
      return text.slice(0, at) + text.slice(at, at + edit.length).repeat(3) + text.slice(at);
  }
}

/** A string mutated by one to four edits. */
const mutatedText = (valid: fc.Arbitrary<string>) =>
  fc.tuple(valid, fc.array(editArb, { minLength: 1, maxLength: 4 })).map(([text, edits]) => edits.reduce(applyEdit, text));

/** Dates that look right and are not, or sit at the edges of what Date can hold. */
const BAD_DATES = [
  '2026-02-30T10:00:00.000Z', '2026-02-29T10:00:00.000Z', '0000-01-01T00:00:00.000Z', '2026-12-01T24:00:00.000Z', '2026-12-01T10:00:00Z',
  '+275760-09-13T00:00:00.000Z', '-271821-04-20T00:00:00.000Z', '1969-12-31T23:59:59.999Z', '9999-12-31T23:59:59.999Z', '3000-01-01T00:00:00.000Z',
  '2026-13-01T00:00:00.000Z', '2026-12-01', '2026-02-30', '0000-01-01', '9999-12-31', '2026-00-10', '20266-12-15', '2026-12-15 ', 'Tue, 01 Dec 2026 10:00:00 GMT', '0', '',
];
const HUGE_NUMBERS = [1e308, -1e308, 2 ** 53, 2 ** 53 + 2, -1, -0.5, 0.5, 1e-300, 51, 101, 1e9, 1e9 + 1, 4294967296, 1.5];
const BAD_TEXT = ['Ctl\u0007name', '\ud800', 'a\udc00b', '\ud83d', 'x\u0000', '\u202e Sam', 'Sam\nOkafor', ' ', '', 'x'.repeat(81), 'y'.repeat(5001), '__proto__', 'constructor', '<img src=x onerror=alert(1)>'];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const leafArb: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(...BAD_DATES),
  fc.constantFrom<Json>(...HUGE_NUMBERS),
  fc.constantFrom<Json>(...BAD_TEXT),
  fc.constantFrom<Json>(null, true, false, [], {}, [[]], { version: 1 }),
  isoDateArb,
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ unit: 'binary', maxLength: 12 }),
);

type ValueEdit = { kind: 'date' | 'string' | 'number' | 'replace' | 'remove' | 'add' | 'copy'; pick: number; leaf: Json; bad: Json; edits: Edit[]; key: string };
const valueEditArb: fc.Arbitrary<ValueEdit> = fc.record({
  kind: fc.constantFrom('date', 'date', 'string', 'string', 'number', 'replace', 'remove', 'add', 'copy'),
  pick: fc.nat(),
  leaf: leafArb,
  bad: fc.oneof(fc.constantFrom<Json>(...BAD_DATES), fc.constantFrom<Json>(...BAD_TEXT)),
  edits: fc.array(editArb, { minLength: 1, maxLength: 2 }),
  key: fc.constantFrom('__proto__', 'constructor', 'extra', 'm1/q9', 'm1'),
});

function allPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...allPaths(v, [...prefix, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...allPaths(v, [...prefix, k]));
  return out;
}

const at = (value: unknown, path: (string | number)[]) => path.reduce<unknown>((node, step) => (node as Record<string | number, unknown>)[step], value);
const DATE_LIKE = /^\d{4}-\d{2}-\d{2}/;
/** Which nodes an edit may land on: dates for a date edit, strings for a text edit, numbers for a number edit. */
const TARGETS: Partial<Record<ValueEdit['kind'], (node: unknown) => boolean>> = {
  date: (node) => typeof node === 'string' && DATE_LIKE.test(node),
  string: (node) => typeof node === 'string',
  number: (node) => typeof node === 'number',
};

/**
 * One edit at one node of a JSON value: a date made impossible, a string edited or replaced by
 * nasty text, a number made huge, any node replaced, removed, given a sibling key, or copied.
 */
function applyValueEdit(value: unknown, edit: ValueEdit): unknown {
  const copy = JSON.parse(JSON.stringify(value)) as unknown;
  const paths = allPaths(copy);
  const target = TARGETS[edit.kind];
  const targeted = target ? paths.filter((p) => p.length > 0 && target(at(copy, p))) : [];
  const pool = targeted.length > 0 ? targeted : paths;
  const path = pool[edit.pick % pool.length]!;
  if (path.length === 0) return edit.kind === 'replace' ? edit.leaf : copy;
  const parent = at(copy, path.slice(0, -1)) as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  const current = parent[last];
  const set = (key: string | number, v: unknown) => Object.defineProperty(parent, key, { value: v, enumerable: true, writable: true, configurable: true });
  switch (edit.kind) {
    case 'date':
      set(last, edit.pick % 3 === 0 ? edit.leaf : BAD_DATES[edit.pick % BAD_DATES.length]);
      break;
    case 'string':
      set(last, typeof current === 'string' && edit.pick % 2 === 0 ? edit.edits.reduce(applyEdit, current) : edit.bad);
      break;
    case 'number':
      set(last, HUGE_NUMBERS[edit.pick % HUGE_NUMBERS.length]);
      break;
    case 'replace':
      set(last, edit.leaf);
      break;
    case 'remove':
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete parent[last];
      break;
    case 'add':
      if (Array.isArray(parent)) parent.push(current);
      else set(edit.key, current ?? edit.leaf);
      break;
    case 'copy':
      if (Array.isArray(current)) current.push(...current);
      else set(last, JSON.parse(JSON.stringify(current ?? null)));
  }
  return copy;
}

const mutatedValue = <T>(valid: fc.Arbitrary<T>) =>
  fc.tuple(valid, fc.array(valueEditArb, { minLength: 1, maxLength: 3 })).map(([value, edits]) => edits.reduce<unknown>(applyValueEdit, value));

// ---------------------------------------------------------------------------
// Valid inputs

const idArb = fc.stringMatching(/^[a-z0-9]{6,16}$/);
const dayArb = fc.date({ min: new Date('2020-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const textArb = (max: number) => fc.string({ maxLength: max, unit: 'grapheme' }).map((s) => s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '').trim());

const assignmentArb: fc.Arbitrary<Assignment> = fc.record(
  {
    id: idArb,
    by: textArb(60).filter((s) => s.length > 0),
    for: textArb(60).filter((s) => s.length > 0),
    pathId: fc.constantFrom('new-hire', 'full'),
    modules: fc.uniqueArray(fc.constantFrom(...KNOWN_MODULES), { minLength: 1, maxLength: 5 }),
    due: dayArb,
    note: textArb(200).filter((s) => s.length > 0),
    created: dayArb,
  },
  { requiredKeys: ['id', 'by', 'modules', 'created'] },
);
/** The wire form inside a link, as packAssignment writes it (read back from a packed link). */
const wireArb = assignmentArb.map((a) => {
  const wire: Record<string, unknown> = { i: a.id, b: a.by, m: a.modules, c: a.created };
  if (a.for) wire.f = a.for;
  if (a.pathId) wire.p = a.pathId;
  if (a.due) wire.d = a.due;
  if (a.note) wire.n = a.note;
  return wire;
});

const recordArb: fc.Arbitrary<CompletionRecord> = fc
  .record({ progress: progressArb(), name: textArb(60).filter((s) => s.length > 0), issued: isoDateArb, modules: fc.subarray(MODULES, { minLength: 1 }), assignment: fc.option(fc.record({ id: idArb, due: dayArb }), { nil: undefined }) })
  .map(({ progress, name, issued, modules, assignment }) =>
    buildRecord({ learner: name, learnerId: 'abc123def4', issued, course: '2026.11', progress, modules, ...(assignment ? { assignment } : {}) }),
  );

const deckArb: fc.Arbitrary<ReviewDeck> = fc
  .array(fc.record({ id: fc.constantFrom(...QUESTIONS), rating: fc.constantFrom('again' as const, 'hard' as const, 'good' as const, 'easy' as const), at: fc.date({ min: new Date('2026-01-01'), max: NOW, noInvalidDate: true }) }), { maxLength: 8 })
  .map((reviews) => [...reviews].sort((a, b) => a.at.getTime() - b.at.getTime()).reduce((deck, r) => rateCard(deck, r.id, r.rating, r.at), emptyDeck()));

const backupTextArb = fc
  .array(fc.record({ name: textArb(40).filter((s) => s.length > 0), progress: progressArb(), review: fc.option(deckArb, { nil: undefined }) }), { minLength: 1, maxLength: 3 })
  .map((profiles) => createBackup(profiles.map((p) => ({ name: p.name, progress: p.progress, ...(p.review ? { review: p.review } : {}) })), '2026-12-01T08:00:00.000Z', 'Crosswalk'));

// ---------------------------------------------------------------------------
// What later code does with an accepted value (each step must not throw)

/** What the certificate page shows of a record (src/components/tools/CertificatePage.tsx). */
function certificateData(record: CompletionRecord) {
  const complete = record.modules.filter((m) => m.status === 'complete' || m.status === 'updated');
  const data = {
    name: record.learner,
    summary: `completed ${complete.length} of ${record.modules.length}, as recorded on ${formatDay(record.issued.slice(0, 10))}${record.assignment?.due ? `, for an assignment due ${formatDay(record.assignment.due)}` : ''}`,
    rows: record.modules.map((m) => [TITLES.get(m.id) ?? m.id, CELL_LABELS[m.status], m.best === undefined ? 'No attempt' : `${m.best}%`, m.completedOn ? formatDay(m.completedOn) : 'Not yet']),
    checksum: recordChecksum(record),
  };
  const text = JSON.stringify(data);
  expect(text).not.toMatch(/Invalid Date|undefined|NaN/);
  // Each date shows as the day it names (30 February would show as 2 March, year 0 as 1900).
  expect(new Date(record.issued).toISOString()).toBe(record.issued);
  for (const day of [record.issued.slice(0, 10), record.assignment?.due, ...record.modules.flatMap((m) => [m.completedOn, m.passedOn])]) {
    if (day) expect(new Date(`${formatDay(day)} UTC`).toISOString().slice(0, 10)).toBe(day);
  }
  return data;
}

/** A record goes out as a code and a file, and both open again to the same record. */
function sendRecord(record: CompletionRecord): void {
  expect(openRecord(recordCode(record))).toEqual({ ok: true, record });
  expect(openRecord(recordFile(record))).toEqual({ ok: true, record });
  expect(recordFileName(record)).toMatch(/^crosswalk-record-[\w-]+-\d{4}-\d{2}-\d{2}\.json$/);
  certificateData(record);
}

/** A review session as the review page runs it (src/stores/review.ts): usable cards, synced, due list, previews, one rating. */
function reviewSession(deck: ReviewDeck, progress: ProgressState): void {
  const usable = usableDeck(deck, NOW).deck;
  const synced = syncDeck(usable, progress, KNOWN_QUESTIONS);
  const due = dueQuestions(synced, NOW, KNOWN_QUESTIONS);
  for (const id of due.slice(0, 3)) {
    previewIntervals(synced, id, NOW);
    const rated = scheduleReview(synced, id, 'good', NOW);
    if (rated.ok) expect(loadDeck(JSON.parse(JSON.stringify(rated.deck)))).toMatchObject({ ok: true, dropped: 0 });
  }
}

function recordFrom(name: string, progress: ProgressState, assignment?: { id: string; due?: string }, modules = MODULES): CompletionRecord {
  return buildRecord({ learner: name, learnerId: 'abc123def4', issued: NOW.toISOString(), course: '2026.11', progress, modules, ...(assignment ? { assignment } : {}) });
}

// ---------------------------------------------------------------------------

describe('assignment links', () => {
  const accepted = (text: string) => {
    const opened = openAssignment(fragmentText(text), KNOWN_MODULES);
    if (!opened.ok) {
      expect(opened.message.length).toBeGreaterThan(20);
      return;
    }
    accept('assignment link');
    const { assignment } = opened;
    expect(packAssignment(assignment)).toMatch(/^A1\./);
    expect(Number.isFinite(daysBetween(assignment.created, assignment.due ?? assignment.created))).toBe(true);
    dueState(assignment.due, '2026-12-05', false);
    expect(formatDay(assignment.created)).not.toMatch(/Invalid/);
    const modules = MODULES.filter((m) => assignment.modules.includes(m.id));
    sendRecord(recordFrom(assignment.for ?? assignment.by, emptyProgress('e1'), { id: assignment.id, ...(assignment.due ? { due: assignment.due } : {}) }, modules));
  };

  test('a link with its characters flipped, cut or padded with controls and % escapes', () => {
    fc.assert(fc.property(mutatedText(assignmentArb.map((a) => `#${packAssignment(a)}`)), counted(accepted)), RUNS);
  }, LONG);

  test('a link whose content is changed and packed again (the checksum matches)', () => {
    fc.assert(fc.property(mutatedValue(wireArb), counted((wire) => accepted(pack('A', 1, wire)))), { numRuns: 2000 });
  }, LONG);
});

describe('record codes and files', () => {
  const accepted = (text: string) => {
    const opened = openRecord(text);
    if (!opened.ok) {
      expect(opened.message.length).toBeGreaterThan(20);
      return;
    }
    accept('record code or file');
    sendRecord(opened.record);
  };

  test('a record code with its characters changed', () => {
    fc.assert(fc.property(mutatedText(recordArb.map(recordCode)), counted(accepted)), { numRuns: 800 });
  }, LONG);

  test('a record whose content is changed and packed again as a code', () => {
    fc.assert(fc.property(mutatedValue(recordArb), counted((record) => accepted(pack('R', 1, record)))), { numRuns: 1200 });
  }, LONG);

  test('a record file whose content is changed, with its checksum made to match', () => {
    fc.assert(
      fc.property(
        mutatedValue(recordArb),
        counted((record) => {
          let checksum = 'x';
          try {
            checksum = recordChecksum(record as CompletionRecord);
          } catch {
            // Not a record any more (a string, null): the file goes out with a wrong checksum.
          }
          accepted(JSON.stringify({ format: 'crosswalk-record', version: 1, record, checksum }));
        }),
      ),
      { numRuns: 800 },
    );
  }, LONG);

  test('a record file whose text is changed', () => {
    fc.assert(fc.property(mutatedText(recordArb.map(recordFile)), counted(accepted)), { numRuns: 800 });
  }, LONG);
});

describe('backups', () => {
  const accepted = (text: string) => {
    const parsed = parseBackup(text);
    if (!parsed.ok) {
      expect(parsed.error.length).toBeGreaterThan(20);
      return;
    }
    accept('backup');
    let n = 0;
    const plan = planImport(defaultProfiles('2026-12-01T08:00:00.000Z'), () => emptyProgress('0'), parsed.backup, () => `p-${n++}`, NOW.toISOString());
    expect(plan.ok).toBe(true);
    for (const profile of parsed.backup.profiles) {
      sendRecord(recordFrom(profile.name, profile.progress));
      reviewSession(profile.review ?? emptyDeck(), profile.progress);
    }
  };

  test('a backup whose content is changed', () => {
    fc.assert(fc.property(mutatedValue(backupTextArb.map((t) => JSON.parse(t) as unknown)), counted((value) => accepted(JSON.stringify(value)))), { numRuns: 800 });
  }, LONG);

  test('a backup whose text is changed', () => {
    fc.assert(fc.property(mutatedText(backupTextArb), counted(accepted)), { numRuns: 400 });
  }, LONG);
});

describe('#q- links', () => {
  test('a question link with any escape opens to a string or nothing, never an exception', () => {
    fc.assert(
      fc.property(
        mutatedText(fc.constantFrom(...QUESTIONS).map((q) => `#q-${encodeURIComponent(q)}`)),
        counted((hash) => {
          // As the module check reads it (src/components/check/module-check.ts).
          const id = hash.startsWith('#q-') ? fragmentText(hash).slice(2) : '';
          expect(typeof id).toBe('string');
        }),
      ),
      { numRuns: 1500 },
    );
  });
});

describe('review decks', () => {
  const accepted = (load: (raw: unknown) => ReturnType<typeof loadDeck>) => (raw: unknown) => {
    const loaded = load(raw);
    if (!loaded.ok) {
      expect(loaded.reason.length).toBeGreaterThan(10);
      return;
    }
    accept('review deck');
    reviewSession(loaded.deck, emptyProgress('e1'));
  };

  test('a readable deck whose content is changed', () => {
    fc.assert(fc.property(mutatedValue(deckArb), counted(accepted(loadDeck))), { numRuns: 1500 });
  }, LONG);

  test('a packed deck whose content is changed', () => {
    fc.assert(fc.property(mutatedValue(deckArb.map((d) => JSON.parse(packDeck(d)) as unknown)), counted(accepted(loadStoredDeck))), { numRuns: 1500 });
  }, LONG);
});

afterAll(() => {
  const doors = Object.entries(acceptedAt).map(([door, n]) => `${door} ${n.toLocaleString('en-US')}`).join(', ');
  console.log(`import fuzz: ${cases.toLocaleString('en-US')} cases run across every import door; accepted and carried through: ${doors}`);
});

test('at least 10,000 cases ran in all, and every door accepted some to carry through', () => {
  expect(cases).toBeGreaterThanOrEqual(10_000);
  for (const door of ['assignment link', 'record code or file', 'backup', 'review deck']) expect(acceptedAt[door] ?? 0).toBeGreaterThan(100);
});
