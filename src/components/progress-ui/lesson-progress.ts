/**
 * End of a lesson (LessonProgress.astro): remembers the lesson as the place to continue from,
 * counts it as read when the learner reaches its end (or presses the button), and says so.
 */
import { $progress, markRead, saveVisit } from '../../stores/progress';
import type { ModuleFacts } from '../../lib/learner/progress';

export function trackLesson(box: HTMLElement): void {
  const lessonId = box.dataset.lessonId!;
  const module = JSON.parse(box.dataset.module!) as ModuleFacts;
  const status = box.querySelector<HTMLElement>('[data-lesson-status]')!;
  const button = box.querySelector<HTMLButtonElement>('[data-mark-read]')!;

  saveVisit({ lessonId, title: box.dataset.lessonTitle!, moduleTitle: box.dataset.moduleTitle! });

  $progress.subscribe((progress) => {
    const read = progress.lessons[lessonId];
    status.textContent = read ? `✓ Read on ${new Date(read.readAt).toLocaleDateString()}.` : 'Not yet marked as read.';
    button.hidden = Boolean(read);
  });

  button.addEventListener('click', () => {
    markRead(lessonId, module);
    status.focus();
  });

  // Reaching the end of the lesson counts as reading it.
  const end = document.querySelector(`[data-lesson-end="${CSS.escape(lessonId)}"]`);
  if (end && 'IntersectionObserver' in window) {
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        markRead(lessonId, module);
        observer.disconnect();
      }
    });
    observer.observe(end);
  }
}
