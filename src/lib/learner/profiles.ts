/**
 * Named local profiles: several people sharing one browser each keep their own
 * progress under their own key. Stored as JSON, for example:
 *   { "version": 1, "activeId": "p-k3v9", "profiles": [ { "id": "p-k3v9", "name": "Sam", "createdAt": "…" } ] }
 * Migration cases: none yet (version 1 is the first). A missing or damaged registry
 * becomes the default single profile, whose progress key is unchanged, so no progress is lost.
 */
import * as z from 'zod/mini';
import { cleanName, nameChecks } from '../encoding/fields';

export const PROFILES_VERSION = 1;
export const DEFAULT_PROFILE_ID = 'default';
export const MAX_PROFILES = 20;
export const MAX_NAME_LENGTH = 60;

export const profileSchema = z.object({
  id: z.string().check(z.regex(/^[a-z0-9-]{1,40}$/)),
  // Printable, one line: the name goes on records and certificates, which refuse anything else.
  // A name saved before this rule with a control character in it is cleaned on load rather than
  // refused, so the profile list (and every profile's progress) stays reachable.
  name: z.pipe(z.string(), z.transform(cleanName)).check(z.minLength(1), z.maxLength(MAX_NAME_LENGTH), ...nameChecks()),
  createdAt: z.string(),
});

export const profilesSchema = z
  .object({
    version: z.literal(PROFILES_VERSION),
    activeId: z.string(),
    profiles: z.array(profileSchema).check(z.minLength(1), z.maxLength(MAX_PROFILES)),
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
  if (profiles.profiles.length >= MAX_PROFILES) return { ok: false, error: `This browser already has ${MAX_PROFILES} profiles; remove one first.` };
  const profile = { id, name: trimmed, createdAt: now };
  return { ok: true, profile, profiles: { ...profiles, profiles: [...profiles.profiles, profile] } };
}

export function renameProfile(profiles: Profiles, id: string, name: string): ProfileResult {
  const trimmed = cleanName(name);
  if (!trimmed) return { ok: false, error: 'A profile needs a name.' };
  if (trimmed.length > MAX_NAME_LENGTH) return { ok: false, error: `Keep the name under ${MAX_NAME_LENGTH} characters.` };
  const clash = findProfileByName(profiles, trimmed);
  if (clash && clash.id !== id) return { ok: false, error: `There is already a profile called “${trimmed}”.` };
  return { ok: true, profiles: { ...profiles, profiles: profiles.profiles.map((p) => (p.id === id ? { ...p, name: trimmed } : p)) } };
}

/** Removes a profile; the last one cannot be removed. Switches to another if it was active. */
export function removeProfile(profiles: Profiles, id: string): ProfileResult {
  if (profiles.profiles.length <= 1) return { ok: false, error: 'The last profile cannot be removed; use “Reset my progress” instead.' };
  const rest = profiles.profiles.filter((p) => p.id !== id);
  if (rest.length === profiles.profiles.length) return { ok: false, error: 'That profile no longer exists.' };
  return { ok: true, profiles: { ...profiles, profiles: rest, activeId: profiles.activeId === id ? rest[0]!.id : profiles.activeId } };
}

export function switchProfile(profiles: Profiles, id: string): ProfileResult {
  if (!profiles.profiles.some((p) => p.id === id)) return { ok: false, error: 'That profile no longer exists.' };
  return { ok: true, profiles: { ...profiles, activeId: id } };
}

export function newProfileId(): string {
  return `p-${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}
