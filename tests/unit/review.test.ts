import { describe, expect, test } from 'vitest';
import { createEmptyCard, fsrs, Rating, State } from 'ts-fsrs';
import { dueCount, dueQuestions, emptyDeck, intervalText, loadDeck, mergeDecks, previewIntervals, rateCard, syncDeck, type ReviewDeck } from '../../src/lib/learner/review';
import { emptyProgress, recordAnswer } from '../../src/lib/learner/progress';

const day = 86_400_000;
const start = new Date('2026-11-01T09:00:00.000Z');
const known = new Set(['m1/q1', 'm1/q2', 'm2/q1']);

/** Rates a card through storage (JSON round trip) each time, as the store does. */
function viaStorage(ratings: ('again' | 'hard' | 'good' | 'easy')[], gapDays: (i: number, deck: ReviewDeck) => Date): ReviewDeck {
  let deck = emptyDeck();
  let at = start;
  ratings.forEach((rating, i) => {
    deck = JSON.parse(JSON.stringify(rateCard(deck, 'm1/q1', rating, at)));
    at = gapDays(i, deck);
  });
  return deck;
}

describe('review scheduling', () => {
  test('matches ts-fsrs step for step, through storage', () => {
    const ratings = ['good', 'good', 'again', 'good', 'easy'] as const;
    const grades = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy } as const;
    const f = fsrs({ enable_fuzz: false });
    let card = createEmptyCard(start);
    let at = start;
    const expected: string[] = [];
    for (const r of ratings) {
      card = f.next(card, at, grades[r]).card;
      expected.push(card.due.toISOString());
      at = card.due;
    }
    const seen: string[] = [];
    viaStorage([...ratings], (_, deck) => {
      seen.push(deck.cards['m1/q1']!.due);
      return new Date(deck.cards['m1/q1']!.due);
    });
    expect(seen).toEqual(expected);
  });

  test('good answers push the next review further out each time', () => {
    const gaps: number[] = [];
    viaStorage(['good', 'good', 'good', 'good', 'good'], (_, deck) => {
      const card = deck.cards['m1/q1']!;
      gaps.push(card.scheduled_days);
      return new Date(card.due);
    });
    // After the learning steps, the card graduates and the interval grows.
    const review = gaps.filter((g) => g > 0);
    expect(review.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < review.length; i++) expect(review[i]!).toBeGreaterThan(review[i - 1]!);
  });

  test('forgetting a card it knew is a lapse: relearning, due again within the day', () => {
    let at = start;
    const deck = viaStorage(['good', 'good', 'good', 'again'], (_, d) => (at = new Date(d.cards['m1/q1']!.due)));
    const card = deck.cards['m1/q1']!;
    expect(card.lapses).toBe(1);
    expect(card.state).toBe(State.Relearning);
    expect(Date.parse(card.due) - Date.parse(card.last_review!)).toBeLessThan(day);
  });

  test('a question answered yesterday is due for review today', () => {
    let progress = emptyProgress('e');
    progress = recordAnswer(progress, 'm1/q1', ['a'], 'correct', new Date(start.getTime() - day).toISOString());
    progress = recordAnswer(progress, 'm2/q1', ['b'], 'incorrect', new Date(start.getTime() - day).toISOString());
    progress = recordAnswer(progress, 'gone/q9', ['b'], 'incorrect', new Date(start.getTime() - day).toISOString());
    const deck = syncDeck(emptyDeck(), progress, known);
    expect(Object.keys(deck.cards).sort()).toEqual(['m1/q1', 'm2/q1']);
    expect(dueQuestions(deck, start, known)).toHaveLength(2);
    expect(dueCount(deck, new Date(start.getTime() - day), known)).toBe(0);
    // Syncing again adds nothing and changes nothing.
    expect(syncDeck(deck, progress, known)).toEqual(deck);
  });

  test('previews say when each rating would bring the question back', () => {
    const deck = rateCard(emptyDeck(), 'm1/q1', 'good', start);
    const now = new Date(deck.cards['m1/q1']!.due);
    const preview = previewIntervals(deck, 'm1/q1', now);
    expect(preview.again.getTime()).toBeLessThan(preview.good.getTime());
    expect(preview.good.getTime()).toBeLessThanOrEqual(preview.easy.getTime());
    expect(intervalText(now, new Date(now.getTime() + 10 * 60_000))).toBe('in 10 minutes');
    expect(intervalText(now, new Date(now.getTime() + day))).toBe('tomorrow');
    expect(intervalText(now, new Date(now.getTime() + 5 * day))).toBe('in 5 days');
  });

  test('stored decks are validated: bad cards are dropped and counted, a wrong shape fails', () => {
    const good = rateCard(emptyDeck(), 'm1/q1', 'good', start).cards['m1/q1']!;
    expect(loadDeck({ version: 1, cards: { 'm1/q1': good, 'm1/q2': { ...good, due: 'soon' }, '<x>': good } })).toEqual({
      ok: true,
      deck: { version: 1, cards: { 'm1/q1': good } },
      dropped: 2,
    });
    expect(loadDeck({ version: 2, cards: {} }).ok).toBe(false);
    expect(loadDeck(null).ok).toBe(false);
  });
});

describe('review decks in backups', () => {
  test('merging keeps, per question, the card reviewed most recently', () => {
    const older = rateCard(emptyDeck(), 'm1/q1', 'good', start);
    const newer = rateCard(older, 'm1/q1', 'good', new Date(older.cards['m1/q1']!.due));
    const other = rateCard(emptyDeck(), 'm2/q1', 'again', start);
    expect(mergeDecks(newer, older).cards['m1/q1']).toEqual(newer.cards['m1/q1']);
    expect(mergeDecks(older, newer).cards['m1/q1']).toEqual(newer.cards['m1/q1']);
    expect(Object.keys(mergeDecks(newer, other).cards).sort()).toEqual(['m1/q1', 'm2/q1']);
  });

  test("a backup carries each profile's schedule, and importing merges it into the same-named profile", async () => {
    const { createBackup, parseBackup, planImport } = await import('../../src/lib/learner/backup');
    const { defaultProfiles } = await import('../../src/lib/learner/profiles');
    const deck = rateCard(emptyDeck(), 'm1/q1', 'good', start);
    const parsed = parseBackup(createBackup([{ name: 'Me', progress: emptyProgress('e'), review: deck }], start.toISOString()));
    expect(parsed.ok && parsed.backup.profiles[0]!.review).toEqual(deck);
    if (!parsed.ok) return;
    const here = rateCard(emptyDeck(), 'm2/q1', 'hard', start);
    const plan = planImport(defaultProfiles(start.toISOString()), () => emptyProgress('x'), parsed.backup, () => 'p-new', start.toISOString(), () => here);
    expect(plan.ok && Object.keys(plan.plan.review.default!.cards).sort()).toEqual(['m1/q1', 'm2/q1']);
    const damaged = createBackup([{ name: 'Me', progress: emptyProgress('e'), review: { version: 9 } as never }], start.toISOString());
    expect(parseBackup(damaged)).toEqual({ ok: false, error: expect.stringMatching(/review schedule of “Me” in this backup is damaged/) });
  });
});
