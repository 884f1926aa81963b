/**
 * An inline "are you sure?" step. It appears next to the button that asked for it
 * and takes focus, so keyboard and screen-reader users land on the question; it is
 * not window.confirm, which cannot be styled, explained or tested well.
 * Escape cancels. The caller returns focus to its trigger on close.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

interface Props {
  /** The question, e.g. "Reset the progress of “Sam”?" */
  title: string;
  /** What will happen, in plain words. */
  children: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** For the trigger's aria-controls. */
  id?: string;
}

export function ConfirmRegion({ title, children, confirmLabel, cancelLabel = 'Cancel', onConfirm, onCancel, id }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();

  useEffect(() => {
    ref.current?.focus();
  }, []);

  return (
    <div
      className="confirm"
      role="group"
      aria-labelledby={titleId}
      tabIndex={-1}
      ref={ref}
      id={id}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <p className="confirm__title" id={titleId}>
        {title}
      </p>
      {children}
      <div className="actions">
        <button type="button" onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" className="button--quiet" onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
    </div>
  );
}

/**
 * The state around a ConfirmRegion: whether it is open, the id its trigger controls, and the
 * trigger's props (ref, aria-expanded, aria-controls, onClick). close() shuts the question and
 * returns focus to the trigger, as keyboard users expect.
 */
export function useConfirmStep() {
  const [confirming, setConfirming] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const confirmId = useId();
  const close = () => {
    setConfirming(false);
    trigger.current?.focus();
  };
  const triggerProps = {
    ref: trigger,
    'aria-expanded': confirming,
    'aria-controls': confirming ? confirmId : undefined,
    onClick: () => setConfirming(true),
  };
  return { confirming, confirmId, close, triggerProps };
}
