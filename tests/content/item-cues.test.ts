/**
 * The real course's checks give no answer away by a surface cue (CONTENT-GUIDE.md, "Writing
 * questions that measure learning"; src/lib/course/item-cues.ts says how each cue is measured). The
 * figures are printed on every run, so a trainer sees how close the course is to each line.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { fileURLToPath } from 'node:url';
import { buildCourse, formatProblem, type Course } from '../../src/lib/course/course';
import { cueFigures, formatCueFigures, itemProblems, MAX_FIRST_CORRECT_SHARE, MAX_LONGEST_SHARE_COURSE, type CueFigures } from '../../src/lib/course/item-cues';
import { readCourseFiles } from '../../src/node/read-course';
import { drawForAttempt } from '../../src/lib/learner/check-draw';
import { scoreCheck } from '../../src/lib/learner/scoring';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let course: Course;
let figures: CueFigures;

beforeAll(async () => {
  course = buildCourse(await readCourseFiles(ROOT));
  figures = cueFigures(course.modules);
  console.log(formatCueFigures(figures));
});

describe('no question gives its answer away', () => {
  test('no item or check breaks an item-writing rule (npm run check:content lists them with their lines)', () => {
    expect(course.modules.flatMap(itemProblems).map(formatProblem)).toEqual([]);
  });

  test(`the correct option is the longest in at most ${MAX_LONGEST_SHARE_COURSE * 100}% of single-answer items`, () => {
    expect(figures.keyLongest / figures.singles).toBeLessThanOrEqual(MAX_LONGEST_SHARE_COURSE);
  });

  test('no module check can be passed by always choosing the longest option(s)', () => {
    const passing = figures.modules.filter((m) => m.longestStrategy + 1e-9 >= m.passMark).map((m) => `${m.id}: ${Math.round(m.longestStrategy * 100)}%`);
    expect(passing).toEqual([]);
  });

  test('no position, and no length rank, holds the single-answer key much more often than chance', () => {
    for (const share of figures.keyPositions) expect(share).toBeLessThanOrEqual(0.4);
    // "Never pick the longest" must not become the new cue: no rank of length is a safe bet either.
    for (const share of figures.keyLengthRanks) expect(share).toBeLessThanOrEqual(0.4);
  });

  test(`the first option as written is correct in at most ${MAX_FIRST_CORRECT_SHARE * 100}% of multi-select items, and the number correct varies`, () => {
    expect(figures.firstCorrect / figures.multiples).toBeLessThanOrEqual(MAX_FIRST_CORRECT_SHARE);
    expect(figures.onlyOne, 'multi-select items with exactly one correct option').toBeGreaterThan(0);
    expect(figures.allButOne, 'multi-select items with all but one option correct').toBeGreaterThan(0);
    const mostCommon = Math.max(...Object.values(figures.correctCounts));
    expect(mostCommon / figures.multiples, 'share of the most common number of correct options').toBeLessThanOrEqual(0.6);
  });

  test('gentle words ("ask", "offer", "together"…) are no more a mark of the key than of a distractor', () => {
    expect(figures.gentleKeys).toBeLessThanOrEqual(figures.gentleDistractors + 0.1);
  });

  test('self-disclosure is tested as a distinction: items where a brief disclosure is best, and items where it is not', () => {
    expect(figures.disclosureBest).toBeGreaterThanOrEqual(3);
    expect(figures.disclosureWrong).toBeGreaterThanOrEqual(3);
  });

  test('no scenario reaches its best ending by always taking the first, or the longest, choice', () => {
    const cued = figures.scenarios.filter((s) => s.first.startsWith('best') || s.longest.startsWith('best')).map((s) => s.id);
    expect(cued).toEqual([]);
    for (const s of figures.scenarios) expect(s.best, `${s.id}: best endings`).toBeGreaterThanOrEqual(1);
  });
});

describe('the best responses pass', () => {
  test('every attempt of every module check scores 100% with the correct options', () => {
    for (const module of course.modules) {
      const { items, draw, passMark } = module.check;
      for (let attempt = 0; attempt < items.length; attempt++) {
        const questions = drawForAttempt(items.length, draw, module.id, attempt).flatMap((i) => {
          const item = items[i]!;
          return item.kind === 'scenario' ? item.questions : [item.question];
        });
        const answers = Object.fromEntries(questions.map((q) => [q.localId, q.options.filter((o) => o.correct).map((o) => o.id)]));
        const score = scoreCheck(questions, answers, passMark);
        expect(score.ratio, `${module.id}, attempt ${attempt + 1}`).toBe(1);
        expect(score.passed).toBe(true);
      }
    }
  });
});
