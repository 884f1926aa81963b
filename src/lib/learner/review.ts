/**
 * Spaced review: every question a learner has answered becomes a card, scheduled with FSRS
 * (ts-fsrs). A question enters the deck rated by how it was first answered (correct → Good,
 * partly → Hard, not correct → Again), so something answered yesterday is due for review today.
 *
 * Stored per profile as JSON, for example:
 *   { "version": 1, "cards": { "orientation/peer-is-not-counsellor": { "due": "…", "stability": 2.3, … } } }
 * Migration cases: none yet. A card that fails validation is dropped on load (it re-enters the
 * deck from the learner's answers); at most MAX_CARDS are kept. Pure: no DOM, no storage.
 */
import * as z from 'zod/mini';
import { createEmptyCard, fsrs, Rating, type Card, type Grade } from 'ts-fsrs';
import type { ProgressState } from './progress';

export const REVIEW_VERSION = 1;
export const MAX_CARDS = 5000;
/** A daily session shows at most this many due questions. */
export const SESSION_SIZE = 10;

export type ReviewRating = 'again' | 'hard' | 'good' | 'easy';

const GRADES: Record<ReviewRating, Grade> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };

const instant = z.string().check(z.refine((s) => Number.isFinite(Date.parse(s)), 'is not a date'));
const count = z.int().check(z.gte(0));

const cardSchema = z.strictObject({
  due: instant,
  stability: z.number().check(z.gte(0)),
  difficulty: z.number().check(z.gte(0)),
  scheduled_days: count,
  learning_steps: count,
  reps: count,
  lapses: count,
  state: z.int().check(z.gte(0), z.lte(3)),
  last_review: z.optional(instant),
});

export type StoredCard = z.infer<typeof cardSchema>;

export interface ReviewDeck {
  version: typeof REVIEW_VERSION;
  cards: Record<string, StoredCard>;
}

export function emptyDeck(): ReviewDeck {
  return { version: REVIEW_VERSION, cards: {} };
}

/** Reads a stored deck: a wrong shape fails; single bad cards are dropped and counted. */
export function loadDeck(raw: unknown): { ok: true; deck: ReviewDeck; dropped: number } | { ok: false; reason: string } {
  const parsed = z.object({ version: z.literal(REVIEW_VERSION), cards: z.record(z.string(), z.unknown()) }).safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'the saved review deck is not in a form this course can read' };
  const cards: Record<string, StoredCard> = {};
  let dropped = 0;
  for (const [id, value] of Object.entries(parsed.data.cards)) {
    const card = cardSchema.safeParse(value);
    if (card.success && Object.keys(cards).length < MAX_CARDS && /^[a-z0-9-]+\/[a-z0-9-]+$/.test(id)) cards[id] = card.data;
    else dropped++;
  }
  return { ok: true, deck: { version: REVIEW_VERSION, cards }, dropped };
}

// Fuzz off: the same answers on the same day give the same schedule (and tests can say so).
const scheduler = fsrs({ enable_fuzz: false });

function toCard(stored: StoredCard): Card {
  return {
    due: new Date(stored.due),
    stability: stored.stability,
    difficulty: stored.difficulty,
    elapsed_days: 0,
    scheduled_days: stored.scheduled_days,
    learning_steps: stored.learning_steps,
    reps: stored.reps,
    lapses: stored.lapses,
    state: stored.state,
    ...(stored.last_review ? { last_review: new Date(stored.last_review) } : {}),
  };
}

function toStored(card: Card): StoredCard {
  return {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    ...(card.last_review ? { last_review: card.last_review.toISOString() } : {}),
  };
}

export const RATING_FOR_VERDICT: Record<'correct' | 'partial' | 'incorrect', ReviewRating> = { correct: 'good', partial: 'hard', incorrect: 'again' };

/** Schedules one review of a card (a new card when the question is not in the deck yet). */
export function rateCard(deck: ReviewDeck, questionId: string, rating: ReviewRating, at: Date): ReviewDeck {
  const current = deck.cards[questionId];
  const card = current ? toCard(current) : createEmptyCard(at);
  const next = scheduler.next(card, at, GRADES[rating]).card;
  return { ...deck, cards: { ...deck.cards, [questionId]: toStored(next) } };
}

/**
 * Adds every answered question of this course that is not in the deck yet, rated by how it was
 * answered, at the time it was answered. Questions the course no longer has are left out.
 */
export function syncDeck(deck: ReviewDeck, progress: ProgressState, known: ReadonlySet<string>): ReviewDeck {
  let next = deck;
  for (const [questionId, answer] of Object.entries(progress.answers)) {
    if (next.cards[questionId] || !known.has(questionId)) continue;
    if (Object.keys(next.cards).length >= MAX_CARDS) break;
    const at = new Date(answer.at);
    if (!Number.isFinite(at.getTime())) continue;
    next = rateCard(next, questionId, RATING_FOR_VERDICT[answer.verdict], at);
  }
  return next;
}

/**
 * Two copies of a deck (a backup and this browser): for each question, the card reviewed more
 * recently wins, so importing never rolls a schedule back.
 */
export function mergeDecks(a: ReviewDeck, b: ReviewDeck): ReviewDeck {
  const cards: Record<string, StoredCard> = { ...a.cards };
  for (const [id, card] of Object.entries(b.cards)) {
    const mine = cards[id];
    const when = (c: StoredCard) => Date.parse(c.last_review ?? c.due);
    if (!mine || when(card) > when(mine) || (when(card) === when(mine) && card.reps > mine.reps)) cards[id] = card;
  }
  return { version: REVIEW_VERSION, cards };
}

/** Questions due now, most overdue first, limited to a session. */
export function dueQuestions(deck: ReviewDeck, now: Date, known: ReadonlySet<string>, limit = SESSION_SIZE): string[] {
  return Object.entries(deck.cards)
    .filter(([id, card]) => known.has(id) && Date.parse(card.due) <= now.getTime())
    .sort((a, b) => Date.parse(a[1].due) - Date.parse(b[1].due) || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([id]) => id);
}

/** The module a question id (`<module-id>/<question-id>`) belongs to. */
export const moduleOfQuestion = (questionId: string) => questionId.slice(0, questionId.indexOf('/'));

export function dueCount(deck: ReviewDeck, now: Date, known: ReadonlySet<string>): number {
  return Object.entries(deck.cards).filter(([id, card]) => known.has(id) && Date.parse(card.due) <= now.getTime()).length;
}

/** When each rating would next show the card, for the buttons ("Good: in 3 days"). */
export function previewIntervals(deck: ReviewDeck, questionId: string, now: Date): Record<ReviewRating, Date> {
  const current = deck.cards[questionId];
  const card = current ? toCard(current) : createEmptyCard(now);
  const preview = scheduler.repeat(card, now);
  return {
    again: preview[Rating.Again].card.due,
    hard: preview[Rating.Hard].card.due,
    good: preview[Rating.Good].card.due,
    easy: preview[Rating.Easy].card.due,
  };
}

/** "in 10 minutes", "tomorrow", "in 4 days". */
export function intervalText(from: Date, to: Date): string {
  const minutes = Math.round((to.getTime() - from.getTime()) / 60_000);
  if (minutes < 60) return `in ${Math.max(1, minutes)} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `in ${hours} hour${hours === 1 ? '' : 's'}`;
  const days = Math.round(hours / 24);
  if (days === 1) return 'tomorrow';
  if (days < 60) return `in ${days} days`;
  const months = Math.round(days / 30);
  return `in ${months} months`;
}
