/**
 * Two tabs on one profile, as a browser runs them: each tab has its own copy of the stores and
 * its own view of localStorage, which learns of the other tab's writes a moment later, with a
 * storage event (as a renderer's storage cache does). Both tabs save journal notes, accept
 * assignments, import team records and save progress at once; afterwards every write is in both
 * tabs and in storage, and the tabs stop writing after a bounded number of writes.
 */
import { afterAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { canonicalJson } from '../../src/lib/encoding/canonical-json';
import { emptyProgress, recordAnswer, recordVisit, type ProgressState } from '../../src/lib/learner/progress';
import { recordCode, type CompletionRecord } from '../../src/lib/supervisor/record';
import type { Assignment } from '../../src/lib/supervisor/assignment';
import { loadStoredDeck } from '../../src/lib/learner/packed-deck';

type Listener = (event: unknown) => void;

class TabWindow {
  readonly listeners = new Map<string, Set<Listener>>();
  addEventListener(type: string, cb: Listener) {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)!.add(cb);
  }
  removeEventListener(type: string, cb: Listener) {
    this.listeners.get(type)?.delete(cb);
  }
  fire(type: string, event: unknown) {
    for (const cb of [...(this.listeners.get(type) ?? [])]) cb(event);
  }
}

/** The browser's one copy of the origin's storage, and the tabs that see it. */
class Origin {
  readonly data = new Map<string, string>();
  readonly tabs: { win: TabWindow; cache: Map<string, string> }[] = [];
  /** Writes that changed a value (the probe each page makes at start is not counted). */
  writes = 0;
  /** Changes on their way to other tabs. */
  inFlight = 0;

  /** A tab's localStorage: reads its own cache; a change reaches the others on a later task, with an event. */
  storageFor(win: TabWindow) {
    const cache = new Map(this.data);
    this.tabs.push({ win, cache });
    const change = (key: string, value: string | null) => {
      const old = cache.get(key) ?? null;
      // A browser neither stores nor announces a value equal to the one it holds.
      if (old === value) return;
      if (value === null) cache.delete(key);
      else cache.set(key, value);
      if (key !== 'crosswalk:probe') this.writes++;
      this.inFlight++;
      setTimeout(() => {
        this.inFlight--;
        if (value === null) this.data.delete(key);
        else this.data.set(key, value);
        for (const tab of this.tabs) {
          if (tab.win === win) continue;
          if (value === null) tab.cache.delete(key);
          else tab.cache.set(key, value);
          tab.win.fire('storage', { key, oldValue: old, newValue: value });
        }
      }, 0);
    };
    return {
      getItem: (key: string) => cache.get(key) ?? null,
      setItem: (key: string, value: string) => change(key, String(value)),
      removeItem: (key: string) => change(key, null),
      key: (i: number) => [...cache.keys()][i] ?? null,
      get length() {
        return cache.size;
      },
      clear: () => [...cache.keys()].forEach((k) => change(k, null)),
    };
  }

  /** Runs tasks until no change is on its way (and fails if that never happens: a write loop). */
  async settle(limit = 300) {
    for (let ticks = 0, quiet = 0; quiet < 3; ticks++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      quiet = this.inFlight === 0 ? quiet + 1 : 0;
      if (ticks > limit) throw new Error(`the tabs never settled: ${this.writes} writes so far`);
    }
  }
}

const memoryStorage = () => {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), removeItem: (k: string) => void data.delete(k), key: (i: number) => [...data.keys()][i] ?? null, get length() { return data.size; } };
};

let origin: Origin;

beforeEach(() => {
  origin = new Origin();
});

afterAll(async () => {
  // Stores unmount one second after their last listener goes, and then talk to window.
  await new Promise((resolve) => setTimeout(resolve, 1100));
  vi.unstubAllGlobals();
});

// @nanostores/persistent keeps its storage engine in a module variable, and vi.resetModules does
// not reload packages: each tab loads its own copy (a module URL with a query is a new module).
const persistentUrl = new URL('../../node_modules/@nanostores/persistent/index.js', import.meta.url).href;
let tabs = 0;

/** A tab: fresh copies of the store modules, bound to their own window and view of storage, and listening. */
async function openTab() {
  vi.resetModules();
  const copy = `${persistentUrl}?tab=${++tabs}`;
  vi.doMock('@nanostores/persistent', () => import(/* @vite-ignore */ copy));
  const win = new TabWindow();
  vi.stubGlobal('window', win);
  vi.stubGlobal('localStorage', origin.storageFor(win));
  vi.stubGlobal('sessionStorage', memoryStorage());
  const tab = {
    ...(await import('../../src/stores/journal')),
    ...(await import('../../src/stores/assigned')),
    ...(await import('../../src/stores/team')),
    ...(await import('../../src/stores/progress')),
    ...(await import('../../src/stores/storage')),
    ...(await import('../../src/stores/profiles')),
    ...(await import('../../src/stores/review')),
  };
  // Stores are lazy until someone listens; a page's islands listen.
  for (const store of [tab.$journal, tab.$assigned, tab.$team, tab.$progress, tab.$profiles, tab.$deck]) (store as { subscribe: (cb: () => void) => void }).subscribe(() => undefined);
  return tab;
}

const note = (text: string, id: string) => ({ text, prompt: 'Think of a time…', lesson: 'A lesson', module: 'Orientation', href: `modules/orientation/${id}/` });
const assignment = (id: string): Assignment => ({ id, by: 'Ana', modules: ['orientation'], due: '2026-12-15', created: '2026-11-28' });
const record = (learnerId: string): CompletionRecord => ({
  learner: `Learner ${learnerId}`,
  learnerId,
  issued: '2026-11-20T10:00:00.000Z',
  course: 'c1',
  modules: [{ id: 'orientation', status: 'complete', lessonsRead: 3, lessonsTotal: 3, best: 90 }],
});

const stored = (key: string) => JSON.parse(origin.data.get(key)!) as Record<string, unknown>;

describe('two tabs on one profile', () => {
  test('journal notes, accepted assignments and team imports made in both at once are all kept, in both tabs, and the writing stops', async () => {
    const a = await openTab();
    const b = await openTab();
    const N = 8;
    // Each tab makes its changes before it hears of the other's (the same few milliseconds).
    for (let i = 0; i < N; i++) {
      for (const [tab, name] of [[a, 'a'], [b, 'b']] as const) {
        expect(tab.saveNote(`orientation/${name}${i}`, note(`${name} note ${i}`, `${name}${i}`)).ok).toBe(true);
        tab.accept(assignment(`${name}assign${i}`));
        const [result] = tab.importRecords([{ source: 'file', text: recordCode(record(`${name}learner${i}`)) }]);
        expect(result).toMatchObject({ ok: true, outcome: 'added' });
      }
    }
    await origin.settle();

    const notes = [...Array(N).keys()].flatMap((i) => [`orientation/a${i}`, `orientation/b${i}`]).sort();
    const assignments = [...Array(N).keys()].flatMap((i) => [`aassign${i}`, `bassign${i}`]).sort();
    const learners = [...Array(N).keys()].flatMap((i) => [`alearner${i}`, `blearner${i}`]).sort();
    for (const tab of [a, b]) {
      expect(Object.keys(tab.$journal.get().entries).sort()).toEqual(notes);
      expect(tab.$assigned.get().items.map((item) => item.assignment.id).sort()).toEqual(assignments);
      expect(tab.$team.get().records.map((r) => r.learnerId).sort()).toEqual(learners);
    }
    expect(Object.keys(stored('crosswalk:journal:default').entries as object).sort()).toEqual(notes);
    expect((stored('crosswalk:assigned:default').items as { assignment: Assignment }[]).map((item) => item.assignment.id).sort()).toEqual(assignments);
    expect((stored('crosswalk:team').records as CompletionRecord[]).map((r) => r.learnerId).sort()).toEqual(learners);
    // Both tabs hold one learner id, the stored one.
    expect(a.learnerId()).toBe(b.learnerId());
    expect(a.learnerId()).toBe(stored('crosswalk:assigned:default').learnerId);

    // 6N changes were made. A tab answers a copy that lacks part of its own with one write of the
    // merge; the answers stop once both hold the same. Bounded, and nothing more once settled.
    expect(origin.writes).toBeLessThanOrEqual(4 * 6 * N);
    const settled = origin.writes;
    await origin.settle();
    expect(origin.writes).toBe(settled);
  });

  test('profiles added, renamed and removed in both tabs at once, and reviews rated in both, are all kept, and the writing stops', async () => {
    const a = await openTab();
    const b = await openTab();
    // A profile both tabs know, to remove in one and rename in neither.
    expect(a.createProfile('Shared', false).ok).toBe(true);
    await origin.settle();
    const shared = b.$profiles.get().profiles.find((p) => p.name === 'Shared')!;
    expect(shared).toBeDefined();

    const N = 6;
    for (let i = 0; i < N; i++) {
      expect(a.createProfile(`A${i}`, false).ok).toBe(true);
      expect(b.createProfile(`B${i}`, false).ok).toBe(true);
      // Each tab rates its own cards on the default profile's deck, before hearing of the other's.
      expect(a.rateReview(`orientation/qa${i}`, 'good')).toBe(true);
      expect(b.rateReview(`orientation/qb${i}`, 'hard')).toBe(true);
    }
    expect(a.renameActiveProfile('Me, renamed').ok).toBe(true);
    expect(b.deleteProfile(shared.id).ok).toBe(true);
    await origin.settle();

    const names = ['Me, renamed', ...[...Array(N).keys()].flatMap((i) => [`A${i}`, `B${i}`])].sort();
    const cards = [...Array(N).keys()].flatMap((i) => [`orientation/qa${i}`, `orientation/qb${i}`]).sort();
    for (const tab of [a, b]) {
      expect(tab.$profiles.get().profiles.map((p) => p.name).sort()).toEqual(names);
      expect(tab.$profiles.get().activeId).toBe('default');
      expect(Object.keys(tab.$deck.get().cards).sort()).toEqual(cards);
    }
    expect((stored('crosswalk:profiles').profiles as { name: string }[]).map((p) => p.name).sort()).toEqual(names);
    const deck = loadStoredDeck(stored('crosswalk:review:default'));
    expect(deck.ok && Object.keys(deck.deck.cards).sort()).toEqual(cards);

    const settled = origin.writes;
    await origin.settle();
    expect(origin.writes).toBe(settled);
  });

  test('a switch of profile in one tab follows into the other; a removal of the active profile elsewhere falls back to one that remains', async () => {
    const a = await openTab();
    const b = await openTab();
    const sam = a.createProfile('Sam', false);
    expect(sam.ok).toBe(true);
    await origin.settle();
    const samId = sam.ok ? sam.profile!.id : '';
    expect(b.setActiveProfile(samId).ok).toBe(true);
    await origin.settle();
    expect(a.$profiles.get().activeId).toBe(samId);
    expect(a.deleteProfile(samId).ok).toBe(true);
    await origin.settle();
    for (const tab of [a, b]) {
      expect(tab.$profiles.get().profiles.map((p) => p.id)).toEqual(['default']);
      expect(tab.$profiles.get().activeId).toBe('default');
    }
  });

  test('a note deleted in one tab stays deleted after the other tab, still holding it, saves another note', async () => {
    const a = await openTab();
    const b = await openTab();
    a.saveNote('orientation/kept', note('kept', 'kept'));
    a.saveNote('orientation/gone', note('to delete', 'gone'));
    await origin.settle();
    expect(Object.keys(b.$journal.get().entries).sort()).toEqual(['orientation/gone', 'orientation/kept']);
    a.deleteNote('orientation/gone');
    b.saveNote('orientation/new', note('new', 'new'));
    await origin.settle();
    for (const tab of [a, b]) expect(Object.keys(tab.$journal.get().entries).sort()).toEqual(['orientation/kept', 'orientation/new']);
  });

  test('progress copies that share timestamps settle: both tabs hold one merge, and the writing stops', async () => {
    const a = await openTab();
    const b = await openTab();
    const at = '2026-01-01T00:00:00.000Z';
    // The same instants, different content: a merge that picked by argument order would make each
    // tab's result differ from the other's, and the two would rewrite storage for ever.
    const mine: ProgressState = recordVisit(recordAnswer(emptyProgress(), 'm1/q1', ['a'], 'correct', at), { lessonId: 'm1/l1', title: 'One', moduleTitle: 'M1', at });
    const theirs: ProgressState = recordVisit(recordAnswer(emptyProgress(), 'm1/q1', ['b'], 'incorrect', at), { lessonId: 'm1/l2', title: 'Two', moduleTitle: 'M1', at });
    a.writeProgress('default', mine);
    b.writeProgress('default', theirs);
    for (let i = 0; i < 5; i++) {
      a.markRead(`m1/a${i}`);
      b.markRead(`m1/b${i}`);
    }
    const before = origin.writes;
    await origin.settle();
    expect(canonicalJson(a.$progress.get())).toBe(canonicalJson(b.$progress.get()));
    expect(Object.keys(a.$progress.get().lessons)).toHaveLength(10);
    expect(origin.writes - before).toBeLessThanOrEqual(3 * 12);
    const settled = origin.writes;
    await origin.settle();
    expect(origin.writes).toBe(settled);
  });

  test('a tab does not write when storage already holds what it would write', async () => {
    const a = await openTab();
    const b = await openTab();
    a.saveNote('orientation/one', note('one', 'one'));
    a.markRead('m1/l1');
    await origin.settle();
    const before = origin.writes;
    // Tab b saves the note again (a new save time: one write); tab a, merging it, has nothing to add.
    b.saveNote('orientation/one', note('one', 'one'));
    await origin.settle();
    expect(origin.writes - before).toBe(1);
    const after = origin.writes;
    a.markRead('m1/l1');
    await origin.settle();
    expect(origin.writes).toBe(after);
  });
});
