/**
 * Checks a course the way the build does and collects every problem, each with its file, line
 * (where it can be found), field and a suggestion; plus the placeholders still to replace.
 * Used by `npm run check:content` and by the build's first step
 * (src/integrations/content-check.ts), so both apply the same rules: those of src/lib/course/course.ts.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildCourse, CourseValidationError, formatProblem, type Course, type CourseProblem } from '../lib/course/course';
import { cueFigures, formatCueFigures, itemProblems } from '../lib/course/item-cues';
import { lineOfField } from '../lib/course/locate';
import { findPlaceholders, type PlaceholderNotice } from '../lib/course/tailoring';
import type { ContentFileError } from '../lib/course/yaml-file';
import { readCourseFiles } from './read-course';

export interface ContentReport {
  /** Errors: the build refuses the course while there are any. */
  problems: CourseProblem[];
  /**
   * Questions whose answer a surface cue gives away (src/lib/course/item-cues.ts): the build still runs,
   * but the content tests and `npm run check:content` fail until they are rewritten.
   */
  itemProblems: CourseProblem[];
  /** Warnings: text still at its placeholder (shown flagged on the pages) and TODOs left in modules. */
  placeholders: PlaceholderNotice[];
  /** The course, when it has no problems. */
  course?: Course;
}

/** Adds the line of each problem's (or notice's) field, reading each file once. */
async function withLines<T extends { file: string; field: string; line?: number }>(root: string, problems: T[]): Promise<T[]> {
  const texts = new Map<string, string | undefined>();
  const textOf = async (file: string) => {
    if (!texts.has(file)) texts.set(file, await readFile(join(root, file), 'utf8').catch(() => undefined));
    return texts.get(file);
  };
  return Promise.all(
    problems.map(async (problem) => {
      if (problem.line) return problem;
      const text = await textOf(problem.file);
      const line = text === undefined ? undefined : lineOfField(problem.file, text, problem.field);
      return line ? { ...problem, line } : problem;
    }),
  );
}

/** Module files that still say TODO (a scaffold not yet written): one notice per file, at the first. */
async function todoNotices(root: string, files: string[]): Promise<PlaceholderNotice[]> {
  const notices: PlaceholderNotice[] = [];
  for (const file of files) {
    const lines = (await readFile(join(root, file), 'utf8').catch(() => '')).split(/\r?\n/);
    const todo = lines.flatMap((line, i) => (/\bTODO\b/.test(line) ? [i + 1] : []));
    if (todo.length) notices.push({ file, field: '(text)', what: `${todo.length} TODO${todo.length === 1 ? '' : 's'} still to write`, line: todo[0] });
  }
  return notices;
}

const syntaxProblem = (error: ContentFileError): CourseProblem => ({
  file: error.file,
  field: '(file)',
  message: error.detail,
  hint: error.detail.startsWith('YAML syntax') ? 'check the indentation and quotes on that line and the one above it' : undefined,
  ...(error.line ? { line: error.line } : {}),
});

/** Reads and checks the course under `root` (the folder holding content/ and modules/). */
export async function checkContent(root: string): Promise<ContentReport> {
  const syntaxErrors: ContentFileError[] = [];
  const input = await readCourseFiles(root, syntaxErrors);
  try {
    const course = buildCourse(input);
    if (syntaxErrors.length > 0) return { problems: syntaxErrors.map(syntaxProblem), itemProblems: [], placeholders: [] };
    const placeholders = findPlaceholders(course.site, course.resources, { site: input.site.file, resources: input.resources.file });
    const moduleFiles = [...input.modules, ...input.lessons, ...input.checks, ...(input.scenarios ?? [])].map((f) => f.file).sort();
    return {
      problems: [],
      itemProblems: await withLines(root, course.modules.flatMap(itemProblems)),
      placeholders: [...(await withLines(root, placeholders)), ...(await todoNotices(root, moduleFiles))],
      course,
    };
  } catch (error) {
    if (!(error instanceof CourseValidationError)) throw error;
    // A file that could not be parsed has no data; its "missing field" problems are noise.
    const broken = new Set(syntaxErrors.map((e) => e.file));
    const problems = [...syntaxErrors.map(syntaxProblem), ...error.problems.filter((p) => !broken.has(p.file))];
    return { problems: await withLines(root, problems), itemProblems: [], placeholders: [] };
  }
}

/** The report as the terminal shows it: problems first, then placeholders, then a summary. */
export function formatReport(report: ContentReport): string {
  const lines: string[] = [];
  if (report.problems.length > 0) {
    lines.push(`✗ ${report.problems.length} problem${report.problems.length === 1 ? '' : 's'} to fix (the build refuses the course until they are fixed):`);
    for (const problem of report.problems) lines.push(`  ${formatProblem(problem)}`);
  }
  if (report.itemProblems.length > 0) {
    if (lines.length) lines.push('');
    lines.push(
      `✗ ${report.itemProblems.length} question${report.itemProblems.length === 1 ? '' : 's'} or check${report.itemProblems.length === 1 ? '' : 's'} that give the answer away (the README's "Writing questions" says how to mend them):`,
    );
    for (const problem of report.itemProblems) lines.push(`  ${formatProblem(problem)}`);
  }
  if (report.placeholders.length > 0) {
    if (lines.length) lines.push('');
    lines.push(`! ${report.placeholders.length} thing${report.placeholders.length === 1 ? '' : 's'} still to replace or write before staff rely on the course (warnings: the build goes on, and the pages say "Replace before use" beside placeholder text):`);
    for (const notice of report.placeholders) lines.push(`  ${notice.file}${notice.line ? `:${notice.line}` : ''}  ${notice.field}  ${notice.what}`);
  }
  if (report.course) {
    const { modules } = report.course;
    if (lines.length) lines.push('');
    lines.push(
      `✓ content is valid: ${modules.length} modules, ${modules.reduce((n, m) => n + m.lessons.length, 0)} lessons, ${modules.reduce((n, m) => n + m.check.questions.length, 0)} questions`,
    );
  }
  return lines.join('\n');
}

/** `npm run check:content [course folder] [--figures]`: prints the report (and the cue figures); exit code 1 when there are problems. */
export async function main(args: string[]): Promise<number> {
  const figures = args.includes('--figures');
  const root = args.find((a) => !a.startsWith('--')) ?? process.env.CROSSWALK_COURSE_DIR ?? '.';
  const report = await checkContent(root);
  console.log(formatReport(report));
  if (figures && report.course) console.log(`\n${formatCueFigures(cueFigures(report.course.modules))}`);
  return report.problems.length > 0 || report.itemProblems.length > 0 ? 1 : 0;
}
