/**
 * The share of desk questions (tests/fixtures/desk-questions.ts) with an answering place in the
 * top three results: printed by `npm run bench`, held by tests/content/search.test.ts.
 */
import type { Searcher } from '../../src/lib/site/search';
import { DESK_QUESTIONS } from '../fixtures/desk-questions';

/** The target issue 20 sets. */
export const DESK_QUESTION_TARGET = 0.95;
/**
 * What CI holds: the target, reached without tuning to single questions (see the fixture's
 * comment): 61 of 64. Raise it as search gets better, never lower it to pass.
 */
export const DESK_QUESTION_FLOOR = DESK_QUESTION_TARGET;

export function deskQuestionShare(searcher: Searcher, questions: readonly [string, string[]][] = DESK_QUESTIONS): { share: number; hits: number; misses: string[] } {
  const misses: string[] = [];
  for (const [question, places] of questions) {
    const top = searcher.search(question, 3).map((hit) => hit.doc.h);
    if (!top.some((href) => places.some((place) => href.startsWith(place)))) misses.push(`${question} → ${top.join(' | ')}`);
  }
  return { share: (questions.length - misses.length) / questions.length, hits: questions.length - misses.length, misses };
}
