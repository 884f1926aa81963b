/**
 * "Continue where you left off" (ContinueLearning.astro): the last lesson visited, at the section
 * the learner had reached if it is not read yet. Loaded only when something is stored.
 */
import { $progress } from '../../stores/progress';
import { $readingPlaces } from '../../stores/reading-places';
import { placeIn } from '../../lib/learner/next-step';

export function showContinueLearning(box: HTMLElement): void {
  const render = () => {
    const progress = $progress.get();
    const visit = progress.lastVisit;
    box.hidden = !visit;
    if (!visit) return;
    const link = box.querySelector<HTMLAnchorElement>('[data-continue-link]')!;
    // A lesson left half-read reopens at the section the learner had reached.
    const section = progress.lessons[visit.lessonId] ? undefined : placeIn($readingPlaces.get(), visit.lessonId);
    link.href = `${box.dataset.base}modules/${visit.lessonId}/${section ? `#${section}` : ''}`;
    link.textContent = visit.title;
    box.querySelector('[data-continue-meta]')!.textContent = `in ${visit.moduleTitle}`;
  };
  $progress.subscribe(render);
  $readingPlaces.listen(render);
}
