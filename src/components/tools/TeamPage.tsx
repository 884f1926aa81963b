/**
 * /team/: the supervisor's dashboard. It starts from the roster the Assign page keeps (everyone
 * assigned, "no record yet" until a record arrives) and the completion records imported from
 * files or codes, one row per person, counted against each person's own assignment
 * (src/lib/supervisor/team-view.ts). Summary counts at the top, filters, a full-width table with
 * the names fixed at the left (one card per person on a phone), CSV in two shapes, and a team file
 * to back up or hand over. Everything stays in this browser (src/stores/team.ts, roster.ts).
 *
 * Hydration: the prerendered HTML cannot know what this browser holds, so the server and the
 * browser's first render both show one "Loading…" line and the dashboard renders after mount
 * (React error #418 was this page rendering stored rows over an empty server render).
 * Imported text is only ever shown as text.
 */
import { useEffect, useId, useMemo, useRef, useState, type ChangeEvent, type DragEvent, type ReactNode } from 'react';
import { useStore } from '@nanostores/react';
import { formatDay, localDay } from '../../lib/supervisor/assignment';
import type { CourseManifest } from '../../lib/site/manifest';
import { MAX_RECORD_FILE_BYTES } from '../../lib/supervisor/record';
import { randomId } from '../../lib/encoding/fields';
import { teamFile, MAX_TEAM_FILE_BYTES } from '../../lib/supervisor/team-file';
import { teamCsvLong, teamCsvWide } from '../../lib/supervisor/team-csv';
import {
  STATUS_LABELS,
  cellText,
  daysLateText,
  editionNote,
  filterPeople,
  sortPeople,
  teamView,
  type Duplicate,
  type Person,
  type PersonCell,
  type SortKey,
  type StatusFilter,
  type ViewCourse,
} from '../../lib/supervisor/team-view';
import { $team, deleteAllTeamData, importRecords, removeLearner, type ImportResult } from '../../stores/team';
import { $roster, decideSamePerson, deleteRoster, importTeamFile, linkToRoster, removeFromRoster, saveAssignments } from '../../stores/roster';
import { download } from './browser';
import './tools.css';
import { useFocusAfterRender } from '../use-focus-after-render';

interface Props {
  manifest: CourseManifest;
}

const MAX_FILES = 100;

export default function TeamPage({ manifest }: Props) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  if (!mounted) {
    return (
      <p className="team-loading" role="status">
        Loading your team…
      </p>
    );
  }
  return <Dashboard manifest={manifest} />;
}

function Dashboard({ manifest }: Props) {
  const ids = { files: useId(), paste: useId(), columns: useId(), status: useId(), sort: useId(), teamFile: useId() };
  const team = useStore($team);
  const roster = useStore($roster);
  const [results, setResults] = useState<ImportResult[]>([]);
  const [paste, setPaste] = useState('');
  const [columnsChoice, setColumnsChoice] = useState('assigned');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [sort, setSort] = useState<SortKey>('name');
  const [descending, setDescending] = useState(false);
  const [over, setOver] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [notice, setNotice] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const teamFileInput = useRef<HTMLInputElement>(null);
  const resultsRef = useRef<HTMLDivElement>(null);
  const focusAfterRender = useFocusAfterRender();

  const course: ViewCourse = useMemo(
    () => ({
      version: manifest.version,
      modules: manifest.modules.map((m) => ({ id: m.id, title: m.title, contentHash: m.contentHash, ...(m.textHash ? { textHash: m.textHash } : {}), lessonsTotal: m.lessonIds.length })),
      paths: manifest.paths,
    }),
    [manifest],
  );
  const titles = useMemo(() => new Map(manifest.modules.map((m) => [m.id, m.title])), [manifest]);
  const today = localDay(new Date());
  // Columns: what anyone is assigned or reports (catalogue order), a path's, or every module.
  const columns = useMemo(() => {
    if (columnsChoice === 'all') return manifest.modules.map((m) => m.id);
    if (columnsChoice.startsWith('path:')) return manifest.paths.find((p) => `path:${p.id}` === columnsChoice)?.modules ?? [];
    const base = teamView(roster, team, course, today, []);
    const wanted = new Set(base.people.flatMap((p) => p.counted));
    return [...manifest.modules.map((m) => m.id).filter((id) => wanted.has(id)), ...[...wanted].filter((id) => !titles.has(id)).sort()];
  }, [columnsChoice, roster, team, course, today, manifest, titles]);
  const view = useMemo(() => teamView(roster, team, course, today, columns), [roster, team, course, today, columns]);
  const shown = useMemo(() => sortPeople(filterPeople(view, status), sort, descending), [view, status, sort, descending]);
  const hasData = view.people.length > 0;
  // Once there are people the form folds into "Add completion records". Records arriving from
  // another tab must not fold it away while this one holds codes still to import.
  const [importOpen, setImportOpen] = useState(false);
  useEffect(() => {
    if (hasData && paste.trim()) setImportOpen(true);
    // Only when the page first has people: not on every keystroke.
  }, [hasData]);

  const finish = (found: ImportResult[]) => {
    // A record that came back on a roster entry's link ties the learner to that entry.
    for (const r of found) {
      const assignmentId = r.record?.assignment?.id;
      const entry = assignmentId ? $roster.get().entries[assignmentId] : undefined;
      if (r.ok && r.record && entry?.name && !entry.learnerId) linkToRoster(entry.id, r.record.learnerId);
    }
    setResults(found);
    setNotice('');
    focusAfterRender(() => resultsRef.current);
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

  const onCsv = (shape: 'wide' | 'long') => {
    const text = shape === 'wide' ? teamCsvWide(shown, columns, course) : teamCsvLong(shown, columns, course);
    download(text, `crosswalk-team-${shape}-${today}.csv`, 'text/csv;charset=utf-8');
    setNotice(`The table (${shown.length} ${shown.length === 1 ? 'person' : 'people'}, ${shape === 'wide' ? 'one row per person' : 'one row per person and module'}) is downloading as a CSV file.`);
  };

  const onExportTeamFile = () => {
    download(teamFile($roster.get(), $team.get(), new Date().toISOString()), `crosswalk-team-file-${today}.json`, 'application/json');
    setNotice('The team file (roster and records) is downloading. Keep it somewhere safe, or give it to a co-supervisor to import.');
  };

  const onImportTeamFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    let message: string;
    if (file.size > MAX_TEAM_FILE_BYTES) message = 'This file is too large to be a Crosswalk team file. Nothing was imported.';
    else {
      try {
        message = importTeamFile(await file.text()).message;
      } catch {
        message = 'This file could not be read. Nothing was imported.';
      }
    }
    setNotice(message);
    if (teamFileInput.current) teamFileInput.current.value = '';
  };

  const addToRoster = (p: Person) => {
    const record = p.record!;
    saveAssignments([
      {
        id: randomId(),
        name: record.learner,
        by: 'Added from a record',
        modules: record.modules.map((m) => m.id).filter((id) => titles.has(id)).slice(0, 60),
        created: today,
        learnerId: record.learnerId,
      },
    ]);
    setNotice(`${record.learner} is on the roster now.`);
  };

  const remove = (p: Person) => {
    for (const id of p.learnerIds) removeLearner(id);
    if (p.rosterId) removeFromRoster(p.rosterId);
    setNotice(`${p.name} was removed from this browser's team data.`);
  };

  const importForm = (
    <>
      <p>
        Learners send you a record file or a record code from their My progress page. A record made from your assignment link lands on that person's row. Importing the same person
        again updates their row; an older record never replaces a newer one.
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
    </>
  );

  return (
    <div className="tool team-page" data-team-page="ready">
      <section aria-labelledby="team-import" className="team-import">
        {hasData ? (
          <details className="team-import__details" open={importOpen} onToggle={(event) => setImportOpen(event.currentTarget.open)}>
            <summary>
              <h2 id="team-import">Add completion records</h2>
            </summary>
            {importForm}
          </details>
        ) : (
          <>
            <h2 id="team-import">Add completion records</h2>
            {importForm}
          </>
        )}
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
                    {r.ok && r.record && editionNote(r.record, course) && <span className="edition-note"> {editionNote(r.record, course)}</span>}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      </section>

      <section aria-labelledby="team-table-heading">
        <h2 id="team-table-heading">Your team</h2>
        {!hasData ? (
          <p>
            No records yet. People you assign on the Assign page appear here with “no record yet”; import a record above and each person appears here, one row each.
          </p>
        ) : (
          <>
            <Summary summary={view.summary} />
            {view.duplicates.map((d) => (
              <DuplicatePrompt key={`${d.a.learnerId}|${d.b.learnerId}`} duplicate={d} />
            ))}
            <div className="team-filters">
              <div className="field">
                <label htmlFor={ids.status}>People shown</label>
                <select id={ids.status} value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
                  <option value="all">Everyone</option>
                  <option value="not-started">Not started</option>
                  <option value="in-progress">In progress</option>
                  <option value="complete">Complete</option>
                  <option value="overdue">Overdue</option>
                  <option value="no-record">No record yet</option>
                  <option value="duplicates">Possible duplicates</option>
                </select>
              </div>
              <div className="field">
                <label htmlFor={ids.columns}>Modules shown</label>
                <select id={ids.columns} value={columnsChoice} onChange={(e) => setColumnsChoice(e.target.value)}>
                  <option value="assigned">Modules assigned or reported</option>
                  {manifest.paths.map((p) => (
                    <option key={p.id} value={`path:${p.id}`}>
                      Path: {p.title}
                    </option>
                  ))}
                  <option value="all">Every module</option>
                </select>
              </div>
              <div className="field">
                <label htmlFor={ids.sort}>Sort by</label>
                <select id={ids.sort} value={sort} onChange={(e) => setSort(e.target.value as SortKey)}>
                  <option value="name">Name</option>
                  <option value="progress">Share of assignment complete</option>
                  <option value="due">Due date</option>
                  <option value="issued">Date of record</option>
                </select>
              </div>
              <label className="choice">
                <input type="checkbox" checked={descending} onChange={(e) => setDescending(e.target.checked)} /> Reverse order
              </label>
            </div>
            <p role="status" data-team-count>
              Showing {shown.length} of {view.people.length} {view.people.length === 1 ? 'person' : 'people'}, {columns.length} module{columns.length === 1 ? '' : 's'}.
            </p>
            {shown.length > 0 && (
              <>
                <div className="team-scroll" role="region" aria-labelledby="team-table-heading" tabIndex={0}>
                  <table className="team-table">
                    <thead>
                      <tr>
                        <th scope="col" className="team-table__person">
                          Person
                        </th>
                        {columns.map((id) => (
                          <th scope="col" key={id}>
                            {titles.get(id) ?? `${id} (not in this course)`}
                          </th>
                        ))}
                        <th scope="col">Actions</th>
                      </tr>
                    </thead>
                    <tbody>
                      {shown.map((p) => (
                        <tr key={p.key} data-person={p.key}>
                          <th scope="row" className="team-table__person">
                            <PersonSummary person={p} />
                          </th>
                          {p.cells.map((cell) => (
                            <td key={cell.moduleId} data-state={cell.state} data-overdue={cell.overdue ? 'yes' : undefined} className={cell.assigned ? undefined : 'cell--unassigned'}>
                              <Cell cell={cell} />
                            </td>
                          ))}
                          <td>
                            <PersonActions person={p} onAdd={addToRoster} onRemove={remove} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <ul className="team-cards" aria-label="Your team, one card per person">
                  {shown.map((p) => (
                    <li key={p.key} className="team-card" data-person={p.key}>
                      <PersonSummary person={p} />
                      <ul className="team-card__modules">
                        {p.cells
                          .filter((c) => c.assigned || c.state !== 'not-reported')
                          .map((cell) => (
                            <li key={cell.moduleId} data-state={cell.state}>
                              <span className="team-card__module">{titles.get(cell.moduleId) ?? cell.moduleId}</span> <Cell cell={cell} />
                            </li>
                          ))}
                      </ul>
                      <PersonActions person={p} onAdd={addToRoster} onRemove={remove} />
                    </li>
                  ))}
                </ul>
              </>
            )}
            <div className="actions">
              <button type="button" onClick={() => onCsv('wide')} disabled={shown.length === 0}>
                Export CSV, one row per person
              </button>
              <button type="button" className="button--quiet" onClick={() => onCsv('long')} disabled={shown.length === 0}>
                Export CSV, one row per module
              </button>
            </div>
          </>
        )}
        <p className="status-line" role="status">
          {notice}
        </p>
      </section>

      <section aria-labelledby="team-handover">
        <h2 id="team-handover">Back up or hand over</h2>
        <p>A team file holds your roster and every record. Import it in another browser, or give it to a co-supervisor: it merges with what is there, and never replaces a newer record with an older one.</p>
        <div className="actions">
          <button type="button" onClick={onExportTeamFile} disabled={!hasData && Object.keys(roster.entries).length === 0}>
            Export team file
          </button>
        </div>
        <div className="field">
          <label htmlFor={ids.teamFile}>Import team file</label>
          <input id={ids.teamFile} ref={teamFileInput} type="file" accept=".json,application/json" onChange={onImportTeamFile} />
        </div>
      </section>

      <section aria-labelledby="team-delete">
        <h2 id="team-delete">Delete team data</h2>
        <p>Team data and the roster are kept in this browser only. Delete them when you have finished, or before you leave a shared computer.</p>
        {confirmDelete ? (
          <div className="problem" role="alertdialog" aria-labelledby="team-delete-confirm">
            <p id="team-delete-confirm">
              Delete every imported record ({team.records.length}) and the roster ({Object.keys(roster.entries).length}) from this browser? This cannot be undone; learners can send
              their records again.
            </p>
            <div className="actions">
              <button
                type="button"
                onClick={() => {
                  deleteAllTeamData();
                  deleteRoster();
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
          <button type="button" className="button--quiet" onClick={() => setConfirmDelete(true)} disabled={!hasData && Object.keys(roster.entries).length === 0}>
            Delete all team data…
          </button>
        )}
      </section>
    </div>
  );
}

function Summary({ summary }: { summary: { people: number; assigned: number; onTrack: number; overdue: number; complete: number; noRecord: number } }) {
  const items: [string, number, string][] = [
    ['assigned', summary.assigned, 'Assigned'],
    ['on-track', summary.onTrack, 'On track'],
    ['overdue', summary.overdue, 'Overdue'],
    ['complete', summary.complete, 'Complete'],
    ['no-record', summary.noRecord, 'No record yet'],
  ];
  return (
    <dl className="team-summary" aria-label="Summary">
      {items.map(([key, value, label]) => (
        <div key={key} className="team-summary__item" data-summary={key}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

const ICONS: Record<string, string> = { complete: '✓', 'in-progress': '◐', 'not-started': '○', overdue: '!', 'no-record': '–', updated: '↻', 'not-reported': '·' };

/** Name, assignment, status (icon and words), progress bar, due date and record date. */
function PersonSummary({ person: p }: { person: Person }) {
  const statusKey = !p.record ? 'no-record' : p.overdue ? 'overdue' : p.status;
  const statusText = `${p.record ? STATUS_LABELS[p.status] : 'No record yet'}${p.overdue ? ` · overdue, ${daysLateText(p.daysLate)}` : ''}`;
  return (
    <div className="person" data-status={statusKey}>
      <span className="person__name">
        <bdi>{p.name}</bdi>
      </span>
      {p.record && p.record.learner !== p.name && (
        <span className="cell__detail">
          Signed “<bdi>{p.record.learner}</bdi>”
        </span>
      )}
      <span className="cell__detail">{p.assignment ?? 'Not on the roster'}</span>
      <span className={`person__status person__status--${statusKey}`} data-person-status>
        <span aria-hidden="true">{ICONS[statusKey]} </span>
        {statusText}
      </span>
      <span className="person__count" data-person-count>
        {p.complete} of {p.counted.length} {p.onRoster ? 'assigned ' : ''}module{p.counted.length === 1 ? '' : 's'}
        {p.earlierEdition > 0 && ` (${p.earlierEdition} more in an earlier edition)`}
      </span>
      <progress max={Math.max(1, p.counted.length)} value={p.complete} aria-label={`${p.name}: ${p.complete} of ${p.counted.length} modules`} />
      {p.due && <span className="cell__detail">Due {formatDay(p.due)}</span>}
      {p.record && (
        <span className="cell__detail">
          Record of {formatDay(p.record.issued.slice(0, 10))}
          {p.otherEdition && <span data-other-edition>, from another edition ({p.record.course})</span>}
        </span>
      )}
    </div>
  );
}

function Cell({ cell }: { cell: PersonCell }) {
  const key = cell.overdue ? 'overdue' : cell.state;
  return (
    <>
      <span className="cell__state">
        <span aria-hidden="true">{ICONS[key]} </span>
        {cellText(cell)}
      </span>
      {cell.best !== undefined && <span className="cell__detail">Best {cell.best}%</span>}
      {(cell.completedOn ?? cell.passedOn) && <span className="cell__detail">{formatDay((cell.completedOn ?? cell.passedOn)!)}</span>}
    </>
  );
}

function PersonActions({ person: p, onAdd, onRemove }: { person: Person; onAdd: (p: Person) => void; onRemove: (p: Person) => void }) {
  return (
    <div className="person__actions">
      {!p.onRoster && p.record && (
        <button type="button" className="button--quiet" onClick={() => onAdd(p)}>
          Add to roster<span className="visually-hidden">: {p.name}</span>
        </button>
      )}
      <button type="button" className="button--quiet" onClick={() => onRemove(p)} aria-label={`Remove ${p.name}`}>
        Remove
      </button>
    </div>
  );
}

function DuplicatePrompt({ duplicate: d }: { duplicate: Duplicate }) {
  const headingId = useId();
  return (
    <div className="duplicate-prompt" role="group" aria-labelledby={headingId} data-duplicate>
      <p id={headingId}>
        <strong>
          <span aria-hidden="true">! </span>Two records are named “<bdi>{d.name}</bdi>”
        </strong>
        , from different browsers (learner ids {d.a.learnerId} and {d.b.learnerId}, records of {formatDay(d.a.issued.slice(0, 10))} and {formatDay(d.b.issued.slice(0, 10))}). Are
        they the same person?
      </p>
      <div className="actions">
        <button type="button" onClick={() => decideSamePerson(d.a.learnerId, d.b.learnerId, true)}>
          Same person, merge
        </button>
        <button type="button" className="button--quiet" onClick={() => decideSamePerson(d.a.learnerId, d.b.learnerId, false)}>
          Different people
        </button>
      </div>
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

