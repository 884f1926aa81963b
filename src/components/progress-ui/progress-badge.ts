/**
 * Progress badges from the learner's saved progress (ProgressBadge.astro), kept up to date as it
 * changes, here or in another tab. Loaded only when something is stored.
 */
import { $progress } from '../../stores/progress';
import { moduleProgress, pathProgress, STATUS_LABELS, type ModuleFacts } from '../../lib/learner/progress';
import { showBadge } from './progress-badge-view';

function render(badge: HTMLElement): void {
  const modules = JSON.parse(badge.dataset.modules!) as ModuleFacts[];
  const progress = $progress.get();
  if (badge.dataset.progressBadge === 'module') {
    const p = moduleProgress(progress, modules[0]!);
    let text = `${STATUS_LABELS[p.status]}`;
    if (p.status === 'in-progress') text += ` · ${p.lessonsRead} of ${p.lessonsTotal} lessons read${p.passed ? ', check passed' : ''}`;
    if (p.bestRatio !== null && p.status !== 'not-started') text += ` · best score ${Math.round(p.bestRatio * 100)}%`;
    showBadge(badge, p.fraction, text, p.status);
  } else {
    const p = pathProgress(progress, modules);
    showBadge(badge, p.fraction, `${p.complete} of ${p.total} module${p.total === 1 ? '' : 's'} complete`);
  }
}

export function showProgressBadges(badges: HTMLElement[]): void {
  $progress.subscribe(() => badges.forEach(render));
}
