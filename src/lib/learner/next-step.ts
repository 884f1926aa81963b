/**
 * "What next?" for a module or a path page: the one main button a learner sees. Pure: the
 * learner's progress and reading places in, a link and its words out (NextStep.astro renders it).
 *
 * A module: nothing read → its first lesson; some read → the lesson to continue (the one last
 * visited if it is unread, else the first unread), at the section the learner left; all read →
 * the check; complete → the next module of the path (or the certificate where there is none).
 * A path: the first module not complete, continued as above; all complete → the certificate.
 */
import { moduleProgress, type ModuleFacts, type ProgressState } from './progress';
import type { ReadingPlaces } from './reading-places';

export interface StepLesson {
  id: string;
  title: string;
  href: string;
}

export interface StepModule {
  facts: ModuleFacts;
  title: string;
  href: string;
  checkHref: string;
  lessons: StepLesson[];
}

export interface NextStep {
  kind: 'start' | 'continue' | 'check' | 'next-module' | 'certificate';
  href: string;
  label: string;
}

/** Where the learner left a lesson, if they did ("__proto__" is an ordinary id here). */
export function placeIn(places: ReadingPlaces, lessonId: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(places.places, lessonId) ? places.places[lessonId]!.section : undefined;
}

/** A lesson's link, at the section the learner left when they left one. */
const atPlace = (lesson: StepLesson, places: ReadingPlaces) => {
  const section = placeIn(places, lesson.id);
  return section ? `${lesson.href}#${section}` : lesson.href;
};

/** The lesson to continue in a module that is begun but not read through, with its section. */
function continueIn(module: StepModule, progress: ProgressState, places: ReadingPlaces): NextStep | undefined {
  const unread = module.lessons.filter((l) => !progress.lessons[l.id]);
  if (unread.length === 0) return undefined;
  const visited = unread.find((l) => l.id === progress.lastVisit?.lessonId);
  const lesson = visited ?? unread[0]!;
  return { kind: 'continue', href: atPlace(lesson, places), label: `Continue with “${lesson.title}”` };
}

export function moduleNextStep(module: StepModule, progress: ProgressState, places: ReadingPlaces, after?: { title: string; href: string }, certificateHref?: string): NextStep {
  const p = moduleProgress(progress, module.facts);
  if (p.status === 'complete' || p.status === 'updated') {
    if (after) return { kind: 'next-module', href: after.href, label: `Next module: ${after.title}` };
    if (certificateHref) return { kind: 'certificate', href: certificateHref, label: 'Get your certificate' };
  }
  if (p.lessonsRead === 0 && !p.passed) {
    const first = module.lessons[0]!;
    if (placeIn(places, first.id)) return { kind: 'continue', href: atPlace(first, places), label: `Continue with “${first.title}”` };
    return { kind: 'start', href: first.href, label: `Start with “${first.title}”` };
  }
  const next = continueIn(module, progress, places);
  if (next) return next;
  if (!p.passed) return { kind: 'check', href: module.checkHref, label: 'Take the module check' };
  // Read and passed but the module was updated since: read it again from the top.
  return { kind: 'continue', href: module.lessons[0]!.href, label: `Read again: “${module.lessons[0]!.title}”` };
}

export function pathNextStep(modules: StepModule[], progress: ProgressState, places: ReadingPlaces, certificateHref: string): NextStep {
  const open = modules.find((m) => moduleProgress(progress, m.facts).status !== 'complete');
  if (!open) return { kind: 'certificate', href: certificateHref, label: 'Path complete: get your certificate' };
  const p = moduleProgress(progress, open.facts);
  if (p.status === 'not-started' && !open.lessons.some((l) => placeIn(places, l.id))) {
    const begun = modules.some((m) => moduleProgress(progress, m.facts).status !== 'not-started');
    return { kind: begun ? 'next-module' : 'start', href: open.href, label: begun ? `Next module: ${open.title}` : `Start with “${open.title}”` };
  }
  const step = moduleNextStep(open, progress, places);
  return { ...step, label: `${step.label} (${open.title})` };
}
