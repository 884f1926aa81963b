/**
 * "Erase my data": everything Crosswalk keeps in this browser, for every profile, goes at
 * once (the privacy promise made concrete). The page then reloads with ?erased=1, so the
 * confirmation survives the reload without storing anything.
 */
import { useEffect } from 'react';
import { eraseAllData } from '../../stores/storage';
import { ConfirmRegion, useConfirmStep } from './ConfirmRegion';
import { StatusLine, useStatus } from './StatusLine';

export const ERASED_PARAM = 'erased';

export function EraseSection() {
  const { confirming, confirmId, close, triggerProps } = useConfirmStep();
  const { status, announce, lineRef } = useStatus();

  useEffect(() => {
    const url = new URL(location.href);
    if (url.searchParams.get(ERASED_PARAM) !== '1') return;
    announce('Everything Crosswalk kept in this browser has been erased.');
    // Drop the marker so a later reload does not claim a second erase.
    url.searchParams.delete(ERASED_PARAM);
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
  }, [announce]);


  return (
    <section className="card progress-section" aria-labelledby="erase-heading" id="erase">
      <h2 id="erase-heading">Erase my data</h2>
      <p>
        Remove everything Crosswalk keeps in this browser: every profile, its progress, check answers, assignments, review cards and
        journal notes, imported team records and your theme choice. Nothing is kept anywhere else, so after this the course knows
        nothing about you.
      </p>
      <button
        type="button"
        className="button--quiet"
        {...triggerProps}
      >
        Erase my data…
      </button>
      {confirming && (
        <ConfirmRegion
          id={confirmId}
          title="Erase everything Crosswalk keeps in this browser?"
          confirmLabel="Erase everything"
          cancelLabel="Keep my data"
          onConfirm={() => {
            const refused = eraseAllData();
            if (refused.length) {
              close();
              announce(`Could not erase ${refused.length} item(s): the browser refused. Clear this site's data in the browser's settings.`, 'problem');
              return;
            }
            const url = new URL(location.href);
            url.searchParams.set(ERASED_PARAM, '1');
            location.replace(url.href);
          }}
          onCancel={close}
        >
          <p>
            All profiles and everything in them are deleted now, and shared-computer mode ends. This cannot be undone. If you might
            want any of it back, <a href="#backup">export a backup</a> first. Close other Crosswalk tabs before you erase, or they may
            save their copy again.
          </p>
        </ConfirmRegion>
      )}
      <StatusLine status={status} ref={lineRef} />
    </section>
  );
}
