/**
 * /certificate/#R1…: a printable certificate of a completion record. It shows only what the
 * record says, validated like any import, and says on its face that it is self-reported.
 * Laid out to print on one page (see the print rules in tools.css and certificate.astro).
 *
 * /certificate/?path=<id> or ?module=<id> (the links a completed path or module offers): the
 * learner types the name to print and the record is made here from their own progress, the
 * same record "Send a completion record" makes; its code then goes into the fragment.
 */
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useStore } from '@nanostores/react';
import { $progress } from '../../stores/progress';
import { $profiles } from '../../stores/profiles';
import { learnerId } from '../../stores/assigned';
import { buildRecord, recordCode } from '../../lib/supervisor/record';
import { formatDay } from '../../lib/supervisor/assignment';
import { fragmentText } from '../../lib/encoding/fragment';
import type { CourseManifest } from '../../lib/site/manifest';
import { openRecord, recordChecksum, type CompletionRecord } from '../../lib/supervisor/record';
import { CELL_LABELS } from '../../lib/supervisor/team';
import './tools.css';

interface Props {
  manifest: CourseManifest;
  libraryName: string;
  base: string;
}

export default function CertificatePage({ manifest, libraryName, base }: Props) {
  const [hash, setHash] = useState<string | null>(null);
  useEffect(() => {
    const read = () => setHash(fragmentText(location.hash));
    read();
    window.addEventListener('hashchange', read);
    return () => window.removeEventListener('hashchange', read);
  }, []);
  const opened = useMemo(() => (hash ? openRecord(hash) : null), [hash]);
  const titles = useMemo(() => new Map(manifest.modules.map((m) => [m.id, m.title])), [manifest]);

  if (hash === null) return <p role="status">Opening the certificate…</p>;
  if (!opened) {
    const scope = certificateScope(manifest, location.search);
    if (scope) return <MakeCertificate manifest={manifest} scope={scope} />;
  }
  if (!opened || !opened.ok) {
    return (
      <div className="tool">
        <div className="problem" role="alert">
          <p>
            <strong>There is no certificate to show.</strong>
          </p>
          <p>{opened ? opened.message : 'This page shows the certificate of a completion record. Make one on My progress, under "Send a completion record", and choose "Open the certificate".'}</p>
        </div>
        <p>
          <a href={`${base}progress/`}>Go to My progress</a>
        </p>
      </div>
    );
  }

  const { record } = opened;
  const complete = record.modules.filter((m) => m.status === 'complete' || m.status === 'updated');
  const notYet = record.modules.length - complete.length;
  return <Certificate record={record} complete={complete} notYet={notYet} titles={titles} libraryName={libraryName} />;
}

type RecordModule = CompletionRecord['modules'][number];

/** What a ?path= or ?module= link asks a certificate for, if the course has it. */
function certificateScope(manifest: CourseManifest, search: string): { title: string; modules: CourseManifest['modules'] } | null {
  const query = new URLSearchParams(search);
  const pathId = query.get('path');
  const moduleId = query.get('module');
  const path = pathId ? manifest.paths.find((p) => p.id === pathId) : undefined;
  if (path) return { title: `the ${path.title} path`, modules: path.modules.map((id) => manifest.modules.find((m) => m.id === id)).filter((m) => m !== undefined) };
  const module = moduleId ? manifest.modules.find((m) => m.id === moduleId) : undefined;
  if (module) return { title: `the module “${module.title}”`, modules: [module] };
  return null;
}

/** The learner's own certificate: a name to print, then the record of their progress. */
function MakeCertificate({ manifest, scope }: { manifest: CourseManifest; scope: NonNullable<ReturnType<typeof certificateScope>> }) {
  const ids = { name: useId(), error: useId() };
  const profiles = useStore($profiles);
  const progress = useStore($progress);
  const profileName = profiles.profiles.find((p) => p.id === profiles.activeId)?.name ?? '';
  const [name, setName] = useState(profileName === 'Me' ? '' : profileName);
  const [error, setError] = useState('');
  const make = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError('Type the name to print on the certificate.');
      document.getElementById(ids.name)?.focus();
      return;
    }
    const record = buildRecord({ learner: name, learnerId: learnerId(), issued: new Date().toISOString(), course: manifest.version, progress, modules: scope.modules });
    location.hash = recordCode(record);
  };
  return (
    <form className="tool" onSubmit={make} noValidate>
      <p>A certificate of {scope.title}, from the progress kept in this browser.</p>
      <p>
        <label htmlFor={ids.name}>Name to print on the certificate</label>
        <br />
        <input id={ids.name} value={name} onChange={(e) => setName(e.currentTarget.value)} autoComplete="name" aria-invalid={error ? true : undefined} aria-describedby={error ? ids.error : undefined} />
      </p>
      {error && (
        <p id={ids.error} className="problem" role="alert">
          {error}
        </p>
      )}
      <p>
        <button type="submit">Show the certificate</button>
      </p>
    </form>
  );
}

function Certificate({ record, complete, notYet, titles, libraryName }: { record: CompletionRecord; complete: RecordModule[]; notYet: number; titles: Map<string, string>; libraryName: string }) {
  return (
    <div className="tool">
      <p className="no-print actions">
        <button type="button" onClick={() => window.print()}>
          Print or save as PDF
        </button>
      </p>
      <article className="certificate" aria-labelledby="certificate-name">
        <p className="certificate__small">Record of course completion · Crosswalk, peer-support skills for library staff · {libraryName}</p>
        {/* Isolated: a name written right to left (or with a stray override) stays within itself. */}
        <h2 id="certificate-name">
          <bdi>{record.learner}</bdi>
        </h2>
        <p>
          completed {complete.length} of {record.modules.length} module{record.modules.length === 1 ? '' : 's'}, as recorded on {formatDay(record.issued.slice(0, 10))}
          {record.assignment?.due ? `, for an assignment due ${formatDay(record.assignment.due)}` : ''}.
        </p>
        {complete.length === 0 ? <p>No module of this record is complete yet.</p> : (
        <table>
          <thead>
            <tr>
              <th scope="col">Module</th>
              <th scope="col">Status</th>
              <th scope="col">Best score</th>
              <th scope="col">Completed</th>
            </tr>
          </thead>
          <tbody>
            {complete.map((m) => (
              <tr key={m.id}>
                <td>{titles.get(m.id) ?? m.id}</td>
                <td>{CELL_LABELS[m.status]}</td>
                <td>{m.best === undefined ? 'No attempt' : `${m.best}%`}</td>
                <td>{m.completedOn ? formatDay(m.completedOn) : 'Not yet'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        )}
        {notYet > 0 && complete.length > 0 && (
          <p className="certificate__small">
            {notYet} other module{notYet === 1 ? '' : 's'} of this record {notYet === 1 ? 'is' : 'are'} not complete and {notYet === 1 ? 'is' : 'are'} not listed.
          </p>
        )}
        <p>
          Verification code: <code data-verification-code>{recordChecksum(record)}</code>
        </p>
        <p className="certificate__small">
          Self-reported: this certificate shows what the learner's own browser recorded. The verification code (also the end of the record code) catches accidental damage, not forgery. Course edition{' '}
          {record.course}. Crosswalk teaches peer-support skills for library work; it does not certify anyone as a peer specialist.
        </p>
      </article>
    </div>
  );
}
