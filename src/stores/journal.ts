/**
 * The active profile's reflection journal (shape and rules: src/lib/journal.ts).
 * Key: crosswalk:journal:<profile-id>. Unreadable values are quarantined and replaced by an
 * empty journal, with a notice; the quarantined copy can still be downloaded from My progress.
 */
import type { ReadableAtom, WritableAtom } from 'nanostores';
import { persistentAtom } from '@nanostores/persistent';
import { PREFIX, quarantine } from './storage';
import { activeProfileMirror } from './active-profile';
import { $profiles } from './profiles';
import { deleteEntry, emptyJournal, loadJournal, saveEntry, type Journal, type JournalEntry, type SaveResult } from '../lib/journal';

export const journalKey = (profileId: string) => `${PREFIX}journal:${profileId}`;

const atoms = new Map<string, WritableAtom<Journal>>();

function journalAtomFor(profileId: string): WritableAtom<Journal> {
  const existing = atoms.get(profileId);
  if (existing) return existing;
  const key = journalKey(profileId);
  const decode = (raw: string): Journal => {
    try {
      const loaded = loadJournal(JSON.parse(raw));
      if (loaded.ok) {
        if (loaded.dropped > 0) quarantine(key, raw, `${loaded.dropped} journal note(s) could not be read`);
        return loaded.journal;
      }
      quarantine(key, raw, `journal could not be read (${loaded.reason})`);
    } catch {
      quarantine(key, raw, 'journal is not readable JSON');
    }
    return emptyJournal();
  };
  const store = persistentAtom<Journal>(key, emptyJournal(), { encode: JSON.stringify, decode });
  atoms.set(profileId, store);
  return store;
}

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
