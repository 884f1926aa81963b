import { useLayoutEffect, useRef } from 'react';

type FocusTarget = () => HTMLElement | null | undefined;

/**
 * Move focus to an element as soon as React has shown what the learner's action changed.
 *
 * Why not `requestAnimationFrame(() => el.focus())`: a frame can come late on a busy machine or a
 * background tab, and a key pressed in the meantime goes to the control the learner just left (or
 * to one that is about to disappear). A layout effect runs in the same commit as the new content,
 * before the browser takes the next key. When the action changed nothing React renders, no commit
 * comes: the frame is then the fallback, so focus still moves.
 */
export function useFocusAfterRender(): (target: FocusTarget) => void {
  const pending = useRef<FocusTarget | null>(null);
  useLayoutEffect(() => {
    const target = pending.current;
    if (!target) return;
    pending.current = null;
    target()?.focus();
  });
  return (target) => {
    pending.current = target;
    requestAnimationFrame(() => {
      if (pending.current !== target) return;
      pending.current = null;
      target()?.focus();
    });
  };
}
