/**
 * Named profiles on this browser (see src/lib/learner/profiles.ts for the stored shape).
 * Switching profile switches which progress key src/stores/progress.ts reads; two
 * profiles never share a key, so their progress cannot mix.
 */
import { PREFIX, removeKey } from './storage';
import { mergedAtom } from './validated';
import {
  addProfile,
  defaultProfiles,
  mergeProfiles,
  newProfileId,
  profilesSchema,
  removeProfile,
  renameProfile,
  switchProfile,
  type ProfileResult,
  type Profiles,
} from '../lib/learner/profiles';

export const PROFILES_KEY = `${PREFIX}profiles`;
export const progressKey = (profileId: string) => `${PREFIX}progress:${profileId}`;

/**
 * Merged, not last-writer: a profile added, renamed or removed in another tab while this one
 * changes the list is kept (src/lib/learner/profiles.ts mergeProfiles). An unreadable list is
 * quarantined and replaced by the default profile, whose progress key is unchanged.
 */
export const $profiles = mergedAtom<Profiles>(PROFILES_KEY, {
  empty: () => defaultProfiles(),
  load: (raw) => {
    const parsed = profilesSchema.safeParse(raw);
    return parsed.success ? { ok: true, value: parsed.data, dropped: 0 } : { ok: false, reason: parsed.error.issues[0]!.message };
  },
  merge: mergeProfiles,
  what: 'profile list',
  items: 'profile(s)',
});

/** Applies a change to the freshest list (this tab's merged with storage's); a refusal writes nothing. */
function apply(change: (profiles: Profiles) => ProfileResult): ProfileResult {
  let result: ProfileResult = { ok: false, error: 'The profile list could not be changed.' };
  $profiles.update((profiles) => {
    result = change(profiles);
    return result.ok ? result.profiles : profiles;
  });
  return result;
}

export function createProfile(name: string, switchTo = true): ProfileResult {
  const id = newProfileId();
  return apply((profiles) => {
    const added = addProfile(profiles, name, id, new Date().toISOString());
    return added.ok && switchTo ? { ...switchProfile(added.profiles, id), profile: added.profile } : added;
  });
}

export const setActiveProfile = (id: string) => apply((profiles) => switchProfile(profiles, id));
export const renameActiveProfile = (name: string) => apply((profiles) => renameProfile(profiles, profiles.activeId, name));

/** Removes a profile and its progress from this browser. */
export function deleteProfile(id: string): ProfileResult {
  const result = apply((profiles) => removeProfile(profiles, id));
  if (result.ok) {
    removeKey(progressKey(id));
    removeKey(`${PREFIX}assigned:${id}`);
    removeKey(`${PREFIX}review:${id}`);
    removeKey(`${PREFIX}journal:${id}`);
    removeKey(`${PREFIX}places:${id}`);
  }
  return result;
}

export function activeProfile() {
  const profiles = $profiles.get();
  return profiles.profiles.find((p) => p.id === profiles.activeId)!;
}
