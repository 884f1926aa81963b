/**
 * The largest state one learner can leave in storage for a course: every lesson read, every
 * module's check taken the most times we keep (MAX_ATTEMPTS), the most options chosen on every
 * question, every module passed and complete, every question answered, and a review
 * card for every question, rated many times. Built with the same functions and encoders the
 * stores use, so it is what localStorage would hold, key for key.
 * Used by the storage budget test (tests/content/budgets.test.ts) and `npm run bench`.
 */
import { packProgress } from '../../src/lib/learner/packed-storage';
import { packDeck } from '../../src/lib/learner/packed-deck';
import { everyQuestion, type Course } from '../../src/lib/course/course';
import { moduleFacts } from '../../src/lib/site/manifest';
import { MAX_ATTEMPTS, emptyProgress, markLessonRead, recordAnswer, recordAttempt, recordVisit, newEpoch, type ProgressState } from '../../src/lib/learner/progress';
import { emptyDeck, rateCard, syncDeck, type ReviewDeck } from '../../src/lib/learner/review';

export interface LargestState {
  /** Storage key → the stored string, as the stores write them. */
  entries: Record<string, string>;
  /** Characters of keys and values together. */
  characters: number;
}

export function largestLearnerState(course: Course, profileId = 'p-longest-profile-id'): LargestState {
  // A long, many-digit instant: dates are the bulk of the state, so take the longest form.
  const at = (n: number) => new Date(Date.UTC(2026, 10, 28, 23, 59, 59, 999) + n * 1_000).toISOString();
  let progress: ProgressState = emptyProgress(newEpoch());
  let tick = 0;
  for (const module of course.modules) {
    const facts = moduleFacts(module);
    for (const lesson of module.lessons) progress = markLessonRead(progress, lesson.id, at(tick++), facts);
    const questions = everyQuestion(module);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      // A ratio with many digits, as a real score like 6/7 has.
      const max = questions.length * 3 + 1;
      const points = max - 1 - attempt;
      progress = recordAttempt(
        progress,
        module.id,
        { at: at(tick++), ratio: points / max, points, max, passed: true, contentHash: module.contentHash },
        facts,
      );
    }
    // The most a learner can choose: every option of a multiple-answer question, one of a single.
    for (const q of questions) progress = recordAnswer(progress, q.id, q.type === 'multiple' ? q.options.map((o) => o.id) : [q.options.at(-1)!.id], 'partial', at(tick++));
  }
  const longestLesson = course.modules.flatMap((m) => m.lessons.map((l) => ({ l, m }))).sort((a, b) => b.l.title.length + b.m.title.length - a.l.title.length - a.m.title.length)[0]!;
  progress = recordVisit(progress, { lessonId: longestLesson.l.id, title: longestLesson.l.title, moduleTitle: longestLesson.m.title, at: at(tick++) });

  const known = new Set(course.modules.flatMap((m) => everyQuestion(m).map((q) => q.id)));
  let deck: ReviewDeck = syncDeck(emptyDeck(), progress, known);
  // Reviews grow a card's numbers (stability, difficulty, days): rate each card a dozen times.
  for (let round = 0; round < 12; round++) {
    for (const id of known) deck = rateCard(deck, id, round % 4 === 3 ? 'again' : 'hard', new Date(at(tick++ * 86_400)));
  }

  const entries = {
    [`crosswalk:progress:${profileId}`]: packProgress(progress),
    [`crosswalk:review:${profileId}`]: packDeck(deck),
  };
  const characters = Object.entries(entries).reduce((n, [k, v]) => n + k.length + v.length, 0);
  return { entries, characters };
}
