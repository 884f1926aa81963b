/**
 * /team/: the supervisor imports completion records (files dropped or chosen, or codes pasted),
 * sees people by modules, filters, sorts, exports CSV, and can delete everything. The team data
 * stays in this browser (src/stores/team.ts). Each input is opened on its own: one bad file
 * gets its own message and never stops the others. Imported text is only ever shown as text.
 */
import { useId, useMemo, useRef, useState, type ChangeEvent, type DragEvent, type ReactNode } from 'react';
import { useStore } from '@nanostores/react';
import { formatDay, localDay } from '../../lib/supervisor/assignment';
import type { CourseManifest } from '../../lib/site/manifest';
import { MAX_RECORD_FILE_BYTES } from '../../lib/supervisor/record';
import { CELL_LABELS, teamCsv, teamRows, type SortKey, type StatusFilter } from '../../lib/supervisor/team';
import { $team, deleteAllTeamData, importRecords, removeLearner, type ImportResult } from '../../stores/team';
import { download } from './browser';
import './tools.css';

interface Props {
  manifest: CourseManifest;
}

const MAX_FILES = 100;

export default function TeamPage({ manifest }: Props) {
  const ids = { files: useId(), paste: useId(), path: useId(), status: useId(), sort: useId() };
  const team = useStore($team);
  const [results, setResults] = useState<ImportResult[]>([]);
  const [paste, setPaste] = useState('');
  const [pathId, setPathId] = useState('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [sort, setSort] = useState<SortKey>('name');
  const [descending, setDescending] = useState(false);
  const [over, setOver] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [notice, setNotice] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const resultsRef = useRef<HTMLDivElement>(null);

  const titles = useMemo(() => new Map(manifest.modules.map((m) => [m.id, m.title])), [manifest]);
  const moduleIds = useMemo(() => {
    if (pathId) return manifest.paths.find((p) => p.id === pathId)?.modules ?? [];
    // Every module any record mentions, in catalogue order, then any this course does not have.
    const mentioned = new Set(team.records.flatMap((r) => r.modules.map((m) => m.id)));
    const ordered = manifest.modules.map((m) => m.id).filter((id) => mentioned.has(id));
    return [...ordered, ...[...mentioned].filter((id) => !titles.has(id)).sort()];
  }, [pathId, team, manifest, titles]);
  const today = localDay(new Date());
  const rows = useMemo(() => teamRows(team, { moduleIds, today, status, sort, descending }), [team, moduleIds, today, status, sort, descending]);

  const finish = (found: ImportResult[]) => {
    setResults(found);
    setNotice('');
    requestAnimationFrame(() => resultsRef.current?.focus());
  };

  const importFiles = async (files: File[]) => {
    const inputs: { source: string; text: string }[] = [];
    const refused: ImportResult[] = [];
    for (const file of files.slice(0, MAX_FILES)) {
      // Checked before reading: a huge file is refused without loading it into memory.
      if (file.size > MAX_RECORD_FILE_BYTES) {
        refused.push({ source: file.name, ok: false, message: `This file is too large to be a completion record (${Math.round(file.size / 1000).toLocaleString('en-US')} kB; the most is ${MAX_RECORD_FILE_BYTES / 1000} kB). Nothing from it was imported.` });
        continue;
      }
      try {
        inputs.push({ source: file.name, text: await file.text() });
      } catch {
        refused.push({ source: file.name, ok: false, message: 'This file could not be read.' });
      }
    }
    if (files.length > MAX_FILES) refused.push({ source: `${files.length - MAX_FILES} more files`, ok: false, message: `Import at most ${MAX_FILES} files at a time.` });
    finish([...importRecords(inputs), ...refused]);
    if (fileInput.current) fileInput.current.value = '';
  };

  const onFiles = (event: ChangeEvent<HTMLInputElement>) => importFiles([...(event.target.files ?? [])]);
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    importFiles([...event.dataTransfer.files]);
  };
  const onPaste = () => {
    const codes = paste.split(/\s+/).filter(Boolean);
    if (codes.length === 0) {
      finish([{ source: 'Pasted codes', ok: false, message: 'There is nothing to import: paste one or more record codes first.' }]);
      return;
    }
    finish(importRecords(codes.map((text, i) => ({ source: `Pasted code ${i + 1}`, text }))));
    setPaste('');
  };

  const onCsv = () => {
    download(teamCsv(rows, titles), `crosswalk-team-${today}.csv`, 'text/csv;charset=utf-8');
    setNotice(`The table (${rows.length} ${rows.length === 1 ? 'person' : 'people'}) is downloading as a CSV file.`);
  };

  return (
    <div className="tool">
      <section aria-labelledby="team-import">
        <h2 id="team-import">Add completion records</h2>
        <p>
          Learners send you a record file or a record code from their My progress page. Importing the same person again updates their row; an older record never replaces a newer
          one.
        </p>
        <div
          className={`drop-zone${over ? ' drop-zone--over' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={onDrop}
        >
          <div className="field">
            <label htmlFor={ids.files}>Record files (.json)</label>
            <span className="field__hint">Choose several at once, or drop them here.</span>
            <input id={ids.files} ref={fileInput} type="file" accept=".json,application/json" multiple onChange={onFiles} />
          </div>
        </div>
        <div className="field">
          <label htmlFor={ids.paste}>Or paste record codes</label>
          <span className="field__hint">One or more codes starting with R1., separated by spaces or new lines.</span>
          <textarea id={ids.paste} rows={3} value={paste} onChange={(e) => setPaste(e.target.value)} />
        </div>
        <button type="button" onClick={onPaste}>
          Import pasted codes
        </button>
        <div ref={resultsRef} tabIndex={-1} role="status" aria-live="polite" className="import-results">
          {results.length > 0 && (
            <>
              <h3>Import results</h3>
              <ul>
                {results.map((r, i) => (
                  <li key={i} data-import-ok={r.ok ? 'yes' : 'no'}>
                    <strong>
                      <bdi>{r.source}</bdi>:
                    </strong>{' '}
                    {r.ok ? outcomeText(r) : `Not imported. ${r.message ?? ''}`}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      </section>

      <section aria-labelledby="team-table-heading">
        <h2 id="team-table-heading">Your team</h2>
        {team.records.length === 0 ? (
          <p>No records yet. Import a record above and each person appears here, one row each.</p>
        ) : (
          <>
            <div className="team-filters">
              <div className="field">
                <label htmlFor={ids.path}>Modules shown</label>
                <select id={ids.path} value={pathId} onChange={(e) => setPathId(e.target.value)}>
                  <option value="">Every module in the records</option>
                  {manifest.paths.map((p) => (
                    <option key={p.id} value={p.id}>
                      Path: {p.title}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={ids.status}>People shown</label>
                <select id={ids.status} value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
                  <option value="all">Everyone</option>
                  <option value="complete">All shown modules complete</option>
                  <option value="incomplete">Not yet complete</option>
                  <option value="overdue">Overdue</option>
                </select>
              </div>
              <div className="field">
                <label htmlFor={ids.sort}>Sort by</label>
                <select id={ids.sort} value={sort} onChange={(e) => setSort(e.target.value as SortKey)}>
                  <option value="name">Name</option>
                  <option value="progress">Modules complete</option>
                  <option value="due">Due date</option>
                  <option value="issued">Date of record</option>
                </select>
              </div>
              <label className="choice">
                <input type="checkbox" checked={descending} onChange={(e) => setDescending(e.target.checked)} /> Reverse order
              </label>
            </div>
            <p role="status">
              Showing {rows.length} of {team.records.length} {team.records.length === 1 ? 'person' : 'people'}, {moduleIds.length} module{moduleIds.length === 1 ? '' : 's'}.
            </p>
            {rows.length > 0 && (
              <div className="team-scroll" role="region" aria-labelledby="team-table-heading" tabIndex={0}>
                <table className="team-table">
                  <thead>
                    <tr>
                      <th scope="col">Person</th>
                      <th scope="col">Complete</th>
                      {moduleIds.map((id) => (
                        <th scope="col" key={id}>
                          {titles.get(id) ?? `${id} (not in this course)`}
                        </th>
                      ))}
                      <th scope="col">Remove</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((row) => (
                      <tr key={row.learnerId} data-learner={row.learnerId}>
                        <th scope="row">
                          <bdi>{row.learner}</bdi>
                          <span className="cell__detail">Record of {formatDay(row.issued.slice(0, 10))}</span>
                          {row.due && <span className="cell__detail">Due {formatDay(row.due)}</span>}
                        </th>
                        <td>
                          {row.complete} of {moduleIds.length}
                          {row.overdue && <span className="cell__detail cell--overdue">Overdue</span>}
                        </td>
                        {row.cells.map((cell) => (
                          <td key={cell.moduleId} className={cell.state === 'overdue' ? 'cell--overdue' : undefined} data-state={cell.state}>
                            {CELL_LABELS[cell.state]}
                            {cell.best !== undefined && <span className="cell__detail">Best {cell.best}%</span>}
                            {cell.on && <span className="cell__detail">{formatDay(cell.on)}</span>}
                          </td>
                        ))}
                        <td>
                          <button type="button" className="button--quiet" onClick={() => removeLearner(row.learnerId)} aria-label={`Remove ${row.learner}`}>
                            Remove
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <div className="actions">
              <button type="button" onClick={onCsv} disabled={rows.length === 0}>
                Export the table as CSV
              </button>
            </div>
            <p className="status-line" role="status">
              {notice}
            </p>
          </>
        )}
      </section>

      <section aria-labelledby="team-delete">
        <h2 id="team-delete">Delete team data</h2>
        <p>Team data is kept in this browser only. Delete it when you have finished with it, or before you leave a shared computer.</p>
        {confirmDelete ? (
          <div className="problem" role="alertdialog" aria-labelledby="team-delete-confirm">
            <p id="team-delete-confirm">
              Delete every imported record ({team.records.length}) from this browser? This cannot be undone; learners can send their records again.
            </p>
            <div className="actions">
              <button
                type="button"
                onClick={() => {
                  deleteAllTeamData();
                  setConfirmDelete(false);
                  setResults([]);
                  setNotice('');
                }}
                autoFocus
              >
                Delete all team data
              </button>
              <button type="button" className="button--quiet" onClick={() => setConfirmDelete(false)}>
                Cancel
              </button>
            </div>
          </div>
        ) : (
          <button type="button" className="button--quiet" onClick={() => setConfirmDelete(true)} disabled={team.records.length === 0}>
            Delete all team data…
          </button>
        )}
      </section>
    </div>
  );
}

/** What an import did, the learner's name isolated so a right-to-left name keeps the sentence in order. */
function outcomeText(result: ImportResult): ReactNode {
  const name = <bdi>{result.learner}</bdi>;
  switch (result.outcome) {
    case 'added':
      return <>Added {name}.</>;
    case 'updated':
      return <>Updated {name} with this newer record.</>;
    case 'unchanged':
      return <>{name}'s record was already here; nothing changed.</>;
    case 'older':
      return <>Kept the newer record you already have for {name}; this one is older.</>;
    default:
      return '';
  }
}
