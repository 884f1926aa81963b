/**
 * Named local profiles: several people sharing one browser each keep their own
 * progress under their own key. Stored as JSON, for example:
 *   { "version": 1, "activeId": "p-k3v9", "profiles": [ { "id": "p-k3v9", "name": "Sam", "createdAt": "…" } ] }
 * Migration cases: none yet (version 1 is the first). A missing or damaged registry
 * becomes the default single profile, whose progress key is unchanged, so no progress is lost.
 *
 * Two tabs can change the list at once (one adds "Alex" while the other renames "Sam"), so the
 * list merges like the other stores (mergeProfiles): each profile is a register whose latest
 * save wins (`updatedAt`, or `createdAt` before its first rename), a removed profile leaves a
 * tombstone in `deleted` so a tab that still lists it cannot bring it back, and the active
 * profile is a register too (`chosen`: which profile was switched to, and when). Lists saved
 * before these fields existed read as saved at their creation times, chosen at no time.
 */
import * as z from 'zod/mini';
import { cleanName, nameChecks } from '../encoding/fields';
import { canonicalJson } from '../encoding/canonical-json';
import { changeTime, compareInstants, mergeIdMaps, setOwn, type IdMap } from '../encoding/id-map';

export const PROFILES_VERSION = 1;
export const DEFAULT_PROFILE_ID = 'default';
export const MAX_PROFILES = 20;
export const MAX_NAME_LENGTH = 60;
/**
 * What a stored list may hold. Adding stops at MAX_PROFILES, but two tabs that each added
 * profiles merge into a longer list, and it must still load: a list refused on load would
 * fall back to the default profile and hide everyone else's progress.
 */
export const MAX_STORED_PROFILES = 10 * MAX_PROFILES;
const MAX_TOMBSTONES = 1000;

const instant = z.string().check(z.refine((s) => Number.isFinite(Date.parse(s)), 'is not a date'));

export const profileSchema = z.object({
  id: z.string().check(z.regex(/^[a-z0-9-]{1,40}$/)),
  // Printable, one line: the name goes on records and certificates, which refuse anything else.
  // A name saved before this rule with a control character in it is cleaned on load rather than
  // refused, so the profile list (and every profile's progress) stays reachable.
  name: z.pipe(z.string(), z.transform(cleanName)).check(z.minLength(1), z.maxLength(MAX_NAME_LENGTH), ...nameChecks()),
  createdAt: z.string(),
  /** When the profile was last renamed; absent until then. */
  updatedAt: z.optional(instant),
});

export const profilesSchema = z
  .object({
    version: z.literal(PROFILES_VERSION),
    activeId: z.string(),
    /** The last switch of profile: which one, when (for merging two tabs' choices). */
    chosen: z.optional(z.object({ id: z.string(), at: instant })),
    profiles: z.array(profileSchema).check(z.minLength(1), z.maxLength(MAX_STORED_PROFILES)),
    /** Removed profiles: id → when. */
    deleted: z.optional(z.record(z.string(), instant).check(z.refine((d) => Object.keys(d).length <= MAX_TOMBSTONES, 'too many removed profiles'))),
    /** The profile removed last, kept whole: see mergeProfiles for when it is needed. */
    lastRemoved: z.optional(z.object({ at: instant, profile: profileSchema })),
  })
  .check(
    z.refine((value) => value.profiles.some((p) => p.id === value.activeId), { message: 'active profile is not in the list', path: ['activeId'] }),
    z.refine((value) => new Set(value.profiles.map((p) => p.id)).size === value.profiles.length, { message: 'duplicate profile ids', path: ['profiles'] }),
  );

export type Profile = z.infer<typeof profileSchema>;
export type Profiles = z.infer<typeof profilesSchema>;

export function defaultProfiles(now = new Date().toISOString()): Profiles {
  return { version: PROFILES_VERSION, activeId: DEFAULT_PROFILE_ID, profiles: [{ id: DEFAULT_PROFILE_ID, name: 'Me', createdAt: now }] };
}

export type ProfileResult = { ok: true; profiles: Profiles; profile?: Profile } | { ok: false; error: string };

const sameName = (a: string, b: string) => a.trim().localeCompare(b.trim(), undefined, { sensitivity: 'base' }) === 0;

export function findProfileByName(profiles: Profiles, name: string): Profile | undefined {
  return profiles.profiles.find((p) => sameName(p.name, name));
}

export function addProfile(profiles: Profiles, name: string, id: string, now: string): ProfileResult {
  const trimmed = cleanName(name);
  if (!trimmed) return { ok: false, error: 'Give the profile a name, for example your first name.' };
  if (trimmed.length > MAX_NAME_LENGTH) return { ok: false, error: `Keep the name under ${MAX_NAME_LENGTH} characters.` };
  if (findProfileByName(profiles, trimmed)) return { ok: false, error: `There is already a profile called “${trimmed}”.` };
  if (profiles.profiles.some((p) => p.id === id)) return { ok: false, error: 'That profile id is taken; try again.' };
  if (profiles.profiles.length >= MAX_PROFILES) return { ok: false, error: `This browser already has ${MAX_PROFILES} profiles; remove one first.` };
  const profile = { id, name: trimmed, createdAt: now };
  return { ok: true, profile, profiles: { ...profiles, profiles: [...profiles.profiles, profile] } };
}

export function renameProfile(profiles: Profiles, id: string, name: string, now = new Date().toISOString()): ProfileResult {
  const trimmed = cleanName(name);
  if (!trimmed) return { ok: false, error: 'A profile needs a name.' };
  if (trimmed.length > MAX_NAME_LENGTH) return { ok: false, error: `Keep the name under ${MAX_NAME_LENGTH} characters.` };
  const clash = findProfileByName(profiles, trimmed);
  if (clash && clash.id !== id) return { ok: false, error: `There is already a profile called “${trimmed}”.` };
  const renamed = (p: Profile): Profile => ({ ...p, name: trimmed, updatedAt: changeTime(now, [savedAt(p)]) });
  return { ok: true, profiles: { ...profiles, profiles: profiles.profiles.map((p) => (p.id === id ? renamed(p) : p)) } };
}

/** Removes a profile; the last one cannot be removed. Switches to another if it was active. */
export function removeProfile(profiles: Profiles, id: string, now = new Date().toISOString()): ProfileResult {
  if (profiles.profiles.length <= 1) return { ok: false, error: 'The last profile cannot be removed; use “Reset my progress” instead.' };
  const removed = profiles.profiles.find((p) => p.id === id);
  if (!removed) return { ok: false, error: 'That profile no longer exists.' };
  const rest = profiles.profiles.filter((p) => p.id !== id);
  const deleted = { ...profiles.deleted };
  setOwn(deleted, id, changeTime(now, [savedAt(removed), ...(profiles.deleted?.[id] ? [profiles.deleted[id]] : [])]));
  const next = { ...profiles, profiles: rest, deleted, lastRemoved: { at: deleted[id]!, profile: removed } };
  // Removing the active profile switches to another: a choice like any switch, so it merges too.
  return { ok: true, profiles: profiles.activeId === id ? choose(next, fallbackProfile(rest).id, now) : next };
}

export function switchProfile(profiles: Profiles, id: string, now = new Date().toISOString()): ProfileResult {
  if (!profiles.profiles.some((p) => p.id === id)) return { ok: false, error: 'That profile no longer exists.' };
  return { ok: true, profiles: choose(profiles, id, now) };
}

function choose(profiles: Profiles, id: string, now: string): Profiles {
  return { ...profiles, activeId: id, chosen: { id, at: changeTime(now, profiles.chosen ? [profiles.chosen.at] : []) } };
}

/** When a profile's current name was saved. */
const savedAt = (p: Profile) => p.updatedAt ?? p.createdAt;

/** Oldest first, then by id: the order lists are kept in, and how a fallback is picked. */
const byCreation = (a: Profile, b: Profile) => compareInstants(a.createdAt, b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The profile to be active when the chosen one is gone: the oldest that remains. */
const fallbackProfile = (profiles: readonly Profile[]): Profile => [...profiles].sort(byCreation)[0]!;

const asIdMap = (profiles: Profiles): IdMap<Profile> => {
  const saved: Record<string, Profile> = {};
  for (const p of profiles.profiles) setOwn(saved, p.id, p);
  return { saved, deleted: profiles.deleted ?? {} };
};

/** The register of the active choice; a list saved before `chosen` existed chose at no time. */
const choiceOf = (profiles: Profiles) => profiles.chosen ?? { id: profiles.activeId, at: '' };

/**
 * Merges two copies of the list (this tab's and another's, or storage's): the later save of each
 * profile, removals kept, the later choice of active profile. Commutative, associative and
 * idempotent (tests/unit/merges.test.ts). The active id is computed from the merged choice and
 * list alone, so the order copies arrive in never matters: the chosen profile when it remains,
 * otherwise the oldest remaining one.
 *
 * One case needs more: two tabs of a two-profile list each remove a different one at the same
 * time. Each removal was allowed (it left a profile), but together they leave none, and a browser
 * always has a profile. The profile removed last then stays listed; its own tombstone, later than
 * its save and merged along with it, still outranks it in every further merge, so keeping it
 * listed never changes what a later merge decides.
 */
export function mergeProfiles(a: Profiles, b: Profiles): Profiles {
  const merged = mergeIdMaps(asIdMap(a), asIdMap(b), savedAt);
  const lastRemoved = laterRemoval(a.lastRemoved, b.lastRemoved);
  let list = Object.values(merged.saved).sort(byCreation);
  if (list.length === 0) list = [lastRemoved?.profile ?? defaultProfiles('').profiles[0]!];
  const [ca, cb] = [choiceOf(a), choiceOf(b)];
  const order = compareInstants(ca.at, cb.at);
  const chosen = order > 0 || (order === 0 && ca.id >= cb.id) ? ca : cb;
  const activeId = list.some((p) => p.id === chosen.id) ? chosen.id : fallbackProfile(list).id;
  return {
    version: PROFILES_VERSION,
    activeId,
    ...(chosen.at !== '' ? { chosen } : {}),
    profiles: list,
    ...(Object.keys(merged.deleted).length > 0 ? { deleted: merged.deleted } : {}),
    ...(lastRemoved ? { lastRemoved } : {}),
  };
}

type Removal = NonNullable<Profiles['lastRemoved']>;

function laterRemoval(a: Removal | undefined, b: Removal | undefined): Removal | undefined {
  if (!a || !b) return a ?? b;
  const order = compareInstants(a.at, b.at);
  if (order !== 0) return order > 0 ? a : b;
  return canonicalJson(a) >= canonicalJson(b) ? a : b;
}

export function newProfileId(): string {
  return `p-${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}
