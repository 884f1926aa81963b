import { describe, expect, test } from 'vitest';
import { buildCourse, type CourseInput } from '../../src/lib/course/course';
import { miniCourseInput, problemsOf, record } from './fixture';

const moduleFile = (input: CourseInput, id: string) => input.modules.find((m) => m.file === `modules/${id}/index.mdx`)!;
const checkFile = (input: CourseInput, id: string) => input.checks.find((c) => c.file === `modules/${id}/check.yaml`)!;

describe('buildCourse on a valid course', () => {
  test('joins parts, modules, lessons and questions in catalogue order', async () => {
    const course = buildCourse(await miniCourseInput());
    expect(course.modules.map((m) => m.id)).toEqual(['alpha', 'beta']);
    const alpha = course.modules[0]!;
    expect(alpha.lessons.map((l) => l.id)).toEqual(['alpha/first-steps', 'alpha/next']);
    expect(alpha.check.questions.map((q) => q.id)).toEqual(['alpha/pick-one', 'alpha/pick-many', 'alpha/case-q1']);
    expect(alpha.check.passMark).toBe(0.8);
    expect(course.modules[1]!.check.passMark).toBe(0.5);
  });

  test('resolves where each question is taught, with the section title', async () => {
    const course = buildCourse(await miniCourseInput());
    const question = course.modules[0]!.check.questions[0]!;
    expect(question.teaches).toEqual({
      lessonId: 'alpha/first-steps',
      anchor: 'warm-hand-off-not-cold-send-off',
      sectionTitle: 'Warm hand-off, not cold send-off',
    });
    expect(question.options.map((o) => o.id)).toEqual(['a', 'b']);
  });

  test('keeps the scenario case with each of its questions', async () => {
    const course = buildCourse(await miniCourseInput());
    const scenarioQuestion = course.modules[0]!.check.questions.find((q) => q.localId === 'case-q1')!;
    expect(scenarioQuestion.scenario).toEqual({ id: 'case', title: 'At the desk', case: 'A patron arrives upset.' });
  });

  test('collects citations, terms and checks from lesson bodies, ignoring code blocks', async () => {
    const course = buildCourse(await miniCourseInput());
    const lesson = course.modules[0]!.lessons[0]!;
    expect(lesson.citations).toEqual(['rofofsky-2023']);
    expect(lesson.terms).toEqual(['warm-hand-off']);
    expect(lesson.checks).toEqual(['practice-warm']);
    expect(lesson.sections.map((s) => s.slug)).toEqual(['warm-hand-off-not-cold-send-off', 'second-section']);
  });

  test('indexes which modules teach each framework item', async () => {
    const course = buildCourse(await miniCourseInput());
    expect(course.modulesByItem.get('copeland-03')).toEqual(['alpha']);
    expect(course.modulesByItem.get('copeland-02')).toEqual(['beta']);
    expect(course.frameworkItems.get('copeland-01')?.framework).toBe('copeland-duties');
  });

  // Editions (src/lib/course/edition.ts): this test pinned "any text change changes the hash";
  // since issue 18 a text-only change moves the text fingerprint but not the edition.
  test('a typo-only edit changes the text fingerprint but not the edition', async () => {
    const before = buildCourse(await miniCourseInput());
    const input = await miniCourseInput();
    input.lessons.find((l) => l.file.endsWith('02-next.mdx'))!.body += '\nOne more sentence, with a comma.';
    const check = record(checkFile(input, 'alpha').data);
    check.items[0].prompt += ',';
    check.items[0].options[0].feedback += ' Indeed.';
    const after = buildCourse(input);
    expect(after.modules[0]!.textHash).not.toBe(before.modules[0]!.textHash);
    expect(after.modules[0]!.contentHash).toBe(before.modules[0]!.contentHash);
    expect(after.modules[1]!.contentHash).toBe(before.modules[1]!.contentHash);
  });

  const substantive: [string, (input: CourseInput) => void][] = [
    ['a changed answer key', (input) => {
      const options = record(checkFile(input, 'alpha').data).items[0].options;
      options.forEach((o: { correct?: boolean }) => (o.correct = !o.correct));
    }],
    ['a question added to the bank', (input) => {
      const items = record(checkFile(input, 'alpha').data).items;
      items.push({ ...items[0], id: 'pick-again' });
    }],
    ['a higher pass mark', (input) => void (record(checkFile(input, 'alpha').data).passMark = 0.9)],
    ['a revision raised by the trainer', (input) => void (record(moduleFile(input, 'alpha').data).revision = 2)],
    ['a lesson added', (input) => {
      const next = input.lessons.find((l) => l.file.endsWith('alpha/02-next.mdx'))!;
      input.lessons.push({ ...next, file: next.file.replace('02-next', '03-after') });
    }],
  ];
  test.each(substantive)('%s changes the edition of that module only', async (_, change) => {
    const before = buildCourse(await miniCourseInput());
    const input = await miniCourseInput();
    change(input);
    const after = buildCourse(input);
    expect(after.modules[0]!.contentHash).not.toBe(before.modules[0]!.contentHash);
    expect(after.modules[1]!.contentHash).toBe(before.modules[1]!.contentHash);
  });
});

describe('buildCourse rejects broken content, naming file, field and value', () => {
  test('unknown duty id in a module', async () => {
    const input = await miniCourseInput();
    record(moduleFile(input, 'alpha').data).maps = ['copeland-01', 'copeland-99'];
    expect(problemsOf(input)).toEqual([
      expect.objectContaining({ file: 'modules/alpha/index.mdx', field: 'maps[1]', message: expect.stringContaining('"copeland-99"') }),
    ]);
  });

  test('a duty removed from the frameworks while a module maps to it', async () => {
    const input = await miniCourseInput();
    const duties = record(input.frameworks[0]!.data);
    duties.items = duties.items.filter((item: { id: string }) => item.id !== 'copeland-03');
    const [problem] = problemsOf(input);
    expect(problem).toMatchObject({ file: 'modules/alpha/index.mdx', field: 'maps[1]' });
    expect(problem!.message).toContain('copeland-03');
  });

  test('unknown reference key in a check, a lesson citation and a framework', async () => {
    const input = await miniCourseInput();
    record(checkFile(input, 'alpha').data).items[0].sources = ['rofofsky-2032'];
    input.lessons.find((l) => l.file.endsWith('02-next.mdx'))!.body += '\n<Cite source="nobody-1999" />\n';
    record(input.frameworks[0]!.data).source = 'copeland-2002';
    const problems = problemsOf(input);
    expect(problems).toContainEqual(expect.objectContaining({ file: 'modules/alpha/check.yaml', field: 'items[0].sources[0]', hint: 'did you mean "rofofsky-2023"?' }));
    expect(problems).toContainEqual(expect.objectContaining({ file: 'modules/alpha/02-next.mdx', field: '<Cite source="nobody-1999">' }));
    expect(problems).toContainEqual(expect.objectContaining({ file: 'content/frameworks/copeland-duties.yaml', field: 'source' }));
  });

  test('framework taught by a part that site.yaml does not list', async () => {
    const input = await miniCourseInput();
    record(input.frameworks[0]!.data).part = 'dutys';
    expect(problemsOf(input)).toEqual([
      expect.objectContaining({ file: 'content/frameworks/copeland-duties.yaml', field: 'part', hint: 'did you mean "duties"?' }),
    ]);
  });

  test('path naming an unknown module', async () => {
    const input = await miniCourseInput();
    record(input.paths.data)[0].modules = ['alpha', 'gamma'];
    expect(problemsOf(input)).toEqual([
      expect.objectContaining({ file: 'content/paths.yaml', field: '[0].modules[1]', message: expect.stringContaining('unknown module "gamma"') }),
    ]);
  });

  test('check question with no correct option', async () => {
    const input = await miniCourseInput();
    record(checkFile(input, 'beta').data).items[0].options[0].correct = false;
    expect(problemsOf(input)).toEqual([
      expect.objectContaining({ file: 'modules/beta/check.yaml', field: 'items[0].options', message: expect.stringContaining('no correct option') }),
    ]);
  });

  test('single-choice question with two correct options', async () => {
    const input = await miniCourseInput();
    record(checkFile(input, 'beta').data).items[0].options[1].correct = true;
    expect(problemsOf(input)[0]!.message).toContain('2 correct options');
  });

  test('option without feedback', async () => {
    const input = await miniCourseInput();
    delete record(checkFile(input, 'alpha').data).items[2].questions[0].options[1].feedback;
    expect(problemsOf(input)).toEqual([
      expect.objectContaining({ file: 'modules/alpha/check.yaml', field: 'items[2].questions[0].options[1].feedback', message: expect.stringContaining('missing') }),
    ]);
  });

  test.each([
    ['framework item ids', (input: CourseInput) => {
      const items = record(input.frameworks[0]!.data).items;
      items[2].id = 'copeland-01';
    }, 'content/frameworks/copeland-duties.yaml', 'items[2].id'],
    ['reference keys', (input: CourseInput) => {
      record(input.references.data)[1].key = 'copeland-2020';
    }, 'content/references.yaml', '[1].key'],
    ['glossary ids', (input: CourseInput) => {
      record(input.glossary.data)[1].id = 'warm-hand-off';
    }, 'content/glossary.yaml', '[1].id'],
    ['question ids', (input: CourseInput) => {
      record(checkFile(input, 'alpha').data).items[1].id = 'pick-one';
    }, 'modules/alpha/check.yaml', 'items[1].id'],
    ['path ids', (input: CourseInput) => {
      const paths = record(input.paths.data);
      paths.push({ ...paths[0] });
    }, 'content/paths.yaml', '[1].id'],
  ])('duplicate %s', async (_name, mutate, file, field) => {
    const input = await miniCourseInput();
    mutate(input);
    expect(problemsOf(input)).toContainEqual(expect.objectContaining({ file, field, message: expect.stringContaining('duplicate') }));
  });

  test('teaches pointing at a missing lesson or section', async () => {
    const input = await miniCourseInput();
    record(checkFile(input, 'alpha').data).items[0].teaches = '01-first-steps#warm-handoff';
    record(checkFile(input, 'alpha').data).items[1].teaches = '03-missing#listening';
    const problems = problemsOf(input);
    expect(problems).toContainEqual(expect.objectContaining({ field: 'items[0].teaches', hint: 'its sections are: warm-hand-off-not-cold-send-off, second-section' }));
    expect(problems).toContainEqual(expect.objectContaining({ field: 'items[1].teaches', message: expect.stringContaining('names no lesson') }));
  });

  test('inline <Check> and <Term> that do not exist', async () => {
    const input = await miniCourseInput();
    input.lessons[0]!.body += '\n<Check id="nope" />\n\n<Term id="unknown-term">x</Term>\n';
    const fields = problemsOf(input).map((p) => p.field);
    expect(fields).toEqual(['<Term id="unknown-term">', '<Check id="nope">']);
  });

  test('an inline <Check> naming a module-check question, and a draw larger than the bank', async () => {
    const input = await miniCourseInput();
    input.lessons[0]!.body += '\n<Check id="pick-many" />\n';
    (checkFile(input, 'alpha').data as { draw?: number }).draw = 9;
    const problems = problemsOf(input);
    expect(problems).toContainEqual(expect.objectContaining({ field: '<Check id="pick-many">', message: expect.stringMatching(/module-check question; a lesson's inline check must be a practice question/) }));
    expect(problems).toContainEqual(expect.objectContaining({ field: 'draw', message: 'draw is 9 but the bank has 3 items' }));
  });

  test('misspelt and missing fields, with a suggestion', async () => {
    const input = await miniCourseInput();
    const data = record(moduleFile(input, 'beta').data);
    data.sumary = data.summary;
    delete data.summary;
    const problems = problemsOf(input);
    expect(problems).toContainEqual(expect.objectContaining({ file: 'modules/beta/index.mdx', field: 'summary', message: expect.stringContaining('missing') }));
    expect(problems).toContainEqual(expect.objectContaining({ field: 'sumary', hint: 'did you mean "summary"?' }));
  });

  test('unknown part', async () => {
    const input = await miniCourseInput();
    record(moduleFile(input, 'beta').data).part = 'dutys';
    expect(problemsOf(input)).toEqual([
      expect.objectContaining({ file: 'modules/beta/index.mdx', field: 'part', hint: 'did you mean "duties"?' }),
    ]);
  });

  test('unknown library type', async () => {
    const input = await miniCourseInput();
    record(moduleFile(input, 'beta').data).libraryTypes = ['public', 'prison'];
    expect(problemsOf(input)).toEqual([expect.objectContaining({ file: 'modules/beta/index.mdx', field: 'libraryTypes[1]' })]);
  });

  test('a lesson file that is not named NN-slug.mdx, or is called check', async () => {
    const input = await miniCourseInput();
    input.lessons.push({ file: 'modules/beta/02-check.mdx', data: { title: 'Clash' }, body: '## A\n' });
    input.lessons.push({ file: 'modules/beta/3-Bad Name.mdx', data: { title: 'Bad' }, body: '' });
    expect(problemsOf(input).map((p) => `${p.file} ${p.field}`)).toEqual([
      'modules/beta/02-check.mdx (file name)',
      'modules/beta/3-Bad Name.mdx (file name)',
    ]);
  });

  test('a module with no check or no lessons', async () => {
    const input = await miniCourseInput();
    input.checks = input.checks.filter((c) => !c.file.includes('/beta/'));
    input.lessons = input.lessons.filter((l) => !l.file.includes('/beta/'));
    const problems = problemsOf(input).map((p) => `${p.file} ${p.message}`);
    expect(problems).toEqual([
      expect.stringContaining('modules/beta/index.mdx module "beta" has no lessons'),
      expect.stringContaining('modules/beta/check.yaml module "beta" has no check'),
    ]);
  });

  test('the error message lists every problem, one per line', async () => {
    const input = await miniCourseInput();
    record(moduleFile(input, 'alpha').data).maps = ['copeland-42'];
    record(input.paths.data)[0].modules = ['zeta'];
    expect(() => buildCourse(input)).toThrowError(/2 problems:\n {2}modules\/alpha\/index\.mdx {2}maps\[0\] {2}unknown framework item "copeland-42"  → .*\n {2}content\/paths\.yaml {2}\[0\]\.modules\[0\] {2}/);
  });
});

describe('practice scenarios', () => {
  test('a module scenario is joined to its module', async () => {
    const course = buildCourse(await miniCourseInput());
    const beta = course.modules.find((m) => m.id === 'beta')!;
    expect(beta.scenario?.start).toBe('opening');
    expect(course.modules.find((m) => m.id === 'alpha')!.scenario).toBeUndefined();
  });

  test('a broken scenario fails the build naming the file and the field', async () => {
    const input = await miniCourseInput();
    const scenario = record(input.scenarios!.find((s) => s.file.endsWith('beta/scenario.yaml'))!.data);
    scenario.nodes[0].choices[1].next = 'nowhere';
    scenario.nodes[2].ending.maps = ['naps-99'];
    const problems = problemsOf(input);
    expect(problems).toContainEqual(expect.objectContaining({ file: 'modules/beta/scenario.yaml', field: 'nodes[0].choices[1].next', message: expect.stringContaining('leads nowhere') }));
    expect(problems).toContainEqual(expect.objectContaining({ file: 'modules/beta/scenario.yaml', field: 'nodes[2].ending.maps[0]' }));
  });
});
