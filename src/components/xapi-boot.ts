/**
 * Starts reporting to the Learning Record Store. Added to every page by
 * src/integrations/xapi-reporter.ts only when content/site.yaml has an `xapi:` block, so a
 * course without one ships none of this code; XapiReporter.astro puts the settings in the page.
 */
import { startReporting } from '../stores/xapi';

const box = document.querySelector<HTMLElement>('[data-xapi-config]');
if (box) startReporting(JSON.parse(box.dataset.xapiConfig!), JSON.parse(box.dataset.xapiTitles!));
