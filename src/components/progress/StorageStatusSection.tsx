/**
 * Where progress is kept right now, and a plain warning when it is not being saved
 * (storage blocked, full, or a write refused): the learner's way out is a backup. Also how
 * the course works offline, and why installing it matters on Safari (WebKit deletes a site's
 * script-writable storage after seven days of Safari use without visiting the site; Home
 * Screen web apps are exempt).
 */
import { useEffect, useState } from 'react';
import { useStore } from '@nanostores/react';
import { $storageHealth, quarantinedValues } from '../../stores/storage';
import { storageWhere } from './progress-view';

const WHERE_TEXT = {
  browser: 'Your progress is kept in this browser, on this device. It does not follow you to another computer or browser: a backup file carries it there.',
  tab: 'Your progress is kept in this tab only (shared-computer mode). It is gone when you close the tab.',
  lms: 'Your progress is saved in your organization’s learning system (LMS), against your account there: it follows you to any computer where you open the course from the LMS. Reflection notes and review cards stay in this browser.',
  nowhere: 'Your progress is not kept: this browser does not let the course save anything (storage is unavailable). It lasts only while this page is open.',
} as const;

const PROBLEM_TEXT = {
  unavailable: 'This browser does not let the course save anything.',
  quota: 'This browser’s storage for the course is full.',
  'write-failed': 'The browser refused to save your latest progress.',
} as const;

function downloadDamaged() {
  const blob = new Blob([JSON.stringify(quarantinedValues(), null, 2)], { type: 'application/json' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = 'crosswalk-damaged-data.json';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

/** Whether a service worker controls this page: then the whole course is kept for offline use. */
function useOfflineReady(): boolean {
  const container = typeof navigator === 'undefined' ? undefined : navigator.serviceWorker;
  const [ready, setReady] = useState(() => Boolean(container?.controller));
  useEffect(() => {
    if (!container) return;
    // On a first visit the worker installs after the page has loaded, then takes control.
    const update = () => setReady(Boolean(container.controller));
    container.addEventListener('controllerchange', update);
    return () => container.removeEventListener('controllerchange', update);
  }, [container]);
  return ready;
}

export function StorageStatusSection() {
  const health = useStore($storageHealth);
  const where = storageWhere(health);
  const offlineReady = useOfflineReady();

  return (
    <section className="card progress-section" aria-labelledby="storage-heading">
      <h2 id="storage-heading">Storage status</h2>
      <p data-storage-where={where}>{WHERE_TEXT[where]}</p>
      {/* Present before any problem, so a warning that appears later is announced. */}
      <div role="status">
        {!health.saving && (
          <div className="warning">
            <p>
              <strong>Warning: progress is not being saved.</strong> {where === 'nowhere' ? '' : `${PROBLEM_TEXT[health.problem ?? 'write-failed']} `}What you do now is kept only until
              you close this page. <a href="#backup">Export a backup</a> now to keep it.
            </p>
          </div>
        )}
      </div>
      {health.quarantined.length > 0 && (
        <div className="warning">
          <p>
            <strong>Some saved data could not be read.</strong> It was set aside, not deleted, and that part started afresh. You can download it to
            send to your trainer.
          </p>
          <button type="button" className="button--quiet" onClick={downloadDamaged}>
            Download the damaged data
          </button>
        </div>
      )}
      <h3 id="offline-heading">Offline, and installing the course</h3>
      {offlineReady ? (
        <p data-offline-ready="yes">
          This browser keeps a copy of the whole course, so it works without an internet connection: every lesson and check. When a new version is
          published, the course offers it the next time you are online; your progress stays as it is.
        </p>
      ) : (
        <p data-offline-ready="no">
          This browser is not keeping a copy of the course for use offline (yet), so opening a page needs a connection. Browsers keep one only for a
          course served over a secure (https) address, from the first visit on.
        </p>
      )}
      <p>
        You can also install the course as an app, so it opens from your home screen or app list: on an iPhone or iPad, in Safari choose Share, then
        Add to Home Screen; in Chrome or Edge, choose Install (in the address bar or the browser’s menu).
      </p>
      <p>
        <strong>On Safari:</strong> Safari deletes what a website has saved, your progress included, after seven days in which you use Safari
        but not that site. A course added to the Home Screen is exempt from that rule. If you take the course in a Safari tab, use it at least once
        a week or <a href="#backup">export a backup</a> to be safe.
      </p>
    </section>
  );
}
