/**
 * Start the active profile afresh. Other tabs adopt the reset too (a reset starts a
 * new epoch, which wins over merging: src/lib/learner/progress.ts syncIncoming).
 */
import { useStore } from '@nanostores/react';
import { $profiles } from '../../stores/profiles';
import { resetProgress } from '../../stores/progress';
import { isolateText } from '../../lib/site/bidi';
import { ConfirmRegion, useConfirmStep } from './ConfirmRegion';
import { StatusLine, useStatus } from './StatusLine';

export function ResetSection() {
  const profiles = useStore($profiles);
  const name = profiles.profiles.find((p) => p.id === profiles.activeId)?.name ?? 'this profile';
  const { confirming, confirmId, close, triggerProps } = useConfirmStep();
  const { status, announce, lineRef } = useStatus();


  return (
    <section className="card progress-section" aria-labelledby="reset-heading">
      <h2 id="reset-heading">Reset</h2>
      <p>
        Start “<bdi>{name}</bdi>” again from the beginning, for example to retake the course. Other profiles are not touched.
      </p>
      <button
        type="button"
        className="button--quiet"
        {...triggerProps}
      >
        Reset my progress
      </button>
      {confirming && (
        <ConfirmRegion
          id={confirmId}
          title={`Reset all progress of “${isolateText(name)}”?`}
          confirmLabel={`Reset “${isolateText(name)}”`}
          onConfirm={() => {
            resetProgress();
            close();
            announce(`The progress of “${isolateText(name)}” was reset.`);
          }}
          onCancel={close}
        >
          <p>
            Every lesson read, check score and completion of this profile is erased. This cannot be undone. If you might want it back,{' '}
            <a href="#backup">export a backup</a> first.
          </p>
        </ConfirmRegion>
      )}
      <StatusLine status={status} ref={lineRef} />
    </section>
  );
}
