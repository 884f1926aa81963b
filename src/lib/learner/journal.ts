/**
 * The reflection journal: private notes a learner writes at a lesson's "Pause and reflect" prompt,
 * kept on this device, exportable as Markdown to bring to a supervision conversation.
 *
 * Stored per profile as JSON, for example:
 *   { "version": 1, "entries": { "orientation/why-it-matters": { "text": "…", "updatedAt": "…",
 *     "prompt": "…", "lesson": "The warm hand-off…", "module": "Orientation…", "href": "modules/…" } } }
 * Migration cases: none yet. Entries that fail validation are dropped on load and counted.
 * Pure: no DOM, no storage.
 */
import * as z from 'zod/mini';
import { plainText } from '../encoding/fields';

export const JOURNAL_VERSION = 1;
export const MAX_ENTRIES = 500;
export const MAX_NOTE_CHARS = 5000;

const REFLECTION_ID = /^[a-z0-9-]+\/[a-z0-9-]+$/;

// Notes are free text, new lines included; only the other control characters are refused.
const noteText = z.string().check(
  z.maxLength(MAX_NOTE_CHARS),
  z.refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), 'contains control characters'),
);

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
}

export function emptyJournal(): Journal {
  return { version: JOURNAL_VERSION, entries: {} };
}

export function loadJournal(raw: unknown): { ok: true; journal: Journal; dropped: number } | { ok: false; reason: string } {
  const parsed = z.object({ version: z.literal(JOURNAL_VERSION), entries: z.record(z.string(), z.unknown()) }).safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'the saved journal is not in a form this course can read' };
  const entries: Record<string, JournalEntry> = {};
  let dropped = 0;
  for (const [id, value] of Object.entries(parsed.data.entries)) {
    const entry = entrySchema.safeParse(value);
    if (entry.success && REFLECTION_ID.test(id) && Object.keys(entries).length < MAX_ENTRIES) entries[id] = entry.data;
    else dropped++;
  }
  return { ok: true, journal: { version: JOURNAL_VERSION, entries }, dropped };
}

export type SaveResult = { ok: true; journal: Journal } | { ok: false; message: string };

/** Saves a note; an empty note removes the entry. */
export function saveEntry(journal: Journal, id: string, entry: Omit<JournalEntry, 'updatedAt'>, now: string): SaveResult {
  if (!REFLECTION_ID.test(id)) return { ok: false, message: 'This prompt cannot be saved: it has no id.' };
  if (!entry.text.trim()) return { ok: true, journal: deleteEntry(journal, id) };
  if (entry.text.length > MAX_NOTE_CHARS) return { ok: false, message: `A note can be at most ${MAX_NOTE_CHARS.toLocaleString('en-US')} characters; this one has ${entry.text.length.toLocaleString('en-US')}.` };
  if (!journal.entries[id] && Object.keys(journal.entries).length >= MAX_ENTRIES) {
    return { ok: false, message: `The journal is full (${MAX_ENTRIES} notes). Export it, then delete notes you no longer need.` };
  }
  const checked = entrySchema.safeParse({ ...entry, updatedAt: now });
  if (!checked.success) return { ok: false, message: 'This note could not be saved: it contains characters the journal does not keep.' };
  return { ok: true, journal: { ...journal, entries: { ...journal.entries, [id]: checked.data } } };
}

export function deleteEntry(journal: Journal, id: string): Journal {
  if (!journal.entries[id]) return journal;
  const entries = { ...journal.entries };
  delete entries[id];
  return { ...journal, entries };
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
