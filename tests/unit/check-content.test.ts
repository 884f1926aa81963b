import { afterEach, describe, expect, test } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkContent, formatReport } from '../../src/node/check-content';
import { lineOfField, parseFieldPath } from '../../src/lib/course/locate';
import { MINI_COURSE, miniCourseCopies } from './fixture';

const copies = miniCourseCopies('crosswalk-check-');
const copyOfMiniCourse = copies.copy;
afterEach(copies.removeAll);

function edit(root: string, file: string, change: (text: string) => string) {
  const path = join(root, file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
}

describe('locating a field', () => {
  test.each([
    ['items[0].questions[1].teaches', ['items', 0, 'questions', 1, 'teaches']],
    ['[3].id', [3, 'id']],
    ['libraryName', ['libraryName']],
    ['(file name)', undefined],
    ['<Cite source="x">', undefined],
  ])('%s → %j', (field, path) => {
    expect(parseFieldPath(field)).toEqual(path);
  });

  const yaml = 'passMark: 0.8\nitems:\n  - id: one\n    teaches: a#b\n  - id: two\n    options:\n      - text: x\n';
  test.each([
    ['items[0].teaches', 4],
    ['items[1].id', 5],
    ['items[1].options[0].text', 7],
    // A missing field points at the object that lacks it.
    ['items[1].prompt', 5],
    ['passMark', 1],
  ])('YAML %s is on line %i', (field, line) => {
    expect(lineOfField('check.yaml', yaml, field)).toBe(line);
  });

  test('frontmatter lines count from the top of the MDX file; components are found in the body', () => {
    const mdx = '---\ntitle: A\nmaps: [x, y]\n---\n\nText <Cite source="nobody" />.\n';
    expect(lineOfField('index.mdx', mdx, 'maps[1]')).toBe(3);
    expect(lineOfField('index.mdx', mdx, '<Cite source="nobody">')).toBe(6);
  });
});

describe('npm run check:content', () => {
  test('a valid course: no problems, the placeholders listed as warnings', async () => {
    const report = await checkContent(MINI_COURSE);
    expect(report.problems).toEqual([]);
    expect(report.placeholders).toEqual([expect.objectContaining({ file: 'content/resources.yaml', field: '[1]', line: 7 })]);
    expect(formatReport(report)).toMatch(/✓ content is valid: 2 modules, 3 lessons, 4 questions$/);
  });

  test('questions that give their answer away are reported with file:line and why, and fail the run', async () => {
    const report = await checkContent(MINI_COURSE);
    const alpha = report.itemProblems.filter((p) => p.file === 'modules/alpha/check.yaml');
    // pick-one's key is 34 characters beside an 18-character distractor.
    expect(alpha).toContainEqual(
      expect.objectContaining({ field: 'items[0].options', line: 7, message: expect.stringMatching(/in "pick-one" the correct option is \d+% longer than the wrong ones on average, so length gives the answer away/) }),
    );
    // The bank is the attempt: a retake would replay it.
    expect(alpha).toContainEqual(expect.objectContaining({ field: 'draw', message: expect.stringMatching(/the bank has 3 questions and one attempt can draw 3/) }));
    expect(formatReport(report)).toMatch(/modules\/alpha\/check\.yaml:7 {2}items\[0\]\.options {2}in "pick-one"/);
  });

  test('lists every problem at once, each as file:line  field  problem  → suggestion', async () => {
    const root = copyOfMiniCourse();
    edit(root, 'content/site.yaml', (t) => t.replace('accentColor: "#6b2d5c"', 'accentColor: "#c9a0bf"'));
    edit(root, 'modules/alpha/index.mdx', (t) => t.replace('maps: [copeland-01, copeland-03]', 'maps: [copeland-01, copeland-33]'));
    edit(root, 'modules/alpha/02-next.mdx', (t) => t.replace('<Cite source="copeland-2020" />', '<Cite source="copeland-2002" />'));
    edit(root, 'content/paths.yaml', (t) => t.replace('[alpha, beta]', '[alpah, beta]'));
    const report = await checkContent(root);
    expect(report.course).toBeUndefined();
    const lines = formatReport(report).split('\n');
    expect(lines[0]).toBe('✗ 4 problems to fix (the build refuses the course until they are fixed):');
    expect(lines.slice(1)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^ {2}content\/site\.yaml:\d+ {2}accentColor {2}"#c9a0bf" against .* measures \d\.\d\d:1; .*4\.5:1.* {2}→ try accentColor: "#[0-9a-f]{6}"/),
        '  modules/alpha/index.mdx:6  maps[1]  unknown framework item "copeland-33"  → did you mean "copeland-03"?',
        '  modules/alpha/02-next.mdx:7  <Cite source="copeland-2002">  unknown reference key "copeland-2002"  → did you mean "copeland-2020"?',
        expect.stringMatching(/^ {2}content\/paths\.yaml:\d+ {2}\[0\]\.modules\[0\] {2}path "new-hire" names unknown module "alpah" {2}→ did you mean "alpha"\?$/),
      ]),
    );
  });

  test('a YAML syntax error is reported with its line, alongside problems in other files', async () => {
    const root = copyOfMiniCourse();
    edit(root, 'modules/beta/check.yaml', (t) => t.replace(/\n/, '\n  : [broken\n'));
    edit(root, 'modules/alpha/index.mdx', (t) => t.replace('part: orientation', 'part: orientaton'));
    const { problems } = await checkContent(root);
    expect(problems).toEqual([
      expect.objectContaining({ file: 'modules/beta/check.yaml', field: '(file)', line: expect.any(Number), message: expect.stringContaining('YAML syntax error') }),
      expect.objectContaining({ file: 'modules/alpha/index.mdx', field: 'part', line: 4, hint: 'did you mean "orientation"?' }),
    ]);
  });

  test('an empty site.yaml is one problem, not a cascade of unknown parts', async () => {
    const root = copyOfMiniCourse();
    writeFileSync(join(root, 'content/site.yaml'), '');
    const { problems } = await checkContent(root);
    expect(problems).toEqual([expect.objectContaining({ file: 'content/site.yaml', field: '(file)', message: 'the file is empty' })]);
  });
});
