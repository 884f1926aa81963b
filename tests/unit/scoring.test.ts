import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { PARTIAL_CREDIT_RULE, percent, scoreCheck, scoreQuestion, seededShuffle, type ScorableQuestion } from '../../src/lib/learner/scoring';

const single: ScorableQuestion = {
  localId: 'q1',
  type: 'single',
  options: [
    { id: 'a', correct: false },
    { id: 'b', correct: true },
    { id: 'c', correct: false },
  ],
};

/** Two correct options (a, b) and one wrong one (c). */
const twoOfThree: ScorableQuestion = {
  localId: 'q2',
  type: 'multiple',
  options: [
    { id: 'a', correct: true },
    { id: 'b', correct: true },
    { id: 'c', correct: false },
  ],
};

describe('single choice', () => {
  test.each([
    ['the correct option', ['b'], 1, 'correct'],
    ['a wrong option', ['a'], 0, 'incorrect'],
    ['nothing', [], 0, 'incorrect'],
    ['the correct option plus a wrong one', ['b', 'a'], 0, 'incorrect'],
    ['an id that is not an option', ['zz'], 0, 'incorrect'],
  ] as const)('choosing %s scores %d (%s)', (_label, chosen, points, verdict) => {
    expect(scoreQuestion(single, chosen)).toEqual({ points, verdict });
  });

  test('choosing the correct option twice still counts as one choice', () => {
    expect(scoreQuestion(single, ['b', 'b']).points).toBe(1);
  });
});

describe('multiple choice partial credit', () => {
  test('the rule shown to learners says each wrong choice takes a share away and the floor is zero', () => {
    expect(PARTIAL_CREDIT_RULE).toMatch(/equal share/);
    expect(PARTIAL_CREDIT_RULE).toMatch(/wrong option you choose takes one share away/);
    expect(PARTIAL_CREDIT_RULE).toMatch(/never scores below zero/);
  });

  // Shares are 1/2 each: +½ per correct choice, −½ per wrong choice, clamped to [0, 1].
  test.each([
    ['both correct options', ['a', 'b'], 1, 'correct'],
    ['one correct option', ['a'], 0.5, 'partial'],
    ['the other correct option', ['b'], 0.5, 'partial'],
    ['one correct plus the wrong one', ['a', 'c'], 0, 'incorrect'],
    ['all three options', ['a', 'b', 'c'], 0.5, 'partial'],
    ['only the wrong option (never negative)', ['c'], 0, 'incorrect'],
    ['nothing', [], 0, 'incorrect'],
  ] as const)('2 correct of 3: choosing %s scores %d', (_label, chosen, points, verdict) => {
    expect(scoreQuestion(twoOfThree, chosen)).toEqual({ points, verdict });
  });

  test('with three correct options of five, each share is a third', () => {
    const q: ScorableQuestion = {
      localId: 'q',
      type: 'multiple',
      options: ['a', 'b', 'c', 'd', 'e'].map((id, i) => ({ id, correct: i < 3 })),
    };
    expect(scoreQuestion(q, ['a', 'b', 'c']).points).toBe(1);
    expect(scoreQuestion(q, ['a']).points).toBeCloseTo(1 / 3, 3);
    expect(scoreQuestion(q, ['a', 'b', 'd']).points).toBeCloseTo(1 / 3, 3);
    expect(scoreQuestion(q, ['a', 'b', 'c', 'd', 'e']).points).toBeCloseTo(1 / 3, 3);
    expect(scoreQuestion(q, ['a', 'd', 'e']).points).toBe(0);
  });

  test('choosing every option never earns full marks when any option is wrong', () => {
    expect(scoreQuestion(twoOfThree, ['a', 'b', 'c']).points).toBeLessThan(1);
  });
});

/** A multiple-choice question with at least one correct option, and a chosen subset of its option ids. */
const questionAndChoice = fc
  .array(fc.boolean(), { minLength: 1, maxLength: 8 })
  .filter((flags) => flags.some(Boolean))
  .chain((flags) => {
    const options = flags.map((correct, i) => ({ id: `o${i}`, correct }));
    const question: ScorableQuestion = { localId: 'q', type: 'multiple', options };
    return fc.tuple(fc.constant(question), fc.subarray(options.map((o) => o.id)));
  });

describe('multiple choice properties', () => {
  test('points are always between 0 and 1 and follow the share rule', () => {
    fc.assert(
      fc.property(questionAndChoice, ([question, chosen]) => {
        const { points, verdict } = scoreQuestion(question, chosen);
        expect(points).toBeGreaterThanOrEqual(0);
        expect(points).toBeLessThanOrEqual(1);
        const correctCount = question.options.filter((o) => o.correct).length;
        const right = chosen.filter((id) => question.options.find((o) => o.id === id)!.correct).length;
        const wrong = chosen.length - right;
        const expected = Math.max(0, (right - wrong) / correctCount);
        expect(points).toBeCloseTo(expected, 3);
        expect(verdict).toBe(points === 1 ? 'correct' : points > 0 ? 'partial' : 'incorrect');
      }),
    );
  });

  test('choosing exactly the correct options scores 1, in any order', () => {
    fc.assert(
      fc.property(questionAndChoice, fc.integer(), ([question], seed) => {
        const correct = question.options.filter((o) => o.correct).map((o) => o.id);
        expect(scoreQuestion(question, seededShuffle(correct, seed))).toEqual({ points: 1, verdict: 'correct' });
      }),
    );
  });
});

describe('scoreCheck', () => {
  const questions: ScorableQuestion[] = ['q1', 'q2', 'q3', 'q4', 'q5'].map((localId) => ({
    localId,
    type: 'single',
    options: [
      { id: 'right', correct: true },
      { id: 'wrong', correct: false },
    ],
  }));
  const answersWith = (rightCount: number) =>
    Object.fromEntries(questions.map((q, i) => [q.localId, [i < rightCount ? 'right' : 'wrong']]));

  test.each([
    [5, 0.8, 1, true],
    [4, 0.8, 0.8, true],
    [3, 0.8, 0.6, false],
    [4, 1, 0.8, false],
    [0, 0.8, 0, false],
    [2, 0.4, 0.4, true],
  ])('%d of 5 right at pass mark %d: ratio %d, passed %s', (right, passMark, ratio, passed) => {
    const score = scoreCheck(questions, answersWith(right), passMark);
    expect(score.points).toBe(right);
    expect(score.max).toBe(5);
    expect(score.ratio).toBe(ratio);
    expect(score.passed).toBe(passed);
  });

  test('2 of 3 passes a two-thirds pass mark, 1 of 3 does not', () => {
    const three = questions.slice(0, 3);
    expect(scoreCheck(three, { q1: ['right'], q2: ['right'], q3: ['wrong'] }, 2 / 3).passed).toBe(true);
    expect(scoreCheck(three, { q1: ['right'] }, 2 / 3).passed).toBe(false);
  });

  test('unanswered questions count as zero but still count towards the maximum', () => {
    const score = scoreCheck(questions, { q1: ['right'], q2: ['right'] }, 0.8);
    expect(score.points).toBe(2);
    expect(score.max).toBe(5);
    expect(score.ratio).toBe(0.4);
    expect(score.passed).toBe(false);
    expect(score.perQuestion.q5).toEqual({ points: 0, verdict: 'incorrect' });
  });

  test('partial credit adds up across questions', () => {
    const score = scoreCheck([twoOfThree, { ...twoOfThree, localId: 'q3' }], { q2: ['a'], q3: ['a', 'b'] }, 0.75);
    expect(score.points).toBe(1.5);
    expect(score.ratio).toBe(0.75);
    expect(score.passed).toBe(true);
    expect(score.perQuestion.q2!.verdict).toBe('partial');
  });

  test('an empty check has ratio 0 rather than NaN', () => {
    const score = scoreCheck([], {}, 0.8);
    expect(score.ratio).toBe(0);
    expect(score.passed).toBe(false);
  });

  test.each([
    [0.8, 80],
    [2 / 3, 67],
    [0, 0],
    [1, 100],
  ])('percent(%d) shows %d', (ratio, shown) => {
    expect(percent(ratio)).toBe(shown);
  });
});

describe('seededShuffle', () => {
  const five = ['a', 'b', 'c', 'd', 'e'];

  test('returns a permutation of its input and leaves the input alone', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer(), (items, seed) => {
        const copy = [...items];
        const out = seededShuffle(items, seed);
        expect(items).toEqual(copy);
        expect([...out].sort((x, y) => x - y)).toEqual([...items].sort((x, y) => x - y));
      }),
    );
  });

  test('is deterministic for a given seed', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 12 }), fc.integer(), (items, seed) => {
        expect(seededShuffle(items, seed)).toEqual(seededShuffle(items, seed));
      }),
    );
  });

  test('different seeds give different orders of a five-item list', () => {
    const orders = new Set(Array.from({ length: 200 }, (_, seed) => seededShuffle(five, seed).join('')));
    // 120 possible orders; a working shuffle over 200 seeds reaches far more than a handful.
    expect(orders.size).toBeGreaterThan(60);
  });

  test('every item can come first', () => {
    const firsts = new Set(Array.from({ length: 200 }, (_, seed) => seededShuffle(five, seed)[0]));
    expect([...firsts].sort()).toEqual(five);
  });
});
