/**
 * Loading a page's heavier scripts when they are needed rather than with the page, so that
 * opening a lesson costs only its text (issue 9's budget: 12 KB for a lesson at load). The
 * same idea as Astro's client:visible, for plain scripts.
 */

/** Runs `load` once, when `element` comes within a screen of the viewport. */
export function whenNear(element: Element, load: () => void): void {
  if (!('IntersectionObserver' in window)) return load();
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      observer.disconnect();
      load();
    },
    { rootMargin: '100% 0px' },
  );
  observer.observe(element);
}

const INTERACTIONS = ['pointerdown', 'keydown', 'scroll', 'touchstart', 'focusin'] as const;

/** Runs `load` once, on the reader's first scroll, key, tap or click. */
export function onFirstInteraction(load: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    for (const type of INTERACTIONS) window.removeEventListener(type, run, true);
    load();
  };
  for (const type of INTERACTIONS) window.addEventListener(type, run, { capture: true, passive: true });
}

/**
 * `load` made to run once, returning the same promise every time. A press of `button` before it
 * has finished is held and made again once it has, so "Mark as read" or "Save" pressed on a slow
 * connection is not lost.
 */
export function loadOnce(button: HTMLElement | null, load: () => Promise<void>): () => Promise<void> {
  let loaded: Promise<void> | undefined;
  const early = (event: Event) => {
    event.stopImmediatePropagation();
    void start().then(() => button?.click());
  };
  const start = () => (loaded ??= load().then(() => button?.removeEventListener('click', early)));
  button?.addEventListener('click', early);
  return start;
}

/**
 * Loads a part's code when the part comes near or takes focus (a Tab into it), whichever is
 * first; a press of `button` before the code has arrived is kept (loadOnce).
 */
export function loadWhenNeeded(part: Element, button: HTMLElement | null, load: () => Promise<void>): void {
  const start = loadOnce(button, load);
  whenNear(part, () => void start());
  part.addEventListener('focusin', () => void start());
}

/**
 * Loads a part's code only when the reader uses the part: a tap or click in it, a key or a Tab
 * into it (issue 20: a lesson's inline check is not part of opening the lesson, so its code no
 * longer loads as it comes near). A press of `button` before the code has arrived is kept.
 */
export function loadOnUse(part: Element, button: HTMLElement | null, load: () => Promise<void>): void {
  const start = loadOnce(button, load);
  for (const type of ['pointerdown', 'focusin', 'keydown'] as const) part.addEventListener(type, () => void start(), { once: true, passive: true });
}

const stylesheets = new Map<string, Promise<void>>();

/**
 * Adds the stylesheet at `href` to the page once, however many parts ask for it; settles when it
 * has loaded, or failed to (offline, say): a part waiting to be shown is shown either way.
 */
export function linkStylesheet(href: string): Promise<void> {
  let linked = stylesheets.get(href);
  if (!linked) {
    linked = new Promise<void>((settle) => {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = href;
      link.addEventListener('load', () => settle(), { once: true });
      link.addEventListener('error', () => settle(), { once: true });
      document.head.append(link);
    });
    stylesheets.set(href, linked);
  }
  return linked;
}
