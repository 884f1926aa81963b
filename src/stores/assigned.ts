/**
 * The active profile's accepted assignments and learner id (shape: src/lib/learner/assigned.ts).
 * Key: crosswalk:assigned:<profile-id>, one per profile. Unreadable values are quarantined and
 * replaced by a clean list, with a notice, as for progress.
 */
import type { ReadableAtom } from 'nanostores';
import { PREFIX, readKey, removeKey } from './storage';
import { perProfile, validatedAtom } from './validated';
import { activeProfileMirror } from './active-profile';
import { $profiles } from './profiles';
import { acceptAssignment, emptyAssigned, loadAssigned, newLearnerId, removeAssignment, type AcceptOutcome, type AssignedState } from '../lib/learner/assigned';
import type { Assignment } from '../lib/supervisor/assignment';

export const assignedKey = (profileId: string) => `${PREFIX}assigned:${profileId}`;

// The fallback id is made once per atom: until something is saved, every read in this tab sees
// the same id.
const assignedAtomFor = perProfile((profileId) => {
  const fallbackId = newLearnerId();
  return validatedAtom<AssignedState>(assignedKey(profileId), {
    empty: () => emptyAssigned(fallbackId),
    load: (raw) => {
      const loaded = loadAssigned(raw, fallbackId);
      return loaded.ok ? { ok: true, value: loaded.state, dropped: loaded.dropped } : loaded;
    },
    what: 'saved assignment list',
    items: 'saved assignment(s)',
  });
});

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
