import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, test, vi } from 'vitest';
import fc from 'fast-check';
import {
  MAX_ATTEMPTS,
  attemptsTaken,
  recordScenarioEnding,
  emptyProgress,
  loadProgress,
  markLessonRead,
  mergeProgress,
  moduleProgress,
  newEpoch,
  progressSchema,
  recordAnswer,
  recordAttempt,
  recordVisit,
  syncIncoming,
  type Attempt,
  type LoadResult,
  type ModuleFacts,
  type ProgressState,
} from '../../src/lib/learner/progress';
import { canonicalJson } from '../../src/lib/encoding/canonical-json';
import { createBackup, parseBackup, planImport } from '../../src/lib/learner/backup';
import { addProfile, defaultProfiles, findProfileByName, profilesSchema } from '../../src/lib/learner/profiles';
import {
  MODULE_IDS,
  coarseDateArb,
  isoDateArb,
  moduleFactsArb,
  mutatedProgressTextArb,
  mutatedV1TextArb,
  progressArb,
  v1Arb,
} from './progress-arbitraries';

const readFixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));

/** Minute n of 1 January 2026, as stored. */
const T = (n: number) => new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString();

const attempt = (n: number, ratio: number, passed: boolean): Attempt => ({
  at: T(n),
  ratio,
  points: ratio * 5,
  max: 5,
  passed,
  answers: { q1: ['a'] },
  contentHash: 'h1',
});

const orientation: ModuleFacts = { id: 'orientation', lessonIds: ['orientation/a', 'orientation/b'], contentHash: 'h1' };

/** An epoch as newEpoch() would have made it at the given time. */
const epochAt = (iso: string, suffix = 'abc') => `${Date.parse(iso).toString(36)}${suffix}`;

/** Decodes stored text exactly the way the progress store does. */
function decodeLikeStore(text: string): LoadResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  return loadProgress(value);
}

afterEach(() => {
  vi.restoreAllMocks();
});

// ---------------------------------------------------------------------------

describe('loading and migrating', () => {
  const NOW = '2026-12-01T08:00:00.000Z';
  const v1 = readFixture('progress-v1.json') as { lessonsRead: string[] };

  test('a v1 save loads as v2 with every lesson read and the passed check passed', () => {
    const result = loadProgress(readFixture('progress-v1.json'), NOW);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.migratedFrom).toBe(1);
    const state = result.state;
    expect(state.version).toBe(2);
    expect(progressSchema.safeParse(state).success).toBe(true);
    expect(Object.keys(state.lessons).sort()).toEqual([...v1.lessonsRead].sort());
    for (const id of v1.lessonsRead) expect(state.lessons[id]).toEqual({ readAt: NOW });

    const passed = state.checks.orientation!;
    expect(passed.passedAt).toBe('2026-10-01T09:30:00.000Z');
    expect(passed.best).toMatchObject({ ratio: 0.83, passed: true });
    expect(moduleProgress(state, { id: 'orientation', lessonIds: [], contentHash: '' }).passed).toBe(true);

    const failed = state.checks.boundaries!;
    expect(failed.passedAt).toBeUndefined();
    expect(failed.best).toMatchObject({ ratio: 0.4, passed: false });
  });

  test('a v2 save loads unchanged and says it was not migrated', () => {
    const state = markLessonRead(emptyProgress('e1'), 'orientation/a', T(1));
    const result = loadProgress(JSON.parse(JSON.stringify(state)));
    expect(result).toEqual({ ok: true, state });
  });

  test('a module fully earned under v1 (all lessons read, check passed) shows as complete after migration', () => {
    const result = loadProgress(readFixture('progress-v1.json'), NOW);
    if (!result.ok) throw new Error(result.reason);
    const facts: ModuleFacts = { id: 'orientation', lessonIds: ['orientation/what-a-peer-specialist-is', 'orientation/warm-hand-off'], contentHash: 'h1' };
    const shown = moduleProgress(result.state, facts);
    expect(shown.fraction).toBe(1);
    expect(shown.status).toBe('complete');
  });

  test.each([
    ['a newer format (3)', { version: 3, lessons: {} }, /newer version/],
    ['null', null, /not an object/],
    ['a string', 'progress', /not an object/],
    ['an array', [], /not an object/],
    ['an object without a version', { lessons: {} }, /no version/],
    ['a version that is a string', { version: '2' }, /no version/],
    ['a fractional version', { version: 1.5 }, /no version/],
    ['a version with no migration', { version: 0 }, /no migration from format 0/],
    ['damaged v1 data', { version: 1, lessonsRead: 'all of them', checks: {} }, /format 1 data is damaged/],
    ['v2 with an empty epoch', { ...emptyProgress('x'), epoch: '' }, /epoch/],
    ['v2 with a ratio above 1', { ...emptyProgress('x'), checks: { m: { attempts: [{ ...attempt(1, 1, true), ratio: 2 }], best: null } } }, /checks/],
  ])('rejects %s with a reason', (_label, raw, reason) => {
    const result = loadProgress(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

// ---------------------------------------------------------------------------

describe('attempt history', () => {
  test(`twelve attempts keep the ${MAX_ATTEMPTS} most recent and the best, even when the best is older`, () => {
    let state = emptyProgress('e1');
    for (let n = 1; n <= 12; n++) state = recordAttempt(state, 'orientation', attempt(n, n === 2 ? 1 : 0.5, n === 2));
    const record = state.checks.orientation!;
    expect(record.attempts).toHaveLength(MAX_ATTEMPTS);
    expect(record.attempts.map((a) => a.at)).toEqual([8, 9, 10, 11, 12].map(T));
    expect(record.best?.at).toBe(T(2));
    expect(record.best?.ratio).toBe(1);
    expect(record.passedAt).toBe(T(2));
  });

  test('among failed attempts the best is the highest score, even when it has dropped out of the history', () => {
    let state = emptyProgress('e1');
    for (let n = 1; n <= 12; n++) state = recordAttempt(state, 'orientation', attempt(n, n === 3 ? 0.7 : 0.3, false));
    expect(state.checks.orientation!.best?.at).toBe(T(3));
    expect(state.checks.orientation!.passedAt).toBeUndefined();
  });

  test('an equal later score does not replace the first time it was earned', () => {
    let state = recordAttempt(emptyProgress('e1'), 'orientation', attempt(1, 0.8, true));
    state = recordAttempt(state, 'orientation', attempt(2, 0.8, true));
    expect(state.checks.orientation!.best?.at).toBe(T(1));
    expect(state.checks.orientation!.passedAt).toBe(T(1));
  });

  test('recording does not change the state it was given', () => {
    const before = emptyProgress('e1');
    const frozen = canonicalJson(before);
    recordAttempt(before, 'orientation', attempt(1, 1, true));
    markLessonRead(before, 'orientation/a', T(1));
    expect(canonicalJson(before)).toBe(frozen);
  });
});

// ---------------------------------------------------------------------------

describe('module completion and status', () => {
  const readAll = (s: ProgressState, at = 1) => orientation.lessonIds.reduce((acc, id, i) => markLessonRead(acc, id, T(at + i), orientation), s);

  test.each([
    ['all lessons read and the check passed', 2, true, true],
    ['all lessons read, check failed', 2, false, false],
    ['check passed, one lesson unread', 1, true, false],
    ['check passed, no lessons read', 0, true, false],
  ])('%s → complete: %s', (_label, lessonsRead, passed, complete) => {
    let state = emptyProgress('e1');
    for (const id of orientation.lessonIds.slice(0, lessonsRead)) state = markLessonRead(state, id, T(1), orientation);
    state = recordAttempt(state, 'orientation', attempt(5, passed ? 1 : 0.2, passed), orientation);
    expect(Boolean(state.completions.orientation)).toBe(complete);
    expect(moduleProgress(state, orientation).status === 'complete').toBe(complete);
  });

  test('passing first and reading the last lesson later completes the module at that reading', () => {
    let state = recordAttempt(emptyProgress('e1'), 'orientation', attempt(1, 1, true), orientation);
    state = markLessonRead(state, 'orientation/a', T(2), orientation);
    expect(state.completions.orientation).toBeUndefined();
    state = markLessonRead(state, 'orientation/b', T(3), orientation);
    expect(state.completions.orientation).toEqual({ at: T(3), contentHash: 'h1' });
  });

  test('completion survives a later failed attempt', () => {
    let state = recordAttempt(readAll(emptyProgress('e1')), 'orientation', attempt(5, 1, true), orientation);
    const completion = state.completions.orientation;
    state = recordAttempt(state, 'orientation', attempt(6, 0, false), orientation);
    expect(state.completions.orientation).toEqual(completion);
    expect(state.checks.orientation!.passedAt).toBe(T(5));
    const shown = moduleProgress(state, orientation);
    expect(shown.status).toBe('complete');
    expect(shown.passed).toBe(true);
    expect(shown.bestRatio).toBe(1);
  });

  test('a completed module shows as updated when its content changes, and as complete otherwise', () => {
    const state = recordAttempt(readAll(emptyProgress('e1')), 'orientation', attempt(5, 1, true), orientation);
    expect(moduleProgress(state, orientation).status).toBe('complete');
    expect(moduleProgress(state, { ...orientation, contentHash: 'h2' }).status).toBe('updated');
    expect(moduleProgress(state, { ...orientation, contentHash: 'h2' }).fraction).toBe(1);
  });

  test('not started, then in progress after one lesson', () => {
    expect(moduleProgress(emptyProgress('e1'), orientation)).toMatchObject({ status: 'not-started', lessonsRead: 0, fraction: 0, bestRatio: null });
    const state = markLessonRead(emptyProgress('e1'), 'orientation/a', T(1), orientation);
    expect(moduleProgress(state, orientation)).toMatchObject({ status: 'in-progress', lessonsRead: 1, lessonsTotal: 2, fraction: 1 / 3 });
  });

  test('a failed attempt alone puts the module in progress', () => {
    const state = recordAttempt(emptyProgress('e1'), 'orientation', attempt(1, 0.2, false), orientation);
    expect(moduleProgress(state, orientation).status).toBe('in-progress');
  });

  test('reading a lesson again keeps the first reading date', () => {
    let state = markLessonRead(emptyProgress('e1'), 'orientation/a', T(1));
    state = markLessonRead(state, 'orientation/a', T(9));
    expect(state.lessons['orientation/a']).toEqual({ readAt: T(1) });
  });
});

// ---------------------------------------------------------------------------

describe('merging two copies', () => {
  const passedCopy = recordAttempt(emptyProgress('e1'), 'orientation', attempt(1, 1, true));
  const failedLater = recordAttempt(emptyProgress('e1'), 'orientation', attempt(5, 0.2, false));

  test.each([
    ['passed copy first', passedCopy, failedLater],
    ['passed copy second', failedLater, passedCopy],
  ])('never loses a passed check (%s)', (_label, a, b) => {
    const merged = mergeProgress(a, b);
    expect(merged.checks.orientation!.passedAt).toBe(T(1));
    expect(merged.checks.orientation!.best).toMatchObject({ ratio: 1, passed: true });
    expect(merged.checks.orientation!.attempts.map((x) => x.at)).toEqual([T(1), T(5)]);
  });

  test.each([
    ['left', markLessonRead(emptyProgress('e1'), 'l1', T(1)), emptyProgress('e1')],
    ['right', emptyProgress('e1'), markLessonRead(emptyProgress('e1'), 'l1', T(1))],
  ])('never loses a lesson read only on the %s', (_label, a, b) => {
    expect(mergeProgress(a, b).lessons.l1).toEqual({ readAt: T(1) });
  });

  test('a lesson read in both keeps the earlier date', () => {
    const a = markLessonRead(emptyProgress('e1'), 'l1', T(7));
    const b = markLessonRead(emptyProgress('e1'), 'l1', T(3));
    expect(mergeProgress(a, b).lessons.l1!.readAt).toBe(T(3));
    expect(mergeProgress(b, a).lessons.l1!.readAt).toBe(T(3));
  });

  test('keeps the higher best and the earliest passedAt', () => {
    const a = recordAttempt(emptyProgress('e1'), 'orientation', attempt(4, 0.8, true));
    const b = recordAttempt(emptyProgress('e1'), 'orientation', attempt(9, 0.95, true));
    for (const merged of [mergeProgress(a, b), mergeProgress(b, a)]) {
      expect(merged.checks.orientation!.best?.ratio).toBe(0.95);
      expect(merged.checks.orientation!.passedAt).toBe(T(4));
    }
  });

  test('keeps the latest answer to a question', () => {
    const a = recordAnswer(emptyProgress('e1'), 'orientation/q1', ['a'], 'incorrect', T(5));
    const b = recordAnswer(emptyProgress('e1'), 'orientation/q1', ['b'], 'correct', T(9));
    for (const merged of [mergeProgress(a, b), mergeProgress(b, a)]) {
      expect(merged.answers['orientation/q1']).toEqual({ options: ['b'], verdict: 'correct', at: T(9) });
    }
  });

  test('keeps the earliest completion and the latest visit', () => {
    const a = recordVisit({ ...emptyProgress('e1'), completions: { m: { at: T(2), contentHash: 'h1' } } }, { lessonId: 'l1', title: 'One', moduleTitle: 'M', at: T(8) });
    const b = recordVisit({ ...emptyProgress('e1'), completions: { m: { at: T(6), contentHash: 'h2' } } }, { lessonId: 'l2', title: 'Two', moduleTitle: 'M', at: T(3) });
    for (const merged of [mergeProgress(a, b), mergeProgress(b, a)]) {
      expect(merged.completions.m).toEqual({ at: T(2), contentHash: 'h1' });
      expect(merged.lastVisit?.lessonId).toBe('l1');
    }
  });

  test(`attempt histories combine without duplicates, keeping the ${MAX_ATTEMPTS} most recent`, () => {
    let a = emptyProgress('e1');
    let b = emptyProgress('e1');
    for (const n of [1, 3, 5, 7]) a = recordAttempt(a, 'm', attempt(n, 0.5, false));
    for (const n of [2, 3, 4, 6]) b = recordAttempt(b, 'm', attempt(n, 0.5, false));
    expect(mergeProgress(a, b).checks.m!.attempts.map((x) => x.at)).toEqual([3, 4, 5, 6, 7].map(T));
  });

  const dateArbs = [
    ['any instants', isoDateArb],
    ['a few shared instants', coarseDateArb],
  ] as const;

  test('two copies completed at the same instant with different content versions show the same status whichever merges first', () => {
    const a = { ...emptyProgress('e1'), completions: { m1: { at: T(1), contentHash: 'h1' } } };
    const b = { ...emptyProgress('e1'), completions: { m1: { at: T(1), contentHash: 'h2' } } };
    const facts: ModuleFacts = { id: 'm1', lessonIds: [], contentHash: 'h1' };
    expect(moduleProgress(mergeProgress(a, b), facts).status).toBe(moduleProgress(mergeProgress(b, a), facts).status);
  });

  test.each(dateArbs)('merge is idempotent (%s): merging a copy with itself changes nothing', (_label, dateArb) => {
    fc.assert(
      fc.property(progressArb(undefined, dateArb), (s) => {
        expect(canonicalJson(mergeProgress(s, s))).toBe(canonicalJson(s));
      }),
    );
  });

  // Few distinct instants, so ties between the two copies are common (with any instant they almost never happen).
  test('merge is commutative on what the learner sees: status, passed and lessons read per module', () => {
    fc.assert(
      fc.property(progressArb(fc.constant('e1'), coarseDateArb), progressArb(fc.constant('e1'), coarseDateArb), moduleFactsArb, (a, b, modules) => {
        const ab = mergeProgress(a, b);
        const ba = mergeProgress(b, a);
        for (const facts of modules) {
          const x = moduleProgress(ab, facts);
          const y = moduleProgress(ba, facts);
          expect({ id: facts.id, status: x.status, passed: x.passed, read: x.lessonsRead }).toEqual({ id: facts.id, status: y.status, passed: y.passed, read: y.lessonsRead });
        }
        expect(Object.keys(ab.lessons).sort()).toEqual(Object.keys(ba.lessons).sort());
      }),
    );
  });

  test.each(dateArbs)('merge never loses a read lesson, a passed check, a completion, or the better best score (%s)', (_label, dateArb) => {
    fc.assert(
      fc.property(progressArb(undefined, dateArb), progressArb(undefined, dateArb), (a, b) => {
        const merged = mergeProgress(a, b);
        expect(progressSchema.safeParse(merged).success).toBe(true);
        for (const side of [a, b]) {
          for (const [id, lesson] of Object.entries(side.lessons)) {
            expect(merged.lessons[id]).toBeDefined();
            expect(merged.lessons[id]!.readAt <= lesson.readAt).toBe(true);
          }
          for (const [id, record] of Object.entries(side.checks)) {
            const kept = merged.checks[id];
            expect(kept).toBeDefined();
            expect(kept!.attempts.length).toBeLessThanOrEqual(MAX_ATTEMPTS);
            if (record.passedAt) {
              expect(kept!.passedAt).toBeDefined();
              expect(kept!.passedAt! <= record.passedAt).toBe(true);
            }
            if (record.best) {
              expect(kept!.best).not.toBeNull();
              if (record.best.passed) expect(kept!.best!.passed).toBe(true);
              if (record.best.passed === kept!.best!.passed) expect(kept!.best!.ratio).toBeGreaterThanOrEqual(record.best.ratio);
            }
          }
          for (const id of Object.keys(side.completions)) expect(merged.completions[id]).toBeDefined();
        }
      }),
    );
  });
});

// ---------------------------------------------------------------------------

describe('syncIncoming (another tab wrote)', () => {
  test('same epoch: the two copies merge', () => {
    const local = markLessonRead(emptyProgress('e1'), 'l1', T(1));
    const incoming = recordAttempt(markLessonRead(emptyProgress('e1'), 'l2', T(2)), 'm', attempt(3, 1, true));
    for (const synced of [syncIncoming(local, incoming), syncIncoming(incoming, local)]) {
      expect(Object.keys(synced.lessons).sort()).toEqual(['l1', 'l2']);
      expect(synced.checks.m!.passedAt).toBe(T(3));
    }
  });

  test('different epoch: the copy from the newer reset wins outright', () => {
    const before = markLessonRead(emptyProgress(epochAt('2026-03-01T10:00:00.000Z', 'zzzz')), 'l1', T(1));
    const reset = emptyProgress(epochAt('2026-03-02T10:00:00.000Z', 'a'));
    expect(syncIncoming(before, reset)).toBe(reset);
    expect(syncIncoming(reset, before)).toBe(reset);
  });

  // Times stay before 2059, when Date.now() in base 36 grows from 8 to 9 digits.
  test('a reset made later by newEpoch() always wins over an earlier epoch', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2020-01-01'), max: Date.parse('2045-01-01') }),
        fc.integer({ min: 1, max: 10 * 365 * 24 * 3600 * 1000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (t1, gap, r1, r2) => {
          const now = vi.spyOn(Date, 'now');
          const random = vi.spyOn(Math, 'random');
          now.mockReturnValue(t1);
          random.mockReturnValue(r1);
          const older = markLessonRead(emptyProgress(newEpoch()), 'l1', T(1));
          now.mockReturnValue(t1 + gap);
          random.mockReturnValue(r2);
          const reset = emptyProgress(newEpoch());
          vi.restoreAllMocks();
          expect(syncIncoming(older, reset)).toBe(reset);
          expect(syncIncoming(reset, older)).toBe(reset);
        },
      ),
    );
  });

  test('a reset made after loading a v1 save wins over the migrated copy', () => {
    const loaded = loadProgress(readFixture('progress-v1.json'), '2026-12-01T08:00:00.000Z');
    if (!loaded.ok) throw new Error(loaded.reason);
    const reset = emptyProgress(newEpoch());
    expect(syncIncoming(loaded.state, reset)).toBe(reset);
    expect(syncIncoming(reset, loaded.state)).toBe(reset);
  });
});

// ---------------------------------------------------------------------------

describe('stored text properties', () => {
  test('any valid state survives canonicalJson → JSON.parse → loadProgress unchanged', () => {
    fc.assert(
      fc.property(progressArb(), (s) => {
        const result = loadProgress(JSON.parse(canonicalJson(s)));
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.migratedFrom).toBeUndefined();
        expect(result.state).toEqual(s);
        expect(canonicalJson(result.state)).toBe(canonicalJson(s));
      }),
    );
  });

  test.each([
    ['any string', fc.string({ unit: 'binary' })],
    ['any JSON text', fc.json()],
    ['any JSON value', fc.jsonValue().map((v) => JSON.stringify(v))],
    ['a valid state damaged in one place', mutatedProgressTextArb],
    ['a v1 state', v1Arb.map((v) => JSON.stringify(v))],
    ['a v1 state damaged in one place', mutatedV1TextArb],
  ])('decoding %s never throws: either a valid state or a reason', (_label, arb) => {
    fc.assert(
      fc.property(arb as fc.Arbitrary<string>, (text) => {
        const result = decodeLikeStore(text);
        if (result.ok) {
          expect(progressSchema.safeParse(result.state).success).toBe(true);
          expect(result.state.version).toBe(2);
        } else {
          expect(typeof result.reason).toBe('string');
          expect(result.reason.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------

describe('export → import', () => {
  const NOW = '2026-12-01T08:00:00.000Z';
  const nameArb = fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 30 })
    .filter((name) => name.trim().length > 0 && name.length <= 60 && !findProfileByName(defaultProfiles(NOW), name));

  test('a profile exported and imported into a fresh browser comes back identical', () => {
    fc.assert(
      fc.property(progressArb(), nameArb, (state, name) => {
        const parsed = parseBackup(createBackup([{ name, progress: state }], NOW, 'Crosswalk'));
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        let ids = 0;
        const result = planImport(defaultProfiles(NOW), () => emptyProgress('fresh'), parsed.backup, () => `p-${ids++}`, NOW);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const { plan } = result;
        expect(plan.summary).toEqual([{ name: name.trim(), action: 'added' }]);
        expect(profilesSchema.safeParse(plan.profiles).success).toBe(true);
        const added = plan.profiles.profiles.find((p) => p.id === 'p-0');
        expect(added?.name).toBe(name.trim());
        expect(canonicalJson(plan.progress['p-0'])).toBe(canonicalJson(state));
      }),
    );
  });

  test('importing into a profile with the same name (any case) merges without losing anything earned', () => {
    const asciiName = fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,15}$/).filter((n) => !findProfileByName(defaultProfiles(NOW), n));
    const swapCase = (s: string) => [...s].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');
    fc.assert(
      fc.property(progressArb(), progressArb(), asciiName, (here, incoming, name) => {
        const registry = addProfile(defaultProfiles(NOW), name, 'p-here', NOW);
        if (!registry.ok) throw new Error(registry.error);
        const parsed = parseBackup(createBackup([{ name: swapCase(name), progress: incoming }], NOW));
        if (!parsed.ok) throw new Error(parsed.error);
        const result = planImport(registry.profiles, (id) => (id === 'p-here' ? here : emptyProgress('other')), parsed.backup, () => 'p-new', NOW);
        if (!result.ok) throw new Error(result.error);
        const { plan } = result;
        expect(plan.summary.map((s) => s.action)).toEqual(['merged']);
        expect(plan.profiles.profiles).toHaveLength(2);
        const merged = plan.progress['p-here']!;
        expect(merged.epoch).toBe(here.epoch);
        for (const side of [here, incoming]) {
          for (const id of Object.keys(side.lessons)) expect(merged.lessons[id]).toBeDefined();
          for (const [id, record] of Object.entries(side.checks)) if (record.passedAt) expect(merged.checks[id]?.passedAt).toBeDefined();
        }
      }),
    );
  });

  test.each(MODULE_IDS.map((id) => [id]))('a passed check in module %s survives a round trip through a backup file', (moduleId) => {
    const state = recordAttempt(emptyProgress('e1'), moduleId, attempt(1, 1, true));
    const parsed = parseBackup(createBackup([{ name: 'Sam', progress: state }], NOW));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.backup.profiles[0]!.progress.checks[moduleId]!.passedAt).toBe(T(1));
  });
});

describe('check banks and scenario endings in progress', () => {
  const attempt = (at: string, passed = false) => ({ at, ratio: passed ? 1 : 0.2, points: passed ? 5 : 1, max: 5, passed, contentHash: 'h' });

  test('every attempt counts toward `taken`, beyond the attempts kept, so the next draw moves on', () => {
    let state = emptyProgress();
    for (let i = 0; i < 8; i++) state = recordAttempt(state, 'm1', attempt(`2026-01-01T00:0${i}:00.000Z`));
    expect(state.checks.m1!.attempts).toHaveLength(MAX_ATTEMPTS);
    expect(attemptsTaken(state.checks.m1)).toBe(8);
  });

  test('a record saved before banks (no `taken`) counts its attempts kept', () => {
    expect(attemptsTaken({ attempts: [attempt('2026-01-01T00:00:00.000Z')], best: null })).toBe(1);
    expect(attemptsTaken(undefined)).toBe(0);
  });

  test('an ending reached is kept with the first time, and merges keep every ending either copy reached', () => {
    const a = recordScenarioEnding(recordScenarioEnding(emptyProgress('e'), 'p1', 'good', '2026-01-02T00:00:00.000Z'), 'p1', 'good', '2026-01-05T00:00:00.000Z');
    expect(a.scenarios).toEqual({ p1: { good: '2026-01-02T00:00:00.000Z' } });
    const b = recordScenarioEnding(recordScenarioEnding(emptyProgress('e'), 'p1', 'good', '2026-01-01T00:00:00.000Z'), 'p1', 'missed', '2026-01-03T00:00:00.000Z');
    expect(mergeProgress(a, b).scenarios).toEqual({ p1: { good: '2026-01-01T00:00:00.000Z', missed: '2026-01-03T00:00:00.000Z' } });
    expect(mergeProgress(b, a).scenarios).toEqual(mergeProgress(a, b).scenarios);
  });

  test('merging endings and attempt counts is commutative, associative and idempotent', () => {
    const pick = (s: ReturnType<typeof emptyProgress>) => ({ scenarios: s.scenarios ?? {}, taken: Object.fromEntries(Object.entries(s.checks).map(([id, c]) => [id, attemptsTaken(c)])) });
    fc.assert(
      fc.property(progressArb(fc.constant('e1')), progressArb(fc.constant('e1')), progressArb(fc.constant('e1')), (a, b, c) => {
        expect(pick(mergeProgress(a, b))).toEqual(pick(mergeProgress(b, a)));
        expect(pick(mergeProgress(mergeProgress(a, b), c))).toEqual(pick(mergeProgress(a, mergeProgress(b, c))));
        expect(pick(mergeProgress(a, a))).toEqual(pick(a));
      }),
    );
  });

  test('a save from before banks and scenario endings loads unchanged', () => {
    const old = { version: 2, epoch: 'e', lessons: {}, checks: { m1: { attempts: [attempt('2026-01-01T00:00:00.000Z', true)], best: null, passedAt: '2026-01-01T00:00:00.000Z' } }, completions: {}, answers: {} };
    const loaded = loadProgress(old);
    expect(loaded.ok && loaded.state).toEqual(old);
  });
});
