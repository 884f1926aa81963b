/**
 * A visible line that says what just happened ("Switched to Sam."), inside a polite
 * live region that exists before any message, so screen readers announce each one.
 * The same message twice is announced twice: each message is a new node (its key).
 */
import { useCallback, useRef, useState, type Ref } from 'react';

export interface Status {
  text: string;
  /** Success is the default; a problem gets a "Could not…" style and the word says so too. */
  tone?: 'ok' | 'problem';
}

export function useStatus() {
  const [status, setStatus] = useState<(Status & { n: number }) | null>(null);
  const counter = useRef(0);
  const lineRef = useRef<HTMLParagraphElement>(null);
  const announce = useCallback((text: string, tone: Status['tone'] = 'ok') => {
    counter.current += 1;
    setStatus({ text, tone, n: counter.current });
  }, []);
  const clear = useCallback(() => setStatus(null), []);
  return { status, announce, clear, lineRef };
}

export function StatusLine({ status, ref }: { status: (Status & { n: number }) | null; ref?: Ref<HTMLParagraphElement> }) {
  return (
    <p className={`status-line${status ? ` status-line--${status.tone ?? 'ok'}` : ''}`} role="status" aria-live="polite" tabIndex={-1} ref={ref}>
      {status && <span key={status.n}>{status.text}</span>}
    </p>
  );
}
