/**
 * The SCORM run-time logic without an LMS: finding the API up frames and openers, the values
 * sent for a path, time formats, and which saved locations are trusted.
 */
import { describe, expect, test } from 'vitest';
import {
  cmiValues,
  findScormApi,
  MAX_PARENT_LEVELS,
  pathOutcome,
  safeLocation,
  scorm12Duration,
  scorm2004Duration,
  type FrameLike,
} from '../../src/lib/lms/scorm';
import { emptyProgress, type Attempt, type ModuleFacts } from '../../src/lib/learner/progress';
import { MASTERY_SCALED } from '../../src/lib/lms/scorm-manifest';

const api12 = { LMSInitialize: () => 'true' };
const api2004 = { Initialize: () => 'true' };

/** A chain of frames: frames[0] is the SCO, each one's parent is the next; the last is the top. */
function chain(length: number): FrameLike[] {
  const frames: FrameLike[] = Array.from({ length }, () => ({}));
  frames.forEach((f, i) => (f.parent = frames[i + 1] ?? f));
  return frames;
}

describe('findScormApi', () => {
  test('finds API in a parent frame, as an LMS frames a SCO', () => {
    const frames = chain(3);
    frames[2]!.API = api12;
    expect(findScormApi(frames[0]!, '1.2')).toEqual({ version: '1.2', api: api12 });
  });

  test('prefers the version the package was made for, and takes the other when it is all there is', () => {
    const frames = chain(2);
    frames[1]!.API = api12;
    frames[1]!.API_1484_11 = api2004;
    expect(findScormApi(frames[0]!, '2004')?.version).toBe('2004');
    expect(findScormApi(frames[0]!, '1.2')?.version).toBe('1.2');
    delete frames[1]!.API_1484_11;
    expect(findScormApi(frames[0]!, '2004')?.version).toBe('1.2');
  });

  test(`looks at most ${MAX_PARENT_LEVELS} levels up`, () => {
    const near = chain(MAX_PARENT_LEVELS + 1);
    near.at(-1)!.API_1484_11 = api2004;
    expect(findScormApi(near[0]!, '2004')).toBeDefined();
    const far = chain(MAX_PARENT_LEVELS + 2);
    far.at(-1)!.API_1484_11 = api2004;
    expect(findScormApi(far[0]!, '2004')).toBeUndefined();
  });

  test('then the opener and its parents (an LMS that opens the SCO in a new window)', () => {
    const lms = chain(2);
    lms[1]!.API = api12;
    const popup = chain(1)[0]!;
    popup.opener = lms[0]!;
    expect(findScormApi(popup, '1.2')?.api).toBe(api12);
  });

  test('then the opener of the top frame (pipwerks: a popup whose frames hold the SCO)', () => {
    const lms = chain(2);
    lms[1]!.API_1484_11 = api2004;
    const popup = chain(3);
    for (const frame of popup) frame.top = popup[2]!;
    expect(findScormApi(popup[0]!, '2004')).toBeUndefined();
    popup[2]!.opener = lms[0]!;
    expect(findScormApi(popup[0]!, '2004')?.api).toBe(api2004);
  });

  test('a top frame that refuses access is passed over', () => {
    const frames = chain(2);
    Object.defineProperty(frames[0]!, 'top', {
      get() {
        throw new DOMException('Blocked a frame with origin', 'SecurityError');
      },
    });
    expect(findScormApi(frames[0]!, '1.2')).toBeUndefined();
  });

  test('an object without the calls is not an API, and a frame that refuses access is passed over', () => {
    const frames = chain(3);
    frames[1]!.API = { LMSInitialize: 'nope' };
    Object.defineProperty(frames[1]!, 'API_1484_11', {
      get() {
        throw new DOMException('Blocked a frame with origin', 'SecurityError');
      },
    });
    expect(findScormApi(frames[0]!, '2004')).toBeUndefined();
  });

  test('no API anywhere: undefined, so the course keeps progress in the browser', () => {
    expect(findScormApi(chain(4)[0]!, '1.2')).toBeUndefined();
  });
});

const alpha: ModuleFacts = { id: 'alpha', lessonIds: ['alpha/a', 'alpha/b'], contentHash: 'ha' };
const beta: ModuleFacts = { id: 'beta', lessonIds: ['beta/only'], contentHash: 'hb' };
const AT = '2026-11-29T05:00:00.000Z';
const pass = (ratio = 1): Attempt => ({ at: AT, ratio, points: ratio, max: 1, passed: true, answers: {}, contentHash: '' });

describe('pathOutcome', () => {
  test('nothing done: incomplete, not passed, score 0', () => {
    expect(pathOutcome(emptyProgress(), [alpha, beta])).toEqual({ completed: false, passed: false, score: 0, progress: 0 });
  });

  test('one of two modules complete: score 50, and progress counts lessons and checks', () => {
    const state = emptyProgress();
    state.lessons['beta/only'] = { readAt: AT };
    state.checks.beta = { attempts: [pass()], best: pass(), passedAt: AT };
    state.completions.beta = { at: AT, contentHash: 'hb' };
    state.lessons['alpha/a'] = { readAt: AT };
    expect(pathOutcome(state, [alpha, beta])).toEqual({ completed: false, passed: false, score: 50, progress: 0.667 });
  });

  test('every check passed but a lesson unread: passed, not complete', () => {
    const state = emptyProgress();
    state.checks.alpha = { attempts: [pass()], best: pass(), passedAt: AT };
    state.checks.beta = { attempts: [pass()], best: pass(), passedAt: AT };
    expect(pathOutcome(state, [alpha, beta])).toMatchObject({ completed: false, passed: true, score: 0 });
  });
});

describe('cmiValues', () => {
  const incomplete = { completed: false, passed: false, score: 50, progress: 0.5 };
  const done = { completed: true, passed: true, score: 100, progress: 1 };

  test('SCORM 1.2: lesson_status, no score until complete, location, suspend_data, session time, exit', () => {
    expect(Object.fromEntries(cmiValues('1.2', { outcome: incomplete, suspendData: 'CW1~x~y', location: 'modules/a/index.html', sessionMs: 3_723_450 }))).toEqual({
      'cmi.core.lesson_status': 'incomplete',
      'cmi.core.lesson_location': 'modules/a/index.html',
      'cmi.suspend_data': 'CW1~x~y',
      'cmi.core.session_time': '01:02:03.45',
      'cmi.core.exit': 'suspend',
    });
    expect(Object.fromEntries(cmiValues('1.2', { outcome: done, suspendData: '', location: '', sessionMs: 0 }))).toMatchObject({
      'cmi.core.lesson_status': 'passed',
      'cmi.core.score.min': '0',
      'cmi.core.score.max': '100',
      'cmi.core.score.raw': '100',
      'cmi.core.exit': '',
    });
  });

  test('SCORM 2004: progress measure, no score until complete, ISO duration, exit', () => {
    expect(Object.fromEntries(cmiValues('2004', { outcome: incomplete, suspendData: 'd', location: 'index.html', sessionMs: 61_000 }))).toEqual({
      'cmi.completion_status': 'incomplete',
      'cmi.success_status': 'unknown',
      'cmi.progress_measure': '0.5',
      'cmi.location': 'index.html',
      'cmi.suspend_data': 'd',
      'cmi.session_time': 'PT1M1S',
      'cmi.exit': 'suspend',
    });
    expect(Object.fromEntries(cmiValues('2004', { outcome: done, suspendData: '', location: '', sessionMs: 0 }))).toMatchObject({
      'cmi.completion_status': 'completed',
      'cmi.success_status': 'passed',
      'cmi.score.raw': '100',
      'cmi.score.scaled': '1',
      'cmi.exit': 'normal',
    });
  });

  /*
   * How an LMS applies the manifest's mastery (Moodle mod/scorm with "mastery score overrides
   * status", scorm-again's mastery_override; SCORM 2004 RTE 4.2.21 for scaled_passing_score):
   * whenever a score is there, status follows it against the mastery value.
   */
  const lms12Status = (set: Record<string, string>, mastery: number) =>
    set['cmi.core.score.raw'] === undefined ? set['cmi.core.lesson_status'] : Number(set['cmi.core.score.raw']) >= mastery ? 'passed' : 'failed';
  const lms2004Success = (set: Record<string, string>, passing: number) =>
    set['cmi.score.scaled'] === undefined ? 'unknown' : Number(set['cmi.score.scaled']) >= passing ? 'passed' : 'failed';

  test.each([
    { completed: false, passed: false, score: 0, progress: 0 },
    { completed: false, passed: false, score: 50, progress: 0.5 },
    { completed: false, passed: true, score: 0, progress: 0.4 },
    { completed: false, passed: true, score: 99, progress: 0.99 },
  ])('an unfinished path never reads failed where the LMS applies the mastery score (%o)', (outcome) => {
    const v12 = Object.fromEntries(cmiValues('1.2', { outcome, suspendData: '', location: '', sessionMs: 0 }));
    const v2004 = Object.fromEntries(cmiValues('2004', { outcome, suspendData: '', location: '', sessionMs: 0 }));
    expect(lms12Status(v12, MASTERY_SCALED * 100)).toBe('incomplete');
    expect(v12['cmi.core.exit']).toBe('suspend');
    expect(lms2004Success(v2004, MASTERY_SCALED)).toBe('unknown');
    expect(v2004['cmi.success_status']).toBe('unknown');
    expect(v2004['cmi.exit']).toBe('suspend');
  });

  test('a complete path reads passed and completed under the same rules', () => {
    const v12 = Object.fromEntries(cmiValues('1.2', { outcome: done, suspendData: '', location: '', sessionMs: 0 }));
    const v2004 = Object.fromEntries(cmiValues('2004', { outcome: done, suspendData: '', location: '', sessionMs: 0 }));
    expect(lms12Status(v12, MASTERY_SCALED * 100)).toBe('passed');
    expect(lms2004Success(v2004, MASTERY_SCALED)).toBe('passed');
    expect(v2004['cmi.completion_status']).toBe('completed');
  });

  test('a location too long for the version is left out rather than cut', () => {
    const long = `${'a/'.repeat(200)}index.html`;
    expect(Object.fromEntries(cmiValues('1.2', { outcome: incomplete, suspendData: '', location: long, sessionMs: 0 }))['cmi.core.lesson_location']).toBe('');
    expect(Object.fromEntries(cmiValues('2004', { outcome: incomplete, suspendData: '', location: long, sessionMs: 0 }))['cmi.location']).toBe(long);
  });
});

describe('durations', () => {
  test.each([
    [0, '00:00:00.00', 'PT0S'],
    [1_230, '00:00:01.23', 'PT1.23S'],
    [3_600_000, '01:00:00.00', 'PT1H0S'],
    [36_005_500, '10:00:05.50', 'PT10H5.5S'],
  ])('%i ms is %s (1.2) and %s (2004)', (ms, v12, v2004) => {
    expect(scorm12Duration(ms)).toBe(v12);
    expect(scorm2004Duration(ms)).toBe(v2004);
  });

  test('1.2 caps at 9999 hours, the most CMITimespan can say', () => {
    expect(scorm12Duration(1e12)).toBe('9999:59:59.99');
  });
});

describe('safeLocation', () => {
  test.each(['index.html', 'modules/duty-01/index.html', 'modules/a/check/index.html#q-x', 'paths/new-hire/index.html'])('%s is a page of the package', (loc) => {
    expect(safeLocation(loc)).toBe(loc);
  });
  test.each(['', 'https://evil.example/index.html', '//evil.example/index.html', '../index.html', 'javascript:alert(1)', 'modules/a/', '/modules/a/index.html', 'modules/A B/index.html'])(
    '%s is not trusted',
    (loc) => {
      expect(safeLocation(loc)).toBeUndefined();
    },
  );
});
