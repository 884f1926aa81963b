import { describe, expect, test } from 'vitest';
import { MAX_NOTE_CHARS, deleteEntry, emptyJournal, journalMarkdown, loadJournal, saveEntry, sortedEntries } from '../../src/lib/learner/journal';

const base = { prompt: 'Think of a time…', lesson: 'The warm hand-off', module: 'Orientation', href: 'modules/orientation/warm-hand-off-and-limits/#reflect-r1' };
const NOW = '2026-11-28T10:00:00.000Z';

describe('reflection journal', () => {
  test('save, update, and an emptied note removes the entry', () => {
    let result = saveEntry(emptyJournal(), 'orientation/r1', { ...base, text: 'First thought.\nSecond line.' }, NOW);
    expect(result.ok && result.journal.entries['orientation/r1']).toEqual({ ...base, text: 'First thought.\nSecond line.', updatedAt: NOW });
    if (!result.ok) return;
    result = saveEntry(result.journal, 'orientation/r1', { ...base, text: '   ' }, NOW);
    expect(result.ok && result.journal.entries).toEqual({});
  });

  test('over-long notes, bad ids and control characters are refused with a message', () => {
    expect(saveEntry(emptyJournal(), 'orientation/r1', { ...base, text: 'x'.repeat(MAX_NOTE_CHARS + 1) }, NOW)).toEqual({ ok: false, message: expect.stringMatching(/at most 5,000 characters/) });
    expect(saveEntry(emptyJournal(), 'no-slash', { ...base, text: 'x' }, NOW).ok).toBe(false);
    expect(saveEntry(emptyJournal(), 'orientation/r1', { ...base, text: 'a\u0000b' }, NOW).ok).toBe(false);
  });

  test('stored journals are validated; bad entries are dropped and counted', () => {
    const good = { ...base, text: 'ok', updatedAt: NOW };
    expect(loadJournal({ version: 1, entries: { 'orientation/r1': good, 'orientation/r2': { ...good, href: 'javascript:alert(1)' }, x: good } })).toEqual({
      ok: true,
      journal: { version: 1, entries: { 'orientation/r1': good } },
      dropped: 2,
    });
    expect(loadJournal({ version: 2, entries: {} }).ok).toBe(false);
  });

  test('exports Markdown grouped by module, in course order, with markup in titles escaped', () => {
    let journal = emptyJournal();
    for (const [id, module, text] of [
      ['duty-06/r1', 'Duty 6', 'Note B'],
      ['orientation/r1', 'Orientation *new*', 'Note A'],
    ] as const) {
      const r = saveEntry(journal, id, { ...base, module, text, href: `modules/${id.split('/')[0]}/x/` }, NOW);
      if (r.ok) journal = r.journal;
    }
    const md = journalMarkdown(sortedEntries(journal, ['orientation', 'duty-06']), NOW, 'Crosswalk');
    expect(md.indexOf('Note A')).toBeLessThan(md.indexOf('Note B'));
    expect(md).toContain('## Orientation \\*new\\*');
    expect(md).toContain('> Think of a time…');
    expect(deleteEntry(journal, 'orientation/r1', NOW).entries).not.toHaveProperty('orientation/r1');
  });
});
