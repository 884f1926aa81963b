/**
 * Spaced review: every question a learner has answered becomes a card, scheduled with FSRS
 * (ts-fsrs). A question enters the deck rated by how it was first answered (correct → Good,
 * partly → Hard, not correct → Again), so something answered yesterday is due for review today.
 *
 * Stored per profile as JSON, for example:
 *   { "version": 1, "cards": { "orientation/peer-is-not-counsellor": { "due": "…", "stability": 2.3, … } } }
 * Migration cases: none yet. A card that fails validation is dropped on load (it re-enters the
 * deck from the learner's answers); at most MAX_CARDS are kept. Validation is by what the
 * scheduler accepts (acceptedMemory, usableAt): a card ts-fsrs would refuse ("Invalid memory
 * state", a last review after now) is dropped like a damaged one, and the scheduling calls
 * themselves are total (scheduleReview, previewIntervals), so no card can stop a review page.
 * Pure: no DOM, no storage.
 */
import * as z from 'zod/mini';
import { createEmptyCard, fsrs, Rating, S_MAX, S_MIN, State, type Card, type Grade } from 'ts-fsrs';
import type { ProgressState } from './progress';
import { canonicalJson } from '../encoding/canonical-json';
import { compareInstants } from '../encoding/id-map';

export const REVIEW_VERSION = 1;
export const MAX_CARDS = 5000;
/** A daily session shows at most this many due questions. */
export const SESSION_SIZE = 10;

export type ReviewRating = 'again' | 'hard' | 'good' | 'easy';

const GRADES: Record<ReviewRating, Grade> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };

const instant = z.string().check(z.refine((s) => Number.isFinite(Date.parse(s)), 'is not a date'));
// Counts stay safe integers however often the scheduler adds one: they stop at MAX_COUNT (no
// card is reviewed a billion times, so the cap only stops a crafted value growing past it).
const MAX_COUNT = 1_000_000_000;
const count = z.int().check(z.gte(0), z.lte(MAX_COUNT));
const capped = (n: number) => Math.min(n, MAX_COUNT);

/**
 * The memory states ts-fsrs (5.x) schedules without throwing: a card with no memory yet
 * (difficulty 0 and stability 0, which it initialises; only a new card has that), or difficulty
 * within 1–10 (its own clamp in next_difficulty) and stability within S_MIN–S_MAX (its exported
 * bounds; below S_MIN next_state throws "Invalid memory state"). Nothing else is one it produced.
 */
export function acceptedMemory(card: { difficulty: number; stability: number; state: number }): boolean {
  if (card.difficulty === 0 && card.stability === 0) return card.state === State.New;
  return card.difficulty >= 1 && card.difficulty <= 10 && card.stability >= S_MIN && card.stability <= S_MAX;
}

const cardSchema = z
  .strictObject({
    due: instant,
    stability: z.number().check(z.gte(0)),
    difficulty: z.number().check(z.gte(0)),
    scheduled_days: count,
    learning_steps: count,
    reps: count,
    lapses: count,
    state: z.int().check(z.gte(0), z.lte(3)),
    last_review: z.optional(instant),
  })
  .check(z.refine(acceptedMemory, 'is not a memory state the scheduler accepts'));

export type StoredCard = z.infer<typeof cardSchema>;

/**
 * Whether the scheduler can review this card at `now`: ts-fsrs throws for a last review later
 * than the review ("Invalid delta_t"), which a clock set back or a backup from a device whose
 * clock ran ahead can leave. The one check that depends on the time, so loadDeck leaves it out.
 */
export function usableAt(card: StoredCard, now: Date): boolean {
  return card.last_review === undefined || card.state === State.New || Date.parse(card.last_review) <= now.getTime();
}

/** Splits a loaded deck into the cards the scheduler can review at `now` and the ids it cannot. */
export function usableDeck(deck: ReviewDeck, now: Date): { deck: ReviewDeck; rejected: string[] } {
  const rejected = Object.keys(deck.cards).filter((id) => !usableAt(deck.cards[id]!, now));
  return rejected.length === 0 ? { deck, rejected } : { deck: withoutCards(deck, rejected), rejected };
}

/** The deck without these cards (set aside by the store). */
export function withoutCards(deck: ReviewDeck, ids: readonly string[]): ReviewDeck {
  const cards = { ...deck.cards };
  for (const id of ids) delete cards[id];
  return { version: REVIEW_VERSION, cards };
}

export interface ReviewDeck {
  version: typeof REVIEW_VERSION;
  cards: Record<string, StoredCard>;
}

export function emptyDeck(): ReviewDeck {
  return { version: REVIEW_VERSION, cards: {} };
}

/**
 * Reads a stored deck: a wrong shape fails; single bad cards (damaged, or a memory state the
 * scheduler refuses) are dropped and counted, their ids in droppedIds.
 */
export function loadDeck(raw: unknown): { ok: true; deck: ReviewDeck; dropped: number; droppedIds: string[] } | { ok: false; reason: string } {
  const parsed = z.object({ version: z.literal(REVIEW_VERSION), cards: z.record(z.string(), z.unknown()) }).safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'the saved review deck is not in a form this course can read' };
  const cards: Record<string, StoredCard> = {};
  const droppedIds: string[] = [];
  for (const [id, value] of Object.entries(parsed.data.cards)) {
    const card = cardSchema.safeParse(value);
    if (card.success && Object.keys(cards).length < MAX_CARDS && /^[a-z0-9-]+\/[a-z0-9-]+$/.test(id)) cards[id] = card.data;
    else droppedIds.push(id);
  }
  return { ok: true, deck: { version: REVIEW_VERSION, cards }, dropped: droppedIds.length, droppedIds };
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
    scheduled_days: capped(card.scheduled_days),
    learning_steps: capped(card.learning_steps),
    reps: capped(card.reps),
    lapses: capped(card.lapses),
    state: card.state,
    ...(card.last_review ? { last_review: card.last_review.toISOString() } : {}),
  };
}

export const RATING_FOR_VERDICT: Record<'correct' | 'partial' | 'incorrect', ReviewRating> = { correct: 'good', partial: 'hard', incorrect: 'again' };

/**
 * The ratings a learner may give after an answer: knowing it "easily" is not an option after a
 * wrong answer, nor after a partly right one.
 */
export const RATINGS_FOR_VERDICT: Record<'correct' | 'partial' | 'incorrect', readonly ReviewRating[]> = {
  correct: ['again', 'hard', 'good', 'easy'],
  partial: ['again', 'hard', 'good'],
  incorrect: ['again', 'hard'],
};

/** How many times one card comes back within one session after "Again" (then it waits for its next day). */
export const MAX_AGAIN_PER_SESSION = 3;
/** Cards shown in between before an "Again" card comes back, when the session has that many left. */
export const AGAIN_GAP = 3;

/**
 * The session after the card at `position` was rated: "Again" puts it back a few cards later
 * (or at the end), so it comes back in this session, at most MAX_AGAIN_PER_SESSION times.
 */
export function sessionAfterRating(session: readonly string[], position: number, rating: ReviewRating): string[] {
  const id = session[position];
  if (id === undefined || rating !== 'again') return [...session];
  const shown = session.slice(0, position + 1).filter((x) => x === id).length;
  if (shown > MAX_AGAIN_PER_SESSION) return [...session];
  const at = Math.min(session.length, position + 1 + AGAIN_GAP);
  return [...session.slice(0, at), id, ...session.slice(at)];
}

/**
 * Schedules one review of a card (a new card when the question is not in the deck yet). Total:
 * whatever ts-fsrs throws, or a result that would not load again (a date past the calendar's
 * end), comes back as a reason, so the caller can set the card aside instead of crashing.
 */
export function scheduleReview(deck: ReviewDeck, questionId: string, rating: ReviewRating, at: Date): { ok: true; deck: ReviewDeck } | { ok: false; reason: string } {
  try {
    const current = deck.cards[questionId];
    const card = current ? toCard(current) : createEmptyCard(at);
    const next = cardSchema.safeParse(toStored(scheduler.next(card, at, GRADES[rating]).card));
    if (!next.success) return { ok: false, reason: 'the scheduler gave a schedule that cannot be saved' };
    return { ok: true, deck: { ...deck, cards: { ...deck.cards, [questionId]: next.data } } };
  } catch (error) {
    return { ok: false, reason: `the scheduler refused it: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** scheduleReview for callers that skip a card the scheduler refuses: the deck comes back unchanged. */
export function rateCard(deck: ReviewDeck, questionId: string, rating: ReviewRating, at: Date): ReviewDeck {
  const result = scheduleReview(deck, questionId, rating, at);
  return result.ok ? result.deck : deck;
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
 * Two copies of a deck (a backup and this browser, or two tabs): for each question, the card
 * reviewed more recently wins, so importing never rolls a schedule back. Ties (the same review
 * saved by two tabs, or two reviews in one millisecond) go by review count, then by the card's
 * canonical JSON: chosen on the values alone, never on which copy came first, so the merge is
 * commutative, associative and idempotent and two tabs settle (tests/unit/merges.test.ts).
 */
export function mergeDecks(a: ReviewDeck, b: ReviewDeck): ReviewDeck {
  const cards: Record<string, StoredCard> = {};
  for (const id of [...new Set([...Object.keys(a.cards), ...Object.keys(b.cards)])].sort()) {
    const mine = Object.hasOwn(a.cards, id) ? a.cards[id] : undefined;
    const theirs = Object.hasOwn(b.cards, id) ? b.cards[id] : undefined;
    const winner = !mine ? theirs! : !theirs ? mine : compareCards(mine, theirs) >= 0 ? mine : theirs;
    Object.defineProperty(cards, id, { value: winner, enumerable: true, writable: true, configurable: true });
  }
  return { version: REVIEW_VERSION, cards };
}

/** A total order on two states of one card: later review, then more reviews, then canonical JSON. */
function compareCards(x: StoredCard, y: StoredCard): number {
  const order = compareInstants(x.last_review ?? x.due, y.last_review ?? y.due);
  if (order !== 0) return order;
  if (x.reps !== y.reps) return x.reps - y.reps;
  const [cx, cy] = [canonicalJson(x), canonicalJson(y)];
  return cx < cy ? -1 : cx > cy ? 1 : 0;
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

/**
 * When each rating would next show the card, for the buttons ("Good: in 3 days"). Total:
 * undefined when the scheduler refuses the card (the caller sets it aside).
 */
export function previewIntervals(deck: ReviewDeck, questionId: string, now: Date): Record<ReviewRating, Date> | undefined {
  try {
    const current = deck.cards[questionId];
    const card = current ? toCard(current) : createEmptyCard(now);
    const preview = scheduler.repeat(card, now);
    const dues = { again: preview[Rating.Again].card.due, hard: preview[Rating.Hard].card.due, good: preview[Rating.Good].card.due, easy: preview[Rating.Easy].card.due };
    return Object.values(dues).every((d) => Number.isFinite(d.getTime())) ? dues : undefined;
  } catch {
    // ts-fsrs throws FSRSValidationError for a state it cannot schedule; the answer is "not this card".
    return undefined;
  }
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
