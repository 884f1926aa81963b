/**
 * The small slice of the course graph that browser code needs to show progress:
 * ids, titles, lesson ids, content hashes. Passed to islands as props and to
 * plain scripts through data attributes.
 */
import type { Course, CourseModule } from '../course/course';
import type { ModuleFacts } from '../learner/progress';
import { courseEdition } from '../course/edition';

export interface ManifestModule extends ModuleFacts {
  title: string;
  part: string;
  passMark: number;
  questionCount: number;
  lessons: { id: string; title: string }[];
}

export interface ManifestPath {
  id: string;
  title: string;
  modules: string[];
}

export interface CourseManifest {
  /** The course's edition, from its modules' editions (src/lib/course/edition.ts): which edition a record came from. */
  version: string;
  modules: ManifestModule[];
  paths: ManifestPath[];
  parts: { id: string; title: string }[];
}

export function moduleFacts(module: CourseModule): ModuleFacts {
  return { id: module.id, lessonIds: module.lessons.map((l) => l.id), contentHash: module.contentHash, textHash: module.textHash };
}

export function courseManifest(course: Course): CourseManifest {
  return {
    version: courseEdition(course.site.shortName, course.modules),
    modules: course.modules.map((m) => ({
      ...moduleFacts(m),
      title: m.title,
      part: m.part,
      passMark: m.check.passMark,
      questionCount: m.check.questions.length,
      lessons: m.lessons.map((l) => ({ id: l.id, title: l.title })),
    })),
    paths: course.paths.map((p) => ({ id: p.id, title: p.title, modules: p.modules })),
    parts: course.parts.map((p) => ({ id: p.id, title: p.title })),
  };
}
