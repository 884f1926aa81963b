/**
 * A learner's progress: what it looks like, how old formats move forward, how two
 * copies merge, and how module status is derived. Pure data in, data out; the
 * stores in src/stores decide where it is kept.
 *
 * One key per profile (src/stores/progress.ts), packed to save space (src/lib/learner/packed-storage.ts);
 * unpacked, and in backups, it reads as this JSON:
 *   {
 *     "version": 2,
 *     "epoch": "k3v9q1",                       // changes on "reset"; copies of another epoch never merge in
 *     "lessons": { "orientation/what-a-peer-specialist-is": { "readAt": "2026-11-28T10:00:00.000Z" } },
 *     "checks": { "orientation": { "attempts": [ { "at": "…", "ratio": 0.83, "points": 5, "max": 6,
 *                   "passed": true, "answers": { "q1": ["a"] }, "contentHash": "…" } ],
 *                   "best": { …an attempt… }, "passedAt": "…", "taken": 3 } },
 *     "completions": { "orientation": { "at": "…", "contentHash": "0abc…" } },
 *     "answers": { "orientation/q1": { "options": ["a"], "verdict": "correct", "at": "…" } },
 *     "scenarios": { "practice-02-warm-hand-off": { "warm-hand-off": "2026-11-29T10:05:00.000Z" } },
 *     "lastVisit": { "lessonId": "orientation/what-a-peer-specialist-is", "title": "…", "moduleTitle": "…", "at": "…" }
 *   }
 *
 * Migration cases:
 *   v1 → v2: v1 kept only a list of lessons read and one best score per module. Each
 *            lesson becomes read at the migration time; each best score becomes the single
 *            attempt, passed if v1 said passed. Nothing a learner earned is dropped.
 *   Added within v2, optional so that saves from before load unchanged: `checks.*.taken` (attempts
 *            ever made; absent: the attempts kept) and `scenarios` (endings reached; absent: none).
 *   Ghost state: ids of modules, lessons or questions that no longer exist are kept as
 *            they are (a module renamed back, or an older content version, finds them again);
 *            they cost little and are never shown.
 */
// zod/mini: this runs in the browser on every page with progress, so the small build matters.
import * as z from 'zod/mini';
import { canonicalJson } from '../encoding/canonical-json';
import { instantSchema, wholeText } from '../encoding/fields';

export const PROGRESS_VERSION = 2;
/** How many attempts per module are kept; the best attempt is kept separately. */
export const MAX_ATTEMPTS = 5;

// Every date is an instant as toISOString writes it, in range: a backup saying 30 February
// would otherwise be accepted and break the record and certificate made from it later.
const isoDate = instantSchema;

export const attemptSchema = z.object({
  at: isoDate,
  ratio: z.number().check(z.gte(0), z.lte(1)),
  points: z.number().check(z.gte(0)),
  max: z.int().check(z.positive()),
  passed: z.boolean(),
  /**
   * Chosen option ids per question local id. No longer written: the latest answer to each
   * question is kept once, in `answers` below. Attempts saved before keep theirs.
   */
  answers: z.optional(z.record(z.string(), z.array(z.string()))),
  contentHash: z.string(),
});

export const checkRecordSchema = z.object({
  attempts: z.array(attemptSchema),
  best: z.nullable(attemptSchema),
  passedAt: z.optional(isoDate),
  /**
   * Attempts ever made (only the last MAX_ATTEMPTS are kept): which bank items the next attempt
   * draws (src/lib/learner/check-draw.ts). Absent in records saved before banks: count the attempts kept.
   */
  taken: z.optional(z.int().check(z.gte(0))),
});

export const answerSchema = z.object({
  // Whole characters only: packed storage joins one-letter option ids, so two lone surrogate
  // halves would come back merged into one character.
  options: z.array(wholeText()),
  verdict: z.enum(['correct', 'partial', 'incorrect']),
  at: isoDate,
});

export const progressSchema = z.object({
  version: z.literal(PROGRESS_VERSION),
  epoch: z.string().check(z.minLength(1)),
  lessons: z.record(z.string(), z.object({ readAt: isoDate })),
  checks: z.record(z.string(), checkRecordSchema),
  completions: z.record(z.string(), z.object({ at: isoDate, contentHash: z.string() })),
  answers: z.record(z.string(), answerSchema),
  lastVisit: z.optional(z.object({ lessonId: z.string(), title: z.string(), moduleTitle: z.string(), at: isoDate })),
  /** Practice scenario endings reached: module id → ending (node) id → when first reached. */
  scenarios: z.optional(z.record(z.string(), z.record(z.string(), isoDate))),
});

/** The first stored format: lessons read and one best score per module. */
export const progressV1Schema = z.object({
  version: z.literal(1),
  lessonsRead: z.array(z.string()),
  checks: z.record(z.string(), z.object({ best: z.number().check(z.gte(0), z.lte(1)), passed: z.boolean(), at: isoDate })),
});

export type Attempt = z.infer<typeof attemptSchema>;
export type CheckRecord = z.infer<typeof checkRecordSchema>;
export type ProgressState = z.infer<typeof progressSchema>;
export type ProgressV1 = z.infer<typeof progressV1Schema>;

export function newEpoch(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

/**
 * A fresh state. Its epoch is '0', older than any reset, so a tab's untouched default
 * never outranks progress another tab has saved; only "reset" makes a new epoch.
 */
export function emptyProgress(epoch = '0'): ProgressState {
  return { version: PROGRESS_VERSION, epoch, lessons: {}, checks: {}, completions: {}, answers: {} };
}

export type LoadResult = { ok: true; state: ProgressState; migratedFrom?: number } | { ok: false; reason: string };

const migrations: Record<number, (old: unknown, now: string) => unknown> = {
  1: (old, now) => {
    const v1 = progressV1Schema.parse(old);
    // Epoch '0' sorts before every real (time-based) epoch, so any later reset wins over it.
    const state = emptyProgress('0');
    for (const lessonId of v1.lessonsRead) state.lessons[lessonId] = { readAt: now };
    for (const [moduleId, record] of Object.entries(v1.checks)) {
      const attempt: Attempt = { at: record.at, ratio: record.best, points: record.best, max: 1, passed: record.passed, answers: {}, contentHash: '' };
      state.checks[moduleId] = { attempts: [attempt], best: attempt, ...(record.passed ? { passedAt: record.at } : {}) };
    }
    return state;
  },
};

/** Reads any stored value: validates it, migrates old versions forward, or says why it cannot. */
export function loadProgress(raw: unknown, now = new Date().toISOString()): LoadResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, reason: 'not an object' };
  let version = (raw as { version?: unknown }).version;
  if (typeof version !== 'number' || !Number.isInteger(version)) return { ok: false, reason: 'no version number' };
  if (version > PROGRESS_VERSION) return { ok: false, reason: `saved by a newer version of the course (format ${version})` };
  const from = version;
  let value: unknown = raw;
  try {
    while (version < PROGRESS_VERSION) {
      const step = migrations[version];
      if (!step) return { ok: false, reason: `no migration from format ${version}` };
      value = step(value, now);
      version++;
    }
  } catch (error) {
    return { ok: false, reason: `format ${from} data is damaged: ${(error as Error).message.split('\n')[0]}` };
  }
  const parsed = progressSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, reason: `${issue.path.join('.') || 'value'}: ${issue.message}` };
  }
  return from === PROGRESS_VERSION ? { ok: true, state: parsed.data } : { ok: true, state: parsed.data, migratedFrom: from };
}

// ---------------------------------------------------------------------------
// Merging two copies (another tab's write, an imported backup)
//
// Every choice below is made on the values alone, never on which copy came first: equal dates
// are told apart by the canonical JSON of the values, a total order. So merging is commutative,
// associative and idempotent, and two tabs that merge each other's writes reach the same state
// (and the same stored string) instead of rewriting storage for ever.

const earlier = (a: string, b: string) => (a <= b ? a : b);

/** The tie-break order, the same in every tab: canonical JSON (object keys sorted). */
const canonical = canonicalJson;

/** Of two values, the one with the later date; equal dates: the greater canonical JSON. */
function latest<T extends { at: string }>(a: T, b: T): T {
  if (a.at !== b.at) return a.at > b.at ? a : b;
  return canonical(a) >= canonical(b) ? a : b;
}

/** Better attempt: passed, then higher score, then earlier (the first time it was earned), then the canonical order. */
function betterAttempt(a: Attempt | null, b: Attempt | null): Attempt | null {
  if (!a) return b;
  if (!b) return a;
  if (a.passed !== b.passed) return a.passed ? a : b;
  if (a.ratio !== b.ratio) return a.ratio > b.ratio ? a : b;
  if (a.at !== b.at) return a.at < b.at ? a : b;
  return canonical(a) <= canonical(b) ? a : b;
}

/**
 * Attempt history of two copies: one attempt per instant and score (the same attempt saved in
 * both), the most recent MAX_ATTEMPTS. Which attempts are kept depends only on their instant
 * and score, and which copy of an attempt on its canonical JSON, so any grouping of merges keeps
 * the same ones.
 */
function mergeAttempts(a: Attempt[], b: Attempt[]): Attempt[] {
  const byKey = new Map<string, Attempt>();
  for (const attempt of [...a, ...b]) {
    const key = `${attempt.at}|${attempt.ratio}`;
    const seen = byKey.get(key);
    byKey.set(key, seen && canonical(seen) <= canonical(attempt) ? seen : attempt);
  }
  return [...byKey.values()].sort((x, y) => (x.at !== y.at ? (x.at < y.at ? -1 : 1) : x.ratio - y.ratio)).slice(-MAX_ATTEMPTS);
}

/** Attempts ever made on a check: the counter, or the attempts kept where there is none. */
export const attemptsTaken = (record: CheckRecord | undefined): number => Math.max(record?.taken ?? 0, record?.attempts.length ?? 0);

/** One check in two copies (a missing one counts as no attempts); the result is always in kept form. */
function mergeCheck(a: CheckRecord | undefined, b: CheckRecord | undefined): CheckRecord {
  const x = a ?? b!;
  const y = b ?? a!;
  const passedAt = x.passedAt && y.passedAt ? earlier(x.passedAt, y.passedAt) : (x.passedAt ?? y.passedAt);
  // The larger count (attemptsTaken never reads below the attempts kept): max is commutative,
  // associative and idempotent, as every merge here must be.
  const taken = x.taken === undefined ? y.taken : y.taken === undefined ? x.taken : Math.max(x.taken, y.taken);
  return {
    attempts: mergeAttempts(x.attempts, y.attempts),
    best: betterAttempt(x.best, y.best),
    ...(passedAt ? { passedAt } : {}),
    ...(taken !== undefined ? { taken } : {}),
  };
}

/** Scenario endings from two copies: every ending either reached, at the earlier time. */
function mergeScenarios(a: ProgressState['scenarios'], b: ProgressState['scenarios']): ProgressState['scenarios'] {
  if (!a || !b) return a ?? b;
  return mergeRecords(a, b, (x, y) => (x && y ? mergeRecords(x, y, (p, q) => (p && q ? earlier(p, q) : (p ?? q)!)) : (x ?? y)!));
}

/** Key by key; ids are data, so "__proto__" is an ordinary key here, not the object's prototype. */
function mergeRecords<T>(a: Record<string, T>, b: Record<string, T>, pick: (x: T | undefined, y: T | undefined) => T): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    const own = (r: Record<string, T>) => (Object.prototype.hasOwnProperty.call(r, key) ? r[key] : undefined);
    Object.defineProperty(out, key, { value: pick(own(a), own(b)), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/**
 * Merges two copies of the same learner's progress. Nothing earned is lost: lessons
 * read in either copy stay read (earliest date), a check passed in either stays passed,
 * the best attempt is the higher, attempt history keeps the most recent MAX_ATTEMPTS,
 * completions keep the earliest, answers and last visit keep the latest.
 *
 * Meant for copies of one epoch (syncIncoming decides between epochs); the result keeps the
 * first copy's epoch, so a backup merged into a profile becomes part of that profile's epoch.
 * On copies of one epoch it is commutative, associative and idempotent.
 */
export function mergeProgress(a: ProgressState, b: ProgressState): ProgressState {
  const merged: ProgressState = {
    version: PROGRESS_VERSION,
    epoch: a.epoch,
    lessons: mergeRecords(a.lessons, b.lessons, (x, y) => (x && y ? { readAt: earlier(x.readAt, y.readAt) } : (x ?? y)!)),
    checks: mergeRecords(a.checks, b.checks, mergeCheck),
    completions: mergeRecords(a.completions, b.completions, (x, y) =>
      x && y ? (x.at !== y.at ? (x.at < y.at ? x : y) : x.contentHash <= y.contentHash ? x : y) : (x ?? y)!,
    ),
    answers: mergeRecords(a.answers, b.answers, (x, y) => (x && y ? latest(x, y) : (x ?? y)!)),
  };
  const visit = a.lastVisit && b.lastVisit ? latest(a.lastVisit, b.lastVisit) : (a.lastVisit ?? b.lastVisit);
  if (visit) merged.lastVisit = visit;
  const scenarios = mergeScenarios(a.scenarios, b.scenarios);
  if (scenarios) merged.scenarios = scenarios;
  return merged;
}

// ---------------------------------------------------------------------------
// Changes a learner makes

/** What the progress logic needs to know about a module. */
export interface ModuleFacts {
  id: string;
  lessonIds: string[];
  /** The module's edition (src/lib/course/edition.ts). */
  contentHash: string;
  /** Its text fingerprint: completions saved before editions stored this, and still count until the text changes. */
  textHash?: string;
}

/** Whether a completion saved with `hash` is of the module's current edition. */
export const isCurrentEdition = (hash: string, module: ModuleFacts): boolean => !module.contentHash || hash === module.contentHash || (module.textHash !== undefined && hash === module.textHash);

function withCompletion(state: ProgressState, module: ModuleFacts | undefined, now: string): ProgressState {
  if (!module || state.completions[module.id]) return state;
  const allRead = module.lessonIds.every((id) => state.lessons[id]);
  const passed = Boolean(state.checks[module.id]?.passedAt);
  if (!allRead || !passed) return state;
  return { ...state, completions: { ...state.completions, [module.id]: { at: now, contentHash: module.contentHash } } };
}

export function markLessonRead(state: ProgressState, lessonId: string, now: string, module?: ModuleFacts): ProgressState {
  if (state.lessons[lessonId]) return withCompletion(state, module, now);
  return withCompletion({ ...state, lessons: { ...state.lessons, [lessonId]: { readAt: now } } }, module, now);
}

export function recordAttempt(state: ProgressState, moduleId: string, attempt: Attempt, module?: ModuleFacts): ProgressState {
  const previous = state.checks[moduleId] ?? { attempts: [], best: null };
  const record: CheckRecord = {
    attempts: [...previous.attempts, attempt].slice(-MAX_ATTEMPTS),
    best: betterAttempt(previous.best, attempt),
    ...(previous.passedAt ? { passedAt: previous.passedAt } : attempt.passed ? { passedAt: attempt.at } : {}),
    taken: attemptsTaken(previous) + 1,
  };
  return withCompletion({ ...state, checks: { ...state.checks, [moduleId]: record } }, module, attempt.at);
}

export function recordAnswer(state: ProgressState, questionId: string, options: string[], verdict: 'correct' | 'partial' | 'incorrect', now: string): ProgressState {
  return { ...state, answers: { ...state.answers, [questionId]: { options, verdict, at: now } } };
}

/** A practice scenario's ending reached; the first time is kept. */
export function recordScenarioEnding(state: ProgressState, moduleId: string, endingId: string, now: string): ProgressState {
  if (state.scenarios?.[moduleId]?.[endingId]) return state;
  return { ...state, scenarios: { ...state.scenarios, [moduleId]: { ...state.scenarios?.[moduleId], [endingId]: now } } };
}

export function recordVisit(state: ProgressState, visit: NonNullable<ProgressState['lastVisit']>): ProgressState {
  return { ...state, lastVisit: visit };
}

// ---------------------------------------------------------------------------
// What the learner sees

export type ModuleStatus = 'not-started' | 'in-progress' | 'complete' | 'updated';

export const STATUS_LABELS: Record<ModuleStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  complete: 'Complete',
  updated: 'Updated since you completed it',
};

export interface ModuleProgress {
  status: ModuleStatus;
  lessonsRead: number;
  lessonsTotal: number;
  passed: boolean;
  bestRatio: number | null;
  /** 0–1: lessons read plus the check, each one step. */
  fraction: number;
  completedAt?: string;
}

export function moduleProgress(state: ProgressState, module: ModuleFacts): ModuleProgress {
  const lessonsRead = module.lessonIds.filter((id) => state.lessons[id]).length;
  const check = state.checks[module.id];
  const passed = Boolean(check?.passedAt);
  // Progress migrated from v1 has no completion records: all read and passed still counts.
  const completion =
    state.completions[module.id] ??
    (passed && module.lessonIds.length > 0 && lessonsRead === module.lessonIds.length ? { at: check!.passedAt!, contentHash: module.contentHash } : undefined);
  const steps = module.lessonIds.length + 1;
  const fraction = completion ? 1 : (lessonsRead + (passed ? 1 : 0)) / steps;
  let status: ModuleStatus = 'not-started';
  if (completion) status = isCurrentEdition(completion.contentHash, module) ? 'complete' : 'updated';
  else if (lessonsRead > 0 || check) status = 'in-progress';
  return {
    status,
    lessonsRead,
    lessonsTotal: module.lessonIds.length,
    passed,
    bestRatio: check?.best?.ratio ?? null,
    fraction,
    ...(completion ? { completedAt: completion.at } : {}),
  };
}

/** Share of modules complete in a set (a path). */
export function pathProgress(state: ProgressState, modules: ModuleFacts[]): { complete: number; total: number; fraction: number } {
  const fractions = modules.map((m) => moduleProgress(state, m));
  const complete = fractions.filter((p) => p.status === 'complete' || p.status === 'updated').length;
  const fraction = modules.length === 0 ? 0 : fractions.reduce((sum, p) => sum + p.fraction, 0) / modules.length;
  return { complete, total: modules.length, fraction };
}

/**
 * Another tab wrote this profile's progress. Same epoch: merge, so neither tab's
 * writes are lost. Different epoch: one side was reset; the newer reset wins.
 */
export function syncIncoming(local: ProgressState, incoming: ProgressState): ProgressState {
  if (local.epoch === incoming.epoch) return mergeProgress(local, incoming);
  return incoming.epoch > local.epoch ? incoming : local;
}
