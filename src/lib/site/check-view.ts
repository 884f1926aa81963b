/**
 * What a question card needs to show a question: text, options with feedback,
 * where each option is taught (as a ready link), and the citations. Plain data,
 * so it can be rendered on the server or sent to the review page as JSON.
 */
import type { Course, CourseQuestion } from '../course/course';
import { findLesson } from '../course/course';
import { lessonHref } from './urls';

export interface ViewLink {
  href: string;
  label: string;
}

export interface ViewOption {
  id: string;
  text: string;
  correct: boolean;
  feedback: string;
  teaches: ViewLink;
}

export interface ViewQuestion {
  /** `<module-id>/<question-id>` */
  id: string;
  localId: string;
  type: 'single' | 'multiple';
  prompt: string;
  scenario?: { id: string; title: string; case: string };
  options: ViewOption[];
  sources: { key: string; short: string; href: string }[];
}

/** A module check's questions as shown: a scenario's questions together, under its case. */
export interface CheckGroup {
  /** Scenario id, or the question's local id for a standalone question. */
  id: string;
  scenario?: { title: string; case: string };
  questions: ViewQuestion[];
}

/** A question as the review page needs it: with the title of the module it comes from. */
export interface ReviewQuestion extends ViewQuestion {
  moduleTitle: string;
}

/** `href` turns a site path into a link under the site's base. */
export function viewQuestion(course: Course, question: CourseQuestion, href: (path: string) => string): ViewQuestion {
  const link = (teaches: CourseQuestion['teaches']): ViewLink => {
    const lesson = findLesson(course, teaches.lessonId);
    return {
      href: href(lessonHref(teaches.lessonId, teaches.anchor)),
      label: `${lesson?.title ?? 'the lesson'}: ${teaches.sectionTitle}`,
    };
  };
  return {
    id: question.id,
    localId: question.localId,
    type: question.type,
    prompt: question.prompt,
    ...(question.scenario ? { scenario: question.scenario } : {}),
    options: question.options.map((o) => ({ id: o.id, text: o.text, correct: o.correct, feedback: o.feedback, teaches: link(o.teaches) })),
    sources: question.sources.map((key) => ({ key, short: course.references.get(key)?.short ?? key, href: href(`references/#ref-${key}`) })),
  };
}
