/**
 * The active profile's spaced-review deck (shape and rules: src/lib/learner/review.ts).
 * Key: crosswalk:review:<profile-id>. Unreadable values are quarantined and replaced by an empty
 * deck, which refills from the learner's answers. A card the scheduler refuses (on load, or when
 * it is previewed or rated) is set aside the same way, alone: the quarantine helper keeps it
 * under crosswalk:quarantine:crosswalk:review:<profile-id>/<question-id>, it leaves the deck, and
 * $setAsideCards counts it so the review page can say so while the session runs on the rest.
 */
import { atom, computed, type ReadableAtom } from 'nanostores';
import { PREFIX, quarantine } from './storage';
import { mergedAtom, perProfile } from './validated';
import { activeProfileMirror } from './active-profile';
import { $profiles } from './profiles';
import { $progress } from './progress';
import { loadStoredDeck, packDeck } from '../lib/learner/packed-deck';
import { emptyDeck, mergeDecks, previewIntervals, scheduleReview, syncDeck, usableDeck, withoutCards, type ReviewDeck, type ReviewRating } from '../lib/learner/review';

export const reviewKey = (profileId: string) => `${PREFIX}review:${profileId}`;

/** Per profile, the ids of cards set aside since this page opened (a set: a re-read counts none twice). */
const $setAside = atom<Record<string, readonly string[]>>({});

function noteSetAside(profileId: string, ids: readonly string[]): void {
  if (ids.length === 0) return;
  const all = $setAside.get();
  const mine = new Set([...(all[profileId] ?? []), ...ids]);
  if (mine.size !== (all[profileId]?.length ?? 0)) $setAside.set({ ...all, [profileId]: [...mine] });
}

/** How many of the active profile's review cards were set aside since this page opened. */
export const $setAsideCards: ReadableAtom<number> = computed([$setAside, $profiles], (all, profiles) => all[profiles.activeId]?.length ?? 0);

// Merged, not last-writer (src/stores/validated.ts mergedAtom): a review rated in another tab
// is kept, card by card, the later review winning. A card set aside here can come back from a
// tab that still holds it; the next preview or rating of it sets it aside again.
const deckAtomFor = perProfile((profileId) =>
  mergedAtom<ReviewDeck>(reviewKey(profileId), {
    empty: emptyDeck,
    merge: mergeDecks,
    load: (raw) => {
      const loaded = loadStoredDeck(raw);
      if (!loaded.ok) return loaded;
      // Read at page time, so a card whose last review is later than now is set aside here too;
      // validatedAtom quarantines the raw deck for every dropped card.
      const usable = usableDeck(loaded.deck, new Date());
      noteSetAside(profileId, [...loaded.droppedIds, ...usable.rejected]);
      return { ok: true, value: usable.deck, dropped: loaded.dropped + usable.rejected.length };
    },
    what: 'review deck',
    items: 'review card(s)',
    encode: packDeck,
  }),
);

/** The active profile's deck. Read-only: change it through the actions below. */
export const $deck: ReadableAtom<ReviewDeck> = activeProfileMirror(emptyDeck(), deckAtomFor);

function update(change: (deck: ReviewDeck) => ReviewDeck): ReviewDeck {
  const store = deckAtomFor($profiles.get().activeId);
  if (change(store.get()) === store.get()) return store.get(); // nothing to add: no write
  return store.update(change);
}

/** Brings every answered question into the deck. Writes only when something was added. */
export const syncReview = (known: ReadonlySet<string>) => update((deck) => syncDeck(deck, $progress.get(), known));

/** Takes one card out of the active deck, kept aside under its own quarantine key, with the reason. */
function setAside(profileId: string, questionId: string, reason: string): void {
  const store = deckAtomFor(profileId);
  const card = store.get().cards[questionId];
  if (card) {
    quarantine(`${reviewKey(profileId)}/${questionId}`, JSON.stringify(card), `review card ${questionId} could not be scheduled (${reason})`);
    store.update((deck) => withoutCards(deck, [questionId]));
  }
  noteSetAside(profileId, [questionId]);
}

/**
 * Rates a review. False when the scheduler refused the card: it is set aside (and counted in
 * $setAsideCards), and the session goes on without it.
 */
export function rateReview(questionId: string, rating: ReviewRating): boolean {
  const profileId = $profiles.get().activeId;
  const store = deckAtomFor(profileId);
  let refusal: string | undefined;
  store.update((deck) => {
    const result = scheduleReview(deck, questionId, rating, new Date());
    if (result.ok) return result.deck;
    refusal = result.reason;
    return deck;
  });
  if (refusal === undefined) return true;
  setAside(profileId, questionId, refusal);
  return false;
}

/**
 * The questions among these whose card the scheduler can preview now, in order; the others are
 * set aside. Run on a session's questions before it starts, so none fails mid-way.
 */
export function keepSchedulable(questionIds: readonly string[]): string[] {
  const profileId = $profiles.get().activeId;
  const now = new Date();
  return questionIds.filter((id) => {
    if (previewIntervals(deckAtomFor(profileId).get(), id, now)) return true;
    setAside(profileId, id, 'the scheduler cannot preview it');
    return false;
  });
}

/** Any profile's deck, for export. */
export const deckOf = (profileId: string): ReviewDeck => deckAtomFor(profileId).get();

/** Merges an imported deck into a profile's (src/lib/learner/backup.ts plans it). */
export function writeDeck(profileId: string, deck: ReviewDeck): void {
  deckAtomFor(profileId).update((mine) => mergeDecks(mine, deck));
}
