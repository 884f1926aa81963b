import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_PROFILE_ID,
  MAX_NAME_LENGTH,
  MAX_PROFILES,
  MAX_STORED_PROFILES,
  addProfile,
  defaultProfiles,
  profilesSchema,
  removeProfile,
  renameProfile,
  switchProfile,
  type Profiles,
} from '../../src/lib/learner/profiles';

const NOW = '2026-12-01T08:00:00.000Z';

/** The default profile ("Me") plus one named profile per entry. */
function registry(...names: string[]): Profiles {
  let profiles = defaultProfiles(NOW);
  names.forEach((name, i) => {
    const result = addProfile(profiles, name, `p-${i}`, NOW);
    if (!result.ok) throw new Error(result.error);
    profiles = result.profiles;
  });
  return profiles;
}

describe('adding a profile', () => {
  test('trims the name and adds the profile without switching to it', () => {
    const before = defaultProfiles(NOW);
    const result = addProfile(before, '  Sam  ', 'p-sam', NOW);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.profile).toEqual({ id: 'p-sam', name: 'Sam', createdAt: NOW });
    expect(result.profiles.profiles.map((p) => p.name)).toEqual(['Me', 'Sam']);
    expect(result.profiles.activeId).toBe(DEFAULT_PROFILE_ID);
    expect(profilesSchema.safeParse(result.profiles).success).toBe(true);
    expect(before.profiles).toHaveLength(1);
  });

  test.each([
    ['an empty name', '', /name/],
    ['a name of spaces only', '   ', /name/],
    ['a name that is too long', 'x'.repeat(MAX_NAME_LENGTH + 1), /under 60/],
    ['the same name in another case', 'me', /already a profile called/],
    ['the same name with spaces around it', '  ME ', /already a profile called/],
  ])('refuses %s', (_label, name, error) => {
    const result = addProfile(defaultProfiles(NOW), name, 'p-x', NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });

  test(`a name of exactly ${MAX_NAME_LENGTH} characters is fine`, () => {
    expect(addProfile(defaultProfiles(NOW), 'x'.repeat(MAX_NAME_LENGTH), 'p-x', NOW).ok).toBe(true);
  });

  test(`stops at ${MAX_PROFILES} profiles`, () => {
    const almostFull = registry(...Array.from({ length: MAX_PROFILES - 2 }, (_, i) => `Person ${i}`));
    expect(almostFull.profiles).toHaveLength(MAX_PROFILES - 1);
    const full = addProfile(almostFull, 'Last one', 'p-last', NOW);
    expect(full.ok).toBe(true);
    if (!full.ok) return;
    expect(full.profiles.profiles).toHaveLength(MAX_PROFILES);
    const over = addProfile(full.profiles, 'One too many', 'p-over', NOW);
    expect(over.ok).toBe(false);
    if (!over.ok) expect(over.error).toMatch(/remove one first/);
  });
});

describe('renaming', () => {
  test('refuses a name another profile already has, in any case', () => {
    const profiles = registry('Sam', 'Alex');
    const result = renameProfile(profiles, 'p-0', ' alex ');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/already a profile called/);
  });

  test('a profile may change the case of its own name', () => {
    const result = renameProfile(registry('Sam'), 'p-0', 'SAM');
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.profiles.profiles.find((p) => p.id === 'p-0')?.name).toBe('SAM');
  });

  test('trims and renames only the chosen profile', () => {
    const result = renameProfile(registry('Sam', 'Alex'), 'p-1', '  Alexandra ');
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.profiles.profiles.map((p) => p.name)).toEqual(['Me', 'Sam', 'Alexandra']);
  });

  test('refuses an empty name', () => {
    expect(renameProfile(registry('Sam'), 'p-0', '  ').ok).toBe(false);
  });
});

describe('removing', () => {
  test('the last profile cannot be removed', () => {
    const result = removeProfile(defaultProfiles(NOW), DEFAULT_PROFILE_ID);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/last profile/);
  });

  test('removing the active profile switches to one that still exists', () => {
    const profiles = { ...registry('Sam', 'Alex'), activeId: 'p-0' };
    const result = removeProfile(profiles, 'p-0');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.profiles.profiles.map((p) => p.id)).toEqual([DEFAULT_PROFILE_ID, 'p-1']);
    expect(result.profiles.profiles.some((p) => p.id === result.profiles.activeId)).toBe(true);
    expect(profilesSchema.safeParse(result.profiles).success).toBe(true);
  });

  test('removing another profile keeps the active one', () => {
    const profiles = { ...registry('Sam', 'Alex'), activeId: 'p-1' };
    const result = removeProfile(profiles, 'p-0');
    expect(result.ok && result.profiles.activeId).toBe('p-1');
  });

  test('removing a profile that does not exist is an error', () => {
    expect(removeProfile(registry('Sam'), 'p-gone').ok).toBe(false);
  });
});

describe('switching', () => {
  test('to an existing profile makes it active', () => {
    const result = switchProfile(registry('Sam'), 'p-0');
    expect(result.ok && result.profiles.activeId).toBe('p-0');
  });

  test('to a missing profile is an error and changes nothing', () => {
    const result = switchProfile(registry('Sam'), 'p-gone');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/no longer exists/);
  });
});

describe('profilesSchema', () => {
  test('accepts the default registry', () => {
    expect(profilesSchema.safeParse(defaultProfiles(NOW)).success).toBe(true);
  });

  test.each([
    ['an active id that is not in the list', { ...defaultProfiles(NOW), activeId: 'p-gone' }],
    ['two profiles with the same id', { ...defaultProfiles(NOW), profiles: [defaultProfiles(NOW).profiles[0]!, { id: 'default', name: 'Other', createdAt: NOW }] }],
    ['an empty list', { version: 1, activeId: 'default', profiles: [] }],
    ['an id with capitals', { version: 1, activeId: 'Sam', profiles: [{ id: 'Sam', name: 'Sam', createdAt: NOW }] }],
    ['a blank name', { version: 1, activeId: 'default', profiles: [{ id: 'default', name: '  ', createdAt: NOW }] }],
    ['another version', { ...defaultProfiles(NOW), version: 2 }],
    [`more than ${MAX_STORED_PROFILES} profiles`, { version: 1, activeId: 'p-0', profiles: Array.from({ length: MAX_STORED_PROFILES + 1 }, (_, i) => ({ id: `p-${i}`, name: `P${i}`, createdAt: NOW })) }],
  ])('rejects %s', (_label, value) => {
    expect(profilesSchema.safeParse(value).success).toBe(false);
  });

  test(`loads a list longer than ${MAX_PROFILES}, as two tabs that each added profiles merge into`, () => {
    const value = { version: 1, activeId: 'p-0', profiles: Array.from({ length: MAX_PROFILES + 5 }, (_, i) => ({ id: `p-${i}`, name: `P${i}`, createdAt: NOW })) };
    expect(profilesSchema.safeParse(value).success).toBe(true);
  });

  test('names the active id as the problem when it is missing from the list', () => {
    const parsed = profilesSchema.safeParse({ ...defaultProfiles(NOW), activeId: 'p-gone' });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(parsed.error.issues.map((i) => i.path.join('.'))).toContain('activeId');
  });
});

describe('any sequence of profile actions', () => {
  const nameArb = fc.constantFrom('Sam', 'sam', ' Alex ', 'ALEX', 'Me', 'Jo', '', 'Kim');
  const actionArb = fc.oneof(
    fc.record({ kind: fc.constant('add' as const), name: nameArb }),
    fc.record({ kind: fc.constant('rename' as const), pick: fc.nat(), name: nameArb }),
    fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
    fc.record({ kind: fc.constant('switch' as const), pick: fc.nat() }),
  );

  test('keeps a valid registry with unique names (ignoring case) and an active profile that exists', () => {
    fc.assert(
      fc.property(fc.array(actionArb, { maxLength: 30 }), (actions) => {
        let profiles = defaultProfiles(NOW);
        let nextId = 0;
        for (const action of actions) {
          const pickId = (n: number) => profiles.profiles[n % profiles.profiles.length]!.id;
          const result =
            action.kind === 'add'
              ? addProfile(profiles, action.name, `p-${nextId++}`, NOW)
              : action.kind === 'rename'
                ? renameProfile(profiles, pickId(action.pick), action.name)
                : action.kind === 'remove'
                  ? removeProfile(profiles, pickId(action.pick))
                  : switchProfile(profiles, pickId(action.pick));
          if (result.ok) profiles = result.profiles;
          expect(profilesSchema.safeParse(profiles).success).toBe(true);
          const names = profiles.profiles.map((p) => p.name.trim().toLowerCase());
          expect(new Set(names).size).toBe(names.length);
        }
      }),
    );
  });
});
