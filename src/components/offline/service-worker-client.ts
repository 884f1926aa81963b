/**
 * The page's side of offline use (UpdatePrompt.astro): registers the service worker that keeps
 * the course for offline use (src/node/service-worker.ts writes it at build time), and when a
 * new version of the course has been published and is waiting, says so: "A new version of the
 * course is ready" with Reload and Later. Loaded by page-boot.ts once the page has loaded, on
 * built sites only.
 *
 * Nothing switches versions behind the learner's back: the worker waits (skipWaiting: false)
 * until Reload posts SKIP_WAITING, and only the tab where Reload was pressed reloads. Progress
 * lives in the browser's storage, not in the cached pages, so the new version keeps it.
 * Plain DOM rather than workbox-window: this is all of it, and every page loads it.
 */

/** A tab left open for days still hears about a new version: look again when it comes back. */
const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;
/** How often, and how many times, Reload asks the new version to take over (see takeOver). */
const TAKE_OVER_RETRY_MS = 1500;
const TAKE_OVER_ATTEMPTS = 20;

function button(label: string, onClick: (button: HTMLButtonElement) => void, quiet = false): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  if (quiet) b.className = 'button--quiet';
  b.addEventListener('click', () => onClick(b));
  return b;
}

/** Fills the (always present) polite live region, so the offer is announced when it appears. */
function render(box: HTMLElement, parts: HTMLElement[]) {
  box.replaceChildren(...parts);
  box.classList.toggle('callout', parts.length > 0);
}

function offerUpdate(box: HTMLElement, onReload: () => void) {
  const message = document.createElement('p');
  const strong = document.createElement('strong');
  strong.textContent = 'A new version of the course is ready.';
  message.append(strong, ' Reload to use it. Your progress is kept.');
  const actions = document.createElement('p');
  actions.append(
    button('Reload', (reload) => {
      reload.disabled = true;
      reload.textContent = 'Reloading…';
      onReload();
    }),
    ' ',
    button(
      'Later',
      () => {
        render(box, []);
        document.getElementById('main')?.focus();
      },
      true,
    ),
  );
  render(box, [message, actions]);
}

/**
 * Asks the waiting worker to take over, and asks again until it has: Chromium puts off the
 * switch while the current worker is still answering requests (a page's scripts loading on the
 * very click that pressed Reload), and may drop the first request altogether.
 */
function takeOver(registration: ServiceWorkerRegistration) {
  let attempts = 0;
  const ask = () => {
    const waiting = registration.waiting;
    // Already in charge (Reload pressed in another tab too): nothing left to wait for.
    if (!waiting) return location.reload();
    waiting.postMessage({ type: 'SKIP_WAITING' });
    if (++attempts < TAKE_OVER_ATTEMPTS) setTimeout(ask, TAKE_OVER_RETRY_MS);
  };
  // The click on Reload is often the page's first interaction, which loads the page's own
  // scripts (page-boot.ts): let those finish before asking.
  setTimeout(ask, TAKE_OVER_RETRY_MS);
}

let started = false;

/** Registers `${BASE_URL}sw.js` for the site's folder and offers updates in the page's prompt. Once per page. */
export async function startOffline(): Promise<void> {
  const box = document.querySelector<HTMLElement>('[data-update-prompt]');
  // No service workers here (plain http, an old browser): the course simply stays online-only.
  if (started || !box || !('serviceWorker' in navigator)) return;
  started = true;
  const container = navigator.serviceWorker;
  const base = import.meta.env.BASE_URL;
  const scope = base.endsWith('/') ? base : `${base}/`;
  let reloadAsked = false;
  // The new version has taken over because this tab asked: show it. (Another tab's Reload also
  // hands control over; this tab then keeps its page and its offer, so nothing a learner is in
  // the middle of is thrown away.)
  container.addEventListener('controllerchange', () => {
    if (reloadAsked) location.reload();
  });

  // Refused (plain http, private mode in some browsers, a policy): the course still works
  // online, and My progress says it is not kept offline. Nothing to alarm the learner with.
  const registration = await container.register(`${scope}sw.js`, { scope }).catch(() => undefined);
  if (!registration) return;

  // A waiting worker is a new version only if an older one runs this page: the very first
  // install has nothing to replace (and takes control by itself: clientsClaim).
  const offer = () => {
    if (!registration.waiting || !container.controller) return;
    offerUpdate(box, () => {
      reloadAsked = true;
      takeOver(registration);
    });
  };
  offer();
  registration.addEventListener('updatefound', () => {
    const installing = registration.installing;
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'installed') offer();
    });
  });

  let lastCheck = Date.now();
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'visible' || Date.now() - lastCheck < UPDATE_CHECK_INTERVAL_MS) return;
    lastCheck = Date.now();
    registration.update().catch(() => {});
  });
}
