/**
 * /certificate/#R1…: a printable certificate of a completion record. It shows only what the
 * record says, validated like any import, and says on its face that it is self-reported.
 * Laid out to print on one page (see the print rules in tools.css and certificate.astro).
 */
import { useEffect, useMemo, useState } from 'react';
import { formatDay } from '../../lib/supervisor/assignment';
import { fragmentText } from '../../lib/encoding/fragment';
import type { CourseManifest } from '../../lib/site/manifest';
import { openRecord, recordChecksum } from '../../lib/supervisor/record';
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
            {record.modules.map((m) => (
              <tr key={m.id}>
                <td>{titles.get(m.id) ?? m.id}</td>
                <td>{CELL_LABELS[m.status]}</td>
                <td>{m.best === undefined ? 'No attempt' : `${m.best}%`}</td>
                <td>{m.completedOn ? formatDay(m.completedOn) : 'Not yet'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="certificate__small">
          Self-reported: this certificate shows what the learner's own browser recorded. Its checksum ({recordChecksum(record)}) catches accidental damage, not forgery. Course edition{' '}
          {record.course}. Crosswalk teaches peer-support skills for library work; it does not certify anyone as a peer specialist.
        </p>
      </article>
    </div>
  );
}
