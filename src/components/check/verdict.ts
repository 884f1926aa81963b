/** How a question's result is said, shared by the React card (review) and the plain check scripts. */
import type { Verdict } from '../../lib/learner/scoring';

export const VERDICT_TEXT: Record<Verdict, string> = { correct: 'Correct', partial: 'Partly correct', incorrect: 'Not correct' };
/** Beside the words, never instead of them (hidden from screen readers, which read the words). */
export const VERDICT_ICON: Record<Verdict, string> = { correct: '✓ ', partial: '◐ ', incorrect: '✗ ' };

/** 1, 0.5, 0.33: points as a person writes them. */
export const formatPoints = (points: number) => (Number.isInteger(points) ? String(points) : points.toFixed(2).replace(/0$/, ''));
