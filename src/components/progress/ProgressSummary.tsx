/**
 * The top of My progress: each path's share done (and its certificate once earned), what is
 * due (assignments, review). Its rows are written before the stores are read, with the same
 * size, so filling them in moves nothing below (CLS, issue 20).
 */
import { useStore } from '@nanostores/react';
import { useMemo, type ReactNode } from 'react';
import type { CourseManifest } from '../../lib/site/manifest';
import { assignmentStandings } from '../../lib/learner/assigned';
import { dueCount } from '../../lib/learner/review';
import { localDay } from '../../lib/supervisor/assignment';
import { pathHref, withBase } from '../../lib/site/urls';
import { $assigned } from '../../stores/assigned';
import { $progress } from '../../stores/progress';
import { $deck } from '../../stores/review';
import { completeText, pathSummaries } from './progress-view';

interface Props {
  manifest: CourseManifest;
  base: string;
}

/** The rows with nothing read yet: what the server writes, and what the first render shows. */
export function ProgressSummaryFrame({ manifest, base, children, certificate }: Props & { children?: (pathId: string) => ReactNode; certificate?: (pathId: string) => ReactNode }) {
  return (
    <ul className="summary-paths">
      {manifest.paths.map((path) => (
        <li key={path.id} className="summary-path" data-path-id={path.id}>
          <span className="summary-path__head">
            <a className="summary-path__title" href={withBase(base, pathHref(path.id))}>
              {path.title}
            </a>
            {certificate?.(path.id)}
          </span>
          {children ? children(path.id) : <span className="summary-path__state">…</span>}
        </li>
      ))}
    </ul>
  );
}

export function ProgressSummary({ manifest, base }: Props) {
  const progress = useStore($progress);
  const assigned = useStore($assigned);
  const deck = useStore($deck);
  const summaries = useMemo(() => new Map(pathSummaries(manifest, progress).map((s) => [s.id, s])), [manifest, progress]);
  const facts = useMemo(() => new Map(manifest.modules.map((m) => [m.id, m])), [manifest]);
  const dueAssignments = assignmentStandings(assigned, progress, facts, localDay(new Date())).filter((s) => ['overdue', 'due-today', 'due-soon'].includes(s.due));
  // Cards of modules the course still has (a removed module's questions are never due).
  const known = new Set(Object.keys(deck.cards).filter((id) => facts.has(id.split('/')[0]!)));
  const reviewDue = dueCount(deck, new Date(), known);
  return (
    <>
      <ProgressSummaryFrame
        manifest={manifest}
        base={base}
        certificate={(pathId) =>
          summaries.get(pathId)!.done && (
            <a className="summary-path__certificate" href={`${withBase(base, 'certificate/')}?path=${encodeURIComponent(pathId)}`}>
              Get your certificate
            </a>
          )
        }
      >
        {(pathId) => {
          const s = summaries.get(pathId)!;
          return (
            <span className="summary-path__state">
              <progress max={1} value={s.fraction} aria-label={`Progress in ${s.title}`} />
              <span>{completeText(s.complete, s.total)}</span>
            </span>
          );
        }}
      </ProgressSummaryFrame>
      <p className="summary-due" data-summary-due>
        {dueAssignments.length > 0 && (
          <>
            <a href="#assignments-heading">
              {dueAssignments.length} assignment{dueAssignments.length === 1 ? '' : 's'} due soon or overdue
            </a>
            {' · '}
          </>
        )}
        {reviewDue > 0 ? (
          <a href={withBase(base, 'review/')}>
            {reviewDue} question{reviewDue === 1 ? '' : 's'} due for review
          </a>
        ) : (
          <span>No questions due for review today.</span>
        )}
      </p>
    </>
  );
}
