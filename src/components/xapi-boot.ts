/**
 * Starts reporting to the Learning Record Store. Added to every page by
 * src/integrations/xapi-reporter.ts only when content/site.yaml has an `xapi:` block, so a
 * course without one ships none of this code.
 *
 * This file is all a page loads with it: the reporter (the progress and outbox stores) and its
 * settings (/xapi-config.json, one file for the whole site, named by XapiReporter.astro) load on
 * the reader's first scroll, key, tap or click, or a few seconds after the page has loaded,
 * whichever comes first. Nothing is missed by waiting: the reporter sends everything in progress
 * dated after the last statement it queued (src/stores/xapi.ts), and a learner cannot make
 * progress without interacting. So a lesson opens within its 12 KB budget with xAPI on.
 */
import { onFirstInteraction } from './tools/load-when';
import type { XapiConfigFile } from '../lms/xapi-config.json';

/** After load, when statements left waiting by an earlier page (offline, LRS down) are retried. */
const START_AFTER_LOAD_MS = 3_000;

const box = document.querySelector<HTMLElement>('[data-xapi-config-href]');
if (box) {
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    const settings = fetch(new URL(box.dataset.xapiConfigHref!, document.baseURI), { credentials: 'same-origin' }).then((response) =>
      response.ok ? (response.json() as Promise<XapiConfigFile>) : Promise.reject(new Error(`HTTP ${response.status}`)),
    );
    Promise.all([import('../stores/xapi'), settings])
      .then(([{ startReporting }, file]) => startReporting(file.config, file.titles))
      .catch((error: unknown) => console.warn('Crosswalk: xAPI reporting is off for this page: its settings could not be loaded.', error));
  };
  onFirstInteraction(start);
  const later = () => setTimeout(start, START_AFTER_LOAD_MS);
  if (document.readyState === 'complete') later();
  else addEventListener('load', later, { once: true });
}
