import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { createEmptyCard, fsrs, Rating, S_MAX, S_MIN, State } from 'ts-fsrs';
import {
  dueCount,
  dueQuestions,
  emptyDeck,
  intervalText,
  loadDeck,
  mergeDecks,
  previewIntervals,
  rateCard,
  scheduleReview,
  syncDeck,
  usableDeck,
  type ReviewDeck,
} from '../../src/lib/learner/review';
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
    const preview = previewIntervals(deck, 'm1/q1', now)!;
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
      droppedIds: ['m1/q2', '<x>'],
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

describe('cards the scheduler refuses', () => {
  const now = new Date('2026-12-01T12:00:00.000Z');
  const reviewed = rateCard(rateCard(emptyDeck(), 'm1/q1', 'good', start), 'm1/q1', 'good', new Date(start.getTime() + day)).cards['m1/q1']!;
  const ratings = ['again', 'hard', 'good', 'easy'] as const;

  // Numbers inside ts-fsrs's bounds (edges included) three times in four, outside them otherwise.
  const inOrOut = (inside: fc.Arbitrary<number>, outside: fc.Arbitrary<number>) => fc.oneof({ weight: 3, arbitrary: inside }, { weight: 1, arbitrary: outside });
  const difficultyArb = inOrOut(
    fc.oneof(fc.constantFrom(1, 10), fc.double({ min: 1, max: 10, noNaN: true })),
    fc.oneof(fc.constantFrom(0, 0.999, 10.0001, 11, -1), fc.double({ min: -5, max: 1, maxExcluded: true, noNaN: true }), fc.double({ min: 10, minExcluded: true, max: 1e6, noNaN: true })),
  );
  const stabilityArb = inOrOut(
    fc.oneof(fc.constantFrom(S_MIN, S_MAX), fc.double({ min: S_MIN, max: S_MAX, noNaN: true })),
    fc.oneof(fc.constantFrom(0, S_MIN / 2, S_MAX * 2, 1e300, -1), fc.double({ min: -1, max: S_MIN, maxExcluded: true, noNaN: true })),
  );
  const dateArb = (min: string, max: string) => fc.date({ min: new Date(min), max: new Date(max), noInvalidDate: true }).map((d) => d.toISOString());
  // Mostly around now (a day either side of it), sometimes anywhere from year 1 to 100,000.
  const instantArb = fc.oneof(
    { weight: 4, arbitrary: dateArb('2026-11-30T12:00:00.000Z', '2026-12-02T12:00:00.000Z') },
    { weight: 1, arbitrary: dateArb('0001-01-01T00:00:00.000Z', '+100000-01-01T00:00:00.000Z') },
  );
  const countArb = fc.oneof({ weight: 8, arbitrary: fc.nat(20) }, { weight: 1, arbitrary: fc.constantFrom(1_000_000_000, Number.MAX_SAFE_INTEGER, -1) });
  const cardArb = fc.record(
    {
      due: instantArb,
      stability: stabilityArb,
      difficulty: difficultyArb,
      scheduled_days: countArb,
      learning_steps: countArb,
      reps: countArb,
      lapses: countArb,
      state: fc.constantFrom(State.New, State.Learning, State.Review, State.Relearning),
      last_review: instantArb,
    },
    { requiredKeys: ['due', 'stability', 'difficulty', 'scheduled_days', 'learning_steps', 'reps', 'lapses', 'state'] },
  );

  test('no card the deck accepts makes the scheduler throw, and each result loads again', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(cardArb, fc.date({ min: now, max: new Date('2100-01-01T00:00:00.000Z'), noInvalidDate: true }), (card, at) => {
        const loaded = loadDeck({ version: 1, cards: { 'm1/q1': card } });
        if (!loaded.ok) throw new Error('a one-card deck of the right shape always loads');
        const { deck } = usableDeck(loaded.deck, now);
        if (!deck.cards['m1/q1']) return void refused++;
        accepted++;
        // Straight to ts-fsrs, as the library did before: it must not throw for an accepted card.
        const f = fsrs({ enable_fuzz: false });
        const c = deck.cards['m1/q1'];
        const raw = { ...c, due: new Date(c.due), elapsed_days: 0, last_review: c.last_review ? new Date(c.last_review) : undefined };
        expect(() => f.repeat(raw, at)).not.toThrow();
        expect(previewIntervals(deck, 'm1/q1', at)).toBeDefined();
        for (const rating of ratings) {
          const result = scheduleReview(deck, 'm1/q1', rating, at);
          expect(result.ok).toBe(true);
          if (result.ok) expect(loadDeck(JSON.parse(JSON.stringify(result.deck)))).toMatchObject({ ok: true, dropped: 0 });
        }
      }),
      { numRuns: 600 },
    );
    // Both sides of the bounds were tried, many times each.
    expect(accepted).toBeGreaterThan(50);
    expect(refused).toBeGreaterThan(50);
  });

  test.each([
    ['difficulty below 1', { difficulty: 0.5 }],
    ['difficulty above 10', { difficulty: 11 }],
    ['stability 0', { stability: 0 }],
    ['stability below zero', { stability: -2 }],
    ['stability past the scheduler’s maximum', { stability: S_MAX + 1 }],
    ['no memory state on a reviewed card', { stability: 0, difficulty: 0 }],
  ])('a card with %s is dropped on load', (_, change) => {
    const loaded = loadDeck({ version: 1, cards: { 'm1/q1': reviewed, 'm1/q2': { ...reviewed, ...change } } });
    expect(loaded).toMatchObject({ ok: true, dropped: 1, droppedIds: ['m1/q2'] });
    expect(loaded.ok && Object.keys(loaded.deck.cards)).toEqual(['m1/q1']);
  });

  test('a card last reviewed later than now is set aside at that time; earlier ones stay', () => {
    const future = { ...reviewed, last_review: new Date(now.getTime() + day).toISOString() };
    const deck: ReviewDeck = { version: 1, cards: { 'm1/q1': reviewed, 'm1/q2': future } };
    expect(() => fsrs({ enable_fuzz: false }).repeat({ ...future, due: new Date(future.due), elapsed_days: 0, last_review: new Date(future.last_review) }, now)).toThrow();
    expect(usableDeck(deck, now)).toEqual({ deck: { version: 1, cards: { 'm1/q1': reviewed } }, rejected: ['m1/q2'] });
    expect(usableDeck(deck, new Date(now.getTime() + 2 * day)).rejected).toEqual([]);
  });

  test('the scheduling calls are total: a card that still makes ts-fsrs throw is refused with a reason', () => {
    // Built by hand, past loadDeck: the kind of card that crashed the review page.
    const bad: ReviewDeck = { version: 1, cards: { 'm1/q1': { ...reviewed, stability: 0 } } };
    expect(scheduleReview(bad, 'm1/q1', 'good', now)).toEqual({ ok: false, reason: expect.stringContaining('Invalid memory state') });
    expect(rateCard(bad, 'm1/q1', 'good', now)).toBe(bad);
    expect(previewIntervals(bad, 'm1/q1', now)).toBeUndefined();
    // A review at the end of the calendar gives a due date past it: refused, not thrown.
    expect(scheduleReview(emptyDeck(), 'm1/q1', 'good', new Date(8.64e15)).ok).toBe(false);
  });
});
