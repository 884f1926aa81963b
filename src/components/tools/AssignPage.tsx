/**
 * /assign/: a supervisor picks a path or modules, a due date, a note and (optionally) names, and
 * gets one link per learner (or one for everyone) with its length, a QR code, copy and email
 * buttons and a printable handout. Everything is made in this browser: the assignment travels
 * in the link's #fragment, which browsers never send to the web server. Every link made is also
 * kept in this browser's roster (src/stores/roster.ts), so the Team page knows who was assigned
 * what before anyone sends a record; the link's id is the roster entry's id.
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import { MAX_ASSIGNMENT_CHARS, MAX_NAME, MAX_NOTE, formatDay, localDay, packAssignment, type Assignment } from '../../lib/supervisor/assignment';
import type { CourseManifest } from '../../lib/site/manifest';
import { randomId } from '../../lib/encoding/fields';
import { qrGrid, qrPath } from '../../lib/supervisor/qr';
import { saveAssignments } from '../../stores/roster';
import { copyText, mailtoHref } from './browser';
import './tools.css';
import { useFocusAfterRender } from '../use-focus-after-render';

interface Props {
  manifest: CourseManifest;
  base: string;
  /** The library's name, printed on handouts. */
  libraryName: string;
}

interface MadeLink {
  learner?: string;
  url: string;
}

const MAX_LEARNERS = 40;
/** Past this, some email programs and QR scanners start to struggle. */
const COMFORTABLE_CHARS = 1200;

export default function AssignPage({ manifest, base, libraryName }: Props) {
  const focusAfterRender = useFocusAfterRender();
  const ids = { by: useId(), path: useId(), due: useId(), note: useId(), learners: useId(), error: useId() };
  const [by, setBy] = useState('');
  const [mode, setMode] = useState<'path' | 'modules'>('path');
  const [pathId, setPathId] = useState(manifest.paths[0]?.id ?? '');
  const [chosen, setChosen] = useState<string[]>([]);
  const [due, setDue] = useState('');
  const [note, setNote] = useState('');
  const [learners, setLearners] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [links, setLinks] = useState<MadeLink[] | null>(null);
  const [made, setMade] = useState<Assignment | null>(null);

  const titles = useMemo(() => new Map(manifest.modules.map((m) => [m.id, m.title])), [manifest]);
  const byPart = useMemo(
    () => manifest.parts.map((part) => ({ ...part, modules: manifest.modules.filter((m) => m.part === part.id) })).filter((p) => p.modules.length > 0),
    [manifest],
  );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const problems: string[] = [];
    const names = learners.split('\n').map((n) => n.trim()).filter(Boolean);
    const modules = mode === 'path' ? manifest.paths.find((p) => p.id === pathId)?.modules ?? [] : manifest.modules.map((m) => m.id).filter((id) => chosen.includes(id));
    if (!by.trim()) problems.push('Say who the assignment is from, so the learner knows who sent it.');
    if (modules.length === 0) problems.push(mode === 'path' ? 'Choose a path.' : 'Choose at least one module.');
    if (due && due < localDay(new Date())) problems.push('The due date is in the past. Choose today or a later date, or leave it empty.');
    if (names.length > MAX_LEARNERS) problems.push(`Make links for at most ${MAX_LEARNERS} people at a time.`);
    if (names.some((n) => n.length > MAX_NAME)) problems.push(`Each name can be at most ${MAX_NAME} characters.`);
    setErrors(problems);
    if (problems.length > 0) {
      setLinks(null);
      focusAfterRender(() => document.getElementById(ids.error));
      return;
    }
    const base_: Omit<Assignment, 'id'> = {
      by: by.trim(),
      modules,
      created: localDay(new Date()),
      ...(mode === 'path' ? { pathId } : {}),
      ...(due ? { due } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    const origin = `${location.origin}${base}assign/open/#`;
    const assignments = (names.length > 0 ? names : [undefined]).map((learner): Assignment => ({ ...base_, id: randomId(), ...(learner ? { for: learner } : {}) }));
    const made = assignments.map((assignment) => ({ ...(assignment.for ? { learner: assignment.for } : {}), url: origin + packAssignment(assignment) }));
    saveAssignments(assignments.map(({ for: name, ...rest }) => ({ ...rest, ...(name ? { name } : {}) })));
    setMade({ ...base_, id: '' });
    setLinks(made);
    focusAfterRender(() => document.getElementById('assign-links'));
  };

  return (
    <div className="tool">
      <form className="no-print" onSubmit={onSubmit} noValidate aria-describedby={errors.length ? ids.error : undefined}>
        {errors.length > 0 && (
          <div className="tool__errors" id={ids.error} tabIndex={-1} role="alert">
            <p>
              <strong>Check the form:</strong>
            </p>
            <ul>
              {errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </div>
        )}
        <div className="field">
          <label htmlFor={ids.by}>From</label>
          <span className="field__hint" id={`${ids.by}-hint`}>
            Your name and role, as the learner will see it.
          </span>
          <input id={ids.by} type="text" value={by} maxLength={MAX_NAME} autoComplete="name" aria-describedby={`${ids.by}-hint`} onChange={(e) => setBy(e.target.value)} />
        </div>

        <fieldset>
          <legend>What to assign</legend>
          <label className="choice">
            <input type="radio" name="mode" checked={mode === 'path'} onChange={() => setMode('path')} /> A whole path
          </label>
          <label className="choice">
            <input type="radio" name="mode" checked={mode === 'modules'} onChange={() => setMode('modules')} /> Chosen modules
          </label>
          {mode === 'path' ? (
            <div className="field">
              <label htmlFor={ids.path}>Path</label>
              <select id={ids.path} value={pathId} onChange={(e) => setPathId(e.target.value)}>
                {manifest.paths.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.title} ({p.modules.length} modules)
                  </option>
                ))}
              </select>
            </div>
          ) : (
            byPart.map((part) => (
              <fieldset key={part.id} className="module-picker">
                <legend>{part.title}</legend>
                {part.modules.map((m) => (
                  <label key={m.id} className="choice">
                    <input
                      type="checkbox"
                      checked={chosen.includes(m.id)}
                      onChange={(e) => setChosen((c) => (e.target.checked ? [...c, m.id] : c.filter((id) => id !== m.id)))}
                    />{' '}
                    {m.title}
                  </label>
                ))}
              </fieldset>
            ))
          )}
        </fieldset>

        <div className="field">
          <label htmlFor={ids.due}>Due date (optional)</label>
          <input id={ids.due} type="date" value={due} min={localDay(new Date())} onChange={(e) => setDue(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.note}>Note to the learner (optional)</label>
          <textarea id={ids.note} rows={3} value={note} maxLength={MAX_NOTE} onChange={(e) => setNote(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.learners}>Learners (optional)</label>
          <span className="field__hint" id={`${ids.learners}-hint`}>
            One name per line makes one link per person, with their name on it. Leave empty for one link anyone can use.
          </span>
          <textarea id={ids.learners} rows={3} value={learners} aria-describedby={`${ids.learners}-hint`} onChange={(e) => setLearners(e.target.value)} />
        </div>
        <button type="submit">Make {learners.trim() ? 'links' : 'the link'}</button>
      </form>

      {links && made && (
        <section className="assign-links" aria-labelledby="assign-links">
          <h2 id="assign-links" tabIndex={-1} className="no-print">
            {links.length === 1 ? 'Your link is ready' : `${links.length} links are ready`}
          </h2>
          <p className="no-print">
            Send each person their link. It opens this course on their device and asks them to accept; nothing is sent to a server, and the names stay in the link itself.
            {' '}
            {links.length === 1 ? 'It is' : 'They are'} saved to your roster in this browser: the <a href={`${base}team/`}>Team page</a> shows everyone assigned, with “no record yet” until their record arrives.{' '}
            <button type="button" className="button--quiet" onClick={() => window.print()}>
              Print {links.length === 1 ? 'a handout' : 'handouts'}
            </button>
          </p>
          {links.map((link, index) => (
            <LinkCard key={link.url} link={link} assignment={made} titles={titles} index={index} libraryName={libraryName} />
          ))}
        </section>
      )}
    </div>
  );
}

function LinkCard({ link, assignment, titles, index, libraryName }: { link: MadeLink; assignment: Assignment; titles: Map<string, string>; index: number; libraryName: string }) {
  const [copied, setCopied] = useState<'' | 'yes' | 'no'>('');
  const fieldId = useId();
  const grid = useMemo(() => (link.url.length <= MAX_ASSIGNMENT_CHARS + 200 ? qrGrid(link.url) : null), [link.url]);
  const who = link.learner ?? 'everyone';
  const subject = `Crosswalk training assigned${assignment.due ? `, due ${assignment.due}` : ''}`;
  const body = [
    `Hello${link.learner ? ` ${link.learner}` : ''},`,
    '',
    `Please complete this training in Crosswalk (${libraryName}). Open the link to see what is assigned and accept it:`,
    '',
    link.url,
    '',
    `When you have finished, open My progress, choose “Send your record to ${assignment.by}” on the assignment, and send me the record file or code.`,
    '',
    assignment.by,
  ].join('\n');

  const onCopy = async () => setCopied((await copyText(link.url)) ? 'yes' : 'no');

  return (
    <article className="link-card" aria-labelledby={`${fieldId}-title`}>
      <h3 id={`${fieldId}-title`}>
        <span className="print-only-inline">
          <bdi>{libraryName}</bdi> · Crosswalk training:{' '}
        </span>
        {index + 1}. For <bdi>{who}</bdi>
      </h3>
      <p className="print-only">
        <strong>From:</strong> <bdi>{assignment.by}</bdi>
        {assignment.due && (
          <>
            {' '}
            · <strong>Due:</strong> {formatDay(assignment.due)}
          </>
        )}
      </p>
      {assignment.note && (
        <p className="print-only" dir="auto">
          {assignment.note}
        </p>
      )}
      <ol className="print-only">
        {assignment.modules.map((id) => (
          <li key={id}>{titles.get(id) ?? id}</li>
        ))}
      </ol>
      <div className="link-card__body">
        <div className="link-card__text">
          <label htmlFor={fieldId} className="no-print">
            Link
          </label>
          <textarea id={fieldId} className="link-card__url no-print" readOnly rows={3} value={link.url} onFocus={(e) => e.currentTarget.select()} />
          <p className="print-only">
            <strong>To start:</strong> scan the QR code with your phone’s camera, or open the link in the email you were sent, in the browser you use for the course. Then
            choose “Accept this assignment”.
          </p>
          <p className="print-only">
            <strong>When you have finished:</strong> open <em>My progress</em>, choose “Send your record to <bdi>{assignment.by}</bdi>” on this assignment, and send the
            record file or code it gives you by email or chat. Your supervisor adds it on their Team page.
          </p>
          <p className="field__hint no-print">
            {link.url.length.toLocaleString('en-US')} characters.{' '}
            {link.url.length <= COMFORTABLE_CHARS ? 'Short enough for email and for the QR code.' : 'Long: it still works, but a shorter note or fewer modules make it easier to send.'}
          </p>
          <div className="actions no-print">
            <button type="button" onClick={onCopy}>
              Copy link
            </button>
            <a className="button button--quiet" href={mailtoHref(subject, body)}>
              Email it
            </a>
          </div>
          <p className="status-line" role="status">
            {copied === 'yes' && 'Copied.'}
            {copied === 'no' && 'Your browser did not allow copying: select the link above and copy it by hand.'}
          </p>
        </div>
        {grid && (
          <svg className="qr" viewBox={`-4 -4 ${grid.size + 8} ${grid.size + 8}`} role="img" aria-label={`QR code of the link for ${who}`} shapeRendering="crispEdges">
            <rect x={-4} y={-4} width={grid.size + 8} height={grid.size + 8} fill="#fff" />
            <path d={qrPath(grid)} fill="#000" />
          </svg>
        )}
      </div>
    </article>
  );
}
