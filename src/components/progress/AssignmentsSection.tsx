/**
 * Assignments this learner accepted from a link: who sent each, when it is due (in words:
 * "Overdue", never colour alone), and how far along they are. Each offers "Send your record to
 * <supervisor>": the record section below, set to that assignment and the name it was made for.
 */
import { useStore } from '@nanostores/react';
import { useMemo } from 'react';
import { DUE_LABELS, assignmentStandings } from '../../lib/learner/assigned';
import { formatDay, localDay } from '../../lib/supervisor/assignment';
import type { CourseManifest } from '../../lib/site/manifest';
import { moduleHref, withBase } from '../../lib/site/urls';
import { $assigned, dismissAssignment } from '../../stores/assigned';
import { $progress } from '../../stores/progress';
import { completeText } from './progress-view';
import { requestRecord } from './record-request';

interface Props {
  manifest: CourseManifest;
  base: string;
}

export function AssignmentsSection({ manifest, base }: Props) {
  const assigned = useStore($assigned);
  const progress = useStore($progress);
  const facts = useMemo(() => new Map(manifest.modules.map((m) => [m.id, m])), [manifest]);
  const standings = assignmentStandings(assigned, progress, facts, localDay(new Date()));

  return (
    <section className="card progress-section" aria-labelledby="assignments-heading" data-section="assignments">
      <h2 id="assignments-heading">Assigned to you</h2>
      {standings.length === 0 ? (
        <p>Nothing assigned yet. When a supervisor sends you an assignment link, open it and accept it, and it appears here with its due date.</p>
      ) : (
        <ul className="assignment-list">
          {standings.map(({ item, complete, total, due }) => (
            <li key={item.assignment.id} className="assignment-item" data-assignment-id={item.assignment.id} data-due-state={due}>
              <p>
                {/* Names from the link, isolated: one written right to left cannot turn the sentence around. */}
                <strong>
                  From <bdi>{item.assignment.by}</bdi>
                </strong>
                {item.assignment.for && (
                  <>
                    , for <bdi>{item.assignment.for}</bdi>
                  </>
                )}
              </p>
              <p>
                <span className={`due-badge due-badge--${due}`}>{DUE_LABELS[due]}</span>
                {item.assignment.due && due !== 'none' && ` · due ${formatDay(item.assignment.due)}`} · {completeText(complete, total)}
              </p>
              {item.assignment.note && (
                <p className="assignment-note" dir="auto">
                  {item.assignment.note}
                </p>
              )}
              <progress max={Math.max(total, 1)} value={complete} aria-label={`${completeText(complete, total)} in this assignment`} />
              <ol>
                {item.assignment.modules
                  .filter((id) => facts.has(id))
                  .map((id) => (
                    <li key={id}>
                      <a href={withBase(base, moduleHref(id))}>{facts.get(id)!.title}</a>
                    </li>
                  ))}
              </ol>
              <div className="actions">
                <button type="button" onClick={() => requestRecord(item.assignment.id)} data-send-record>
                  Send your record to <bdi>{item.assignment.by}</bdi>
                </button>
              </div>
              <button type="button" className="button--quiet" onClick={() => dismissAssignment(item.assignment.id)}>
                Remove this assignment<span className="visually-hidden"> (from <bdi>{item.assignment.by}</bdi>)</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
