import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { BACKUP_FORMAT, BACKUP_VERSION, MAX_BACKUP_BYTES, createBackup, parseBackup, planImport } from '../../src/lib/learner/backup';
import { emptyProgress, markLessonRead, recordAttempt, type Attempt } from '../../src/lib/learner/progress';
import { MAX_PROFILES, addProfile, defaultProfiles, type Profiles } from '../../src/lib/learner/profiles';

const NOW = '2026-12-01T08:00:00.000Z';
const v1Progress = JSON.parse(readFileSync(new URL('./fixtures/progress-v1.json', import.meta.url), 'utf8')) as { lessonsRead: string[] };

const passed = (at: string): Attempt => ({ at, ratio: 1, points: 5, max: 5, passed: true, answers: {}, contentHash: 'h1' });

const file = (overrides: Record<string, unknown> = {}) =>
  JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: NOW, profiles: [{ name: 'Sam', progress: emptyProgress('e1') }], ...overrides });

describe('parseBackup refuses what it cannot use, with a sentence the learner can act on', () => {
  test.each([
    ['text that is not JSON', 'hello, this is a letter', /not readable JSON/],
    ['truncated JSON', file().slice(0, 40), /not readable JSON/],
    ['JSON of another format', JSON.stringify({ format: 'other-app', version: 1, data: {} }), /not a Crosswalk backup/],
    ['a JSON array', '[]', /not a Crosswalk backup/],
    ['JSON null', 'null', /not a Crosswalk backup/],
    ['a bare number', '42', /not a Crosswalk backup/],
    ['a backup from a newer version', file({ version: BACKUP_VERSION + 1 }), /newer version of the course/],
    ['a backup without profiles', file({ profiles: [] }), /damaged/],
    ['a backup whose profile has no name', file({ profiles: [{ name: '  ', progress: emptyProgress('e1') }] }), /damaged/],
    ['damaged progress inside', file({ profiles: [{ name: 'Sam', progress: { version: 2, lessons: 'lots' } }] }), /progress of “Sam” in this backup is damaged/],
    ['progress from a newer course inside', file({ profiles: [{ name: 'Sam', progress: { version: 3 } }] }), /“Sam”.*newer version/],
    ['a file over the size limit', ' '.repeat(MAX_BACKUP_BYTES + 1), /too large/],
  ])('%s', (_label, text, error) => {
    const result = parseBackup(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });

  test('one damaged profile rejects the whole file, so nothing is half-imported', () => {
    const text = file({
      profiles: [
        { name: 'Sam', progress: markLessonRead(emptyProgress('e1'), 'l1', NOW) },
        { name: 'Alex', progress: 'corrupted' },
      ],
    });
    const result = parseBackup(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(/“Alex”/);
      expect(result.error).toMatch(/Nothing was imported/);
    }
  });
});

describe('reading backups', () => {
  test('an old backup holding v1 progress imports, migrated to the current format', () => {
    const result = parseBackup(file({ exportedAt: '2026-01-01T00:00:00.000Z', profiles: [{ name: 'Sam', progress: v1Progress }] }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const progress = result.backup.profiles[0]!.progress;
    expect(progress.version).toBe(2);
    expect(Object.keys(progress.lessons).sort()).toEqual([...v1Progress.lessonsRead].sort());
    expect(progress.checks.orientation!.passedAt).toBe('2026-10-01T09:30:00.000Z');
    expect(progress.checks.boundaries!.passedAt).toBeUndefined();

    const plan = planImport(defaultProfiles(NOW), () => emptyProgress('fresh'), result.backup, () => 'p-sam', NOW);
    expect(plan.ok).toBe(true);
    if (plan.ok) expect(plan.plan.progress['p-sam']!.checks.orientation!.passedAt).toBe('2026-10-01T09:30:00.000Z');
  });

  test('names are trimmed on the way in', () => {
    const result = parseBackup(file({ profiles: [{ name: '  Sam ', progress: emptyProgress('e1') }] }));
    expect(result.ok && result.backup.profiles[0]!.name).toBe('Sam');
  });

  test('createBackup writes a file parseBackup accepts, carrying every profile', () => {
    const sam = recordAttempt(emptyProgress('e1'), 'orientation', passed('2026-11-01T10:00:00.000Z'));
    const alex = markLessonRead(emptyProgress('e2'), 'orientation/a', '2026-11-02T10:00:00.000Z');
    const result = parseBackup(createBackup([{ name: 'Sam', progress: sam }, { name: 'Alex', progress: alex }], NOW, 'Crosswalk'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.backup.exportedAt).toBe(NOW);
    expect(result.backup.profiles).toEqual([
      { name: 'Sam', progress: sam },
      { name: 'Alex', progress: alex },
    ]);
  });
});

describe('planImport', () => {
  test('same name merges, new name adds, and the summary says which', () => {
    const registry = addProfile(defaultProfiles(NOW), 'Sam', 'p-sam', NOW);
    if (!registry.ok) throw new Error(registry.error);
    const here = markLessonRead(emptyProgress('here'), 'l-here', NOW);
    const incoming = recordAttempt(markLessonRead(emptyProgress('there'), 'l-there', NOW), 'm', passed(NOW));
    const result = planImport(
      registry.profiles,
      (id) => (id === 'p-sam' ? here : emptyProgress('x')),
      { exportedAt: NOW, profiles: [{ name: 'SAM', progress: incoming }, { name: 'Alex', progress: incoming }] },
      () => 'p-alex',
      NOW,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { plan } = result;
    expect(plan.summary).toEqual([
      { name: 'Sam', action: 'merged' },
      { name: 'Alex', action: 'added' },
    ]);
    expect(Object.keys(plan.progress['p-sam']!.lessons).sort()).toEqual(['l-here', 'l-there']);
    expect(plan.progress['p-sam']!.checks.m!.passedAt).toBe(NOW);
    expect(plan.progress['p-sam']!.epoch).toBe('here');
    expect(plan.profiles.profiles.map((p) => p.name)).toEqual(['Me', 'Sam', 'Alex']);
  });

  test('two entries with the same name in one file both land in one profile', () => {
    const first = recordAttempt(emptyProgress('e1'), 'm1', passed('2026-11-01T10:00:00.000Z'));
    const second = recordAttempt(emptyProgress('e1'), 'm2', passed('2026-11-02T10:00:00.000Z'));
    const result = planImport(defaultProfiles(NOW), () => emptyProgress('x'), { exportedAt: NOW, profiles: [{ name: 'Sam', progress: first }, { name: 'sam', progress: second }] }, () => 'p-sam', NOW);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.profiles.profiles).toHaveLength(2);
    expect(result.plan.progress['p-sam']!.checks.m1!.passedAt).toBeDefined();
    expect(result.plan.progress['p-sam']!.checks.m2!.passedAt).toBeDefined();
  });

  test('a full browser refuses a new profile instead of dropping it silently', () => {
    let profiles: Profiles = defaultProfiles(NOW);
    for (let i = 1; i < MAX_PROFILES; i++) {
      const added = addProfile(profiles, `Person ${i}`, `p-${i}`, NOW);
      if (!added.ok) throw new Error(added.error);
      profiles = added.profiles;
    }
    const result = planImport(profiles, () => emptyProgress('x'), { exportedAt: NOW, profiles: [{ name: 'Newcomer', progress: emptyProgress('e1') }] }, () => 'p-new', NOW);
    expect(result.ok).toBe(false);
  });
});
