/**
 * SCORM run-time logic that needs no LMS to test: finding the API object, turning progress into
 * the data-model values the LMS records, and time formats. The launch page (src/lms/launch.ts)
 * does the calls; this file decides what they say.
 *
 * The package is one SCO for a whole path (see README, "Use it in an LMS"): the LMS records
 * one result, "completed the path", which is what an LMS administrator assigns and reports on.
 */
import { moduleProgress, pathProgress, type ModuleFacts, type ProgressState } from '../learner/progress';

export type ScormVersion = '1.2' | '2004';

/** The calls both SCORM versions share, under their two spellings. */
export interface Scorm12Api {
  LMSInitialize(arg: ''): string | boolean;
  LMSFinish(arg: ''): string | boolean;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string | boolean;
  LMSCommit(arg: ''): string | boolean;
  LMSGetLastError(): string | number;
  LMSGetErrorString(code: string | number): string;
}

export interface Scorm2004Api {
  Initialize(arg: ''): string | boolean;
  Terminate(arg: ''): string | boolean;
  GetValue(element: string): string;
  SetValue(element: string, value: string): string | boolean;
  Commit(arg: ''): string | boolean;
  GetLastError(): string | number;
  GetErrorString(code: string | number): string;
}

/** The little of `window` the search needs, so it can be tested with plain objects. */
export interface FrameLike {
  parent?: FrameLike | null;
  top?: FrameLike | null;
  opener?: FrameLike | null;
  API?: unknown;
  API_1484_11?: unknown;
}

export type FoundApi = { version: '1.2'; api: Scorm12Api } | { version: '2004'; api: Scorm2004Api };

/** How far up the frames the search goes: the SCORM run-time environment books say seven. */
export const MAX_PARENT_LEVELS = 7;

function looksLike(candidate: unknown, method: string): boolean {
  return typeof candidate === 'object' && candidate !== null && typeof (candidate as Record<string, unknown>)[method] === 'function';
}

function lookIn(frame: FrameLike, prefer: ScormVersion): FoundApi | undefined {
  let api12: unknown;
  let api2004: unknown;
  try {
    api12 = frame.API;
    api2004 = frame.API_1484_11;
  } catch {
    return undefined; // A frame from another origin: the browser will not let us look.
  }
  const found2004 = looksLike(api2004, 'Initialize') ? ({ version: '2004', api: api2004 as Scorm2004Api } as const) : undefined;
  const found12 = looksLike(api12, 'LMSInitialize') ? ({ version: '1.2', api: api12 as Scorm12Api } as const) : undefined;
  return prefer === '2004' ? (found2004 ?? found12) : (found12 ?? found2004);
}

function climb(start: FrameLike | null | undefined, prefer: ScormVersion): FoundApi | undefined {
  let frame = start;
  for (let level = 0; frame && level <= MAX_PARENT_LEVELS; level++) {
    const found = lookIn(frame, prefer);
    if (found) return found;
    let parent: FrameLike | null | undefined;
    try {
      parent = frame.parent;
    } catch {
      return undefined;
    }
    if (!parent || parent === frame) return undefined;
    frame = parent;
  }
  return undefined;
}

/** A property of a frame that may be from another origin: undefined where the browser refuses. */
function peek(frame: FrameLike, key: 'top' | 'opener'): FrameLike | null | undefined {
  try {
    return frame[key];
  } catch {
    return undefined;
  }
}

/**
 * The SCORM API as the run-time environment books and pipwerks' wrapper find it: this window
 * and up its parents (at most seven levels); then the window that opened it and up that one's
 * parents; then the window that opened the top frame (an LMS that opens a popup holding frames,
 * with the SCO in one of them) and up its parents. Looks for the version the package was made
 * for first and takes the other if that is all there is.
 */
export function findScormApi(win: FrameLike, prefer: ScormVersion): FoundApi | undefined {
  const inFrames = climb(win, prefer);
  if (inFrames) return inFrames;
  const opener = peek(win, 'opener');
  const fromOpener = opener ? climb(opener, prefer) : undefined;
  if (fromOpener) return fromOpener;
  const top = peek(win, 'top');
  const topOpener = top && top !== win ? peek(top, 'opener') : undefined;
  return topOpener && topOpener !== opener ? climb(topOpener, prefer) : undefined;
}

/** What the LMS records for the path: complete, passed, a score. */
export interface PathOutcome {
  /** Every module of the path complete (lessons read and check passed). */
  completed: boolean;
  /** Every module check of the path passed. */
  passed: boolean;
  /**
   * Share of the path's modules complete, 0–100. Reported to the LMS only once complete (100):
   * see cmiValues for why a partial score would read "failed" there.
   */
  score: number;
  /** Lessons read and checks passed, 0–1: SCORM 2004's progress_measure. */
  progress: number;
}

export function pathOutcome(state: ProgressState, modules: readonly ModuleFacts[]): PathOutcome {
  if (modules.length === 0) return { completed: false, passed: false, score: 0, progress: 0 };
  const each = modules.map((m) => moduleProgress(state, m));
  const passedCount = each.filter((p) => p.passed).length;
  const path = pathProgress(state, [...modules]);
  return {
    completed: path.complete === modules.length,
    passed: passedCount === modules.length,
    score: Math.round((path.complete / modules.length) * 100),
    progress: Math.round(path.fraction * 1000) / 1000,
  };
}

/** SCORM 1.2 CMITimespan: HHHH:MM:SS.SS (hours may be 2 to 4 digits). */
export function scorm12Duration(ms: number): string {
  const total = Math.max(0, Math.min(ms, (9999 * 3600 + 3599.99) * 1000));
  const centis = Math.floor(total / 10);
  const hours = Math.floor(centis / 360_000);
  const minutes = Math.floor((centis % 360_000) / 6000);
  const seconds = (centis % 6000) / 100;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}:${seconds.toFixed(2).padStart(5, '0')}`;
}

/** SCORM 2004 timeinterval (second,10,2): an ISO 8601 duration such as PT1H2M3.45S. */
export function scorm2004Duration(ms: number): string {
  const centis = Math.max(0, Math.floor(ms / 10));
  const hours = Math.floor(centis / 360_000);
  const minutes = Math.floor((centis % 360_000) / 6000);
  const seconds = (centis % 6000) / 100;
  const secondsText = Number.isInteger(seconds) ? String(seconds) : seconds.toFixed(2).replace(/0$/, '');
  return `PT${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${secondsText}S`;
}

export interface SessionValues {
  outcome: PathOutcome;
  suspendData: string;
  /** The page the learner is on, relative to the package root. */
  location: string;
  sessionMs: number;
}

/** Longest location each version stores (1.2 CMIString255; 2004 characterstring SPM 1000). */
export const LOCATION_LIMITS = { '1.2': 255, '2004': 1000 } as const;

/**
 * The data-model values to set, in order, for one commit.
 *
 * Never "failed" mid-path, in any LMS. An LMS applies the manifest's mastery itself: Moodle
 * (mod/scorm, "mastery score overrides status") and scorm-again set 1.2 `lesson_status` to
 * passed/failed from `score.raw` against `adlcp:masteryscore` whenever a raw score is there,
 * and SCORM 2004 (RTE 4.2.21) makes `success_status` follow `score.scaled` against
 * `scaled_passing_score` (from `minNormalizedMeasure`). So the score is reported only once the
 * path is complete (100, scaled 1: exactly the mastery the manifest names); until then there is
 * no score, status reads incomplete (2004: success unknown), and 2004's `progress_measure` says
 * how far along the learner is. A learner can always retake a check, so nothing is final before.
 * Exit is "suspend" until the path is complete, so the LMS resumes the attempt next launch.
 */
export function cmiValues(version: ScormVersion, values: SessionValues): [string, string][] {
  const { outcome, suspendData, sessionMs } = values;
  const location = values.location.length <= LOCATION_LIMITS[version] ? values.location : '';
  const done = outcome.completed;
  if (version === '1.2') {
    return [
      ['cmi.core.lesson_status', done ? 'passed' : 'incomplete'],
      ...(done
        ? ([
            ['cmi.core.score.min', '0'],
            ['cmi.core.score.max', '100'],
            ['cmi.core.score.raw', String(outcome.score)],
          ] as [string, string][])
        : []),
      ['cmi.core.lesson_location', location],
      ['cmi.suspend_data', suspendData],
      ['cmi.core.session_time', scorm12Duration(sessionMs)],
      ['cmi.core.exit', done ? '' : 'suspend'],
    ];
  }
  return [
    ['cmi.completion_status', done ? 'completed' : 'incomplete'],
    ['cmi.success_status', done ? 'passed' : 'unknown'],
    ['cmi.progress_measure', String(outcome.progress)],
    ...(done
      ? ([
          ['cmi.score.min', '0'],
          ['cmi.score.max', '100'],
          ['cmi.score.raw', String(outcome.score)],
          ['cmi.score.scaled', String(outcome.score / 100)],
        ] as [string, string][])
      : []),
    ['cmi.location', location],
    ['cmi.suspend_data', suspendData],
    ['cmi.session_time', scorm2004Duration(sessionMs)],
    ['cmi.exit', done ? 'normal' : 'suspend'],
  ];
}

/**
 * A saved location is only used if it is a page of the package: a relative path of lowercase
 * words, digits, hyphens and slashes ending in index.html, with an optional #fragment. Anything
 * else (another site, a script URL, a path out of the package) is ignored.
 */
export function safeLocation(location: string): string | undefined {
  return /^(?:[a-z0-9][a-z0-9-]*\/)*index\.html(?:#[A-Za-z0-9_-]*)?$/.test(location) ? location : undefined;
}
