/**
 * The packed form of a review deck in localStorage (the progress half, and why packing exists,
 * are in ./packed-storage.ts). Kept apart so that pages which read progress do not load the
 * review scheduler (ts-fsrs) that ./review.ts brings.
 */
import { canonicalJson } from '../encoding/canonical-json';
import { asArray, asRecord, groupById, packInstant, ungroup, unpackInstant } from './packed-storage';
import { REVIEW_VERSION, loadDeck, type ReviewDeck, type StoredCard } from './review';

/** The "v" of a packed review deck; a readable deck carries "version" instead. */
export const PACKED_DECK_FORMAT = 2;

type PackedCard = [string, number, number, number, number, number, number, number, string?];

export function packDeck(deck: ReviewDeck): string {
  return canonicalJson({
    v: PACKED_DECK_FORMAT,
    m: groupById(deck.cards, (c): PackedCard => {
      const packed: PackedCard = [packInstant(c.due), c.stability, c.difficulty, c.scheduled_days, c.learning_steps, c.reps, c.lapses, c.state];
      if (c.last_review !== undefined) packed.push(packInstant(c.last_review));
      return packed;
    }),
  });
}

export function isPackedDeck(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && (raw as { v?: unknown }).v === PACKED_DECK_FORMAT;
}

/**
 * Turns a packed deck back into the readable form (which loadDeck then validates card by
 * card). A damaged card becomes a value loadDeck drops and counts, not a failure of the deck.
 */
export function unpackDeck(raw: unknown): { version: typeof REVIEW_VERSION; cards: Record<string, unknown> } {
  const packed = asRecord(raw, 'the review deck');
  const cards = ungroup<unknown, unknown>(packed.m, (value) => {
    try {
      const [due, stability, difficulty, scheduled_days, learning_steps, reps, lapses, state, last] = asArray(value, 'a card') as PackedCard;
      const card: StoredCard = { due: unpackInstant(due), stability, difficulty, scheduled_days, learning_steps, reps, lapses, state };
      if (last !== undefined) card.last_review = unpackInstant(last);
      return card;
    } catch {
      return null;
    }
  });
  return { version: REVIEW_VERSION, cards };
}


/** Parsed JSON from storage → validated deck, whichever form it was kept in. */
export function loadStoredDeck(raw: unknown): ReturnType<typeof loadDeck> {
  if (!isPackedDeck(raw)) return loadDeck(raw);
  try {
    return loadDeck(unpackDeck(raw));
  } catch (error) {
    return { ok: false, reason: `the packed review deck is damaged: ${(error as Error).message}` };
  }
}
