/**
 * Shared-computer mode: progress lives in this tab only (sessionStorage) and is gone
 * when the tab closes. Switching reloads the page, because every store chose its
 * storage when the page loaded (src/stores/storage.ts).
 */
import { clearAllData, isSharedComputerMode, setSharedComputerMode } from '../../stores/storage';
import { ConfirmRegion, useConfirmStep } from './ConfirmRegion';

export function SharedComputerSection() {
  const shared = isSharedComputerMode();
  const { confirming: confirmingClear, confirmId, close: closeClear, triggerProps } = useConfirmStep();


  return (
    <section className="card progress-section" aria-labelledby="shared-heading">
      <h2 id="shared-heading">Shared computer</h2>
      {shared ? (
        <>
          <p className="callout">
            <strong>Shared-computer mode: nothing is kept after you close this tab.</strong>
          </p>
          <p>When you are done, clear your data or simply close the tab. Export a backup first if you want to carry on elsewhere.</p>
          <div className="actions">
            <button
              type="button"
              {...triggerProps}
            >
              Clear my data now
            </button>
            <button
              type="button"
              className="button--quiet"
              onClick={() => {
                setSharedComputerMode(false);
                location.reload();
              }}
            >
              Leave shared-computer mode
            </button>
          </div>
          {confirmingClear && (
            <ConfirmRegion
              id={confirmId}
              title="Clear everything you did in this tab?"
              confirmLabel="Yes, clear my data"
              cancelLabel="Keep it for now"
              onConfirm={() => {
                clearAllData();
                // clearAllData also removes the tab's shared-computer flag (it is a crosswalk: key
                // in the same sessionStorage); set it again so the tab stays in this mode.
                setSharedComputerMode(true);
                location.reload();
              }}
              onCancel={closeClear}
            >
              <p>Your progress and profiles in this tab are deleted now. This cannot be undone.</p>
            </ConfirmRegion>
          )}
        </>
      ) : (
        <>
          <p>
            On a computer other people use, such as a public terminal or a shared desk computer, switch to shared-computer mode: your progress is
            kept in this tab only and is gone when you close it. Progress already saved in this browser is not deleted; it comes back when you
            leave the mode.
          </p>
          <button
            type="button"
            onClick={() => {
              setSharedComputerMode(true);
              location.reload();
            }}
          >
            This is a shared computer
          </button>
        </>
      )}
    </section>
  );
}
