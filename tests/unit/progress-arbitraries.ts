/**
 * fast-check arbitraries for progress states, shared by the progress property tests.
 * Ids come from small alphabets so two generated states overlap often (which is where
 * merging gets interesting); dates are real ISO strings.
 */
import fc from 'fast-check';
import { MAX_ATTEMPTS, PROGRESS_VERSION, type Attempt, type CheckRecord, type ModuleFacts, type ProgressState } from '../../src/lib/learner/progress';

export const MODULE_IDS = ['m1', 'm2', 'm3'] as const;
export const LESSON_IDS = ['m1/l1', 'm1/l2', 'm2/l1', 'm2/l2', 'm3/l1'] as const;

const plain = { noNullPrototype: true } as const;

export const isoDateArb = fc
  .date({ min: new Date('2020-01-01T00:00:00.000Z'), max: new Date('2035-12-31T23:59:59.999Z'), noInvalidDate: true })
  .map((d) => d.toISOString());

/** 0–1 without -0 (JSON has no -0, so it could never round-trip). */
export const ratioArb = fc.double({ min: 0, max: 1, noNaN: true }).map((x) => x + 0);

/** A handful of instants, so two generated copies often share a timestamp (ties in merges). */
export const coarseDateArb = fc.integer({ min: 0, max: 5 }).map((n) => new Date(Date.UTC(2026, 0, 1, n)).toISOString());

export const attemptArbWith = (dateArb: fc.Arbitrary<string>): fc.Arbitrary<Attempt> => fc.record(
  {
    at: dateArb,
    ratio: ratioArb,
    points: fc.double({ min: 0, max: 20, noNaN: true, noDefaultInfinity: true }).map((x) => x + 0),
    max: fc.integer({ min: 1, max: 20 }),
    passed: fc.boolean(),
    answers: fc.dictionary(fc.constantFrom('q1', 'q2', 'q3'), fc.uniqueArray(fc.constantFrom('a', 'b', 'c')), plain),
    contentHash: fc.constantFrom('', 'h1', 'h2'),
  },
  plain,
);

export const attemptArb = attemptArbWith(isoDateArb);

/**
 * A check record shaped as the app keeps it: attempts in time order, at most
 * MAX_ATTEMPTS, no two at the same instant. best and passedAt vary independently.
 */
export const checkRecordArbWith = (dateArb: fc.Arbitrary<string>): fc.Arbitrary<CheckRecord> => fc
  .record(
    {
      attempts: fc.uniqueArray(attemptArbWith(dateArb), { selector: (a) => a.at, maxLength: MAX_ATTEMPTS }).map((list) => [...list].sort((x, y) => x.at.localeCompare(y.at))),
      best: fc.option(attemptArbWith(dateArb), { nil: null }),
      passedAt: dateArb,
      taken: fc.integer({ min: 0, max: 40 }),
    },
    { ...plain, requiredKeys: ['attempts', 'best'] },
  )
  .map((record) => record as CheckRecord);

export const checkRecordArb = checkRecordArbWith(isoDateArb);

export const progressArb = (
  epochArb: fc.Arbitrary<string> = fc.string({ minLength: 1, maxLength: 8 }),
  dateArb: fc.Arbitrary<string> = isoDateArb,
): fc.Arbitrary<ProgressState> =>
  fc
    .record(
      {
        version: fc.constant(PROGRESS_VERSION as 2),
        epoch: epochArb,
        lessons: fc.dictionary(fc.constantFrom(...LESSON_IDS), fc.record({ readAt: dateArb }, plain), plain),
        checks: fc.dictionary(fc.constantFrom(...MODULE_IDS), checkRecordArbWith(dateArb), plain),
        completions: fc.dictionary(fc.constantFrom(...MODULE_IDS), fc.record({ at: dateArb, contentHash: fc.constantFrom('h1', 'h2') }, plain), plain),
        answers: fc.dictionary(
          fc.constantFrom('m1/q1', 'm1/q2', 'm2/q1'),
          fc.record({ options: fc.uniqueArray(fc.constantFrom('a', 'b', 'c')), verdict: fc.constantFrom('correct' as const, 'partial' as const, 'incorrect' as const), at: dateArb }, plain),
          plain,
        ),
        lastVisit: fc.record({ lessonId: fc.constantFrom(...LESSON_IDS), title: fc.string(), moduleTitle: fc.string(), at: dateArb }, plain),
        scenarios: fc.dictionary(fc.constantFrom(...MODULE_IDS), fc.dictionary(fc.constantFrom('best-end', 'missed-end', 'partial-end'), dateArb, plain), plain),
      },
      { ...plain, requiredKeys: ['version', 'epoch', 'lessons', 'checks', 'completions', 'answers'] },
    )
    .map((state) => state as ProgressState);

/** Module facts over the same ids: each module's lessons are those with its prefix. */
export const moduleFactsArb: fc.Arbitrary<ModuleFacts[]> = fc.tuple(...MODULE_IDS.map(() => fc.constantFrom('', 'h1', 'h2'))).map((hashes) =>
  MODULE_IDS.map((id, i) => ({ id, lessonIds: LESSON_IDS.filter((l) => l.startsWith(`${id}/`)), contentHash: hashes[i]! })),
);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function allPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...allPaths(v, [...prefix, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...allPaths(v, [...prefix, k]));
  return out;
}

/** Replaces (or deletes) one node of a JSON-able value, chosen by `pick`. */
export function mutate(value: unknown, pick: number, replacement: Json, remove: boolean): unknown {
  const copy = JSON.parse(JSON.stringify(value)) as unknown;
  const paths = allPaths(copy);
  const path = paths[pick % paths.length]!;
  if (path.length === 0) return replacement;
  let parent = copy as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (remove) {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else parent[last] = replacement;
  return copy;
}

/** Text shaped like a stored value that has gone wrong in one place. */
export const mutatedProgressTextArb = fc
  .tuple(progressArb(), fc.nat(), fc.jsonValue() as fc.Arbitrary<Json>, fc.boolean())
  .map(([state, pick, replacement, remove]) => JSON.stringify(mutate(state, pick, replacement, remove)));

export const v1Arb = fc.record({
  version: fc.constant(1),
  lessonsRead: fc.array(fc.string()),
  checks: fc.dictionary(fc.string(), fc.record({ best: fc.double(), passed: fc.boolean(), at: fc.string() })),
});

export const mutatedV1TextArb = fc
  .tuple(v1Arb, fc.nat(), fc.jsonValue() as fc.Arbitrary<Json>, fc.boolean())
  .map(([state, pick, replacement, remove]) => JSON.stringify(mutate(state, pick, replacement, remove)));
