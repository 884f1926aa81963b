/**
 * The next step on module and path pages (NextStep.astro): Continue at the section left, the
 * next module once one is finished, the certificate when earned, and a ✓ on each lesson read.
 * Loaded only when something is stored.
 */
import { $progress } from '../../stores/progress';
import { $readingPlaces } from '../../stores/reading-places';
import { moduleProgress } from '../../lib/learner/progress';
import { moduleNextStep, pathNextStep, type StepModule } from '../../lib/learner/next-step';

export function showNextSteps(boxes: HTMLElement[]): void {
  for (const box of boxes) {
    const modules = JSON.parse(box.dataset.modules!) as StepModule[];
    const after = box.dataset.after ? (JSON.parse(box.dataset.after) as { title: string; href: string }) : undefined;
    const link = box.querySelector<HTMLAnchorElement>('[data-next-step-link]')!;
    const certificate = box.querySelector<HTMLElement>('[data-next-step-certificate]')!;
    const render = () => {
      const progress = $progress.get();
      const places = $readingPlaces.get();
      const step = box.dataset.nextStep === 'module' ? moduleNextStep(modules[0]!, progress, places, after, box.dataset.certificate) : pathNextStep(modules, progress, places, box.dataset.certificate!);
      link.href = step.href;
      link.textContent = step.label;
      link.dataset.kind = step.kind;
      const done = modules.every((m) => ['complete', 'updated'].includes(moduleProgress(progress, m.facts).status));
      certificate.hidden = !done || step.kind === 'certificate';
      // ✓ on the lessons read, in the page's own lesson list.
      for (const item of document.querySelectorAll<HTMLElement>('.lesson-list li[data-lesson-id]')) {
        item.querySelector<HTMLElement>('[data-read-mark]')!.hidden = !progress.lessons[item.dataset.lessonId!];
      }
    };
    $progress.subscribe(render);
    $readingPlaces.listen(render);
  }
}
