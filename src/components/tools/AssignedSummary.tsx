/**
 * Home page line for accepted assignments: how many, how many overdue, and the next due date,
 * in words. Renders nothing until mounted (the server cannot know) and nothing when there are none.
 */
import { useEffect, useMemo, useState } from 'react';
import { useStore } from '@nanostores/react';
import { DUE_LABELS, assignmentStandings } from '../../lib/assigned';
import { formatDay, localDay } from '../../lib/assignment';
import type { ModuleFacts } from '../../lib/progress';
import { $assigned } from '../../stores/assigned';
import { $progress } from '../../stores/progress';

interface Props {
  modules: ModuleFacts[];
  base: string;
}

export default function AssignedSummary({ modules, base }: Props) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const assigned = useStore($assigned);
  const progress = useStore($progress);
  const facts = useMemo(() => new Map(modules.map((m) => [m.id, m])), [modules]);
  if (!mounted) return null;
  const open = assignmentStandings(assigned, progress, facts, localDay(new Date())).filter((s) => s.due !== 'done');
  if (open.length === 0) return null;
  const overdue = open.filter((s) => s.due === 'overdue').length;
  const first = open[0]!;
  return (
    <section className="card assigned-summary" aria-labelledby="assigned-summary-heading" data-assigned-summary>
      <h2 id="assigned-summary-heading">Assigned to you</h2>
      <p>
        {open.length} assignment{open.length === 1 ? '' : 's'} open{overdue > 0 ? `, ${overdue} overdue` : ''}. Next: from {first.item.assignment.by}, {first.complete} of {first.total} modules
        complete — <strong>{DUE_LABELS[first.due]}</strong>
        {first.item.assignment.due && first.due !== 'none' ? ` (${formatDay(first.item.assignment.due)})` : ''}.
      </p>
      <a className="button" href={`${base}progress/`}>
        See your assignments
      </a>
    </section>
  );
}
