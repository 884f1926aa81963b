/**
 * The team as CSV for a spreadsheet, in two shapes: wide (one row per person, a group of columns
 * per module) and long (one row per person and module, which sorts and filters well). UTF-8 with
 * a byte-order mark, so Excel reads "José Núñez" as written; CRLF line ends; every cell quoted,
 * and any cell a spreadsheet would run as a formula made inert (csvCell).
 */
import { csvCell } from './team';
import { CELL_TEXT, STATUS_LABELS, daysLateText, type Person, type ViewCourse } from './team-view';

const BOM = '\uFEFF';

const personColumns = ['Learner', 'Learner id', 'Roster id', 'Assignment', 'Due', 'Status', 'Overdue', 'Assigned modules complete', 'Assigned modules', 'Lessons read', 'Lessons in assigned modules', 'Record made', 'Course edition'];

function personCells(p: Person): string[] {
  return [
    p.name,
    p.learnerIds.join(' '),
    p.rosterId ?? '',
    p.assignment ?? 'Not on the roster',
    p.due ?? '',
    p.record ? STATUS_LABELS[p.status] : 'No record yet',
    p.overdue ? daysLateText(p.daysLate) : '',
    String(p.complete),
    String(p.counted.length),
    String(p.lessonsRead),
    String(p.lessonsTotal),
    p.record ? p.record.issued.slice(0, 10) : '',
    p.record?.course ?? '',
  ];
}

const join = (lines: string[][]) => BOM + lines.map((line) => line.map(csvCell).join(',')).join('\r\n') + '\r\n';

/** One row per person; for each shown module: status, lessons read, best score, passed on, completed on. */
export function teamCsvWide(people: Person[], columns: string[], course: ViewCourse): string {
  const title = new Map(course.modules.map((m) => [m.id, m.title]));
  const header = [...personColumns, ...columns.flatMap((id) => {
    const t = title.get(id) ?? id;
    return [`${t}: status`, `${t}: lessons read`, `${t}: best score (%)`, `${t}: passed on`, `${t}: completed on`];
  })];
  const lines = people.map((p) => [
    ...personCells(p),
    ...p.cells.flatMap((c) => [`${CELL_TEXT[c.state]}${c.overdue ? ' · overdue' : ''}`, c.lessonsRead === undefined ? '' : String(c.lessonsRead), c.best === undefined ? '' : String(c.best), c.passedOn ?? '', c.completedOn ?? '']),
  ]);
  return join([header, ...lines]);
}

/** One row per person and shown module. */
export function teamCsvLong(people: Person[], columns: string[], course: ViewCourse): string {
  const title = new Map(course.modules.map((m) => [m.id, m.title]));
  const header = [...personColumns, 'Module', 'Module id', 'Assigned', 'Module status', 'Module lessons read', 'Best score (%)', 'Passed on', 'Completed on'];
  const lines = people.flatMap((p) =>
    p.cells.map((c, i) => [
      ...personCells(p),
      title.get(columns[i]!) ?? c.moduleId,
      c.moduleId,
      c.assigned ? 'yes' : 'no',
      `${CELL_TEXT[c.state]}${c.overdue ? ' · overdue' : ''}`,
      c.lessonsRead === undefined ? '' : String(c.lessonsRead),
      c.best === undefined ? '' : String(c.best),
      c.passedOn ?? '',
      c.completedOn ?? '',
    ]),
  );
  return join([header, ...lines]);
}
