/**
 * The one script every page loads (Base.astro). It wires what must answer at once (the search
 * and theme buttons) and schedules the rest: the code that reads and writes a learner's data
 * (stores, validation) loads on the reader's first scroll, key or tap, or when the part that
 * needs it comes near, so a lesson opened and read costs little more than its text (issue 9:
 * 12 KB at load). Pages with islands or a module check load the stores anyway, so there the
 * notice starts at once.
 */
import { bootSearchDialog } from './search/search-opener';
import { bootThemeToggle } from './theme-toggle';
import { linkStylesheet, loadOnUse, loadOnce, loadWhenNeeded, onFirstInteraction, whenNear } from './tools/load-when';

/** How long after the page opens the offline service worker starts, if nothing else started it. */
const OFFLINE_START_DELAY_MS = 3000;

bootSearchDialog();
bootThemeToggle();

// The Menu and outline disclosures work without script; Escape and closing on a tap elsewhere
// (site-menu.ts) load on the reader's first tap or key, after the page has loaded.
onFirstInteraction(() => void import('./site-menu').then(({ bootDisclosures }) => bootDisclosures()));

// The storage notice (StorageNotice.astro): progress not saved, shared computer, damaged data.
const notice = document.querySelector<HTMLElement>('[data-storage-notice]');
if (notice) {
  const start = () => void import('./progress-ui/storage-notice').then(({ showStorageNotice }) => showStorageNotice(notice));
  // Pages that read the learner's data at once (islands, the module check) show it at once.
  if (document.querySelector('astro-island, [data-module-check]')) start();
  else onFirstInteraction(start);
}

// The end of a lesson (LessonProgress.astro): continue-from, read, "Mark as read".
for (const box of document.querySelectorAll<HTMLElement>('[data-lesson-progress]')) {
  const start = loadOnce(box.querySelector('[data-mark-read]'), () => import('./progress-ui/lesson-progress').then(({ trackLesson }) => trackLesson(box)));
  onFirstInteraction(() => void start());
  whenNear(box, () => void start());
}

// Reflection note boxes (Reflect.astro): shown at once (they are hidden without JavaScript,
// which they need); the journal loads when one comes near or is used.
for (const box of document.querySelectorAll<HTMLElement>('[data-reflection-id]')) {
  const journal = box.querySelector<HTMLElement>('[data-reflect-journal]');
  if (!journal) continue;
  journal.hidden = false;
  loadWhenNeeded(box, journal.querySelector('[data-reflect-save]'), () => import('./mdx/reflect-note').then(({ wireNote }) => wireNote(box)));
}

// Inline checks in lessons (Check.astro). Their styles load when one comes near, and the
// question shows once they have; their code loads only when the reader uses one (a tap, a key, a Tab into it). Opening a lesson fetches neither
// (issue 20: 12 KB at load for every lesson). "Check my answer" pressed before the code arrives
// is kept. Without JavaScript, check.css shows the same markup (Check.astro's <noscript>).
for (const box of document.querySelectorAll<HTMLElement>('[data-inline-check]')) {
  const styles = box.dataset.checkStyles;
  const show = () => void (styles ? linkStylesheet(styles) : Promise.resolve()).then(() => (box.hidden = false));
  // Watched by its section: a hidden element has no box, so it never comes near.
  whenNear(box.closest('.inline-check') ?? box, show);
  // Printing cannot wait for a stylesheet: the question prints as plain text then.
  window.addEventListener(
    'beforeprint',
    () => {
      box.hidden = false;
      show();
    },
    { once: true },
  );
  loadOnUse(box, box.querySelector('[data-inline-answer]'), () => import('./check/inline-check').then(({ startInlineCheck }) => startInlineCheck(box)));
}

// Offline use (UpdatePrompt.astro): the service worker that keeps the course in this browser.
// Built sites only (`astro dev` always shows the pages as they are now). It starts a few
// seconds after the page opens, as Workbox advises: it never competes with the page itself or
// with what the reader's first clicks load, and a visitor who leaves at once does not download
// the whole course.
if (import.meta.env.PROD) {
  setTimeout(() => void import('./offline/service-worker-client').then((m) => m.startOffline()), OFFLINE_START_DELAY_MS);
}
