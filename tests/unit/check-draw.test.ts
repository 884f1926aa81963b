import { describe, expect, test } from 'vitest';
import { attemptSize, drawForAttempt, drawWindows, seedOf } from '../../src/lib/learner/check-draw';

describe('drawing an attempt from the bank', () => {
  test('an attempt draws `draw` distinct items, the same ones for the same attempt number', () => {
    const first = drawForAttempt(9, 5, 'duty-01', 0);
    expect(new Set(first).size).toBe(5);
    expect(first.every((i) => i >= 0 && i < 9)).toBe(true);
    expect(drawForAttempt(9, 5, 'duty-01', 0)).toEqual(first);
  });

  test.each([
    [9, 5],
    [12, 6],
    [8, 5],
    [10, 4],
  ])('with a bank of %i and draws of %i, consecutive attempts overlap as little as the bank allows', (bank, draw) => {
    for (let attempt = 0; attempt < 12; attempt++) {
      const a = new Set(drawForAttempt(bank, draw, 'm', attempt));
      const b = drawForAttempt(bank, draw, 'm', attempt + 1);
      const overlap = b.filter((i) => a.has(i)).length;
      expect(overlap).toBeLessThanOrEqual(Math.max(0, 2 * draw - bank));
    }
  });

  test('every item comes up within a few attempts', () => {
    const seen = new Set<number>();
    for (let attempt = 0; attempt < 3; attempt++) for (const i of drawForAttempt(11, 5, 'value-03', attempt)) seen.add(i);
    expect(seen.size).toBe(11);
  });

  test('the order within an attempt differs between attempts and modules', () => {
    const orders = new Set([0, 1, 2, 3].map((attempt) => drawForAttempt(6, 6, 'x', attempt).join()));
    expect(orders.size).toBeGreaterThan(1);
    expect(seedOf('duty-01')).not.toBe(seedOf('duty-02'));
  });

  test('a draw of the whole bank, or more, shows every item; an empty bank shows none', () => {
    expect([...drawForAttempt(4, 4, 'm', 3)].sort()).toEqual([0, 1, 2, 3]);
    expect([...drawForAttempt(4, 9, 'm', 0)].sort()).toEqual([0, 1, 2, 3]);
    expect(drawForAttempt(0, 3, 'm', 0)).toEqual([]);
    expect(drawForAttempt(5, 2, 'm', -4)).toEqual(drawForAttempt(5, 2, 'm', 0));
  });

  test('the windows content tests search include every set an attempt can draw', () => {
    const windows = drawWindows(9, 5, 'duty-01').map((w) => [...w].sort().join());
    for (let attempt = 0; attempt < 20; attempt++) expect(windows).toContain([...drawForAttempt(9, 5, 'duty-01', attempt)].sort().join());
  });

  test('attempt size counts a scenario item’s questions', () => {
    expect(attemptSize([1, 1, 2, 3], 4, 'm')).toEqual({ min: 7, max: 7 });
    const size = attemptSize([1, 1, 1, 2, 2, 3], 3, 'm');
    expect(size.min).toBeGreaterThanOrEqual(3);
    expect(size.max).toBeLessThanOrEqual(7);
  });
});
