/**
 * Named profiles on this browser (see src/lib/learner/profiles.ts for the stored shape).
 * Switching profile switches which progress key src/stores/progress.ts reads; two
 * profiles never share a key, so their progress cannot mix.
 */
import { persistentAtom } from '@nanostores/persistent';
import { PREFIX, quarantine, removeKey } from './storage';
import {
  addProfile,
  defaultProfiles,
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

function decodeProfiles(raw: string): Profiles {
  try {
    const parsed = profilesSchema.safeParse(JSON.parse(raw));
    if (parsed.success) return parsed.data;
    quarantine(PROFILES_KEY, raw, `profile list: ${parsed.error.issues[0]!.message}`);
  } catch {
    quarantine(PROFILES_KEY, raw, 'profile list is not readable JSON');
  }
  return defaultProfiles();
}

export const $profiles = persistentAtom<Profiles>(PROFILES_KEY, defaultProfiles(), {
  encode: JSON.stringify,
  decode: decodeProfiles,
});

function apply(result: ProfileResult): ProfileResult {
  if (result.ok) $profiles.set(result.profiles);
  return result;
}

export function createProfile(name: string, switchTo = true): ProfileResult {
  const result = addProfile($profiles.get(), name, newProfileId(), new Date().toISOString());
  if (result.ok && switchTo) return apply({ ...result, profiles: { ...result.profiles, activeId: result.profile!.id } });
  return apply(result);
}

export const setActiveProfile = (id: string) => apply(switchProfile($profiles.get(), id));
export const renameActiveProfile = (name: string) => apply(renameProfile($profiles.get(), $profiles.get().activeId, name));

/** Removes a profile and its progress from this browser. */
export function deleteProfile(id: string): ProfileResult {
  const result = apply(removeProfile($profiles.get(), id));
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
