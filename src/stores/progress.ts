/**
 * The active profile's progress (shape and migrations: src/lib/learner/progress.ts).
 * Key: crosswalk:progress:<profile-id>, one per profile.
 *
 * Every read is validated; an unreadable value is quarantined and replaced by a clean
 * start, with a notice. Every change is read-modify-write against what storage holds
 * now, and another tab's write is merged rather than adopted, so two open tabs never
 * lose each other's progress.
 */
import type { ReadableAtom, WritableAtom } from 'nanostores';
import { persistentAtom } from '@nanostores/persistent';
import { quarantine, readKey } from './storage';
import { activeProfileMirror } from './active-profile';
import { coalescedWriteBack } from './validated';
import { $profiles, progressKey } from './profiles';
import {
  emptyProgress,
  markLessonRead,
  mergeProgress,
  newEpoch,
  recordAnswer,
  recordAttempt,
  recordScenarioEnding,
  recordVisit,
  syncIncoming,
  type Attempt,
  type ModuleFacts,
  type ProgressState,
} from '../lib/learner/progress';
import type { Verdict } from '../lib/learner/scoring';
import { loadStoredProgress, packProgress } from '../lib/learner/packed-storage';

type ProgressAtom = WritableAtom<ProgressState>;
const atoms = new Map<string, ProgressAtom>();

function decodeFor(key: string, current: () => ProgressState | undefined, writeBack: () => void) {
  return (raw: string): ProgressState => {
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      quarantine(key, raw, 'saved progress is not readable JSON');
      return current() ?? emptyProgress();
    }
    const loaded = loadStoredProgress(value);
    if (!loaded.ok) {
      quarantine(key, raw, `saved progress could not be read (${loaded.reason})`);
      return current() ?? emptyProgress();
    }
    const mine = current();
    if (!mine) return loaded.state;
    const result = syncIncoming(mine, loaded.state);
    // Storage holds something other than what this tab keeps (an older copy after a reset here,
    // or another tab's copy that lacked part of ours): write ours back, or a reload would bring
    // the older copy back.
    if (packProgress(result) !== raw) writeBack();
    return result;
  };
}

function progressAtomFor(profileId: string): ProgressAtom {
  const existing = atoms.get(profileId);
  if (existing) return existing;
  const key = progressKey(profileId);
  let store: ProgressAtom | undefined;
  const writeBack = coalescedWriteBack(key, packProgress, () => store?.get(), (value) => store!.set(value));
  const decode = decodeFor(key, () => store?.get(), writeBack);
  store = persistentAtom<ProgressState>(key, emptyProgress(), { encode: packProgress, decode });
  // When another tab's copy lacked something of ours, write the merge back so it gets it too.
  store.listen((value) => {
    const stored = readKey(key);
    if (stored !== undefined && stored !== packProgress(value)) writeBack();
  });
  atoms.set(profileId, store);
  return store;
}

/** The active profile's progress. Read-only: change it through the actions below. */
export const $progress: ReadableAtom<ProgressState> = activeProfileMirror(emptyProgress(), progressAtomFor);

/** Applies a change to the freshest copy: what this tab holds merged with what storage holds now. */
function update(change: (state: ProgressState) => ProgressState, profileId = $profiles.get().activeId): ProgressState {
  const store = progressAtomFor(profileId);
  const key = progressKey(profileId);
  let base = store.get();
  const stored = readKey(key);
  if (stored !== undefined) {
    try {
      const loaded = loadStoredProgress(JSON.parse(stored));
      if (loaded.ok) base = syncIncoming(base, loaded.state);
    } catch {
      // Unreadable: the decoder has quarantined it; build on what this tab holds.
    }
  }
  const next = change(base);
  store.set(next);
  return next;
}

const now = () => new Date().toISOString();

export const markRead = (lessonId: string, module?: ModuleFacts) => update((s) => markLessonRead(s, lessonId, now(), module));

export const saveAttempt = (moduleId: string, attempt: Attempt, module?: ModuleFacts) => update((s) => recordAttempt(s, moduleId, attempt, module));

export const saveAnswer = (questionId: string, options: string[], verdict: Verdict) => update((s) => recordAnswer(s, questionId, options, verdict, now()));

export const saveScenarioEnding = (moduleId: string, endingId: string) => update((s) => recordScenarioEnding(s, moduleId, endingId, now()));

export const saveVisit = (visit: { lessonId: string; title: string; moduleTitle: string }) => update((s) => recordVisit(s, { ...visit, at: now() }));

/** Starts this profile afresh. Other tabs adopt the reset (a newer epoch wins over merging). */
export const resetProgress = () => update(() => emptyProgress(newEpoch()));

/** Progress of any profile, for export; validated like every read. */
export function progressOf(profileId: string): ProgressState {
  const stored = readKey(progressKey(profileId));
  if (stored === undefined) return progressAtomFor(profileId).get();
  try {
    const loaded = loadStoredProgress(JSON.parse(stored));
    return loaded.ok ? mergeProgress(loaded.state, progressAtomFor(profileId).get()) : progressAtomFor(profileId).get();
  } catch {
    return progressAtomFor(profileId).get();
  }
}

/** Replaces a profile's progress after an import has merged it (src/lib/learner/backup.ts). */
export function writeProgress(profileId: string, state: ProgressState): void {
  update((current) => (current.epoch === state.epoch ? mergeProgress(current, state) : mergeProgress(current, { ...state, epoch: current.epoch })), profileId);
}
