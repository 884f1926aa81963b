/**
 * Progress by path: for each path a bar and "N of M modules complete", then each
 * module's status in words, lessons read, best score and completion date.
 * A list of modules rather than a table: it reads the same at 360px as at 1280px.
 */
import { useStore } from '@nanostores/react';
import type { CourseManifest } from '../../lib/site/manifest';
import { withBase, moduleHref } from '../../lib/site/urls';
import { $progress } from '../../stores/progress';
import { completeText, dateText, progressGroups, type ModuleRow } from './progress-view';

interface Props {
  manifest: CourseManifest;
  base: string;
}

function ModuleItem({ row, base }: { row: ModuleRow; base: string }) {
  return (
    <li className="module-row" data-module-id={row.id} data-status={row.status}>
      <a className="module-row__title" href={withBase(base, moduleHref(row.id))}>
        {row.title}
      </a>
      <dl className="module-row__facts">
        <div>
          <dt>Status</dt>
          <dd className="module-row__status">{row.statusText}</dd>
        </div>
        <div>
          <dt>Lessons read</dt>
          <dd>{row.lessonsText}</dd>
        </div>
        <div>
          <dt>Best score</dt>
          <dd>
            {row.bestScoreText === '—' ? (
              <>
                <span aria-hidden="true">—</span>
                <span className="visually-hidden">no attempt yet</span>
              </>
            ) : (
              row.bestScoreText
            )}
          </dd>
        </div>
        <div>
          <dt>Completed</dt>
          <dd>
            {row.completedAt ? (
              <time dateTime={row.completedAt}>{dateText(row.completedAt)}</time>
            ) : (
              <>
                <span aria-hidden="true">—</span>
                <span className="visually-hidden">not yet</span>
              </>
            )}
          </dd>
        </div>
      </dl>
    </li>
  );
}

export function PathProgressSection({ manifest, base }: Props) {
  const progress = useStore($progress);
  const groups = progressGroups(manifest, progress);

  return (
    <section className="card progress-section" aria-labelledby="paths-heading">
      <h2 id="paths-heading">Progress by path</h2>
      <p className="meta">A module is complete when you have read every lesson and passed its check.</p>
      {groups.length === 0 && <p>This course has no modules yet.</p>}
      {groups.map((group) => {
        const headingId = `path-${group.id}`;
        return (
          <div className="path-group" key={group.id} data-path-id={group.id}>
            <h3 id={headingId}>{group.title}</h3>
            <div className="path-group__summary">
              <progress max={1} value={group.fraction} aria-label={`Progress in ${group.title}`} />
              <span>{completeText(group.complete, group.total)}</span>
            </div>
            <ul className="module-list" aria-labelledby={headingId}>
              {group.modules.map((row) => (
                <ModuleItem key={row.id} row={row} base={base} />
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
