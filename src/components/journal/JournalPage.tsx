/**
 * /journal/: the learner's private reflection notes, in course order, with where each was
 * written. Export as Markdown (for a supervision conversation), delete one, or delete all after
 * a confirmation. Notes are shown as text (white space kept), never as HTML.
 */
import { useEffect, useState } from 'react';
import { useStore } from '@nanostores/react';
import { journalMarkdown, sortedEntries } from '../../lib/learner/journal';
import { $journal, deleteAllNotes, deleteNote } from '../../stores/journal';
import { download } from '../tools/browser';
import './journal.css';

interface Props {
  base: string;
  siteName: string;
  moduleOrder: string[];
}

export default function JournalPage({ base, siteName, moduleOrder }: Props) {
  const [mounted, setMounted] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState('');
  const journal = useStore($journal);
  useEffect(() => setMounted(true), []);
  if (!mounted) return <p role="status">Loading your journal…</p>;

  const entries = sortedEntries(journal, moduleOrder);

  const onExport = () => {
    const today = new Date().toISOString();
    download(journalMarkdown(entries, today, siteName), `crosswalk-journal-${today.slice(0, 10)}.md`, 'text/markdown;charset=utf-8');
    setStatus(`Your journal (${entries.length} note${entries.length === 1 ? '' : 's'}) is downloading as a Markdown file.`);
  };

  return (
    <div className="journal" data-journal-ready>
      <p className="meta" role="status" aria-live="polite">
        {status}
      </p>
      {entries.length === 0 ? (
        <p>
          No notes yet. Lessons have "Pause and reflect" prompts: write a note under one and choose "Save to my journal", and it appears here. <a href={`${base}modules/`}>Go to the modules</a>.
        </p>
      ) : (
        <>
          <div className="journal__actions">
            <button type="button" onClick={onExport}>
              Export as Markdown
            </button>
            {!confirming && (
              <button type="button" className="button--quiet" onClick={() => setConfirming(true)}>
                Delete all notes…
              </button>
            )}
          </div>
          {confirming && (
            <div className="callout" role="alertdialog" aria-labelledby="journal-delete-all">
              <p id="journal-delete-all">Delete all {entries.length} notes from this browser? This cannot be undone. Export them first if you want to keep them.</p>
              <button
                type="button"
                autoFocus
                onClick={() => {
                  deleteAllNotes();
                  setConfirming(false);
                  setStatus('All notes deleted.');
                }}
              >
                Delete all notes
              </button>{' '}
              <button type="button" className="button--quiet" onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </div>
          )}
          <ol className="journal__list">
            {entries.map(([id, entry]) => (
              <li key={id} className="journal__entry card" data-entry-id={id}>
                <p className="meta">
                  {entry.module} · <a href={`${base}${entry.href}`}>{entry.lesson}</a> · written {new Date(entry.updatedAt).toLocaleDateString()}
                </p>
                <blockquote className="journal__prompt">{entry.prompt}</blockquote>
                {/* The learner's own words, in whichever direction they were written. */}
                <p className="journal__note" dir="auto">
                  {entry.text}
                </p>
                <button
                  type="button"
                  className="button--quiet"
                  onClick={() => {
                    deleteNote(id);
                    setStatus(`Note on “${entry.lesson}” deleted.`);
                  }}
                >
                  Delete this note<span className="visually-hidden"> (on {entry.lesson})</span>
                </button>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
