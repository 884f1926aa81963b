/**
 * The active profile's accepted assignments and learner id (shape: src/lib/learner/assigned.ts).
 * Key: crosswalk:assigned:<profile-id>, one per profile. Unreadable values are quarantined and
 * replaced by a clean list, with a notice, as for progress. Two tabs never lose each other's
 * acceptances: every change merges with what storage holds now, and another tab's write is merged,
 * not adopted (src/stores/validated.ts mergedAtom).
 */
import type { ReadableAtom } from 'nanostores';
import { PREFIX, readKey, removeKey } from './storage';
import { mergedAtom, perProfile } from './validated';
import { activeProfileMirror } from './active-profile';
import { $profiles } from './profiles';
import { acceptAssignment, emptyAssigned, loadAssigned, mergeAssigned, newLearnerId, removeAssignment, savedAssigned, type AcceptOutcome, type AssignedState } from '../lib/learner/assigned';
import type { Assignment } from '../lib/supervisor/assignment';

export const assignedKey = (profileId: string) => `${PREFIX}assigned:${profileId}`;

// The fallback id is made once per atom: until something is saved, every read in this tab sees
// the same id.
const assignedAtomFor = perProfile((profileId) => {
  const fallbackId = newLearnerId();
  return mergedAtom<AssignedState>(assignedKey(profileId), {
    empty: () => emptyAssigned(fallbackId),
    merge: mergeAssigned,
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

/** Every write saves the learner id with it (from then on no other tab's default replaces it). */
const update = (change: (state: AssignedState) => AssignedState): AssignedState => assignedAtomFor($profiles.get().activeId).update((state) => savedAssigned(change(state)));

const now = () => new Date().toISOString();

export function accept(assignment: Assignment): AcceptOutcome {
  let outcome: AcceptOutcome = 'full';
  update((state) => {
    const result = acceptAssignment(state, assignment, now());
    outcome = result.outcome;
    return result.state;
  });
  return outcome;
}

export const dismissAssignment = (assignmentId: string) => update((state) => removeAssignment(state, assignmentId, now()));

/** The learner id records are signed with; saved the first time it is used so it never changes. */
export function learnerId(): string {
  const profileId = $profiles.get().activeId;
  const store = assignedAtomFor(profileId);
  if (store.get().unsaved || readKey(assignedKey(profileId)) === undefined) return update((state) => state).learnerId;
  return store.get().learnerId;
}

export const forgetAssignments = (profileId: string) => removeKey(assignedKey(profileId));
