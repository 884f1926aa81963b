/**
 * The active profile's accepted assignments and learner id (shape: src/lib/assigned.ts).
 * Key: crosswalk:assigned:<profile-id>, one per profile. Unreadable values are quarantined and
 * replaced by a clean list, with a notice, as for progress.
 */
import type { ReadableAtom, WritableAtom } from 'nanostores';
import { persistentAtom } from '@nanostores/persistent';
import { PREFIX, quarantine, readKey, removeKey } from './storage';
import { activeProfileMirror } from './active-profile';
import { $profiles } from './profiles';
import { acceptAssignment, emptyAssigned, loadAssigned, newLearnerId, removeAssignment, type AcceptOutcome, type AssignedState } from '../lib/assigned';
import type { Assignment } from '../lib/assignment';

export const assignedKey = (profileId: string) => `${PREFIX}assigned:${profileId}`;

const atoms = new Map<string, WritableAtom<AssignedState>>();

function assignedAtomFor(profileId: string): WritableAtom<AssignedState> {
  const existing = atoms.get(profileId);
  if (existing) return existing;
  const key = assignedKey(profileId);
  // Made once per atom: until something is saved, every read in this tab sees the same id.
  const fallbackId = newLearnerId();
  const decode = (raw: string): AssignedState => {
    try {
      const loaded = loadAssigned(JSON.parse(raw), fallbackId);
      if (loaded.ok) {
        if (loaded.dropped > 0) quarantine(key, raw, `${loaded.dropped} saved assignment(s) could not be read`);
        return loaded.state;
      }
      quarantine(key, raw, `saved assignments could not be read (${loaded.reason})`);
    } catch {
      quarantine(key, raw, 'saved assignments are not readable JSON');
    }
    return emptyAssigned(fallbackId);
  };
  const store = persistentAtom<AssignedState>(key, emptyAssigned(fallbackId), { encode: JSON.stringify, decode });
  atoms.set(profileId, store);
  return store;
}

/** The active profile's assignments. Read-only: change them through the actions below. */
export const $assigned: ReadableAtom<AssignedState> = activeProfileMirror(emptyAssigned('pending000'), assignedAtomFor);

function update(change: (state: AssignedState) => AssignedState): AssignedState {
  const store = assignedAtomFor($profiles.get().activeId);
  const next = change(store.get());
  store.set(next);
  return next;
}

export function accept(assignment: Assignment): AcceptOutcome {
  let outcome: AcceptOutcome = 'full';
  update((state) => {
    const result = acceptAssignment(state, assignment, new Date().toISOString());
    outcome = result.outcome;
    return result.state;
  });
  return outcome;
}

export const dismissAssignment = (assignmentId: string) => update((state) => removeAssignment(state, assignmentId));

/** The learner id records are signed with; saved the first time it is used so it never changes. */
export function learnerId(): string {
  const profileId = $profiles.get().activeId;
  const store = assignedAtomFor(profileId);
  if (readKey(assignedKey(profileId)) === undefined) store.set(store.get());
  return store.get().learnerId;
}

export const forgetAssignments = (profileId: string) => removeKey(assignedKey(profileId));
