/**
 * The home page's line about open assignments (AssignedSummary.astro). Loaded only when
 * something is stored.
 */
import { $assigned } from '../../stores/assigned';
import { $progress } from '../../stores/progress';
import { DUE_LABELS, assignmentStandings } from '../../lib/learner/assigned';
import { formatDay, localDay } from '../../lib/supervisor/assignment';
import type { ModuleFacts } from '../../lib/learner/progress';

export function showAssignedSummary(box: HTMLElement): void {
  const text = box.querySelector<HTMLElement>('[data-assigned-text]')!;
  // The modules' facts (module-facts.json) are fetched only once there is an assignment: with
  // none, the box stays hidden and every visitor is spared the course's module list.
  let facts: Map<string, ModuleFacts> | undefined;
  let fetching: Promise<void> | undefined;
  const render = () => {
    const assigned = $assigned.get();
    if (assigned.items.length === 0) {
      box.hidden = true;
      return;
    }
    if (!facts) {
      // A failed fetch leaves the box hidden (the progress page has the details) and is tried again on the next change.
      fetching ??= fetch(box.dataset.modulesHref!)
        .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`module facts: HTTP ${r.status}`))))
        .then((list: ModuleFacts[]) => {
          facts = new Map(list.map((m) => [m.id, m]));
          render();
        })
        .catch(() => {
          fetching = undefined;
        });
      return;
    }
    const open = assignmentStandings(assigned, $progress.get(), facts, localDay(new Date())).filter((s) => s.due !== 'done');
    box.hidden = open.length === 0;
    if (open.length === 0) return;
    const overdue = open.filter((s) => s.due === 'overdue').length;
    const first = open[0]!;
    const due = first.item.assignment.due && first.due !== 'none' ? ` (${formatDay(first.item.assignment.due)})` : '';
    text.textContent =
      `${open.length} assignment${open.length === 1 ? '' : 's'} open${overdue ? `, ${overdue} overdue` : ''}. ` +
      `Next: from ${first.item.assignment.by}, ${first.complete} of ${first.total} modules complete: ${DUE_LABELS[first.due]}${due}.`;
  };
  $assigned.subscribe(render);
  $progress.listen(render);
}
