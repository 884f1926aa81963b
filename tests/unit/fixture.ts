/** The small fixture course, read fresh for each test so mutations never leak. */
import { fileURLToPath } from 'node:url';
import { readCourseFiles } from '../../src/node/read-course';
import type { CourseInput } from '../../src/lib/course';

export const MINI_COURSE = fileURLToPath(new URL('../fixtures/mini-course', import.meta.url));

export async function miniCourseInput(): Promise<CourseInput> {
  return structuredClone(await readCourseFiles(MINI_COURSE));
}

/** A parsed YAML/frontmatter object as a mutable record, for fixture edits. */
export const record = (data: unknown) => data as Record<string, any>;
