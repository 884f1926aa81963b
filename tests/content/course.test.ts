/**
 * The real course in content/ and modules/ meets the bars in CONTENT-GUIDE.md.
 * A failure names the module or file to fix.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { fileURLToPath } from 'node:url';
import { buildCourse, type Course, type CourseInput } from '../../src/lib/course';
import { readCourseFiles } from '../../src/node/read-course';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let course: Course;
let input: CourseInput;

beforeAll(async () => {
  input = await readCourseFiles(ROOT);
  course = buildCourse(input);
});

const range = (prefix: string, n: number, pad = 2) => Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1).padStart(pad, '0')}`);

describe('frameworks', () => {
  test('the twelve Copeland duties, in order', () => {
    const duties = course.frameworks.find((f) => f.id === 'copeland-duties')!;
    expect(duties.items.map((i) => i.id)).toEqual(range('copeland-', 12));
    expect(duties.items.map((i) => i.number)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  test('the twelve NAPS values, in the order the article walks them', () => {
    const values = course.frameworks.find((f) => f.id === 'naps-values')!;
    expect(values.items.map((i) => i.id)).toEqual(range('naps-', 12));
    expect(values.items.map((i) => i.title.toLowerCase())).toEqual([
      'voluntary', 'hopeful', 'open-minded', 'empathetic', 'respectful', 'facilitates change',
      'honest and direct', 'mutual and reciprocal', 'equally shared power', 'strengths-focused',
      'transparent', 'person-driven',
    ]);
  });

  test('the seven articles of the Library Bill of Rights', () => {
    const rights = course.frameworks.find((f) => f.id === 'library-bill-of-rights')!;
    expect(rights.items.map((i) => i.id)).toEqual(range('lbor-', 7, 1));
  });
});

describe('course-wide files', () => {
  test('the source article is a reference, with its URL', () => {
    expect(course.references.get('rofofsky-2023')?.url).toMatch(/^https:\/\//);
  });

  test('paths include onboarding, full cross-training and refresher', () => {
    expect(course.paths.map((p) => p.id)).toEqual(expect.arrayContaining(['new-hire', 'full', 'refresher']));
  });

  test('the full path includes every module', () => {
    const full = course.paths.find((p) => p.id === 'full')!;
    expect([...full.modules].sort()).toEqual(course.modules.map((m) => m.id).sort());
  });

  test('the referral directory ships 988 and marks local entries as placeholders', () => {
    expect(course.resources.some((r) => r.scope === 'national' && /988/.test(r.contact))).toBe(true);
    const local = course.resources.filter((r) => r.scope === 'local');
    expect(local.length).toBeGreaterThan(0);
    for (const entry of local) expect(entry.placeholder, `${entry.id} should be a placeholder until the library replaces it`).toBe(true);
  });
});

describe('every module meets the content guide', () => {
  test('there is an orientation module', () => {
    expect(course.modules.some((m) => m.part === 'orientation')).toBe(true);
  });

  test('10–20 minutes, two or three lessons', () => {
    for (const module of course.modules) {
      expect(module.minutes, `${module.file}: minutes`).toBeGreaterThanOrEqual(10);
      expect(module.minutes, `${module.file}: minutes`).toBeLessThanOrEqual(20);
      expect(module.lessons.length, `${module.id}: lessons`).toBeGreaterThanOrEqual(2);
      expect(module.lessons.length, `${module.id}: lessons`).toBeLessThanOrEqual(3);
    }
  });

  test('each lesson cites a source and has a knowledge check or a reflection prompt', () => {
    for (const module of course.modules) {
      for (const lesson of module.lessons) {
        expect(lesson.citations.length, `${lesson.file}: needs at least one <Cite>`).toBeGreaterThan(0);
        expect(lesson.checks.length + lesson.reflections.length, `${lesson.file}: needs a <Check> or <Reflect>`).toBeGreaterThan(0);
      }
    }
  });

  test('each check has at least six questions, four of them scenario-based, with feedback on every option', () => {
    for (const module of course.modules) {
      const questions = module.check.questions;
      expect(questions.length, `${module.check.file}: questions`).toBeGreaterThanOrEqual(6);
      expect(questions.filter((q) => q.scenario).length, `${module.check.file}: scenario questions`).toBeGreaterThanOrEqual(4);
      for (const q of questions) {
        expect(q.sources.length, `${module.check.file}: ${q.localId} needs sources`).toBeGreaterThan(0);
        for (const option of q.options) expect(option.feedback.length, `${q.id} option ${option.id}`).toBeGreaterThan(20);
      }
    }
  });

  test('modules give examples from at least three library types', () => {
    for (const module of course.modules) {
      expect(module.libraryTypes.length, `${module.file}: libraryTypes`).toBeGreaterThanOrEqual(3);
    }
  });

  test('no lesson uses the label problem patron without quotation marks', () => {
    // The article questions the label by quoting it; the course does the same.
    const unquoted = /(?<!["“'‘])problem patrons?(?!["”'’])/i;
    for (const file of [...input.modules, ...input.lessons]) {
      expect(unquoted.test(file.body), `${file.file}: write "problem patron" in quotation marks`).toBe(false);
    }
  });
});
