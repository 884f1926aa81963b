/**
 * The active profile's reflection journal (shape and rules: src/lib/learner/journal.ts).
 * Key: crosswalk:journal:<profile-id>. Unreadable values are quarantined and replaced by an
 * empty journal, with a notice; the quarantined copy can still be downloaded from My progress.
 */
import type { ReadableAtom } from 'nanostores';
import { PREFIX } from './storage';
import { perProfile, validatedAtom } from './validated';
import { activeProfileMirror } from './active-profile';
import { $profiles } from './profiles';
import { deleteEntry, emptyJournal, loadJournal, saveEntry, type Journal, type JournalEntry, type SaveResult } from '../lib/learner/journal';

export const journalKey = (profileId: string) => `${PREFIX}journal:${profileId}`;

const journalAtomFor = perProfile((profileId) =>
  validatedAtom<Journal>(journalKey(profileId), {
    empty: emptyJournal,
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

export function saveNote(id: string, entry: Omit<JournalEntry, 'updatedAt'>): SaveResult {
  const store = current();
  const result = saveEntry(store.get(), id, entry, new Date().toISOString());
  if (result.ok) store.set(result.journal);
  return result;
}

export const deleteNote = (id: string) => current().set(deleteEntry(current().get(), id));

export const deleteAllNotes = () => current().set(emptyJournal());
