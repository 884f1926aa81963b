/**
 * The active profile's reflection journal (shape and rules: src/lib/learner/journal.ts).
 * Key: crosswalk:journal:<profile-id>. Unreadable values are quarantined and replaced by an
 * empty journal, with a notice; the quarantined copy can still be downloaded from My progress.
 * Two tabs never lose each other's notes: every change merges with what storage holds now, and
 * another tab's write is merged, not adopted (src/stores/validated.ts mergedAtom); deletions are
 * kept as tombstones so a merge cannot bring a deleted note back.
 */
import type { ReadableAtom } from 'nanostores';
import { PREFIX } from './storage';
import { mergedAtom, perProfile } from './validated';
import { activeProfileMirror } from './active-profile';
import { $profiles } from './profiles';
import { deleteAllEntries, deleteEntry, emptyJournal, loadJournal, mergeJournals, saveEntry, type Journal, type JournalEntry, type SaveResult } from '../lib/learner/journal';

export const journalKey = (profileId: string) => `${PREFIX}journal:${profileId}`;

const journalAtomFor = perProfile((profileId) =>
  mergedAtom<Journal>(journalKey(profileId), {
    empty: emptyJournal,
    merge: mergeJournals,
    load: (raw) => {
      const loaded = loadJournal(raw);
      return loaded.ok ? { ok: true, value: loaded.journal, dropped: loaded.dropped } : loaded;
    },
    what: 'journal',
    items: 'journal note(s)',
  }),
);

/** The active profile's journal. Read-only: change it through the actions below. */
export const $journal: ReadableAtom<Journal> = activeProfileMirror(emptyJournal(), journalAtomFor);

const current = () => journalAtomFor($profiles.get().activeId);

const now = () => new Date().toISOString();

export function saveNote(id: string, entry: Omit<JournalEntry, 'updatedAt'>): SaveResult {
  let result: SaveResult = { ok: false, message: 'This note could not be saved.' };
  current().update((journal) => {
    result = saveEntry(journal, id, entry, now());
    return result.ok ? result.journal : journal;
  });
  return result;
}

export const deleteNote = (id: string) => current().update((journal) => deleteEntry(journal, id, now()));

export const deleteAllNotes = () => current().update((journal) => deleteAllEntries(journal, now()));
