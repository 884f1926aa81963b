import { describe, expect, test } from 'vitest';
import { buildCourse, type CourseInput, type CourseModule } from '../../src/lib/course/course';
import { cueFigures, itemProblems, keyIsLongest, keyLengthRatio, longestChoice, longestStrategyBest, usesGentleWords } from '../../src/lib/course/item-cues';
import { miniCourseInput } from './fixture';

type CheckData = { draw?: number; items: unknown[]; practice?: unknown[]; passMark?: number };
const checkOf = (input: CourseInput, id: string) => input.checks.find((c) => c.file === `modules/${id}/check.yaml`)!.data as CheckData;

/** A single-answer question with these option texts; the first is correct. */
const single = (id: string, key: string, ...others: string[]) => ({
  id,
  type: 'single',
  prompt: `What now (${id})?`,
  teaches: '01-first-steps#warm-hand-off-not-cold-send-off',
  options: [key, ...others].map((text, i) => ({ text, correct: i === 0, feedback: 'Why.' })),
});
const multiple = (id: string, options: [string, boolean][]) => ({
  id,
  type: 'multiple',
  prompt: `Which (${id})?`,
  teaches: '02-next#listening',
  options: options.map(([text, correct]) => ({ text, correct, feedback: 'Why.' })),
});

const BALANCED = [
  single('b1', 'Walk over with them and introduce them by name.', 'Give directions to the office and wish them luck.', 'Phone the office and tell them the whole story.', 'Write the number down and suggest they call later.'),
  single('b2', 'Ask what the form is for before you answer it.', 'Read the form aloud and explain what each line means.', 'Tell them the form is simple and they will be fine.', 'Send them to the information desk across the hall.'),
  multiple('b3', [
    ['Say plainly what you can and cannot do here.', false],
    ['Listen to what they need before you suggest anything.', true],
    ['Promise the office will see them this afternoon.', false],
    ['Offer two options and let them choose one of them.', true],
  ]),
];

async function alphaWith(items: unknown[], extra: Partial<CheckData> = {}): Promise<CourseModule> {
  const input = await miniCourseInput();
  const check = checkOf(input, 'alpha');
  check.items = items;
  Object.assign(check, extra);
  for (const lesson of input.lessons) lesson.body = lesson.body.replace(/<Check id="[^"]+" \/>/g, '');
  check.practice = [];
  return buildCourse(input).modules.find((m) => m.id === 'alpha')!;
}

describe('surface cues in one question', () => {
  test('a key much longer than the distractors is found, and so is one much shorter', async () => {
    const module = await alphaWith([single('long', 'Walk over with them, introduce them by name, and say what they need.', 'Point at the door.', 'Say it is upstairs.', 'Give the number.'), single('short', 'Listen.', 'Give them directions to the office and wish them luck.', 'Phone the office and tell them the whole story at once.', 'Write down the number and suggest they call it later.'), ...BALANCED]);
    const [long, short] = module.check.questions;
    expect(keyLengthRatio(long!)).toBeGreaterThan(1.25);
    expect(keyIsLongest(long!)).toBe(true);
    expect(keyLengthRatio(short!)).toBeLessThan(0.8);
    const problems = itemProblems(module);
    expect(problems).toContainEqual(expect.objectContaining({ field: 'items[0].options', message: expect.stringMatching(/"long" the correct option is \d+% longer/) }));
    expect(problems).toContainEqual(expect.objectContaining({ field: 'items[1].options', message: expect.stringMatching(/"short" the correct option is \d+% shorter/) }));
    expect(problems.filter((p) => /"b\d"/.test(p.message))).toEqual([]);
  });

  test('a select-all question whose options are all correct is refused', async () => {
    const module = await alphaWith([multiple('all', [['One thing to do here.', true], ['Another thing to do.', true], ['A third thing to do.', true]]), ...BALANCED]);
    expect(itemProblems(module)).toContainEqual(expect.objectContaining({ field: 'items[0].options', message: expect.stringMatching(/every option of "all" is correct/) }));
  });

  test('"always the longest" for select-all takes the best number of longest options', async () => {
    const module = await alphaWith([multiple('m', [['Short wrong.', false], ['The longest of the options, and correct.', true], ['A longer one that is correct.', true], ['Mid-length wrong.', false]]), ...BALANCED]);
    const question = module.check.questions[0]!;
    expect(longestChoice(question).sort()).toEqual(['b', 'c']);
  });

  test('gentle words are recognised as words, not inside others', () => {
    expect(usesGentleWords('Ask them what they need.')).toBe(true);
    expect(usesGentleWords('Walk over together.')).toBe(true);
    expect(usesGentleWords('if they’d like, show them')).toBe(true);
    expect(usesGentleWords('The task is done; basket on the desk.')).toBe(false);
  });
});

describe('surface cues across a check', () => {
  test('a check that "always choose the longest" passes is reported', async () => {
    const cued = [1, 2, 3, 4, 5].map((n) => single(`q${n}`, `The longest option here, number ${n}, by far the longest.`, 'Short.', 'Brief.', 'Small.'));
    const module = await alphaWith(cued);
    expect(longestStrategyBest(module)).toBe(1);
    const problems = itemProblems(module);
    expect(problems).toContainEqual(expect.objectContaining({ field: 'items', message: expect.stringMatching(/always choosing the longest option\(s\) scores 100%/) }));
    expect(problems).toContainEqual(expect.objectContaining({ field: 'items', message: expect.stringMatching(/the correct option is the longest in 5 of 5 single-answer questions/) }));
  });

  test('a bank no larger than an attempt is reported; one 1.5 times larger is not', async () => {
    const small = await alphaWith(BALANCED);
    expect(itemProblems(small)).toContainEqual(expect.objectContaining({ field: 'draw', message: expect.stringMatching(/the bank has 3 questions and one attempt can draw 3/) }));
    const large = await alphaWith(BALANCED, { draw: 2 });
    expect(itemProblems(large).filter((p) => p.field === 'draw')).toEqual([]);
  });

  test('a practice question that repeats a check prompt word for word is reported', async () => {
    const input = await miniCourseInput();
    const check = checkOf(input, 'alpha');
    check.items = BALANCED;
    check.draw = 2;
    check.practice = [{ ...single('p1', 'A', 'B'), prompt: BALANCED[0]!.prompt }];
    for (const lesson of input.lessons) lesson.body = lesson.body.replace(/<Check id="[^"]+" \/>/g, '<Check id="p1" />');
    const module = buildCourse(input).modules.find((m) => m.id === 'alpha')!;
    expect(itemProblems(module)).toContainEqual(expect.objectContaining({ field: 'practice[0].prompt', message: expect.stringMatching(/repeats the prompt of check question "b1"/) }));
  });

  test('a scenario whose best ending is reached by always the first choice is reported in scenario.yaml', async () => {
    const input = await miniCourseInput();
    const scenario = input.scenarios!.find((f) => f.file.includes('/beta/'))!.data as { nodes: { choices?: unknown[] }[] };
    scenario.nodes[0]!.choices!.reverse();
    const beta = buildCourse(input).modules.find((m) => m.id === 'beta')!;
    expect(itemProblems(beta)).toContainEqual(
      expect.objectContaining({ file: 'modules/beta/scenario.yaml', field: 'nodes[2].ending', message: 'always taking the first choice reaches the best ending ("Help in the time there was")' }),
    );
  });

  test('the course figures count what the content test holds the line on', async () => {
    const module = await alphaWith(BALANCED, { draw: 2 });
    const figures = cueFigures([module]);
    expect(figures).toMatchObject({ singles: 2, keyLongest: 0, multiples: 1, firstCorrect: 0, onlyOne: 0, allButOne: 0 });
    expect(figures.correctCounts).toEqual({ 2: 1 });
    expect(figures.keyPositions).toEqual([1]);
    expect(figures.modules[0]).toMatchObject({ id: 'alpha', bank: 3, attempt: '2' });
  });
});
