/**
 * Every store's merge (another tab's write, an imported backup) is commutative, associative and
 * idempotent, and never loses a write: tabs that merge each other's copies in any order reach
 * the same state, so they also stop writing (tests/unit/two-tabs.test.ts).
 *
 * Copies are drawn from small alphabets of ids and a handful of instants, so two copies often
 * hold the same id saved at the same moment: the ties where an order-dependent merge goes wrong.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { canonicalJson } from '../../src/lib/encoding/canonical-json';
import { compareInstants, mergeIdMaps, type IdMap } from '../../src/lib/encoding/id-map';
import { emptyProgress, mergeProgress, progressSchema, recordAnswer, syncIncoming, type ProgressState } from '../../src/lib/learner/progress';
import { deleteAllEntries, deleteEntry, emptyJournal, loadJournal, mergeJournals, saveEntry, type Journal } from '../../src/lib/learner/journal';
import { acceptAssignment, emptyAssigned, loadAssigned, mergeAssigned, removeAssignment, savedAssigned, type AssignedState } from '../../src/lib/learner/assigned';
import { clearTeam, emptyTeam, loadTeam, mergeRecord, mergeTeams, removeRecord, type TeamState } from '../../src/lib/supervisor/team';
import type { Assignment } from '../../src/lib/supervisor/assignment';
import { addEntries, clearRoster, decide, emptyRoster, linkLearner, loadRoster, mergeRosters, removeEntry, type RosterState } from '../../src/lib/supervisor/roster';
import type { CompletionRecord } from '../../src/lib/supervisor/record';
import { emptyDeck, loadDeck, mergeDecks, rateCard } from '../../src/lib/learner/review';
import { addProfile, defaultProfiles, mergeProfiles, profilesSchema, removeProfile, renameProfile, switchProfile, type Profiles } from '../../src/lib/learner/profiles';
import { coarseDateArb, progressArb } from './progress-arbitraries';

function same(x: unknown, y: unknown): void {
  expect(canonicalJson(x)).toBe(canonicalJson(y));
}

/** The three laws, for any merge and any generator of copies. */
function laws<T>(name: string, arb: fc.Arbitrary<T>, merge: (a: T, b: T) => T, runs = 300) {
  describe(name, () => {
    test('commutative: A ⊕ B = B ⊕ A', () => {
      fc.assert(fc.property(arb, arb, (a, b) => {
        same(merge(a, b), merge(b, a));
      }), { numRuns: runs });
    });
    test('associative: (A ⊕ B) ⊕ C = A ⊕ (B ⊕ C)', () => {
      fc.assert(fc.property(arb, arb, arb, (a, b, c) => {
        same(merge(merge(a, b), c), merge(a, merge(b, c)));
      }), { numRuns: runs });
    });
    test('idempotent: A ⊕ A = A, and merging a merge again changes nothing', () => {
      fc.assert(
        fc.property(arb, arb, (a, b) => {
          same(merge(a, a), a);
          const ab = merge(a, b);
          same(merge(ab, ab), ab);
          same(merge(ab, b), ab);
        }),
        { numRuns: runs },
      );
    });
  });
}

// ---------------------------------------------------------------------------
// Progress

describe('progress', () => {
  // Arbitrary copies are shaped as the app keeps them; a merge's result always is.
  const kept = progressArb(fc.constant('e1'), coarseDateArb).map((s) => mergeProgress(s, s));
  laws('mergeProgress, copies of one epoch with shared timestamps', kept, mergeProgress);

  const epochs = progressArb(fc.constantFrom('0', 'k1', 'k2'), coarseDateArb).map((s) => mergeProgress(s, s));
  laws('syncIncoming, copies of any epoch (a newer reset wins, one epoch merges)', epochs, syncIncoming);

  test('two copies with the same timestamp give one result in either order (the issue: 758 of 1,000 differed)', () => {
    let differ = 0;
    fc.assert(
      fc.property(progressArb(fc.constant('e1'), coarseDateArb), progressArb(fc.constant('e1'), coarseDateArb), (a, b) => {
        if (canonicalJson(mergeProgress(a, b)) !== canonicalJson(mergeProgress(b, a))) differ++;
      }),
      { numRuns: 1000 },
    );
    expect(differ).toBe(0);
  });

  test('an answer given in each tab at the same instant: both tabs keep the same one', () => {
    const at = '2026-01-01T00:00:00.000Z';
    const a = recordAnswer(emptyProgress('e1'), 'm1/q1', ['a'], 'correct', at);
    const b = recordAnswer(emptyProgress('e1'), 'm1/q1', ['b'], 'incorrect', at);
    same(mergeProgress(a, b).answers, mergeProgress(b, a).answers);
  });

  test('a merge is a valid state, even with "__proto__" as an id', () => {
    // JSON.parse makes "__proto__" an own key, as a stored value read back would have it.
    const a = JSON.parse('{"version":2,"epoch":"e1","lessons":{"__proto__":{"readAt":"2026-01-01T00:00:00.000Z"}},"checks":{},"completions":{},"answers":{}}') as ProgressState;
    const merged = mergeProgress(a, emptyProgress('e1'));
    expect(Object.keys(merged.lessons)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(merged.lessons)).toBe(Object.prototype);
    expect(progressSchema.safeParse(merged).success).toBe(true);
  });
});

// ---------------------------------------------------------------------------
// Id maps (the register every other store's merge is built on)

const IDS = ['a/one', 'a/two', 'b/one'] as const;

const idMapArb: fc.Arbitrary<IdMap<{ at: string; text: string }>> = fc.record(
  {
    saved: fc.dictionary(fc.constantFrom(...IDS), fc.record({ at: coarseDateArb, text: fc.constantFrom('x', 'y', 'z') }), { noNullPrototype: true }),
    deleted: fc.dictionary(fc.constantFrom(...IDS), coarseDateArb, { noNullPrototype: true }),
    clearedAt: coarseDateArb,
  },
  { requiredKeys: ['saved', 'deleted'], noNullPrototype: true },
);

describe('id maps', () => {
  const merge = (a: IdMap<{ at: string; text: string }>, b: IdMap<{ at: string; text: string }>) => mergeIdMaps(a, b, (v) => v.at);
  // Any two maps commute and associate; a map already merged is unchanged by merging again.
  laws('mergeIdMaps', idMapArb.map((m) => merge(m, m)), merge);

  test('compareInstants is a total order: antisymmetric and transitive, on dates in any spelling and on text that is no date', () => {
    const instant = fc.oneof(coarseDateArb, coarseDateArb.map((d) => d.replace('.000Z', 'Z')), fc.constantFrom('', 'x', 'not a date'));
    fc.assert(
      fc.property(instant, instant, instant, (a, b, c) => {
        expect(Math.sign(compareInstants(a, b)) + Math.sign(compareInstants(b, a))).toBe(0);
        if (compareInstants(a, b) <= 0 && compareInstants(b, c) <= 0) expect(compareInstants(a, c)).toBeLessThanOrEqual(0);
        if (compareInstants(a, b) === 0) expect(a).toBe(b);
      }),
    );
  });
});

// ---------------------------------------------------------------------------
// Journal

const NOTE_IDS = ['orientation/r1', 'orientation/r2', 'duty-01/r1'] as const;
const base = { prompt: 'Think of a time…', lesson: 'A lesson', module: 'A module', href: 'modules/orientation/a-lesson/#reflect-r1' };

type JournalOp = { kind: 'save'; id: string; text: string; at: string } | { kind: 'delete'; id: string; at: string } | { kind: 'clear'; at: string };

const journalOpArb: fc.Arbitrary<JournalOp> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('save' as const), id: fc.constantFrom(...NOTE_IDS), text: fc.constantFrom('one', 'two', 'three', ''), at: coarseDateArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), id: fc.constantFrom(...NOTE_IDS), at: coarseDateArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('clear' as const), at: coarseDateArb }) },
);

function applyJournal(journal: Journal, op: JournalOp): Journal {
  if (op.kind === 'clear') return deleteAllEntries(journal, op.at);
  if (op.kind === 'delete') return deleteEntry(journal, op.id, op.at);
  const result = saveEntry(journal, op.id, { ...base, text: op.text }, op.at);
  return result.ok ? result.journal : journal;
}

/** A journal as a tab builds it: a common start, then its own saves and deletions. */
const journalArb = fc.array(journalOpArb, { maxLength: 8 }).map((ops) => ops.reduce(applyJournal, emptyJournal()));

describe('journal', () => {
  laws('mergeJournals', journalArb, mergeJournals);

  test('a note saved in one tab and a different note saved in the other both survive, in either order', () => {
    fc.assert(
      fc.property(journalArb, fc.constantFrom(...NOTE_IDS), fc.constantFrom(...NOTE_IDS), coarseDateArb, (start, x, y, at) => {
        fc.pre(x !== y);
        const mine = applyJournal(start, { kind: 'save', id: x, text: 'mine', at });
        const theirs = applyJournal(start, { kind: 'save', id: y, text: 'theirs', at });
        for (const merged of [mergeJournals(mine, theirs), mergeJournals(theirs, mine)]) {
          expect(merged.entries[x]?.text).toBe('mine');
          expect(merged.entries[y]?.text).toBe('theirs');
        }
      }),
    );
  });

  test('a note deleted in one tab does not come back from a tab that still holds it; a note saved after a deletion survives it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NOTE_IDS), coarseDateArb, (id, at) => {
        const start = applyJournal(emptyJournal(), { kind: 'save', id, text: 'old', at });
        const deleted = deleteEntry(start, id, at);
        expect(mergeJournals(start, deleted).entries[id]).toBeUndefined();
        expect(mergeJournals(deleted, start).entries[id]).toBeUndefined();
        const cleared = deleteAllEntries(start, at);
        expect(mergeJournals(start, cleared).entries).toEqual({});
        // Saved again afterwards, in the tab that deleted it: the save wins every merge.
        const again = applyJournal(cleared, { kind: 'save', id, text: 'new', at });
        expect(mergeJournals(start, again).entries[id]?.text).toBe('new');
        expect(mergeJournals(deleted, again).entries[id]?.text).toBe('new');
      }),
    );
  });

  test('what a merge keeps reads back the same from storage', () => {
    fc.assert(
      fc.property(journalArb, journalArb, (a, b) => {
        const merged = mergeJournals(a, b);
        const loaded = loadJournal(JSON.parse(JSON.stringify(merged)));
        expect(loaded.ok && loaded.dropped).toBe(0);
        if (loaded.ok) same(loaded.journal, merged);
      }),
    );
  });
});

// ---------------------------------------------------------------------------
// Accepted assignments

const ASSIGNMENT_IDS = ['k3v9q1ab', 'later0001', 'third0001'] as const;
const assignment = (id: string, due: string): Assignment => ({ id, by: 'Ana', modules: ['m1'], due, created: '2026-11-28' });

type AssignedOp = { kind: 'accept'; id: string; due: string; at: string } | { kind: 'dismiss'; id: string; at: string };

const assignedOpArb: fc.Arbitrary<AssignedOp> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('accept' as const), id: fc.constantFrom(...ASSIGNMENT_IDS), due: fc.constantFrom('2026-12-01', '2026-12-15'), at: coarseDateArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('dismiss' as const), id: fc.constantFrom(...ASSIGNMENT_IDS), at: coarseDateArb }) },
);

function applyAssigned(state: AssignedState, op: AssignedOp): AssignedState {
  return op.kind === 'accept' ? acceptAssignment(state, assignment(op.id, op.due), op.at).state : removeAssignment(state, op.id, op.at);
}

/** A list as a tab builds it: its own learner id (saved or not yet), then its own acceptances and dismissals. */
const assignedArb = fc
  .tuple(fc.constantFrom('learner01', 'learner02', 'learner03'), fc.boolean(), fc.array(assignedOpArb, { maxLength: 6 }))
  .map(([id, saved, ops]) => ops.reduce(applyAssigned, saved ? savedAssigned(emptyAssigned(id)) : emptyAssigned(id)));

describe('accepted assignments', () => {
  laws('mergeAssigned', assignedArb, mergeAssigned);

  test('an assignment accepted in each tab: both are kept', () => {
    fc.assert(
      fc.property(assignedArb, coarseDateArb, (start, at) => {
        const mine = applyAssigned(start, { kind: 'accept', id: 'k3v9q1ab', due: '2026-12-01', at });
        const theirs = applyAssigned(start, { kind: 'accept', id: 'later0001', due: '2026-12-01', at });
        const ids = mergeAssigned(mine, theirs).items.map((i) => i.assignment.id);
        expect(ids).toContain('k3v9q1ab');
        expect(ids).toContain('later0001');
      }),
    );
  });

  test('a saved learner id is never replaced by another tab’s unsaved default', () => {
    const saved = savedAssigned(emptyAssigned('zzzzzz99'));
    const fresh = emptyAssigned('aaaaaa11');
    expect(mergeAssigned(saved, fresh).learnerId).toBe('zzzzzz99');
    expect(mergeAssigned(fresh, saved).learnerId).toBe('zzzzzz99');
    expect(mergeAssigned(fresh, saved).unsaved).toBeUndefined();
  });

  test('a dismissed assignment stays dismissed after merging with a tab that still holds it', () => {
    const start = applyAssigned(savedAssigned(emptyAssigned('learner01')), { kind: 'accept', id: 'k3v9q1ab', due: '2026-12-01', at: '2026-01-01T00:00:00.000Z' });
    const dismissed = removeAssignment(start, 'k3v9q1ab', '2026-01-01T00:00:00.000Z');
    expect(mergeAssigned(start, dismissed).items).toEqual([]);
    expect(mergeAssigned(dismissed, start).items).toEqual([]);
  });

  test('what a merge keeps reads back the same from storage', () => {
    fc.assert(
      fc.property(assignedArb, assignedArb, (a, b) => {
        const merged = savedAssigned(mergeAssigned(a, b));
        const loaded = loadAssigned(JSON.parse(JSON.stringify(merged)), 'fallback1');
        expect(loaded.ok && loaded.dropped).toBe(0);
        if (loaded.ok) same(loaded.state, merged);
      }),
    );
  });
});

// ---------------------------------------------------------------------------
// Team records

const LEARNER_IDS = ['sam00001', 'ana00001', 'zoe00001'] as const;
const record = (learnerId: string, issued: string): CompletionRecord => ({
  learner: 'Sam',
  learnerId,
  issued,
  course: 'c1',
  modules: [{ id: 'orientation', status: 'complete', lessonsRead: 3, lessonsTotal: 3, best: 90 }],
});

type TeamOp = { kind: 'import'; id: string; issued: string; at: string } | { kind: 'remove'; id: string; at: string } | { kind: 'clear'; at: string };

const teamOpArb: fc.Arbitrary<TeamOp> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('import' as const), id: fc.constantFrom(...LEARNER_IDS), issued: coarseDateArb, at: coarseDateArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('remove' as const), id: fc.constantFrom(...LEARNER_IDS), at: coarseDateArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('clear' as const), at: coarseDateArb }) },
);

function applyTeam(team: TeamState, op: TeamOp): TeamState {
  if (op.kind === 'clear') return clearTeam(team, op.at);
  if (op.kind === 'remove') return removeRecord(team, op.id, op.at);
  return mergeRecord(team, record(op.id, op.issued), op.at).team;
}

const teamArb = fc.array(teamOpArb, { maxLength: 8 }).map((ops) => ops.reduce(applyTeam, emptyTeam()));

describe('team records', () => {
  laws('mergeTeams', teamArb, mergeTeams);

  test('a record imported in each tab (two learners): both are kept, in either order', () => {
    fc.assert(
      fc.property(teamArb, coarseDateArb, (start, at) => {
        const mine = applyTeam(start, { kind: 'import', id: 'sam00001', issued: '2035-01-01T00:00:00.000Z', at });
        const theirs = applyTeam(start, { kind: 'import', id: 'ana00001', issued: '2035-01-01T00:00:00.000Z', at });
        for (const merged of [mergeTeams(mine, theirs), mergeTeams(theirs, mine)]) {
          expect(merged.records.map((r) => r.learnerId)).toEqual(expect.arrayContaining(['ana00001', 'sam00001']));
        }
      }),
    );
  });

  test('a learner removed in one tab does not come back from a tab that still shows them; imported again, they do', () => {
    const at = '2026-01-01T00:00:00.000Z';
    const start = applyTeam(emptyTeam(), { kind: 'import', id: 'sam00001', issued: at, at });
    const removed = removeRecord(start, 'sam00001', at);
    expect(mergeTeams(start, removed).records).toEqual([]);
    expect(mergeTeams(removed, start).records).toEqual([]);
    const cleared = clearTeam(start, at);
    expect(mergeTeams(start, cleared).records).toEqual([]);
    expect(JSON.stringify(cleared)).not.toContain('sam00001');
    const again = applyTeam(cleared, { kind: 'import', id: 'sam00001', issued: at, at });
    expect(mergeTeams(start, again).records.map((r) => r.learnerId)).toEqual(['sam00001']);
  });

  test('what a merge keeps reads back the same from storage', () => {
    fc.assert(
      fc.property(teamArb, teamArb, (a, b) => {
        const merged = mergeTeams(a, b);
        const loaded = loadTeam(JSON.parse(JSON.stringify(merged)));
        expect(loaded.ok && loaded.dropped).toBe(0);
        if (loaded.ok) same(loaded.team, merged);
      }),
    );
  });
});

// ---------------------------------------------------------------------------
// Review deck

const CARD_IDS = ['orientation/q1', 'orientation/q2', 'duty-01/q1'] as const;
const RATINGS = ['again', 'hard', 'good', 'easy'] as const;

type DeckOp = { id: string; rating: (typeof RATINGS)[number]; at: string };
const deckOpArb: fc.Arbitrary<DeckOp> = fc.record({ id: fc.constantFrom(...CARD_IDS), rating: fc.constantFrom(...RATINGS), at: coarseDateArb });

/** A deck as a tab builds it: reviews rated in any order of time (a clock set back included). */
const deckArb = fc.array(deckOpArb, { maxLength: 8 }).map((ops) => ops.reduce((deck, op) => rateCard(deck, op.id, op.rating, new Date(op.at)), emptyDeck()));

describe('review deck', () => {
  laws('mergeDecks', deckArb, mergeDecks);

  test('two tabs rating the same card at the same instant settle on one card, whichever merges first', () => {
    fc.assert(
      fc.property(deckArb, fc.constantFrom(...CARD_IDS), fc.constantFrom(...RATINGS), fc.constantFrom(...RATINGS), coarseDateArb, (start, id, r1, r2, at) => {
        const mine = rateCard(start, id, r1, new Date(at));
        const theirs = rateCard(start, id, r2, new Date(at));
        same(mergeDecks(mine, theirs), mergeDecks(theirs, mine));
      }),
    );
  });

  test('a card reviewed in one tab and another card reviewed in the other are both kept', () => {
    fc.assert(
      fc.property(deckArb, fc.constantFrom(...CARD_IDS), fc.constantFrom(...CARD_IDS), coarseDateArb, (start, x, y, at) => {
        fc.pre(x !== y);
        const later = new Date(Date.parse(at) + 365 * 86_400_000 * 5);
        const mine = rateCard(start, x, 'good', later);
        const theirs = rateCard(start, y, 'good', later);
        for (const merged of [mergeDecks(mine, theirs), mergeDecks(theirs, mine)]) {
          expect(merged.cards[x]).toEqual(mine.cards[x]);
          expect(merged.cards[y]).toEqual(theirs.cards[y]);
        }
      }),
    );
  });

  test('what a merge keeps reads back the same from storage', () => {
    fc.assert(
      fc.property(deckArb, deckArb, (a, b) => {
        const merged = mergeDecks(a, b);
        const loaded = loadDeck(JSON.parse(JSON.stringify(merged)));
        expect(loaded.ok && loaded.dropped).toBe(0);
        if (loaded.ok) same(loaded.deck, merged);
      }),
    );
  });
});

// ---------------------------------------------------------------------------
// Profile list

const PROFILE_NAMES = ['Sam', 'Alex', 'Jo', 'Kim'] as const;

type ProfileOp =
  | { kind: 'add'; name: string; id: string; at: string }
  | { kind: 'rename'; pick: number; name: string; at: string }
  | { kind: 'remove'; pick: number; at: string }
  | { kind: 'switch'; pick: number; at: string };

const profileOpArb: fc.Arbitrary<ProfileOp> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('add' as const), name: fc.constantFrom(...PROFILE_NAMES), id: fc.constantFrom('p-a', 'p-b', 'p-c', 'p-d', 'p-e'), at: coarseDateArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('rename' as const), pick: fc.nat(), name: fc.constantFrom(...PROFILE_NAMES, 'Sam B'), at: coarseDateArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('remove' as const), pick: fc.nat(), at: coarseDateArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('switch' as const), pick: fc.nat(), at: coarseDateArb }) },
);

function applyProfiles(profiles: Profiles, op: ProfileOp): Profiles {
  const pick = (n: number) => profiles.profiles[n % profiles.profiles.length]!.id;
  const result =
    op.kind === 'add'
      ? addProfile(profiles, op.name, op.id, op.at)
      : op.kind === 'rename'
        ? renameProfile(profiles, pick(op.pick), op.name, op.at)
        : op.kind === 'remove'
          ? removeProfile(profiles, pick(op.pick), op.at)
          : switchProfile(profiles, pick(op.pick), op.at);
  return result.ok ? result.profiles : profiles;
}

/** A list as a tab keeps it: a common default, then its own adds, renames, removals and switches. */
const START = defaultProfiles('2026-01-01T00:00:00.000Z');
const profilesArb = fc.array(profileOpArb, { maxLength: 8 }).map((ops) => mergeProfiles(...((p) => [p, p] as const)(ops.reduce(applyProfiles, START))));

describe('profile list', () => {
  laws('mergeProfiles', profilesArb, mergeProfiles);

  test('a merge is always a list the store can load, with an active profile that is listed', () => {
    fc.assert(
      fc.property(profilesArb, profilesArb, (a, b) => {
        const merged = mergeProfiles(a, b);
        const parsed = profilesSchema.safeParse(JSON.parse(JSON.stringify(merged)));
        expect(parsed.success).toBe(true);
        if (parsed.success) same(parsed.data, merged);
        expect(merged.profiles.map((p) => p.id)).toContain(merged.activeId);
      }),
    );
  });

  test('a profile added in each tab at once: both are kept, in either order', () => {
    const sam = addProfile(START, 'Sam', 'p-sam', '2026-02-01T00:00:00.000Z');
    const alex = addProfile(START, 'Alex', 'p-alex', '2026-02-01T00:00:00.000Z');
    if (!sam.ok || !alex.ok) throw new Error('setup');
    for (const merged of [mergeProfiles(sam.profiles, alex.profiles), mergeProfiles(alex.profiles, sam.profiles)]) {
      expect(merged.profiles.map((p) => p.name).sort()).toEqual(['Alex', 'Me', 'Sam']);
    }
  });

  test('a profile removed in one tab does not come back from a tab that still lists it; a rename after the removal does bring it back', () => {
    const withSam = addProfile(START, 'Sam', 'p-sam', '2026-02-01T00:00:00.000Z');
    if (!withSam.ok) throw new Error('setup');
    const removed = removeProfile(withSam.profiles, 'p-sam', '2026-02-02T00:00:00.000Z');
    if (!removed.ok) throw new Error('setup');
    expect(mergeProfiles(withSam.profiles, removed.profiles).profiles.map((p) => p.id)).toEqual(['default']);
    expect(mergeProfiles(removed.profiles, withSam.profiles).profiles.map((p) => p.id)).toEqual(['default']);
    const renamedLater = renameProfile(withSam.profiles, 'p-sam', 'Sam B', '2026-02-03T00:00:00.000Z');
    if (!renamedLater.ok) throw new Error('setup');
    expect(mergeProfiles(removed.profiles, renamedLater.profiles).profiles.map((p) => p.name)).toEqual(['Me', 'Sam B']);
  });

  test('the later switch of profile wins; when the chosen profile was removed elsewhere, the oldest remaining one is active', () => {
    const two = addProfile(START, 'Sam', 'p-sam', '2026-02-01T00:00:00.000Z');
    if (!two.ok) throw new Error('setup');
    const toSam = switchProfile(two.profiles, 'p-sam', '2026-02-02T00:00:00.000Z');
    const toMe = switchProfile(two.profiles, 'default', '2026-02-03T00:00:00.000Z');
    if (!toSam.ok || !toMe.ok) throw new Error('setup');
    expect(mergeProfiles(toSam.profiles, toMe.profiles).activeId).toBe('default');
    expect(mergeProfiles(toMe.profiles, toSam.profiles).activeId).toBe('default');
    // One tab switches to Sam while the other removes Sam: Sam stays removed, "Me" is active.
    const samGone = removeProfile(two.profiles, 'p-sam', '2026-02-02T00:00:00.000Z');
    const laterToSam = switchProfile(two.profiles, 'p-sam', '2026-02-05T00:00:00.000Z');
    if (!samGone.ok || !laterToSam.ok) throw new Error('setup');
    for (const merged of [mergeProfiles(samGone.profiles, laterToSam.profiles), mergeProfiles(laterToSam.profiles, samGone.profiles)]) {
      expect(merged.profiles.map((p) => p.id)).toEqual(['default']);
      expect(merged.activeId).toBe('default');
    }
  });

  test('each tab of a two-profile list removes the other profile: one profile remains, the same whichever merges first', () => {
    const two = addProfile(START, 'Sam', 'p-sam', '2026-02-01T00:00:00.000Z');
    if (!two.ok) throw new Error('setup');
    const a = removeProfile(two.profiles, 'p-sam', '2026-02-02T00:00:00.000Z');
    const b = removeProfile(two.profiles, 'default', '2026-02-02T00:00:00.000Z');
    if (!a.ok || !b.ok) throw new Error('setup');
    const ab = mergeProfiles(a.profiles, b.profiles);
    same(ab, mergeProfiles(b.profiles, a.profiles));
    expect(ab.profiles).toHaveLength(1);
    expect(ab.profiles.map((p) => p.id)).toContain(ab.activeId);
  });

  test('a list saved before the merge fields existed still loads and merges', () => {
    const legacy = { version: 1, activeId: 'p-sam', profiles: [{ id: 'default', name: 'Me', createdAt: '2026-01-01T00:00:00.000Z' }, { id: 'p-sam', name: 'Sam', createdAt: '2026-01-02T00:00:00.000Z' }] };
    const parsed = profilesSchema.safeParse(legacy);
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    const merged = mergeProfiles(parsed.data, parsed.data);
    expect(merged.activeId).toBe('p-sam');
    expect(merged.profiles.map((p) => p.name)).toEqual(['Me', 'Sam']);
  });
});

// ---------------------------------------------------------------------------
// Roster (issue 18)

const ROSTER_IDS = ['ros00001', 'ros00002', 'ros00003'] as const;
type RosterOp =
  | { kind: 'add'; id: string; name: string; at: string }
  | { kind: 'link'; id: string; learner: string; at: string }
  | { kind: 'remove'; id: string; at: string }
  | { kind: 'decide'; same: boolean; at: string }
  | { kind: 'clear'; at: string };

const rosterOpArb: fc.Arbitrary<RosterOp> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('add' as const), id: fc.constantFrom(...ROSTER_IDS), name: fc.constantFrom('Sam', 'Lee'), at: coarseDateArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('link' as const), id: fc.constantFrom(...ROSTER_IDS), learner: fc.constantFrom(...LEARNER_IDS), at: coarseDateArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('remove' as const), id: fc.constantFrom(...ROSTER_IDS), at: coarseDateArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('decide' as const), same: fc.boolean(), at: coarseDateArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('clear' as const), at: coarseDateArb }) },
);

function applyRoster(roster: RosterState, op: RosterOp): RosterState {
  switch (op.kind) {
    case 'add':
      return addEntries(roster, [{ id: op.id, name: op.name, by: 'Ana', modules: ['orientation'], created: '2026-11-01' }], op.at);
    case 'link':
      return linkLearner(roster, op.id, op.learner, op.at);
    case 'remove':
      return removeEntry(roster, op.id, op.at);
    case 'decide':
      return decide(roster, 'sam00001', 'ana00001', op.same, op.at);
    case 'clear':
      return clearRoster(roster, op.at);
  }
}

const rosterArb = fc.array(rosterOpArb, { maxLength: 8 }).map((ops) => ops.reduce(applyRoster, emptyRoster()));

describe('roster', () => {
  laws('mergeRosters', rosterArb, mergeRosters);

  test('an assignment made in each tab: both are kept, in either order', () => {
    fc.assert(
      fc.property(rosterArb, coarseDateArb, (start, at) => {
        const mine = applyRoster(start, { kind: 'add', id: 'ros00001', name: 'Sam', at: '2035-01-01T00:00:00.000Z' });
        const theirs = applyRoster(start, { kind: 'add', id: 'ros00002', name: 'Lee', at });
        for (const merged of [mergeRosters(mine, theirs), mergeRosters(theirs, mine)]) {
          expect(merged.entries.ros00001?.name).toBe('Sam');
          if (compareInstants(at, start.clearedAt ?? '') > 0 || start.clearedAt === undefined) expect(Object.keys(merged.entries)).toContain('ros00001');
        }
      }),
    );
  });

  test('what a merge keeps reads back the same from storage', () => {
    fc.assert(
      fc.property(rosterArb, rosterArb, (a, b) => {
        const merged = mergeRosters(a, b);
        const loaded = loadRoster(JSON.parse(JSON.stringify(merged)));
        expect(loaded.ok && loaded.dropped).toBe(0);
        if (loaded.ok) same(loaded.roster, merged);
      }),
    );
  });
});
