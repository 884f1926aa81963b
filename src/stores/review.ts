/**
 * The active profile's spaced-review deck (shape and rules: src/lib/learner/review.ts).
 * Key: crosswalk:review:<profile-id>. Unreadable values are quarantined and replaced by an empty
 * deck, which refills from the learner's answers.
 */
import type { ReadableAtom } from 'nanostores';
import { PREFIX } from './storage';
import { perProfile, validatedAtom } from './validated';
import { activeProfileMirror } from './active-profile';
import { $profiles } from './profiles';
import { $progress } from './progress';
import { loadStoredDeck, packDeck } from '../lib/learner/packed-deck';
import { emptyDeck, mergeDecks, rateCard, syncDeck, type ReviewDeck, type ReviewRating } from '../lib/learner/review';

export const reviewKey = (profileId: string) => `${PREFIX}review:${profileId}`;

const deckAtomFor = perProfile((profileId) =>
  validatedAtom<ReviewDeck>(reviewKey(profileId), {
    empty: emptyDeck,
    load: (raw) => {
      const loaded = loadStoredDeck(raw);
      return loaded.ok ? { ok: true, value: loaded.deck, dropped: loaded.dropped } : loaded;
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
  const before = store.get();
  const next = change(before);
  if (next !== before) store.set(next);
  return next;
}

/** Brings every answered question into the deck. Writes only when something was added. */
export const syncReview = (known: ReadonlySet<string>) => update((deck) => syncDeck(deck, $progress.get(), known));

export const rateReview = (questionId: string, rating: ReviewRating) => update((deck) => rateCard(deck, questionId, rating, new Date()));

/** Any profile's deck, for export. */
export const deckOf = (profileId: string): ReviewDeck => deckAtomFor(profileId).get();

/** Merges an imported deck into a profile's (src/lib/learner/backup.ts plans it). */
export function writeDeck(profileId: string, deck: ReviewDeck): void {
  const store = deckAtomFor(profileId);
  store.set(mergeDecks(store.get(), deck));
}
