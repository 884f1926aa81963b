import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { AGAIN_GAP, MAX_AGAIN_PER_SESSION, RATING_FOR_VERDICT, RATINGS_FOR_VERDICT, sessionAfterRating } from '../../src/lib/learner/review';

describe('a review session', () => {
  test('"Again" brings the card back a few cards later in the same session', () => {
    const session = ['a', 'b', 'c', 'd', 'e', 'f'];
    const next = sessionAfterRating(session, 0, 'again');
    expect(next).toEqual(['a', 'b', 'c', 'd', 'a', 'e', 'f']);
    expect(next.indexOf('a', 1)).toBe(1 + AGAIN_GAP);
  });

  test('"Again" on the last cards puts the card at the end', () => {
    expect(sessionAfterRating(['a', 'b'], 1, 'again')).toEqual(['a', 'b', 'b']);
  });

  test('other ratings leave the session as it is', () => {
    for (const rating of ['hard', 'good', 'easy'] as const) expect(sessionAfterRating(['a', 'b'], 0, rating)).toEqual(['a', 'b']);
  });

  test('a card failed again and again comes back at most MAX_AGAIN_PER_SESSION times, so a session always ends', () => {
    let session = ['a'];
    let position = 0;
    while (position < session.length && position < 100) {
      session = sessionAfterRating(session, position, 'again');
      position++;
    }
    expect(position).toBe(MAX_AGAIN_PER_SESSION + 1);
    expect(session).toEqual(Array(MAX_AGAIN_PER_SESSION + 1).fill('a'));
  });

  test('rating never drops or invents a card other than the one rated', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 1, maxLength: 8 }), fc.nat(), fc.constantFrom('again', 'hard', 'good', 'easy' as const), (session, n, rating) => {
        const position = n % session.length;
        const next = sessionAfterRating(session, position, rating);
        const without = [...next];
        if (next.length > session.length) without.splice(next.lastIndexOf(session[position]!, position + 1 + AGAIN_GAP), 1);
        expect(without).toEqual(session);
        expect(next.slice(0, position + 1)).toEqual(session.slice(0, position + 1));
      }),
    );
  });
});

describe('the ratings offered after an answer', () => {
  test('no "Easy" after a wrong or partly right answer; all four after a right one', () => {
    expect(RATINGS_FOR_VERDICT.incorrect).not.toContain('easy');
    expect(RATINGS_FOR_VERDICT.partial).not.toContain('easy');
    expect(RATINGS_FOR_VERDICT.correct).toEqual(['again', 'hard', 'good', 'easy']);
    // The suggested rating is always one of those offered.
    for (const verdict of ['correct', 'partial', 'incorrect'] as const) expect(RATINGS_FOR_VERDICT[verdict]).toContain(RATING_FOR_VERDICT[verdict]);
  });
});
