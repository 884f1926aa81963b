/**
 * The reflection journal: private notes a learner writes at a lesson's "Pause and reflect" prompt,
 * kept on this device, exportable as Markdown to bring to a supervision conversation.
 *
 * Stored per profile as JSON, for example:
 *   { "version": 1, "entries": { "orientation/why-it-matters": { "text": "…", "updatedAt": "…",
 *     "prompt": "…", "lesson": "The warm hand-off…", "module": "Orientation…", "href": "modules/…" } },
 *     "deleted": { "orientation/warm-up": "2026-11-29T09:00:00.000Z" }, "clearedAt": "2026-11-01T08:00:00.000Z" }
 * `deleted` (notes deleted, and when) and `clearedAt` (the last "delete all") let two tabs merge
 * their copies without a deleted note coming back (src/lib/encoding/id-map.ts).
 * Migration cases: none yet; `deleted` and `clearedAt` are optional, so journals saved before
 * them load unchanged. Entries and deletions that fail validation are dropped on load and counted.
 * Pure: no DOM, no storage.
 */
import * as z from 'zod/mini';
import { noteText as freeText, plainText } from '../encoding/fields';
import { changeTime, mergeIdMaps } from '../encoding/id-map';

export const JOURNAL_VERSION = 1;
export const MAX_ENTRIES = 500;
/**
 * Entries (and deletions) a stored journal may hold: a save refuses the 501st note, but two tabs
 * each adding notes to a nearly full journal at once merge to more, and a reload must keep them.
 */
const MAX_STORED = 2 * MAX_ENTRIES;
export const MAX_NOTE_CHARS = 5000;

const REFLECTION_ID = /^[a-z0-9-]+\/[a-z0-9-]+$/;

// Notes are free text, new lines included; only the other control characters are refused. Lone
// surrogate halves become U+FFFD on save and on load, so a note reads back as it was saved.
const noteText = freeText(MAX_NOTE_CHARS);

const entrySchema = z.strictObject({
  text: noteText,
  updatedAt: z.string().check(z.refine((s) => Number.isFinite(Date.parse(s)), 'is not a date')),
  prompt: plainText(0, 1000),
  lesson: plainText(0, 200),
  module: plainText(0, 200),
  /** Lesson address relative to the site's base, with the prompt's anchor. */
  href: z.string().check(z.regex(/^modules\/[a-z0-9-]+\/[a-z0-9-]+\/(#[a-z0-9-]+)?$/)),
});

export type JournalEntry = z.infer<typeof entrySchema>;

export interface Journal {
  version: typeof JOURNAL_VERSION;
  entries: Record<string, JournalEntry>;
  /** Notes deleted one by one: prompt id → when. A merge with a tab still holding the note does not bring it back. */
  deleted?: Record<string, string>;
  /** When "delete all" last ran: notes saved before it stay deleted in every tab. */
  clearedAt?: string;
}

const isDate = (s: string) => Number.isFinite(Date.parse(s));
const dateText = z.string().check(z.maxLength(40), z.refine(isDate, 'is not a date'));

export function emptyJournal(): Journal {
  return { version: JOURNAL_VERSION, entries: {} };
}

export function loadJournal(raw: unknown): { ok: true; journal: Journal; dropped: number } | { ok: false; reason: string } {
  const parsed = z
    .object({ version: z.literal(JOURNAL_VERSION), entries: z.record(z.string(), z.unknown()), deleted: z.optional(z.record(z.string(), z.unknown())), clearedAt: z.optional(dateText) })
    .safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'the saved journal is not in a form this course can read' };
  const entries: Record<string, JournalEntry> = {};
  let dropped = 0;
  for (const [id, value] of Object.entries(parsed.data.entries)) {
    const entry = entrySchema.safeParse(value);
    if (entry.success && REFLECTION_ID.test(id) && Object.keys(entries).length < MAX_STORED) entries[id] = entry.data;
    else dropped++;
  }
  const journal: Journal = { version: JOURNAL_VERSION, entries };
  if (parsed.data.deleted) {
    const deleted: Record<string, string> = {};
    for (const [id, at] of Object.entries(parsed.data.deleted)) {
      if (REFLECTION_ID.test(id) && dateText.safeParse(at).success && Object.keys(deleted).length < MAX_STORED) deleted[id] = at as string;
      else dropped++;
    }
    journal.deleted = deleted;
  }
  if (parsed.data.clearedAt !== undefined) journal.clearedAt = parsed.data.clearedAt;
  // Merged with itself: a note both saved and deleted, or saved before "delete all", shows as the merge would.
  return { ok: true, journal: mergeJournals(journal, journal), dropped };
}

export type SaveResult = { ok: true; journal: Journal } | { ok: false; message: string };

/** Saves a note; an empty note removes the entry. */
export function saveEntry(journal: Journal, id: string, entry: Omit<JournalEntry, 'updatedAt'>, now: string): SaveResult {
  if (!REFLECTION_ID.test(id)) return { ok: false, message: 'This prompt cannot be saved: it has no id.' };
  if (!entry.text.trim()) return { ok: true, journal: deleteEntry(journal, id, now) };
  if (entry.text.length > MAX_NOTE_CHARS) return { ok: false, message: `A note can be at most ${MAX_NOTE_CHARS.toLocaleString('en-US')} characters; this one has ${entry.text.length.toLocaleString('en-US')}.` };
  if (!journal.entries[id] && Object.keys(journal.entries).length >= MAX_ENTRIES) {
    return { ok: false, message: `The journal is full (${MAX_ENTRIES} notes). Export it, then delete notes you no longer need.` };
  }
  // Later than the note's last save or deletion, so the merge keeps this save.
  const updatedAt = changeTime(now, [journal.entries[id]?.updatedAt, journal.deleted?.[id], journal.clearedAt].filter((t) => t !== undefined));
  const checked = entrySchema.safeParse({ ...entry, updatedAt });
  if (!checked.success) return { ok: false, message: 'This note could not be saved: it contains characters the journal does not keep.' };
  // Through the merge, so the note replaces an earlier deletion of it (a save is later than it).
  return { ok: true, journal: mergeJournals(journal, { version: JOURNAL_VERSION, entries: { [id]: checked.data } }) };
}

/** Deletes a note, keeping when, so that a tab still holding the note cannot bring it back. */
export function deleteEntry(journal: Journal, id: string, now: string): Journal {
  if (!journal.entries[id]) return journal;
  return mergeJournals(journal, { version: JOURNAL_VERSION, entries: {}, deleted: { [id]: changeTime(now, [journal.entries[id].updatedAt]) } });
}

/** Deletes every note: what any tab saved until now stays deleted. */
export function deleteAllEntries(journal: Journal, now: string): Journal {
  const times = [...Object.values(journal.entries).map((e) => e.updatedAt), ...Object.values(journal.deleted ?? {})];
  return mergeJournals(journal, { version: JOURNAL_VERSION, entries: {}, clearedAt: changeTime(now, times) });
}

/**
 * Merges two copies of one journal (this tab's and another tab's): for each note, its latest
 * save or deletion wins. Commutative, associative and idempotent (src/lib/encoding/id-map.ts).
 */
export function mergeJournals(a: Journal, b: Journal): Journal {
  const merged = mergeIdMaps(
    { saved: a.entries, deleted: a.deleted ?? {}, ...(a.clearedAt !== undefined ? { clearedAt: a.clearedAt } : {}) },
    { saved: b.entries, deleted: b.deleted ?? {}, ...(b.clearedAt !== undefined ? { clearedAt: b.clearedAt } : {}) },
    (entry) => entry.updatedAt,
  );
  const journal: Journal = { version: JOURNAL_VERSION, entries: merged.saved };
  if (Object.keys(merged.deleted).length > 0) journal.deleted = merged.deleted;
  if (merged.clearedAt !== undefined) journal.clearedAt = merged.clearedAt;
  return journal;
}

/** Entries in course order (by the order of their module and lesson links, then prompt). */
export function sortedEntries(journal: Journal, moduleOrder: readonly string[]): [string, JournalEntry][] {
  const rank = (id: string) => {
    const i = moduleOrder.indexOf(id.split('/')[0]!);
    return i === -1 ? moduleOrder.length : i;
  };
  return Object.entries(journal.entries).sort((a, b) => rank(a[0]) - rank(b[0]) || a[1].href.localeCompare(b[1].href) || a[0].localeCompare(b[0]));
}

/** The journal as Markdown, for a supervision conversation. Notes are quoted as written. */
export function journalMarkdown(entries: [string, JournalEntry][], exportedAt: string, siteName: string): string {
  const lines = [`# My reflection journal — ${siteName}`, '', `Exported ${exportedAt.slice(0, 10)}. Private notes from the course's reflection prompts.`, ''];
  let module = '';
  for (const [, entry] of entries) {
    if (entry.module !== module) {
      module = entry.module;
      lines.push(`## ${escapeMarkdown(module)}`, '');
    }
    lines.push(`### ${escapeMarkdown(entry.lesson)}`, '', ...entry.prompt.split('\n').map((l) => `> ${l}`), '', entry.text.trim(), '', `*Written ${entry.updatedAt.slice(0, 10)}*`, '');
  }
  if (entries.length === 0) lines.push('No notes yet.', '');
  return lines.join('\n');
}

function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_#[\]])/g, '\\$1');
}
