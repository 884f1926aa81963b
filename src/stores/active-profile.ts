/**
 * Per-profile stores (progress, assignments, review deck) keep one persistent atom per profile
 * id; pages read "the active profile's" value. This mirror follows the active profile: when the
 * learner switches profile, it re-subscribes to that profile's atom.
 */
import { atom, onMount, type ReadableAtom } from 'nanostores';
import { $profiles } from './profiles';

export function activeProfileMirror<T>(initial: T, atomFor: (profileId: string) => ReadableAtom<T>): ReadableAtom<T> {
  const mirror = atom<T>(initial);
  onMount(mirror, () => {
    let unbind: (() => void) | undefined;
    const unbindProfiles = $profiles.subscribe((profiles) => {
      unbind?.();
      unbind = atomFor(profiles.activeId).subscribe((value) => mirror.set(value));
    });
    return () => {
      unbind?.();
      unbindProfiles();
    };
  });
  return mirror;
}
