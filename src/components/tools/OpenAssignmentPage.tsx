/**
 * /assign/open/#A1…: the learner's side of an assignment link. Shows what was assigned, by whom
 * and by when, and asks before keeping anything. A damaged, altered, oversized or newer-format
 * link gets a sentence saying what is wrong, and nothing is stored.
 *
 * Everything shown from the link is rendered as React text: names and notes are never HTML.
 */
import { useEffect, useMemo, useState } from 'react';
import { useStore } from '@nanostores/react';
import { formatDay, openAssignment, type OpenedAssignment } from '../../lib/supervisor/assignment';
import { fragmentText } from '../../lib/encoding/fragment';
import type { CourseManifest } from '../../lib/site/manifest';
import { $assigned, accept } from '../../stores/assigned';
import './tools.css';

interface Props {
  manifest: CourseManifest;
  base: string;
}

export default function OpenAssignmentPage({ manifest, base }: Props) {
  const [hash, setHash] = useState<string | null>(null);
  const [accepted, setAccepted] = useState<'' | 'accepted' | 'updated' | 'full'>('');
  const assigned = useStore($assigned);
  const known = useMemo(() => new Set(manifest.modules.map((m) => m.id)), [manifest]);
  const titles = useMemo(() => new Map(manifest.modules.map((m) => [m.id, m.title])), [manifest]);

  useEffect(() => {
    const read = () => {
      setHash(fragmentText(location.hash));
      setAccepted('');
    };
    read();
    window.addEventListener('hashchange', read);
    return () => window.removeEventListener('hashchange', read);
  }, []);

  const opened: OpenedAssignment | null = useMemo(() => (hash === null ? null : openAssignment(hash, known)), [hash, known]);

  if (opened === null) return <p role="status">Opening the assignment…</p>;

  if (!opened.ok) {
    return (
      <div className="tool">
        <div className="problem" role="alert" data-assignment-problem={opened.problem}>
          <p>
            <strong>This assignment link could not be opened.</strong>
          </p>
          <p>{hash ? opened.message : 'The link has no assignment in it. Open the whole link you were sent: the part after the # sign carries the assignment.'}</p>
          <p>Nothing has been saved.</p>
        </div>
        <p>
          You can still <a href={`${base}modules/`}>browse the modules</a> or go to <a href={`${base}progress/`}>My progress</a>.
        </p>
      </div>
    );
  }

  const { assignment, unknownModules } = opened;
  const already = assigned.items.some((i) => i.assignment.id === assignment.id);

  const onAccept = () => setAccepted(accept(assignment));

  return (
    <div className="tool" data-assignment-ready>
      <section aria-labelledby="assignment-heading" className="ok-box">
        {/* Names from the link, isolated: one written right to left cannot turn the heading around. */}
        <h2 id="assignment-heading">
          {assignment.for ? (
            <>
              For <bdi>{assignment.for}</bdi>, from <bdi>{assignment.by}</bdi>
            </>
          ) : (
            <>
              From <bdi>{assignment.by}</bdi>
            </>
          )}
        </h2>
        <dl className="assignment-facts">
          <dt>Due</dt>
          <dd>{assignment.due ? formatDay(assignment.due) : 'No due date'}</dd>
          <dt>Made on</dt>
          <dd>{formatDay(assignment.created)}</dd>
          {assignment.pathId && (
            <>
              <dt>Path</dt>
              <dd>{manifest.paths.find((p) => p.id === assignment.pathId)?.title ?? assignment.pathId}</dd>
            </>
          )}
        </dl>
        {assignment.note && (
          <>
            <h3>Note</h3>
            <p className="assignment-note" dir="auto">
              {assignment.note}
            </p>
          </>
        )}
        <h3>
          {assignment.modules.length} module{assignment.modules.length === 1 ? '' : 's'}
        </h3>
        <ol>
          {assignment.modules.map((id) => (
            <li key={id}>
              <a href={`${base}modules/${id}/`}>{titles.get(id)}</a>
            </li>
          ))}
        </ol>
        {unknownModules.length > 0 && (
          <p className="warning">
            {unknownModules.length} module{unknownModules.length === 1 ? ' in this assignment is' : 's in this assignment are'} not in this edition of the course and
            {unknownModules.length === 1 ? ' was' : ' were'} left out. Tell the person who sent it.
          </p>
        )}
      </section>

      {accepted === '' ? (
        <div>
          <p>
            Accepting keeps this assignment in this browser, under your current profile, so My progress and the home page can show what is due. Nothing is sent to <bdi>{assignment.by}</bdi> or
            anyone else: when you have finished, you send your completion record from My progress yourself.
          </p>
          <button type="button" onClick={onAccept}>
            {already ? 'Accept again (update it)' : 'Accept this assignment'}
          </button>
        </div>
      ) : (
        <p role="status" className="ok-box" tabIndex={-1}>
          {accepted === 'full'
            ? 'You already have as many assignments as this browser keeps. Remove a finished one on My progress, then open this link again.'
            : accepted === 'updated'
              ? 'Updated: your copy of this assignment now matches this link.'
              : 'Accepted. It is on your home page and on My progress.'}{' '}
          {accepted !== 'full' && <a href={`${base}modules/${assignment.modules[0]}/`}>Start the first module</a>}
          {accepted !== 'full' && ' · '}
          <a href={`${base}progress/`}>My progress</a>
        </p>
      )}
    </div>
  );
}

