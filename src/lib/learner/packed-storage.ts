/**
 * The packed forms in which progress (here) and review decks (./packed-deck.ts) are kept in
 * localStorage. The learner's largest possible state must stay within 64,000 characters (issue 9's budget: the size of a
 * SCORM 2004 suspend_data, and a small share of any browser's quota), and the readable JSON
 * of src/lib/learner/progress.ts and src/lib/learner/review.ts is three times that. Packing changes only the
 * spelling, never the data: unpack(pack(x)) equals x, which tests/unit/packed-storage.test.ts
 * checks for any state. Backups stay in the readable form.
 *
 * What packing does:
 *  - an instant that is a canonical ISO string ("2026-11-29T10:00:00.000Z") is written as its
 *    milliseconds in base 36 ("mx…", 8 characters); any other string keeps its text after "=";
 *  - ids "<module>/<rest>" are grouped under their module, so the module id is written once;
 *  - option lists of one-letter ids become one string ("abd");
 *  - an attempt is an array, and its ratio is left out when it is exactly points / max;
 *  - the best attempt is the index of the attempt it equals, when it equals one.
 */
import { canonicalJson } from '../encoding/canonical-json';
import { PROGRESS_VERSION, loadProgress, type Attempt, type CheckRecord, type LoadResult, type ProgressState } from './progress';

/** The "v" of packed progress; readable progress carries "version" instead. */
export const PACKED_PROGRESS_FORMAT = 3;

// ---------------------------------------------------------------------------
// Pieces

export function packInstant(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isFinite(ms) && ms >= 0 && new Date(ms).toISOString() === iso) return ms.toString(36);
  return `=${iso}`;
}

export function unpackInstant(packed: string): string {
  if (packed.startsWith('=')) return packed.slice(1);
  const ms = parseInt(packed, 36);
  if (!/^[0-9a-z]+$/.test(packed) || !Number.isSafeInteger(ms)) throw new Error(`"${packed}" is not a packed instant`);
  return new Date(ms).toISOString();
}

/** Ids without a "/" go under this group: no module id can be "/". */
const NO_MODULE = '/';

export function groupById<T, P>(record: Record<string, T>, pack: (value: T) => P): Record<string, Record<string, P>> {
  const groups: Record<string, Record<string, P>> = {};
  for (const [id, value] of Object.entries(record)) {
    const slash = id.indexOf('/');
    const [group, rest] = slash === -1 ? [NO_MODULE, id] : [id.slice(0, slash), id.slice(slash + 1)];
    (groups[group] ??= {})[rest] = pack(value);
  }
  return groups;
}

export function ungroup<P, T>(groups: unknown, unpack: (value: P) => T): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [group, members] of Object.entries(asRecord(groups, 'a group of ids'))) {
    for (const [rest, value] of Object.entries(asRecord(members, `the group "${group}"`))) {
      out[group === NO_MODULE ? rest : `${group}/${rest}`] = unpack(value as P);
    }
  }
  return out;
}

export function asRecord(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${what} is not an object`);
  return value as Record<string, unknown>;
}

export function asArray(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`${what} is not a list`);
  return value;
}

const isLetterList = (options: string[]) => options.every((o) => o.length === 1);

function packOptions(options: string[]): string | string[] {
  return isLetterList(options) ? options.join('') : options;
}

function unpackOptions(packed: unknown): string[] {
  if (typeof packed === 'string') return [...packed];
  return asArray(packed, 'options') as string[];
}

const VERDICT_LETTERS = { correct: 'c', partial: 'p', incorrect: 'i' } as const;
type Verdict = keyof typeof VERDICT_LETTERS;
const VERDICTS = Object.fromEntries(Object.entries(VERDICT_LETTERS).map(([v, l]) => [l, v])) as Record<string, Verdict>;

// ---------------------------------------------------------------------------
// Progress

type PackedAttempt = [string, number, number, 0 | 1, string, (number | null)?, Record<string, string[]>?];

function packAttempt(a: Attempt): PackedAttempt {
  const packed: PackedAttempt = [packInstant(a.at), a.points, a.max, a.passed ? 1 : 0, a.contentHash];
  const ratioImplied = a.ratio === a.points / a.max;
  if (!ratioImplied || a.answers !== undefined) packed.push(ratioImplied ? null : a.ratio);
  if (a.answers !== undefined) packed.push(a.answers);
  return packed;
}

function unpackAttempt(value: unknown): Attempt {
  const [at, points, max, passed, contentHash, ratio, answers] = asArray(value, 'an attempt') as PackedAttempt;
  const attempt: Attempt = {
    at: unpackInstant(at),
    ratio: typeof ratio === 'number' ? ratio : points / max,
    points,
    max,
    passed: passed === 1,
    contentHash,
  };
  if (answers !== undefined) attempt.answers = answers;
  return attempt;
}

interface PackedCheck {
  t: PackedAttempt[];
  b?: number | PackedAttempt;
  p?: string;
  /** Attempts ever made. */
  n?: number;
}

function packCheck(record: CheckRecord): PackedCheck {
  const packed: PackedCheck = { t: record.attempts.map(packAttempt) };
  if (record.best) {
    const best = canonicalJson(record.best);
    const index = record.attempts.findIndex((a) => canonicalJson(a) === best);
    packed.b = index === -1 ? packAttempt(record.best) : index;
  }
  if (record.passedAt !== undefined) packed.p = packInstant(record.passedAt);
  if (record.taken !== undefined) packed.n = record.taken;
  return packed;
}

function unpackCheck(value: unknown): CheckRecord {
  const packed = asRecord(value, 'a check record') as unknown as PackedCheck;
  const attempts = asArray(packed.t, 'attempts').map(unpackAttempt);
  let best: Attempt | null = null;
  if (typeof packed.b === 'number') {
    best = attempts[packed.b] ?? null;
    if (!best) throw new Error(`best attempt ${packed.b} does not exist`);
    best = { ...best };
  } else if (packed.b !== undefined) best = unpackAttempt(packed.b);
  return { attempts, best, ...(packed.p !== undefined ? { passedAt: unpackInstant(packed.p) } : {}), ...(packed.n !== undefined ? { taken: packed.n } : {}) };
}

/** Progress as stored: compact, canonical (the same state always gives the same string). */
export function packProgress(state: ProgressState): string {
  return canonicalJson({
    v: PACKED_PROGRESS_FORMAT,
    e: state.epoch,
    l: groupById(state.lessons, (l) => packInstant(l.readAt)),
    c: Object.fromEntries(Object.entries(state.checks).map(([id, record]) => [id, packCheck(record)])),
    k: Object.fromEntries(Object.entries(state.completions).map(([id, c]) => [id, [packInstant(c.at), c.contentHash]])),
    a: groupById(state.answers, (a) => [packOptions(a.options), VERDICT_LETTERS[a.verdict], packInstant(a.at)]),
    ...(state.lastVisit ? { x: [state.lastVisit.lessonId, state.lastVisit.title, state.lastVisit.moduleTitle, packInstant(state.lastVisit.at)] } : {}),
    ...(state.scenarios ? { s: Object.fromEntries(Object.entries(state.scenarios).map(([id, endings]) => [id, Object.fromEntries(Object.entries(endings).map(([end, at]) => [end, packInstant(at)]))])) } : {}),
  });
}

export function isPackedProgress(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && (raw as { v?: unknown }).v === PACKED_PROGRESS_FORMAT;
}

/**
 * Turns packed progress back into the readable state (which loadProgress then validates).
 * Throws, saying what is wrong, when the packed value is damaged.
 */
export function unpackProgress(raw: unknown): ProgressState {
  const packed = asRecord(raw, 'progress');
  const state: ProgressState = {
    version: PROGRESS_VERSION,
    epoch: packed.e as string,
    lessons: ungroup<string, { readAt: string }>(packed.l, (t) => ({ readAt: unpackInstant(t) })),
    checks: Object.fromEntries(Object.entries(asRecord(packed.c, 'checks')).map(([id, c]) => [id, unpackCheck(c)])),
    completions: Object.fromEntries(
      Object.entries(asRecord(packed.k, 'completions')).map(([id, c]) => {
        const [at, contentHash] = asArray(c, 'a completion') as [string, string];
        return [id, { at: unpackInstant(at), contentHash }];
      }),
    ),
    answers: ungroup<[unknown, string, string], ProgressState['answers'][string]>(packed.a, ([options, verdict, at]) => {
      const name = VERDICTS[verdict];
      if (!name) throw new Error(`"${verdict}" is not a verdict`);
      return { options: unpackOptions(options), verdict: name, at: unpackInstant(at) };
    }),
  };
  if (packed.x !== undefined) {
    const [lessonId, title, moduleTitle, at] = asArray(packed.x, 'the last visit') as string[];
    state.lastVisit = { lessonId: lessonId!, title: title!, moduleTitle: moduleTitle!, at: unpackInstant(at!) };
  }
  if (packed.s !== undefined) {
    state.scenarios = Object.fromEntries(
      Object.entries(asRecord(packed.s, 'scenario endings')).map(([id, endings]) => [
        id,
        Object.fromEntries(Object.entries(asRecord(endings, `the endings of "${id}"`)).map(([end, at]) => [end, unpackInstant(at as string)])),
      ]),
    );
  }
  return state;
}

// ---------------------------------------------------------------------------
// Reading what storage holds: packed (current) or readable (written before packing existed)

/** Parsed JSON from storage → validated progress, whichever form it was kept in. */
export function loadStoredProgress(raw: unknown): LoadResult {
  if (!isPackedProgress(raw)) return loadProgress(raw);
  let state: ProgressState;
  try {
    state = unpackProgress(raw);
  } catch (error) {
    return { ok: false, reason: `packed progress is damaged: ${(error as Error).message}` };
  }
  return loadProgress(state);
}
