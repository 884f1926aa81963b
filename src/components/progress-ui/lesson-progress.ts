/**
 * End of a lesson (LessonProgress.astro): remembers the lesson as the place to continue from,
 * counts it as read when the learner reaches its end (or presses the button), and says so.
 */
import { $progress, markRead, saveVisit } from '../../stores/progress';
import type { ModuleFacts } from '../../lib/learner/progress';

/**
 * Marks the outline's lessons that are read with ✓ (and the word "read" for screen readers).
 * Made here rather than in the page's HTML: a lesson opened and read carries no more than its text.
 */
function markOutline(read: (lessonId: string) => boolean): void {
  for (const item of document.querySelectorAll<HTMLElement>('.lesson-outline li[data-lesson-id]')) {
    const link = item.querySelector(':scope > a');
    let mark = item.querySelector<HTMLElement>('[data-read-mark]');
    if (!mark && link) {
      mark = document.createElement('span');
      mark.dataset.readMark = '';
      mark.className = 'lesson-outline__read';
      const tick = document.createElement('span');
      tick.setAttribute('aria-hidden', 'true');
      tick.textContent = ' ✓';
      const words = document.createElement('span');
      words.className = 'visually-hidden';
      words.textContent = '(read)';
      mark.append(tick, words);
      link.append(mark);
    }
    if (mark) mark.hidden = !read(item.dataset.lessonId!);
  }
}

/**
 * Remembers the last section heading the reader scrolled past (src/stores/reading-places.ts),
 * so Continue on the home and module pages reopens the lesson there. The store loads only once
 * a section has been reached.
 */
function trackSections(lessonId: string): void {
  const headings = [...document.querySelectorAll<HTMLElement>('article.lesson h2[id]')];
  if (headings.length === 0 || !('IntersectionObserver' in window)) return;
  let saved = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new IntersectionObserver(() => {
    // The current section: the last heading above the upper third of the screen.
    const line = window.innerHeight / 3;
    const current = headings.filter((h) => h.getBoundingClientRect().top < line).at(-1);
    if (!current || current.id === saved) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      saved = current.id;
      void import('../../stores/reading-places').then(({ savePlace }) => savePlace(lessonId, current.id));
    }, 800);
  }, { rootMargin: '0px 0px -66% 0px' });
  for (const heading of headings) observer.observe(heading);
}

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
    markOutline((id) => Boolean(progress.lessons[id]));
  });
  trackSections(lessonId);

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
