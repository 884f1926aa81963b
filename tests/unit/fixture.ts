/** The small fixture course, read fresh for each test so mutations never leak. */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCourseFiles } from '../../src/node/read-course';
import { buildCourse, CourseValidationError, type CourseInput } from '../../src/lib/course/course';

export const MINI_COURSE = fileURLToPath(new URL('../fixtures/mini-course', import.meta.url));

export async function miniCourseInput(): Promise<CourseInput> {
  return structuredClone(await readCourseFiles(MINI_COURSE));
}

/** The problems the build reports for `input`; fails the test if the course builds. */
export function problemsOf(input: CourseInput) {
  try {
    buildCourse(input);
  } catch (error) {
    if (error instanceof CourseValidationError) return error.problems;
    throw error;
  }
  throw new Error('expected the course to be rejected, but it built');
}

/**
 * Copies of the fixture course on disk, for tests that edit files or run scripts on a folder.
 * `copy()` makes one; `removeAll()` (in afterEach/afterAll) deletes every copy made so far.
 */
export function miniCourseCopies(prefix: string) {
  const made: string[] = [];
  return {
    copy(): string {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      cpSync(MINI_COURSE, dir, { recursive: true });
      made.push(dir);
      return dir;
    },
    removeAll(): void {
      for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A parsed YAML/frontmatter object as a mutable record, for fixture edits. */
export const record = (data: unknown) => data as Record<string, any>;
