/**
 * The progress and profile stores against a fake browser storage. The stores choose
 * their backend when src/stores/storage.ts is imported, so every test stubs window,
 * localStorage and sessionStorage first and then imports fresh copies of the modules.
 */
import { afterAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { emptyProgress, markLessonRead, type Attempt, type ProgressState } from '../../src/lib/learner/progress';
import { canonicalJson } from '../../src/lib/encoding/canonical-json';
import { loadStoredProgress } from '../../src/lib/learner/packed-storage';

const PROGRESS_KEY = 'crosswalk:progress:default';
const PROFILES_KEY = 'crosswalk:profiles';
const QUARANTINE_KEY = `crosswalk:quarantine:${PROGRESS_KEY}`;

type LogEntry = { op: 'set' | 'remove'; key: string; value?: string };

/** Enough of the Web Storage API for the stores, with switches to make it fail like a browser does. */
class FakeStorage {
  readonly data = new Map<string, string>();
  readonly log: LogEntry[] = [];
  /** Every access throws SecurityError (private mode, blocked cookies, sandboxed frame). */
  securityError = false;
  /** setItem throws QuotaExceededError (storage full). */
  quotaExceeded = false;

  private guard() {
    if (this.securityError) throw new DOMException('The operation is insecure.', 'SecurityError');
  }
  get length() {
    this.guard();
    return this.data.size;
  }
  key(index: number) {
    this.guard();
    return [...this.data.keys()][index] ?? null;
  }
  getItem(key: string) {
    this.guard();
    return this.data.has(key) ? this.data.get(key)! : null;
  }
  setItem(key: string, value: string) {
    this.guard();
    if (this.quotaExceeded) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.log.push({ op: 'set', key, value: String(value) });
    this.data.set(key, String(value));
  }
  removeItem(key: string) {
    this.guard();
    this.log.push({ op: 'remove', key });
    this.data.delete(key);
  }
  clear() {
    this.guard();
    this.data.clear();
  }
  /** Written by "another tab": straight into the data, not through this tab's setItem. */
  setFromElsewhere(key: string, value: string) {
    this.data.set(key, value);
  }
  /** Index in the log of the first write to key, or -1. */
  firstWrite(key: string) {
    return this.log.findIndex((e) => e.op === 'set' && e.key === key);
  }
}

type Listener = (event: unknown) => void;

class FakeWindow {
  readonly listeners = new Map<string, Set<Listener>>();
  addEventListener(type: string, cb: Listener) {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)!.add(cb);
  }
  removeEventListener(type: string, cb: Listener) {
    this.listeners.get(type)?.delete(cb);
  }
  /** What the browser does in this tab when another tab writes to localStorage. */
  fireStorage(key: string | null, newValue: string | null) {
    for (const cb of [...(this.listeners.get('storage') ?? [])]) cb({ key, newValue });
  }
}

interface Browser {
  local: FakeStorage;
  session: FakeStorage;
  win: FakeWindow;
}

let browser: Browser;

beforeEach(() => {
  vi.resetModules();
  browser = { local: new FakeStorage(), session: new FakeStorage(), win: new FakeWindow() };
  vi.stubGlobal('window', browser.win);
  vi.stubGlobal('localStorage', browser.local);
  vi.stubGlobal('sessionStorage', browser.session);
});

afterAll(async () => {
  // Stores unmount one second after their last listener goes, and then talk to window.
  await new Promise((resolve) => setTimeout(resolve, 1100));
  vi.unstubAllGlobals();
});

/** Fresh copies of the store modules, bound to the current fake browser. */
async function openStores() {
  const progress = await import('../../src/stores/progress');
  const profiles = await import('../../src/stores/profiles');
  const storage = await import('../../src/stores/storage');
  return { ...progress, ...profiles, ...storage };
}

/** Subscribes to $progress (stores are lazy until someone listens) and returns the latest value getter. */
async function openProgress() {
  const stores = await openStores();
  const seen: ProgressState[] = [];
  stores.$progress.subscribe((value) => seen.push(value));
  return { ...stores, seen };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

const attempt: Attempt = {
  at: '2026-11-28T10:00:00.000Z',
  ratio: 0.8,
  points: 4,
  max: 5,
  passed: true,
  answers: { q1: ['a'] },
  contentHash: 'h1',
};

const stored = (key: string) => {
  const raw = browser.local.data.get(key);
  if (raw === undefined) return undefined;
  // Stored packed (src/lib/learner/packed-storage.ts); read it back the way the store does.
  const loaded = loadStoredProgress(JSON.parse(raw));
  if (!loaded.ok) throw new Error(`stored progress does not load: ${loaded.reason}`);
  return loaded.state as ProgressState;
};

// ---------------------------------------------------------------------------

describe('unreadable saved progress', () => {
  test.each([
    ['malformed JSON', '{"version":2,"epoch":"e1","lessons":{'],
    ['valid JSON of the wrong shape', JSON.stringify({ version: 2, epoch: 'e1', lessons: 'all of them', checks: [] })],
    ['a JSON array', '[1,2,3]'],
    ['progress from a newer version of the course', JSON.stringify({ ...emptyProgress('e1'), version: 3 })],
  ])('%s: loads a clean start, sets the raw value aside before any write, and says so', async (_label, raw) => {
    browser.local.setFromElsewhere(PROGRESS_KEY, raw);
    const { $progress, $storageHealth, saveAttempt } = await openProgress();

    const state = $progress.get();
    expect(state.lessons).toEqual({});
    expect(state.checks).toEqual({});
    expect(state.version).toBe(2);

    const kept = browser.local.data.get(QUARANTINE_KEY);
    expect(kept).toBeDefined();
    expect(JSON.parse(kept!).raw).toBe(raw);
    // Nothing has overwritten the damaged value yet.
    expect(browser.local.data.get(PROGRESS_KEY)).toBe(raw);

    const health = $storageHealth.get();
    expect(health.quarantined).toHaveLength(1);
    expect(health.quarantined[0]!.key).toBe(PROGRESS_KEY);
    expect(health.quarantined[0]!.reason).not.toBe('');
    expect(health.saving).toBe(true);

    saveAttempt('orientation', attempt);
    expect($progress.get().checks.orientation?.attempts).toHaveLength(1);
    const quarantinedAt = browser.local.firstWrite(QUARANTINE_KEY);
    const progressWrittenAt = browser.local.firstWrite(PROGRESS_KEY);
    expect(quarantinedAt).toBeGreaterThanOrEqual(0);
    expect(progressWrittenAt).toBeGreaterThan(quarantinedAt);
    expect(stored(PROGRESS_KEY)?.checks.orientation?.passedAt).toBe(attempt.at);
  });

  test('a damaged profile list does not cost the progress stored beside it', async () => {
    const saved = markLessonRead(emptyProgress('e1'), 'orientation/a', '2026-11-01T10:00:00.000Z');
    browser.local.setFromElsewhere(PROGRESS_KEY, canonicalJson(saved));
    browser.local.setFromElsewhere(PROFILES_KEY, 'garbage{');
    const { $progress, $profiles, $storageHealth } = await openProgress();

    expect($profiles.get().activeId).toBe('default');
    expect($progress.get().lessons['orientation/a']).toEqual({ readAt: '2026-11-01T10:00:00.000Z' });
    expect($storageHealth.get().quarantined.map((n) => n.key)).toEqual([PROFILES_KEY]);
    expect(JSON.parse(browser.local.data.get(`crosswalk:quarantine:${PROFILES_KEY}`)!).raw).toBe('garbage{');
    expect(browser.local.data.get(PROGRESS_KEY)).toBe(canonicalJson(saved));
  });

  test('a v1 save is migrated on load and kept', async () => {
    browser.local.setFromElsewhere(PROGRESS_KEY, JSON.stringify({ version: 1, lessonsRead: ['orientation/a'], checks: { orientation: { best: 0.9, passed: true, at: '2026-10-01T09:00:00.000Z' } } }));
    const { $progress, $storageHealth } = await openProgress();
    expect($progress.get().version).toBe(2);
    expect($progress.get().lessons['orientation/a']).toBeDefined();
    expect($progress.get().checks.orientation?.passedAt).toBe('2026-10-01T09:00:00.000Z');
    expect($storageHealth.get().quarantined).toEqual([]);
  });
});

// ---------------------------------------------------------------------------

describe('storage that refuses', () => {
  test('localStorage that throws SecurityError: memory mode, says it is not saving, and the page still updates', async () => {
    browser.local.securityError = true;
    const { $progress, $storageHealth, saveAttempt, markRead } = await openProgress();

    expect($storageHealth.get()).toMatchObject({ mode: 'memory', saving: false, problem: 'unavailable' });
    saveAttempt('orientation', attempt);
    markRead('orientation/a');
    expect($progress.get().checks.orientation?.attempts).toEqual([attempt]);
    expect($progress.get().checks.orientation?.passedAt).toBe(attempt.at);
    expect($progress.get().lessons['orientation/a']).toBeDefined();
  });

  test('a localStorage property that cannot even be read: memory mode, and the page still updates', async () => {
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    const { $progress, $storageHealth, saveAttempt } = await openProgress();
    expect($storageHealth.get()).toMatchObject({ mode: 'memory', saving: false });
    saveAttempt('orientation', attempt);
    expect($progress.get().checks.orientation?.attempts).toHaveLength(1);
  });

  test('shared-computer mode keeps progress in sessionStorage only', async () => {
    browser.session.setFromElsewhere('crosswalk:shared-computer', '1');
    const { $progress, $storageHealth, saveAttempt } = await openProgress();
    expect($storageHealth.get()).toMatchObject({ mode: 'session', saving: true });
    saveAttempt('orientation', attempt);
    expect($progress.get().checks.orientation?.attempts).toHaveLength(1);
    expect(browser.session.data.has(PROGRESS_KEY)).toBe(true);
    expect(browser.local.log.filter((e) => e.op === 'set')).toEqual([]);
  });

  test('QuotaExceededError on write: the new attempt still shows, and health says the quota is full', async () => {
    const { $progress, $storageHealth, saveAttempt } = await openProgress();
    expect($storageHealth.get()).toMatchObject({ mode: 'local', saving: true });

    browser.local.quotaExceeded = true;
    saveAttempt('orientation', attempt);
    await flush();

    expect($progress.get().checks.orientation?.attempts).toEqual([attempt]);
    expect($storageHealth.get()).toMatchObject({ mode: 'local', saving: false, problem: 'quota' });
    expect(browser.local.data.has(PROGRESS_KEY)).toBe(false);
  });

  test('after space is freed, the next write that succeeds saves what was refused and clears "not saving"', async () => {
    const { $progress, $storageHealth, saveAttempt, markRead } = await openProgress();
    const { saveNote } = await import('../../src/stores/journal');
    browser.local.quotaExceeded = true;
    saveAttempt('orientation', attempt);
    saveNote('orientation/r1', { text: 'kept in memory', prompt: 'p', lesson: 'l', module: 'm', href: 'modules/orientation/a/' });
    await flush();
    expect($storageHealth.get()).toMatchObject({ saving: false, problem: 'quota' });

    browser.local.quotaExceeded = false;
    markRead('orientation/a');
    await flush();
    expect($storageHealth.get().saving).toBe(true);
    expect($storageHealth.get().problem).toBeUndefined();
    // What storage refused before is saved now, not only the change that succeeded.
    expect(stored(PROGRESS_KEY)!.checks.orientation?.attempts).toEqual([attempt]);
    expect(JSON.parse(browser.local.data.get('crosswalk:journal:default')!).entries['orientation/r1'].text).toBe('kept in memory');
    expect($progress.get().lessons['orientation/a']).toBeDefined();
  });

  test('"not saving" stays while something is still refused', async () => {
    const { $storageHealth, saveAttempt } = await openProgress();
    const { saveNote } = await import('../../src/stores/journal');
    browser.local.quotaExceeded = true;
    saveAttempt('orientation', attempt);
    await flush();
    // Room for a small value again, but not for progress.
    const realSet = browser.local.setItem.bind(browser.local);
    browser.local.quotaExceeded = false;
    browser.local.setItem = (key: string, value: string) => {
      if (key === PROGRESS_KEY) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      realSet(key, value);
    };
    saveNote('orientation/r1', { text: 'saved', prompt: 'p', lesson: 'l', module: 'm', href: 'modules/orientation/a/' });
    await flush();
    expect(browser.local.data.has('crosswalk:journal:default')).toBe(true);
    expect($storageHealth.get()).toMatchObject({ saving: false, problem: 'quota' });
  });

  test('a note refused while storage was full is saved later merged with what another tab wrote meanwhile, not over it', async () => {
    const { $storageHealth, markRead } = await openProgress();
    const { saveNote, journalKey, $journal } = await import('../../src/stores/journal');
    $journal.subscribe(() => undefined);
    browser.local.quotaExceeded = true;
    saveNote('orientation/r1', { text: 'mine', prompt: 'p', lesson: 'l', module: 'm', href: 'modules/orientation/a/' });
    await flush();
    // Another tab, with room (it freed some), saves a note of its own; this tab hears of it.
    const entry = { text: 'theirs', prompt: 'p', lesson: 'l', module: 'm', href: 'modules/orientation/b/', updatedAt: '2026-11-28T10:00:00.000Z' };
    const theirs = JSON.stringify({ version: 1, entries: { 'orientation/r2': entry } });
    browser.local.setFromElsewhere(journalKey('default'), theirs);
    browser.win.fireStorage(journalKey('default'), theirs);
    await flush();
    browser.local.quotaExceeded = false;
    markRead('orientation/a');
    await flush();
    const saved = JSON.parse(browser.local.data.get(journalKey('default'))!).entries;
    expect(Object.keys(saved).sort()).toEqual(['orientation/r1', 'orientation/r2']);
    expect($storageHealth.get().saving).toBe(true);
  });

  test('after a failed write, later changes build on the unsaved one rather than on the older saved copy', async () => {
    const { $progress, saveAttempt, markRead } = await openProgress();
    markRead('orientation/a');
    browser.local.quotaExceeded = true;
    saveAttempt('orientation', attempt);
    markRead('orientation/b');
    await flush();
    const state = $progress.get();
    expect(Object.keys(state.lessons).sort()).toEqual(['orientation/a', 'orientation/b']);
    expect(state.checks.orientation?.attempts).toHaveLength(1);
  });
});

// ---------------------------------------------------------------------------

describe('two tabs', () => {
  test("another tab's write is merged: this tab's attempt and the other tab's lesson both survive", async () => {
    const start = emptyProgress('e1');
    browser.local.setFromElsewhere(PROGRESS_KEY, canonicalJson(start));
    const { $progress, saveAttempt } = await openProgress();

    saveAttempt('orientation', attempt);
    // The other tab still held the old copy; it marks a lesson read and writes.
    const theirs = canonicalJson(markLessonRead(start, 'boundaries/saying-no', '2026-11-28T11:00:00.000Z'));
    browser.local.setFromElsewhere(PROGRESS_KEY, theirs);
    browser.win.fireStorage(PROGRESS_KEY, theirs);

    const state = $progress.get();
    expect(state.checks.orientation?.attempts).toEqual([attempt]);
    expect(state.lessons['boundaries/saying-no']).toBeDefined();

    // And the merge is written back, so the other tab gets our attempt too.
    await flush();
    const saved = stored(PROGRESS_KEY)!;
    expect(saved.checks.orientation?.passedAt).toBe(attempt.at);
    expect(saved.lessons['boundaries/saying-no']).toBeDefined();
  });

  test("a change made here after another tab wrote (without an event yet) keeps the other tab's write", async () => {
    const start = emptyProgress('e1');
    browser.local.setFromElsewhere(PROGRESS_KEY, canonicalJson(start));
    const { $progress, markRead } = await openProgress();
    browser.local.setFromElsewhere(PROGRESS_KEY, canonicalJson(markLessonRead(start, 'theirs', '2026-11-28T11:00:00.000Z')));
    markRead('mine');
    expect(Object.keys($progress.get().lessons).sort()).toEqual(['mine', 'theirs']);
    expect(Object.keys(stored(PROGRESS_KEY)!.lessons).sort()).toEqual(['mine', 'theirs']);
  });

  test("garbage written by another tab is set aside and does not wipe this tab's progress", async () => {
    const { $progress, $storageHealth, saveAttempt } = await openProgress();
    saveAttempt('orientation', attempt);
    browser.local.setFromElsewhere(PROGRESS_KEY, 'not json');
    browser.win.fireStorage(PROGRESS_KEY, 'not json');
    expect($progress.get().checks.orientation?.attempts).toEqual([attempt]);
    expect($storageHealth.get().quarantined.map((n) => n.key)).toContain(PROGRESS_KEY);
  });

  test('a reset in another tab is adopted here', async () => {
    const oldEpoch = `${(Date.now() - 60_000).toString(36)}x`;
    browser.local.setFromElsewhere(PROGRESS_KEY, canonicalJson(markLessonRead(emptyProgress(oldEpoch), 'orientation/a', '2026-11-01T10:00:00.000Z')));
    const { $progress } = await openProgress();
    expect($progress.get().lessons['orientation/a']).toBeDefined();
    const reset = canonicalJson(emptyProgress(`${Date.now().toString(36)}y`));
    browser.local.setFromElsewhere(PROGRESS_KEY, reset);
    browser.win.fireStorage(PROGRESS_KEY, reset);
    expect($progress.get().lessons).toEqual({});
  });

  test('after a reset here, an older copy written by another tab does not bring the old progress back', async () => {
    const oldEpoch = `${(Date.now() - 60_000).toString(36)}x`;
    const old = markLessonRead(emptyProgress(oldEpoch), 'orientation/a', '2026-11-01T10:00:00.000Z');
    browser.local.setFromElsewhere(PROGRESS_KEY, canonicalJson(old));
    const { $progress, resetProgress } = await openProgress();
    resetProgress();
    const theirs = canonicalJson(markLessonRead(old, 'orientation/b', '2026-11-02T10:00:00.000Z'));
    browser.local.setFromElsewhere(PROGRESS_KEY, theirs);
    browser.win.fireStorage(PROGRESS_KEY, theirs);
    await flush();
    expect($progress.get().lessons).toEqual({});
    expect(stored(PROGRESS_KEY)!.lessons).toEqual({});
  });

  test('after a reset here, a tab still holding progress migrated from v1 does not bring it back', async () => {
    browser.local.setFromElsewhere(PROGRESS_KEY, JSON.stringify({ version: 1, lessonsRead: ['orientation/a'], checks: {} }));
    const { $progress, resetProgress } = await openProgress();
    expect($progress.get().lessons['orientation/a']).toBeDefined();
    const migratedCopy = $progress.get();
    resetProgress();
    expect($progress.get().lessons).toEqual({});

    // The other tab loaded the same v1 save (so holds the same migrated copy) and now reads a lesson.
    const theirs = canonicalJson(markLessonRead(migratedCopy, 'orientation/b', '2026-11-02T10:00:00.000Z'));
    browser.local.setFromElsewhere(PROGRESS_KEY, theirs);
    browser.win.fireStorage(PROGRESS_KEY, theirs);
    await flush();
    expect($progress.get().lessons).toEqual({});
  });
});

// ---------------------------------------------------------------------------

describe('profiles', () => {
  test('progress saved in one profile is not visible in another, and is back on switching back', async () => {
    const { $progress, $profiles, markRead, saveAttempt, createProfile, setActiveProfile, progressKey } = await openProgress();
    markRead('orientation/a');
    saveAttempt('orientation', attempt);
    expect($progress.get().lessons['orientation/a']).toBeDefined();

    const created = createProfile('Sam');
    expect(created.ok).toBe(true);
    const samId = $profiles.get().activeId;
    expect(samId).not.toBe('default');
    expect($progress.get().lessons).toEqual({});
    expect($progress.get().checks).toEqual({});

    markRead('boundaries/saying-no');
    expect(Object.keys($progress.get().lessons)).toEqual(['boundaries/saying-no']);

    setActiveProfile('default');
    expect(Object.keys($progress.get().lessons)).toEqual(['orientation/a']);
    expect($progress.get().checks.orientation?.passedAt).toBe(attempt.at);

    setActiveProfile(samId);
    expect(Object.keys($progress.get().lessons)).toEqual(['boundaries/saying-no']);

    expect(progressKey(samId)).not.toBe(progressKey('default'));
    expect(Object.keys(stored(progressKey('default'))!.lessons)).toEqual(['orientation/a']);
    expect(Object.keys(stored(progressKey(samId))!.lessons)).toEqual(['boundaries/saying-no']);
    expect(stored(progressKey(samId))!.checks).toEqual({});
    expect(JSON.parse(browser.local.data.get(PROFILES_KEY)!).profiles.map((p: { name: string }) => p.name)).toEqual(['Me', 'Sam']);
  });

  test('deleting a profile removes its progress key and leaves the others alone', async () => {
    const { $profiles, markRead, createProfile, deleteProfile, progressKey } = await openProgress();
    markRead('orientation/a');
    createProfile('Sam');
    const samId = $profiles.get().activeId;
    markRead('boundaries/saying-no');
    expect(deleteProfile(samId).ok).toBe(true);
    expect(browser.local.data.has(progressKey(samId))).toBe(false);
    expect($profiles.get().activeId).toBe('default');
    expect(stored(progressKey('default'))!.lessons['orientation/a']).toBeDefined();
  });
});

// ---------------------------------------------------------------------------

describe('reset', () => {
  test('resetProgress starts a new epoch with nothing in it, in memory and in storage', async () => {
    const { $progress, markRead, saveAttempt, saveAnswer, resetProgress } = await openProgress();
    markRead('orientation/a');
    saveAttempt('orientation', attempt);
    saveAnswer('orientation/q1', ['a'], 'correct');
    const before = $progress.get();

    const after = resetProgress();
    expect(after.epoch).not.toBe(before.epoch);
    for (const state of [after, $progress.get(), stored(PROGRESS_KEY)!]) {
      expect(state).toMatchObject({ version: 2, epoch: after.epoch, lessons: {}, checks: {}, completions: {}, answers: {} });
      expect(state.lastVisit).toBeUndefined();
    }
  });

  test('progress made after a reset is kept', async () => {
    const { $progress, markRead, resetProgress } = await openProgress();
    markRead('orientation/a');
    resetProgress();
    markRead('orientation/b');
    await flush();
    expect(Object.keys($progress.get().lessons)).toEqual(['orientation/b']);
    expect(Object.keys(stored(PROGRESS_KEY)!.lessons)).toEqual(['orientation/b']);
  });
});

// ---------------------------------------------------------------------------

describe('team and assignment stores', () => {
  const record = {
    learner: 'Sam',
    learnerId: 'sam0000001',
    issued: '2026-11-20T10:00:00.000Z',
    course: 'c1',
    modules: [{ id: 'orientation', status: 'complete', lessonsRead: 3, lessonsTotal: 3, best: 90 }],
  };

  test('unreadable team data is set aside with a notice, and the team starts empty', async () => {
    browser.local.setFromElsewhere('crosswalk:team', '{"version":1,"records":[');
    const { $team } = await import('../../src/stores/team');
    const { $storageHealth } = await import('../../src/stores/storage');
    $team.subscribe(() => undefined);
    expect($team.get().records).toEqual([]);
    expect(browser.local.data.get('crosswalk:quarantine:crosswalk:team')).toContain('{\\"version\\":1,\\"records\\":[');
    expect($storageHealth.get().quarantined.map((n) => n.key)).toEqual(['crosswalk:team']);
  });

  test('importing writes only when something was added, and delete-all leaves no record behind', async () => {
    const { importRecords, deleteAllTeamData, $team } = await import('../../src/stores/team');
    const { recordCode } = await import('../../src/lib/supervisor/record');
    $team.subscribe(() => undefined);
    const bad = importRecords([{ source: 'a', text: 'R1.nonsense.x' }]);
    expect(bad).toEqual([{ source: 'a', ok: false, message: expect.any(String) }]);
    expect(browser.local.firstWrite('crosswalk:team')).toBe(-1);
    const good = importRecords([{ source: 'b', text: recordCode(record as never) }]);
    expect(good).toEqual([{ source: 'b', ok: true, learner: 'Sam', outcome: 'added', record: expect.objectContaining({ learnerId: 'sam0000001' }) }]);
    expect(JSON.parse(browser.local.data.get('crosswalk:team')!).records).toHaveLength(1);
    deleteAllTeamData();
    // Only the time of the deletion stays (so another tab cannot write the records back): no names.
    const left = browser.local.data.get('crosswalk:team')!;
    expect(JSON.parse(left)).toEqual({ version: 1, records: [], clearedAt: expect.any(String) });
    expect(left).not.toContain('Sam');
    expect($team.get().records).toEqual([]);
  });

  test('the learner id is saved the first time it is used and then stays the same', async () => {
    const { learnerId, $assigned } = await import('../../src/stores/assigned');
    $assigned.subscribe(() => undefined);
    const first = learnerId();
    expect(first).toMatch(/^[a-z0-9]{10}$/);
    expect(JSON.parse(browser.local.data.get('crosswalk:assigned:default')!).learnerId).toBe(first);
    vi.resetModules();
    const again = await import('../../src/stores/assigned');
    again.$assigned.subscribe(() => undefined);
    expect(again.learnerId()).toBe(first);
  });
});

describe('parts that show stored state load when something is stored (issue 20)', () => {
  test('nothing of a learner stored (the theme is not): they wait; another tab stores a record: they load, once', async () => {
    browser.local.data.set('crosswalk:theme', 'dark');
    const { hasStoredRecords, whenStoredRecords } = await openStores();
    expect(hasStoredRecords()).toBe(false);
    let loads = 0;
    whenStoredRecords(() => loads++);
    expect(loads).toBe(0);
    browser.win.fireStorage('crosswalk:theme', 'light');
    browser.win.fireStorage(PROGRESS_KEY, null);
    expect(loads, 'a theme change or a removal is no record').toBe(0);
    browser.local.setFromElsewhere(PROGRESS_KEY, '{}');
    browser.win.fireStorage(PROGRESS_KEY, '{}');
    browser.win.fireStorage(PROFILES_KEY, '{}');
    expect(loads).toBe(1);
  });

  test("this page's own first record (a scenario ending played on a module page) loads them too", async () => {
    const { whenStoredRecords, $progress, saveScenarioEnding } = { ...(await openStores()), ...(await import('../../src/stores/progress')) };
    let loads = 0;
    whenStoredRecords(() => loads++);
    $progress.subscribe(() => {});
    saveScenarioEnding('orientation', 'ending-a');
    await flush();
    expect(loads).toBe(1);
  });

  test('something already stored: they load at once; storage that cannot be read: they wait, and memory writes still count', async () => {
    browser.local.data.set(PROFILES_KEY, '{}');
    let { whenStoredRecords } = await openStores();
    let loads = 0;
    whenStoredRecords(() => loads++);
    expect(loads).toBe(1);

    vi.resetModules();
    browser = { local: new FakeStorage(), session: new FakeStorage(), win: new FakeWindow() };
    browser.local.securityError = true;
    vi.stubGlobal('window', browser.win);
    vi.stubGlobal('localStorage', browser.local);
    vi.stubGlobal('sessionStorage', browser.session);
    const stores = await openStores();
    ({ whenStoredRecords } = stores);
    loads = 0;
    whenStoredRecords(() => loads++);
    expect(loads).toBe(0);
    stores.writeKey(PROGRESS_KEY, '{}');
    expect(loads).toBe(1);
  });
});
