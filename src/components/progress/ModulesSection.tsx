/**
 * Every module once, with the paths it belongs to, its status in words, lessons read, best
 * score and completion date. A list rather than a table: it reads the same at 360px as at
 * 1280px. Folded until opened: the summary above says how far each path is.
 */
import { useStore } from '@nanostores/react';
import type { CourseManifest } from '../../lib/site/manifest';
import { withBase, moduleHref } from '../../lib/site/urls';
import { $progress } from '../../stores/progress';
import { dateText, modulesOnce, type ModuleWithPaths } from './progress-view';

interface Props {
  manifest: CourseManifest;
  base: string;
}

const Dash = ({ words }: { words: string }) => (
  <>
    <span aria-hidden="true">—</span>
    <span className="visually-hidden">{words}</span>
  </>
);

function ModuleItem({ row, base }: { row: ModuleWithPaths; base: string }) {
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
          <dd>{row.bestScoreText === '—' ? <Dash words="no attempt yet" /> : row.bestScoreText}</dd>
        </div>
        <div>
          <dt>Completed</dt>
          <dd>{row.completedAt ? <time dateTime={row.completedAt}>{dateText(row.completedAt)}</time> : <Dash words="not yet" />}</dd>
        </div>
        {row.paths.length > 0 && (
          <div className="module-row__paths">
            <dt>In</dt>
            <dd>{row.paths.join(', ')}</dd>
          </div>
        )}
      </dl>
    </li>
  );
}

export function ModulesSection({ manifest, base }: Props) {
  const progress = useStore($progress);
  const rows = modulesOnce(manifest, progress);
  const started = rows.filter((r) => r.status !== 'not-started').length;
  return (
    <ul className="module-list" aria-label={`Modules: ${started} of ${rows.length} started`}>
      {rows.map((row) => (
        <ModuleItem key={row.id} row={row} base={base} />
      ))}
    </ul>
  );
}
