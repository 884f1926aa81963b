/**
 * The one script every page loads (Base.astro). It wires what must answer at once (the search
 * and theme buttons) and schedules the rest: the code that reads and writes a learner's data
 * (stores, validation) loads on the reader's first scroll, key or tap, or when the part that
 * needs it comes near, so a lesson opened and read costs little more than its text (issue 9:
 * 12 KB at load). Pages with islands load the stores anyway, so there the notice starts at once.
 */
import { bootSearchDialog } from './search/search-opener';
import { bootThemeToggle } from './theme-toggle';
import { onFirstInteraction, whenNear } from './tools/load-when';

bootSearchDialog();
bootThemeToggle();

// The storage notice (StorageNotice.astro): progress not saved, shared computer, damaged data.
const notice = document.querySelector<HTMLElement>('[data-storage-notice]');
if (notice) {
  const start = () => void import('./progress-ui/storage-notice').then(({ showStorageNotice }) => showStorageNotice(notice));
  if (document.querySelector('astro-island')) start();
  else onFirstInteraction(start);
}

// The end of a lesson (LessonProgress.astro): continue-from, read, "Mark as read".
for (const box of document.querySelectorAll<HTMLElement>('[data-lesson-progress]')) {
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    void import('./progress-ui/lesson-progress').then(({ trackLesson }) => trackLesson(box));
  };
  onFirstInteraction(start);
  whenNear(box, start);
}

// Reflection note boxes (Reflect.astro): the journal loads when one comes near.
for (const box of document.querySelectorAll<HTMLElement>('[data-reflection-id]')) {
  if (box.querySelector('[data-reflect-journal]')) whenNear(box, () => void import('./mdx/reflect-note').then(({ wireNote }) => wireNote(box)));
}
