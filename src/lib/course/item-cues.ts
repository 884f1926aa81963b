/**
 * Surface cues in check items: what a test-wise learner who has not read a lesson could use to
 * find the answer (its length, its place, the hedged words it uses), and the rules that keep
 * the course free of them (CONTENT-GUIDE.md, "Writing questions that measure learning").
 *
 * `itemProblems` names every item that breaks a rule, with the field to fix, for
 * `npm run check:content`; `cueFigures` measures the whole course for the content test, which
 * prints the figures. Pure: it reads the course graph, nothing else.
 */
import type { CourseCheck, CourseModule, CourseOption, CourseProblem, CourseQuestion } from './course';
import { attemptSize as drawnSize, drawWindows } from '../learner/check-draw';
import type { Scenario } from './scenario';
import { scoreQuestion } from '../learner/scoring';

/** How far a key's length may stray from the distractors' mean before it stands out. */
export const LENGTH_RATIO = { min: 0.8, max: 1.25 } as const;
/** Share of single-answer items, course-wide, whose key may be the longest option. */
export const MAX_LONGEST_SHARE_COURSE = 0.3;
/** … and within one module. */
export const MAX_LONGEST_SHARE_MODULE = 0.5;
/** Share of multi-select items whose first option, as written, may be correct. */
export const MAX_FIRST_CORRECT_SHARE = 0.5;
/** The bank holds at least this many times the questions of one attempt. */
export const MIN_BANK_FACTOR = 1.5;

/** Words that sound kind. A cue when keys use them more than distractors do. */
export const GENTLE_WORDS = ['ask', 'asks', 'asking', 'offer', 'offers', 'offering', "if they'd like", 'if they would like', 'if you like', 'together', 'gently', 'calmly', 'invite', 'invites'];

const length = (option: CourseOption) => option.text.trim().length;
const mean = (values: number[]) => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

export function usesGentleWords(text: string): boolean {
  const lower = text.toLowerCase().replace(/[’‘]/g, "'");
  return GENTLE_WORDS.some((word) => new RegExp(`(^|[^a-z'])${word.replace(/'/g, "'")}($|[^a-z'])`).test(lower));
}

/** The key is the longest option (ties with a distractor do not count as a cue). */
export function keyIsLongest(question: CourseQuestion): boolean {
  const key = question.options.find((o) => o.correct);
  if (!key || question.type !== 'single') return false;
  return question.options.every((o) => o === key || length(o) < length(key));
}

/** Mean length of the correct options over the mean length of the wrong ones. */
export function keyLengthRatio(question: CourseQuestion): number {
  const keys = question.options.filter((o) => o.correct).map(length);
  const others = question.options.filter((o) => !o.correct).map(length);
  return others.length === 0 ? 1 : mean(keys) / mean(others);
}

/**
 * What "always choose the longest" picks: the longest option for a single answer; for
 * select-all-that-apply, the k longest options for whichever k scores best (the strongest
 * form of the strategy, so the rule holds against all of them).
 */
export function longestChoice(question: CourseQuestion): string[] {
  const byLength = [...question.options].sort((a, b) => length(b) - length(a));
  if (question.type === 'single') return [byLength[0]!.id];
  let best: string[] = [];
  let bestPoints = -1;
  for (let k = 1; k < byLength.length; k++) {
    const pick = byLength.slice(0, k).map((o) => o.id);
    const points = scoreQuestion(question, pick).points;
    if (points > bestPoints) [best, bestPoints] = [pick, points];
  }
  return best;
}

/** Questions of each item in the bank, by item index. */
const itemQuestions = (check: CourseCheck): CourseQuestion[][] => check.items.map((item) => (item.kind === 'scenario' ? item.questions : [item.question]));

/** The best score "always choose the longest" earns on any attempt the check can draw. */
export function longestStrategyBest(module: CourseModule): number {
  const perItem = itemQuestions(module.check).map((questions) => ({
    points: questions.reduce((sum, q) => sum + scoreQuestion(q, longestChoice(q)).points, 0),
    count: questions.length,
  }));
  let best = 0;
  for (const window of drawWindows(module.check.items.length, module.check.draw, module.id)) {
    const points = window.reduce((sum, i) => sum + perItem[i]!.points, 0);
    const count = window.reduce((sum, i) => sum + perItem[i]!.count, 0);
    best = Math.max(best, count === 0 ? 0 : points / count);
  }
  return round(best, 3);
}

/** Fewest and most questions one attempt of this check can hold. */
export function attemptSize(check: CourseCheck, moduleId: string): { min: number; max: number } {
  return drawnSize(itemQuestions(check).map((q) => q.length), check.draw, moduleId);
}

/** "6 to 8 questions" or "6 questions": what one attempt of the check holds, in words. */
export function attemptLabel(check: CourseCheck, moduleId: string): string {
  const { min, max } = attemptSize(check, moduleId);
  return min === max ? `${max} question${max === 1 ? '' : 's'}` : `${min} to ${max} questions`;
}

/** Where a question sits in check.yaml, as a field path. */
function questionFields(check: CourseCheck): Map<CourseQuestion, string> {
  const fields = new Map<CourseQuestion, string>();
  check.items.forEach((item, i) => {
    if (item.kind === 'scenario') item.questions.forEach((q, qi) => fields.set(q, `items[${i}].questions[${qi}]`));
    else fields.set(item.question, `items[${i}]`);
  });
  check.practice.forEach((q, i) => fields.set(q, `practice[${i}]`));
  return fields;
}

/** The choice a walker takes at each node: its index. */
type Walker = (choices: { text: string }[]) => number;
export const FIRST_CHOICE: Walker = () => 0;
export const LONGEST_CHOICE: Walker = (choices) => {
  const lengths = choices.map((c) => c.text.trim().length);
  return lengths.indexOf(Math.max(...lengths));
};

/** The ending a scenario reaches when every choice is made by `walker` (undefined if it loops). */
export function walkScenario(scenario: Scenario, walker: Walker): Scenario['nodes'][number] | undefined {
  const byId = new Map(scenario.nodes.map((n) => [n.id, n]));
  const seen = new Set<string>();
  let node = byId.get(scenario.start);
  while (node && !node.ending) {
    if (seen.has(node.id)) return undefined;
    seen.add(node.id);
    const choices = node.choices ?? [];
    node = byId.get(choices[walker(choices)]!.next);
  }
  return node;
}

const fmtPercent = (ratio: number) => `${Math.round(ratio * 100)}%`;

/** Every rule an item or a module breaks, each naming its file and field. */
export function itemProblems(module: CourseModule): CourseProblem[] {
  const problems: CourseProblem[] = [];
  const { check } = module;
  const file = check.file;
  const fields = questionFields(check);
  const report = (field: string, message: string, hint?: string) => problems.push({ file, field, message, ...(hint ? { hint } : {}) });

  for (const question of [...check.questions, ...check.practice]) {
    const field = fields.get(question)!;
    const ratio = keyLengthRatio(question);
    const correctCount = question.options.filter((o) => o.correct).length;
    if (question.type === 'multiple' && correctCount === question.options.length) {
      report(`${field}.options`, `every option of "${question.localId}" is correct: ticking them all scores full marks`, 'make at least one option wrong for a reason the lesson teaches');
    } else if (ratio > LENGTH_RATIO.max || ratio < LENGTH_RATIO.min) {
      const what = question.type === 'single' ? 'the correct option is' : 'the correct options are';
      report(
        `${field}.options`,
        `in "${question.localId}" ${what} ${ratio > 1 ? `${Math.round((ratio - 1) * 100)}% longer` : `${Math.round((1 - ratio) * 100)}% shorter`} than the wrong ones on average, so length gives the answer away`,
        `keep the key within ${Math.round((LENGTH_RATIO.min - 1) * -100)}% shorter to ${Math.round((LENGTH_RATIO.max - 1) * 100)}% longer than the distractors: give them detail and clauses too, or trim the key`,
      );
    }
  }

  const bankPrompts = new Map(check.questions.map((q) => [normalise(q.prompt), q]));
  check.practice.forEach((q, i) => {
    const same = bankPrompts.get(normalise(q.prompt));
    if (same) report(`practice[${i}].prompt`, `practice question "${q.localId}" repeats the prompt of check question "${same.localId}" word for word`, 'practice in a lesson must not preview a graded question: write a different case');
  });

  const singles = [...check.questions, ...check.practice].filter((q) => q.type === 'single');
  const longest = singles.filter(keyIsLongest);
  if (singles.length >= 4 && longest.length / singles.length > MAX_LONGEST_SHARE_MODULE) {
    report('items', `the correct option is the longest in ${longest.length} of ${singles.length} single-answer questions (${fmtPercent(longest.length / singles.length)}; at most ${fmtPercent(MAX_LONGEST_SHARE_MODULE)})`, `shorten the key or lengthen a distractor in: ${longest.map((q) => q.localId).join(', ')}`);
  }

  const strategy = longestStrategyBest(module);
  if (strategy + 1e-9 >= check.passMark) {
    report('items', `always choosing the longest option(s) scores ${fmtPercent(strategy)} on some attempt, and the pass mark is ${fmtPercent(check.passMark)}`, 'make distractors as long and as detailed as the keys');
  }

  const size = attemptSize(check, module.id);
  if (check.questions.length < MIN_BANK_FACTOR * size.max) {
    report(
      'draw',
      `the bank has ${check.questions.length} questions and one attempt can draw ${size.max}: a retake would replay most of the feedback just read`,
      `hold at least ${Math.ceil(MIN_BANK_FACTOR * size.max)} questions in items, or set draw: to fewer items`,
    );
  }

  if (module.scenario) {
    const scenarioFile = `modules/${module.id}/scenario.yaml`;
    for (const [name, walker] of [['first', FIRST_CHOICE], ['longest', LONGEST_CHOICE]] as const) {
      const end = walkScenario(module.scenario, walker);
      if (end?.ending?.outcome === 'best') {
        problems.push({
          file: scenarioFile,
          field: `nodes[${module.scenario.nodes.indexOf(end)}].ending`,
          message: `always taking the ${name} choice reaches the best ending ("${end.ending.title}")`,
          hint: name === 'first' ? 'reorder the choices so the best one is not listed first at every step' : 'balance the choices\' lengths so the best one is not the longest at every step',
        });
      }
    }
  }
  return problems;
}

const normalise = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

export interface CueFigures {
  singles: number;
  /** Single-answer items whose key is the longest option. */
  keyLongest: number;
  /** Share of single-answer keys at each position (as written). */
  keyPositions: number[];
  /**
   * Share of single-answer keys by length rank (0 = the longest option). Over-correcting the
   * "longest is right" cue makes a new one ("never the longest"), so every rank is watched.
   */
  keyLengthRanks: number[];
  multiples: number;
  /** Multi-select items whose first option, as written, is correct. */
  firstCorrect: number;
  /** How many multi-select items have N correct options, and how many have all but one. */
  correctCounts: Record<number, number>;
  allButOne: number;
  onlyOne: number;
  /** Share of correct options and of wrong ones that use a gentle word. */
  gentleKeys: number;
  gentleDistractors: number;
  /** Mean key / distractor length ratio. */
  meanLengthRatio: number;
  /** Items whose best option discloses, and items where a disclosing option is wrong. */
  disclosureBest: number;
  disclosureWrong: number;
  /** Per module: the best score of "always the longest", and the share of keys that are longest. */
  modules: { id: string; longestStrategy: number; passMark: number; keyLongestShare: number; bank: number; attempt: string }[];
  /** Scenarios: the ending reached by always the first and always the longest choice. */
  scenarios: { id: string; endings: number; best: number; first: string; longest: string }[];
}

/** The cue figures for a whole course, for the content test to check and print. */
export function cueFigures(modules: readonly CourseModule[]): CueFigures {
  const all = modules.flatMap((m) => [...m.check.questions, ...m.check.practice]);
  const singles = all.filter((q) => q.type === 'single');
  const multiples = all.filter((q) => q.type === 'multiple');
  const positions: number[] = [];
  for (const q of singles) {
    const at = q.options.findIndex((o) => o.correct);
    positions[at] = (positions[at] ?? 0) + 1;
  }
  const ranks: number[] = [];
  for (const q of singles) {
    const key = q.options.find((o) => o.correct)!;
    const rank = [...q.options].sort((a, b) => length(b) - length(a)).indexOf(key);
    ranks[rank] = (ranks[rank] ?? 0) + 1;
  }
  const correctCounts: Record<number, number> = {};
  let allButOne = 0;
  let onlyOne = 0;
  for (const q of multiples) {
    const count = q.options.filter((o) => o.correct).length;
    correctCounts[count] = (correctCounts[count] ?? 0) + 1;
    if (count === q.options.length - 1) allButOne++;
    if (count === 1) onlyOne++;
  }
  const options = all.flatMap((q) => q.options);
  const keys = options.filter((o) => o.correct);
  const wrong = options.filter((o) => !o.correct);
  return {
    singles: singles.length,
    keyLongest: singles.filter(keyIsLongest).length,
    keyPositions: [...positions].map((n) => round((n ?? 0) / singles.length)),
    keyLengthRanks: [...ranks].map((n) => round((n ?? 0) / singles.length)),
    multiples: multiples.length,
    firstCorrect: multiples.filter((q) => q.options[0]!.correct).length,
    correctCounts,
    allButOne,
    onlyOne,
    gentleKeys: round(keys.filter((o) => usesGentleWords(o.text)).length / keys.length),
    gentleDistractors: round(wrong.filter((o) => usesGentleWords(o.text)).length / wrong.length),
    meanLengthRatio: round(mean(all.map(keyLengthRatio))),
    disclosureBest: all.filter((q) => q.options.some((o) => o.discloses && o.correct)).length,
    disclosureWrong: all.filter((q) => q.options.some((o) => o.discloses && !o.correct)).length,
    modules: modules.map((m) => {
      const ownSingles = [...m.check.questions, ...m.check.practice].filter((q) => q.type === 'single');
      const size = attemptSize(m.check, m.id);
      return {
        id: m.id,
        longestStrategy: longestStrategyBest(m),
        passMark: m.check.passMark,
        keyLongestShare: ownSingles.length ? round(ownSingles.filter(keyIsLongest).length / ownSingles.length) : 0,
        bank: m.check.questions.length,
        attempt: size.min === size.max ? String(size.max) : `${size.min}–${size.max}`,
      };
    }),
    scenarios: modules.flatMap((m) => {
      if (!m.scenario) return [];
      const endings = m.scenario.nodes.filter((n) => n.ending);
      const name = (node: Scenario['nodes'][number] | undefined) => (node?.ending ? `${node.ending.outcome}: ${node.ending.title}` : 'no ending (loops)');
      return [{ id: m.id, endings: endings.length, best: endings.filter((n) => n.ending!.outcome === 'best').length, first: name(walkScenario(m.scenario, FIRST_CHOICE)), longest: name(walkScenario(m.scenario, LONGEST_CHOICE)) }];
    }),
  };
}

/** The figures as the content test and `npm run check:content -- --figures` print them. */
export function formatCueFigures(f: CueFigures): string {
  const pct = (n: number, of: number) => `${n} of ${of} (${of === 0 ? 0 : Math.round((n / of) * 100)}%)`;
  const lines = [
    'Surface cues in the checks (CONTENT-GUIDE.md, "Writing questions that measure learning"):',
    `  single-answer items whose key is the longest option: ${pct(f.keyLongest, f.singles)}; at most ${Math.round(MAX_LONGEST_SHARE_COURSE * 100)}%`,
    `  where the single-answer key sits, as written: ${f.keyPositions.map((share, i) => `${String.fromCharCode(97 + i)} ${Math.round(share * 100)}%`).join(', ')}`,
    `  the single-answer key by length, longest first: ${f.keyLengthRanks.map((share, i) => `${i + 1}. ${Math.round(share * 100)}%`).join(', ')}; none above 40%`,
    `  multi-select items whose first option is correct: ${pct(f.firstCorrect, f.multiples)}; at most ${Math.round(MAX_FIRST_CORRECT_SHARE * 100)}%`,
    `  multi-select items by number correct: ${Object.entries(f.correctCounts).map(([n, c]) => `${n} correct: ${c}`).join(', ')}; only one correct: ${f.onlyOne}, all but one: ${f.allButOne}`,
    `  options with a gentle word ("ask", "offer", "together"…): keys ${Math.round(f.gentleKeys * 100)}%, distractors ${Math.round(f.gentleDistractors * 100)}%`,
    `  mean length of keys over distractors: ${f.meanLengthRatio}`,
    `  items where sharing one's own experience is the best response: ${f.disclosureBest}; where a disclosing option is wrong: ${f.disclosureWrong}`,
    '  module                             bank  attempt  longest-only best  pass mark  keys longest',
    ...f.modules.map(
      (m) => `  ${m.id.padEnd(34)} ${String(m.bank).padStart(4)}  ${m.attempt.padStart(7)}  ${`${Math.round(m.longestStrategy * 100)}%`.padStart(17)}  ${`${Math.round(m.passMark * 100)}%`.padStart(9)}  ${`${Math.round(m.keyLongestShare * 100)}%`.padStart(12)}`,
    ),
    '  scenario                           endings (best)  always first → / always longest →',
    ...f.scenarios.map((s) => `  ${s.id.padEnd(34)} ${String(s.endings).padStart(7)} (${s.best})  ${s.first} / ${s.longest}`),
  ];
  return lines.join('\n');
}
