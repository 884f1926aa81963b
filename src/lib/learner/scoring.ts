/**
 * Scoring for module checks. One point per question.
 *
 * Partial credit for "select all that apply" (stated on the check page):
 * each correct option you choose earns an equal share of the point, each wrong
 * option you choose takes one share away, and a question never scores below zero.
 * So choosing every option never earns full marks.
 */

export interface ScorableOption {
  id: string;
  correct: boolean;
}

export interface ScorableQuestion {
  /** Local id within the module. */
  localId: string;
  type: 'single' | 'multiple';
  options: ScorableOption[];
}

export type Verdict = 'correct' | 'partial' | 'incorrect';

export interface QuestionScore {
  points: number;
  verdict: Verdict;
}

export const PARTIAL_CREDIT_RULE =
  'For “select all that apply” questions, each correct option you choose earns an equal share of the point and each wrong option you choose takes one share away; a question never scores below zero.';

export function scoreQuestion(question: ScorableQuestion, chosen: readonly string[]): QuestionScore {
  const picked = new Set(chosen);
  const correctIds = question.options.filter((o) => o.correct).map((o) => o.id);
  if (question.type === 'single') {
    const right = picked.size === 1 && correctIds.includes([...picked][0]!);
    return { points: right ? 1 : 0, verdict: right ? 'correct' : 'incorrect' };
  }
  const share = 1 / correctIds.length;
  let points = 0;
  for (const option of question.options) {
    if (!picked.has(option.id)) continue;
    points += option.correct ? share : -share;
  }
  points = Math.max(0, Math.min(1, Math.round(points * 1000) / 1000));
  return { points, verdict: points === 1 ? 'correct' : points > 0 ? 'partial' : 'incorrect' };
}

export interface CheckScore {
  points: number;
  max: number;
  /** points / max, 0–1. */
  ratio: number;
  passed: boolean;
  perQuestion: Record<string, QuestionScore>;
}

/** Scores a whole check; unanswered questions score zero. */
export function scoreCheck(questions: readonly ScorableQuestion[], answers: Readonly<Record<string, readonly string[]>>, passMark: number): CheckScore {
  const perQuestion: Record<string, QuestionScore> = {};
  let points = 0;
  for (const question of questions) {
    const score = scoreQuestion(question, answers[question.localId] ?? []);
    perQuestion[question.localId] = score;
    points += score.points;
  }
  const max = questions.length;
  const ratio = max === 0 ? 0 : Math.round((points / max) * 1000) / 1000;
  // A small epsilon so 4 of 5 (0.8) passes an 80% mark despite floating point.
  return { points: Math.round(points * 1000) / 1000, max, ratio, passed: ratio + 1e-9 >= passMark, perQuestion };
}

/** Whole-number percentage for display. */
export const percent = (ratio: number) => Math.round(ratio * 100);

/** A deterministic shuffle (mulberry32), so an attempt's option order can be reproduced from its seed. */
export function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
