/**
 * suspend_data: round trips (property-based), stays within SCORM's limits at the largest state
 * of the real course, and refuses what it cannot read without guessing.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { fileURLToPath } from 'node:url';
import { decodeSuspendData, encodeSuspendData, SUSPEND_DATA_LIMITS, type SuspendModule } from '../../src/lib/lms/suspend-data';
import { emptyProgress, type Attempt, type ProgressState } from '../../src/lib/learner/progress';
import { buildCourse, everyQuestion, type Course } from '../../src/lib/course/course';
import { readCourseFiles } from '../../src/node/read-course';

const NOW = new Date('2026-11-29T05:00:00.000Z');
const AT = '2026-11-29T05:00:00.000Z';

const MODULES: SuspendModule[] = [
  { id: 'm1', lessonIds: ['m1/a', 'm1/b'], contentHash: 'h1', questions: [{ localId: 'q1', options: 2 }, { localId: 'q2', options: 5 }, { localId: 'q3', options: 4 }] },
  // Seven options: two digits per answer.
  { id: 'm2', lessonIds: ['m2/only'], contentHash: 'h2', questions: [{ localId: 'x', options: 7 }, { localId: 'y', options: 3 }] },
  { id: 'no-check', lessonIds: ['no-check/a', 'no-check/b', 'no-check/c'], contentHash: 'h3', questions: [] },
];

const optionIds = (n: number) => Array.from({ length: n }, (_, i) => String.fromCharCode(97 + i));

/** Progress over MODULES as the app makes it: option ids a, b, c…, answers to known questions. */
const stateArb: fc.Arbitrary<ProgressState> = fc
  .record({
    epoch: fc.stringMatching(/^[0-9a-z]{1,10}$/),
    perModule: fc.tuple(
      ...MODULES.map((m) =>
        fc.record({
          read: fc.array(fc.boolean(), { minLength: m.lessonIds.length, maxLength: m.lessonIds.length }),
          best: m.questions.length
            ? fc.option(
                fc.record({ permille: fc.integer({ min: 0, max: 1000 }), passed: fc.boolean() }),
                { nil: undefined },
              )
            : fc.constant(undefined),
          practice: m.questions.length
            ? fc.tuple(
                ...m.questions.map((q) =>
                  fc.option(fc.record({ options: fc.subarray(optionIds(q.options)), verdict: fc.constantFrom('correct', 'partial', 'incorrect' as const) }), { nil: undefined }),
                ),
              )
            : fc.constant([] as ({ options: string[]; verdict: 'correct' | 'partial' | 'incorrect' } | undefined)[]),
        }),
      ),
    ),
  })
  .map(({ epoch, perModule }) => {
    const state = emptyProgress(epoch);
    MODULES.forEach((m, mi) => {
      const { read, best, practice } = perModule[mi]!;
      read.forEach((r, i) => r && (state.lessons[m.lessonIds[i]!] = { readAt: '2026-01-02T03:04:05.000Z' }));
      if (best) {
        const attempt: Attempt = { at: '2026-01-02T03:04:05.000Z', ratio: best.permille / 1000, points: 0, max: m.questions.length, passed: best.passed, contentHash: m.contentHash };
        state.checks[m.id] = { attempts: [attempt], best: attempt, ...(best.passed ? { passedAt: attempt.at } : {}) };
      }
      practice.forEach((p, i) => p && (state.answers[`${m.id}/${m.questions[i]!.localId}`] = { ...p, at: '2026-01-02T03:04:05.000Z' }));
    });
    return state;
  });

describe('round trip', () => {
  test('what a learner earned comes back: lessons read, checks passed, best scores, latest answers', () => {
    fc.assert(
      fc.property(stateArb, (state) => {
        const text = encodeSuspendData(state, MODULES, NOW);
        const decoded = decodeSuspendData(text, MODULES);
        expect(decoded.ok).toBe(true);
        if (!decoded.ok) return;
        const back = decoded.state;
        expect(back.epoch).toBe(state.epoch);
        expect(Object.keys(back.lessons).sort()).toEqual(Object.keys(state.lessons).sort());
        for (const [id, check] of Object.entries(state.checks)) {
          expect(back.checks[id]?.best?.ratio).toBe(check.best!.ratio);
          expect(Boolean(back.checks[id]?.passedAt)).toBe(Boolean(check.passedAt));
        }
        expect(Object.keys(back.checks).sort()).toEqual(Object.keys(state.checks).sort());
        expect(Object.fromEntries(Object.entries(back.answers).map(([k, v]) => [k, [v.options, v.verdict]]))).toEqual(
          Object.fromEntries(Object.entries(state.answers).map(([k, v]) => [k, [v.options, v.verdict]])),
        );
        // A fixed point: packing what was unpacked gives the same text.
        expect(encodeSuspendData(back, MODULES, NOW)).toBe(text);
        // Plain printable ASCII, safe in any LMS database.
        expect(text).toMatch(/^[\x21-\x7e]+$/);
      }),
      { numRuns: 300 },
    );
  });

  test('restored progress is dated at the save time, and a module read and passed is complete', () => {
    const state = emptyProgress('k3v9');
    state.lessons['m2/only'] = { readAt: '2026-01-01T00:00:00.000Z' };
    const attempt: Attempt = { at: '2026-01-01T00:00:00.000Z', ratio: 1, points: 2, max: 2, passed: true, contentHash: 'h2' };
    state.checks.m2 = { attempts: [attempt], best: attempt, passedAt: attempt.at };
    const decoded = decodeSuspendData(encodeSuspendData(state, MODULES, NOW), MODULES);
    expect(decoded).toMatchObject({ ok: true, state: { lessons: { 'm2/only': { readAt: AT } }, completions: { m2: { at: AT, contentHash: 'h2' } } } });
    expect(decoded.ok && decoded.state.checks.m2).toEqual({ attempts: [{ ...attempt, at: AT }], best: { ...attempt, at: AT }, passedAt: AT });
  });

  test('an empty state packs to a header only, and empty text is a first launch', () => {
    expect(encodeSuspendData(emptyProgress(), MODULES, NOW)).toMatch(/^CW1~0~[0-9a-z]+$/);
    expect(decodeSuspendData('', MODULES)).toEqual({ ok: true, state: emptyProgress() });
  });
});

describe('a package of another edition of the course', () => {
  test('a module the course no longer has is skipped; the rest is kept', () => {
    const state = emptyProgress('e1');
    state.lessons['gone/x'] = { readAt: AT };
    state.lessons['m1/a'] = { readAt: AT };
    const text = encodeSuspendData(state, [...MODULES, { id: 'gone', lessonIds: ['gone/x'], contentHash: '', questions: [] }], NOW);
    const decoded = decodeSuspendData(text, MODULES);
    expect(decoded.ok && Object.keys(decoded.state.lessons)).toEqual(['m1/a']);
  });

  test('a check whose questions changed keeps the pass and the score, not the answers that no longer line up', () => {
    const state = emptyProgress('e1');
    const attempt: Attempt = { at: AT, ratio: 0.8, points: 2.4, max: 3, passed: true, contentHash: 'h1' };
    state.checks.m1 = { attempts: [attempt], best: attempt, passedAt: AT };
    state.answers['m1/q1'] = { options: ['a'], verdict: 'correct', at: AT };
    const text = encodeSuspendData(state, MODULES, NOW);
    const changed = MODULES.map((m) => (m.id === 'm1' ? { ...m, questions: [...m.questions, { localId: 'q4', options: 3 }] } : m));
    const decoded = decodeSuspendData(text, changed);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.state.checks.m1?.passedAt).toBe(AT);
    expect(decoded.state.checks.m1?.best).toMatchObject({ ratio: 0.8 });
    expect(decoded.state.answers).toEqual({});
  });

  test.each([
    ['not Crosswalk data', 'viewed=1,2,3|lastslide=4', /not Crosswalk progress/],
    ['a newer format', 'CW2~abc~m0~m1.1...', /not Crosswalk progress/],
    ['a cut-off entry', 'CW1~abc~m0~m1.3.rs', /fields/],
    ['a score out of range', 'CW1~abc~m0~m1.0.zzz.p.3.___', /out of range/],
    ['passed without a score', 'CW1~abc~m0~m1.0..p.3.___', /without a score/],
    ['answers cut short', 'CW1~abc~m0~m1.0.rs.p.3.1c', /cut short/],
    ['a verdict missing', 'CW1~abc~m0~m1.0.rs.p.3.1x__', /no verdict/],
    ['a character outside the alphabet', 'CW1~abc~m0~m1.0.rs.p.3.!c__', /unexpected character/],
  ])('%s is refused with a reason, not guessed at', (_name, text, reason) => {
    const decoded = decodeSuspendData(text, MODULES);
    expect(decoded.ok).toBe(false);
    expect(!decoded.ok && decoded.reason).toMatch(reason);
  });
});

describe('the real course at its largest', () => {
  let course: Course;
  let modules: SuspendModule[];
  beforeAll(async () => {
    course = buildCourse(await readCourseFiles(fileURLToPath(new URL('../..', import.meta.url))));
    modules = course.modules.map((m) => ({
      id: m.id,
      lessonIds: m.lessons.map((l) => l.id),
      contentHash: m.contentHash,
      questions: everyQuestion(m).map((q) => ({ localId: q.localId, options: q.options.length })),
    }));
  });

  test('every module read and passed, every option of every question chosen: within SCORM 1.2 and 2004 limits, and round-trips', () => {
    const state = emptyProgress('mzz9k3v9q1x');
    for (const m of course.modules) {
      for (const l of m.lessons) state.lessons[l.id] = { readAt: AT };
      const attempt: Attempt = { at: AT, ratio: 0.999, points: 1, max: m.check.questions.length, passed: true, contentHash: m.contentHash };
      state.checks[m.id] = { attempts: [attempt], best: attempt, passedAt: AT };
      for (const q of everyQuestion(m)) state.answers[q.id] = { options: q.options.map((o) => o.id), verdict: 'partial', at: AT };
    }
    const text = encodeSuspendData(state, modules, NOW);
    expect(text.length).toBeLessThan(SUSPEND_DATA_LIMITS['1.2']);
    expect(text.length).toBeLessThan(SUSPEND_DATA_LIMITS['2004']);
    const decoded = decodeSuspendData(text, modules);
    expect(decoded.ok && Object.keys(decoded.state.completions).length).toBe(course.modules.length);
    expect(decoded.ok && Object.keys(decoded.state.answers).length).toBe(course.modules.reduce((n, m) => n + everyQuestion(m).length, 0));
    // Room to grow: a note of how much of 1.2's 4,096 characters the whole course uses.
    console.log(`suspend_data for the whole course, everything answered: ${text.length} characters (SCORM 1.2 allows 4,096)`);
  });
});
