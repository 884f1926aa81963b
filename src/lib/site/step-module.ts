/** A module as the "what next?" button needs it (src/lib/learner/next-step.ts): ids, titles, links. */
import type { CourseModule } from '../course/course';
import type { StepModule } from '../learner/next-step';
import { moduleFacts } from './manifest';
import { checkHref, lessonHref, moduleHref } from './urls';

export function stepModule(module: CourseModule, url: (path: string) => string): StepModule {
  return {
    facts: moduleFacts(module),
    title: module.title,
    href: url(moduleHref(module.id)),
    checkHref: url(checkHref(module.id)),
    lessons: module.lessons.map((l) => ({ id: l.id, title: l.title, href: url(lessonHref(l.id)) })),
  };
}
