/**
 * "Export all my data" files, and the rules for importing one back.
 *
 * File (JSON):
 *   { "format": "crosswalk-backup", "version": 1, "exportedAt": "…", "site": "Crosswalk",
 *     "profiles": [ { "name": "Sam", "progress": { …progress, any supported version… } } ] }
 *
 * Import rules (stated on My progress): each profile in the file is merged into the
 * profile with the same name on this browser, or added as a new profile. Merging never
 * removes anything: lessons read stay read, a check passed in either copy stays passed,
 * the best score is the higher, and the most recent attempts are kept.
 */
import * as z from 'zod/mini';
import { cleanName, instantSchema, nameChecks } from '../encoding/fields';
import { loadProgress, mergeProgress, type ProgressState } from './progress';
import { addProfile, findProfileByName, type Profiles } from './profiles';
import { loadDeck, mergeDecks, type ReviewDeck } from './review';

export const BACKUP_FORMAT = 'crosswalk-backup';
export const BACKUP_VERSION = 1;
/** A backup of every module passed by many profiles stays far below this. */
export const MAX_BACKUP_BYTES = 5_000_000;

const backupFileSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.int(),
  exportedAt: instantSchema,
  site: z.optional(z.string()),
  profiles: z
    // Names are cleaned as the profile list cleans them (a backup made before names had to be
    // printable still imports), then must be printable text: they go on records and certificates.
    .array(z.object({ name: z.pipe(z.string(), z.transform(cleanName)).check(z.minLength(1), z.maxLength(60), ...nameChecks()), progress: z.unknown(), review: z.optional(z.unknown()) }))
    .check(z.minLength(1), z.maxLength(20)),
});

export interface BackupProfile {
  name: string;
  progress: ProgressState;
  /** The spaced-review schedule; absent in backups made before review existed. */
  review?: ReviewDeck;
}

export interface Backup {
  exportedAt: string;
  profiles: BackupProfile[];
}

export function createBackup(profiles: BackupProfile[], now: string, site?: string): string {
  const file = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now, ...(site ? { site } : {}), profiles };
  return JSON.stringify(file, null, 2);
}

export type ParseBackupResult = { ok: true; backup: Backup } | { ok: false; error: string };

/** Reads a backup file's text. Every error is a sentence a learner can act on. */
export function parseBackup(text: string): ParseBackupResult {
  if (text.length > MAX_BACKUP_BYTES) return { ok: false, error: 'This file is too large to be a Crosswalk backup.' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: 'This file is not a Crosswalk backup: it is not readable JSON. Choose the .json file you exported from My progress.' };
  }
  const parsed = backupFileSchema.safeParse(raw);
  if (!parsed.success) {
    const format = (raw as { format?: unknown } | null)?.format;
    if (format !== BACKUP_FORMAT) return { ok: false, error: 'This file is not a Crosswalk backup. Choose the .json file you exported from My progress.' };
    return { ok: false, error: `This backup is damaged (${parsed.error.issues[0]!.path.join('.') || 'file'}: ${parsed.error.issues[0]!.message}). Nothing was imported.` };
  }
  if (parsed.data.version > BACKUP_VERSION) {
    return { ok: false, error: 'This backup was made by a newer version of the course. Ask your trainer to update the course, then import it again.' };
  }
  const profiles: BackupProfile[] = [];
  for (const entry of parsed.data.profiles) {
    const loaded = loadProgress(entry.progress);
    if (!loaded.ok) return { ok: false, error: `The progress of “${entry.name}” in this backup is damaged (${loaded.reason}). Nothing was imported.` };
    let review: ReviewDeck | undefined;
    if (entry.review !== undefined) {
      const deck = loadDeck(entry.review);
      if (!deck.ok) return { ok: false, error: `The review schedule of “${entry.name}” in this backup is damaged (${deck.reason}). Nothing was imported.` };
      review = deck.deck;
    }
    profiles.push({ name: entry.name.trim(), progress: loaded.state, ...(review ? { review } : {}) });
  }
  return { ok: true, backup: { exportedAt: parsed.data.exportedAt, profiles } };
}

export interface ImportPlan {
  profiles: Profiles;
  /** New progress per profile id, for every profile the import touched. */
  progress: Record<string, ProgressState>;
  /** New review decks per profile id, for profiles whose backup carried one. */
  review: Record<string, ReviewDeck>;
  summary: { name: string; action: 'merged' | 'added' }[];
}

/**
 * Applies a backup to this browser's profiles: same name → merge, new name → add.
 * `current(id)` returns a profile's progress as stored now.
 */
export function planImport(
  profiles: Profiles,
  current: (profileId: string) => ProgressState,
  backup: Backup,
  newId: () => string,
  now: string,
  currentDeck: (profileId: string) => ReviewDeck | undefined = () => undefined,
): { ok: true; plan: ImportPlan } | { ok: false; error: string } {
  let next = profiles;
  const progress: Record<string, ProgressState> = {};
  const review: Record<string, ReviewDeck> = {};
  const summary: ImportPlan['summary'] = [];
  for (const incoming of backup.profiles) {
    const existing = findProfileByName(next, incoming.name);
    if (existing) {
      const base = progress[existing.id] ?? current(existing.id);
      progress[existing.id] = mergeProgress(base, incoming.progress);
      if (incoming.review) {
        const deck = review[existing.id] ?? currentDeck(existing.id);
        review[existing.id] = deck ? mergeDecks(deck, incoming.review) : incoming.review;
      }
      summary.push({ name: existing.name, action: 'merged' });
      continue;
    }
    const added = addProfile(next, incoming.name, newId(), now);
    if (!added.ok) return { ok: false, error: added.error };
    next = added.profiles;
    progress[added.profile!.id] = incoming.progress;
    if (incoming.review) review[added.profile!.id] = incoming.review;
    summary.push({ name: incoming.name, action: 'added' });
  }
  return { ok: true, plan: { profiles: next, progress, review, summary } };
}
