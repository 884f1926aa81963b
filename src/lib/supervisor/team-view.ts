/**
 * What the Team page shows: one row per person, from the roster (everyone assigned) and the
 * records that came back, counted against each person's own assignment. Pure: the page renders
 * it, the CSV writes it.
 *
 * - A record lands on a roster entry when it carries that entry's assignment id, or the learner
 *   id a previous record linked to it. Records that land on no entry are rows of their own,
 *   marked "not on the roster", which the supervisor can add.
 * - Two records with the same name and different learner ids are a possible duplicate until the
 *   supervisor says "same person" (shown as one row, the newest record) or "different people".
 * - A module counts as complete when the record says so for this site's edition of it
 *   (src/lib/course/edition.ts): a record from another edition shows "complete, earlier
 *   edition" only for modules whose edition really changed.
 */
import { daysBetween } from './assignment';
import type { CompletionRecord, RecordModule } from './record';
import { pairKey, type RosterEntry, type RosterState } from './roster';
import type { TeamState } from './team';

export interface ViewModule {
  id: string;
  title: string;
  /** This site's edition of the module. */
  contentHash: string;
  textHash?: string;
  lessonsTotal: number;
}

export interface ViewCourse {
  version: string;
  modules: ViewModule[];
  paths: { id: string; title: string; modules: string[] }[];
}

export type CellState = 'complete' | 'updated' | 'in-progress' | 'not-started' | 'no-record' | 'not-reported';
export type PersonStatus = 'not-started' | 'in-progress' | 'complete';
export type StatusFilter = 'all' | 'not-started' | 'in-progress' | 'complete' | 'overdue' | 'no-record' | 'duplicates';

export interface PersonCell {
  moduleId: string;
  state: CellState;
  /** Assigned to this person, and not complete after the due date. */
  overdue: boolean;
  assigned: boolean;
  lessonsRead?: number;
  best?: number;
  passedOn?: string;
  completedOn?: string;
}

export interface Person {
  /** Stable row key: the roster id, else the learner id. */
  key: string;
  rosterId?: string;
  /** Learner ids of the records shown in this row (more than one after "same person, merge"). */
  learnerIds: string[];
  name: string;
  /** The assignment: a path's title, or "N chosen modules"; absent for a record not on the roster. */
  assignment?: string;
  pathId?: string;
  due?: string;
  record?: CompletionRecord;
  /** Module ids counted for this person: their assignment's, else what their record reports. */
  counted: string[];
  complete: number;
  /** Modules complete in an earlier edition (not counted as complete). */
  earlierEdition: number;
  lessonsRead: number;
  lessonsTotal: number;
  status: PersonStatus;
  overdue: boolean;
  /** Whole days past the due date, when overdue. */
  daysLate: number;
  onRoster: boolean;
  /** The record comes from another edition of the course (its `course` differs from this site's). */
  otherEdition: boolean;
  cells: PersonCell[];
}

export interface Duplicate {
  name: string;
  a: { learnerId: string; key: string; issued: string };
  b: { learnerId: string; key: string; issued: string };
}

export interface TeamView {
  people: Person[];
  duplicates: Duplicate[];
  summary: { people: number; assigned: number; onTrack: number; overdue: number; complete: number; noRecord: number };
}

const sameName = (name: string) => name.normalize('NFKC').toLocaleLowerCase('en-US').replace(/\s+/g, ' ').trim();

/** Groups learner ids the supervisor said are one person (a small union-find over decisions). */
function samePersonGroups(roster: RosterState): (id: string) => string {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    const up = parent.get(id);
    if (up === undefined || up === id) return id;
    const root = find(up);
    parent.set(id, root);
    return root;
  };
  for (const [pair, decision] of Object.entries(roster.decisions)) {
    if (!decision.same) continue;
    const [a, b] = pair.split('|') as [string, string];
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
  return find;
}

export function teamView(roster: RosterState, team: TeamState, course: ViewCourse, today: string, columns: string[]): TeamView {
  const modules = new Map(course.modules.map((m) => [m.id, m]));
  const group = samePersonGroups(roster);
  const entries = Object.values(roster.entries).sort((a, b) => a.created.localeCompare(b.created) || a.id.localeCompare(b.id));
  const byAssignment = new Map(entries.map((e) => [e.id, e]));
  const byLearner = new Map(entries.filter((e) => e.learnerId).map((e) => [e.learnerId!, e]));

  // Each record finds its row: its roster entry, else its own (grouped by "same person"). A link
  // made for anyone is no row itself: each person who used it is a row counted against it.
  const rows = new Map<string, { entry?: RosterEntry; records: CompletionRecord[] }>();
  for (const entry of entries) if (entry.name) rows.set(entry.id, { entry, records: [] });
  for (const record of team.records) {
    const entry = (record.assignment && byAssignment.get(record.assignment.id)) || byLearner.get(record.learnerId);
    const key = entry?.name ? entry.id : `learner:${group(record.learnerId)}`;
    const row = rows.get(key) ?? { ...(entry ? { entry } : {}), records: [] };
    row.records.push(record);
    rows.set(key, row);
  }
  // A "same person" record group that also has a named roster row joins it.
  for (const [key, row] of [...rows]) {
    if (!key.startsWith('learner:')) continue;
    const target = [...rows.entries()].find(([k, r]) => !k.startsWith('learner:') && r.records.some((x) => group(x.learnerId) === key.slice(8)));
    if (target) {
      target[1].records.push(...row.records);
      rows.delete(key);
    }
  }

  const people = [...rows.entries()].map(([key, row]) => person(key, row.entry, row.records, course, modules, today, columns));
  const duplicates = findDuplicates(people, roster, group);
  const assigned = people.filter((p) => p.onRoster);
  return {
    people,
    duplicates,
    summary: {
      people: people.length,
      assigned: assigned.length,
      onTrack: assigned.filter((p) => p.status !== 'complete' && !p.overdue).length,
      overdue: people.filter((p) => p.overdue).length,
      complete: people.filter((p) => p.status === 'complete').length,
      noRecord: people.filter((p) => !p.record).length,
    },
  };
}

function person(key: string, entry: RosterEntry | undefined, records: CompletionRecord[], course: ViewCourse, modules: Map<string, ViewModule>, today: string, columns: string[]): Person {
  const newest = [...records].sort((a, b) => Date.parse(b.issued) - Date.parse(a.issued))[0];
  const due = entry ? entry.due : newest?.assignment?.due;
  const counted = entry ? entry.modules : (newest?.modules.map((m) => m.id) ?? []);
  const reported = new Map<string, RecordModule>((newest?.modules ?? []).map((m) => [m.id, m]));
  const assigned = new Set(counted);
  const late = due !== undefined && daysBetween(due, today) > 0;
  const cellOf = (moduleId: string): PersonCell => {
    const entryOf = reported.get(moduleId);
    const isAssigned = assigned.has(moduleId);
    if (!newest) return { moduleId, state: 'no-record', assigned: isAssigned, overdue: isAssigned && late };
    if (!entryOf) return { moduleId, state: 'not-reported', assigned: isAssigned, overdue: isAssigned && late };
    const state = moduleState(entryOf, modules.get(moduleId));
    return {
      moduleId,
      state,
      assigned: isAssigned,
      overdue: isAssigned && late && state !== 'complete',
      lessonsRead: entryOf.lessonsRead,
      ...(entryOf.best !== undefined ? { best: entryOf.best } : {}),
      ...(entryOf.passedOn ? { passedOn: entryOf.passedOn } : {}),
      ...(entryOf.completedOn ? { completedOn: entryOf.completedOn } : {}),
    };
  };
  const countedCells = counted.map(cellOf);
  const complete = countedCells.filter((c) => c.state === 'complete').length;
  const started = countedCells.some((c) => c.state !== 'not-started' && c.state !== 'no-record' && c.state !== 'not-reported') || countedCells.some((c) => (c.lessonsRead ?? 0) > 0);
  const status: PersonStatus = counted.length > 0 && complete === counted.length ? 'complete' : started ? 'in-progress' : 'not-started';
  const overdue = late && status !== 'complete';
  const path = entry?.pathId ? course.paths.find((p) => p.id === entry.pathId) : undefined;
  return {
    key,
    ...(entry ? { rosterId: entry.id } : {}),
    learnerIds: [...new Set(records.map((r) => r.learnerId))],
    name: entry?.name || newest?.learner || 'Anyone with the link',
    ...(entry ? { assignment: path ? `Path: ${path.title}` : entry.modules.length === 1 ? `Module: ${modules.get(entry.modules[0]!)?.title ?? entry.modules[0]}` : `${entry.modules.length} chosen modules` } : {}),
    ...(entry?.pathId ? { pathId: entry.pathId } : {}),
    ...(due ? { due } : {}),
    ...(newest ? { record: newest } : {}),
    counted,
    complete,
    earlierEdition: countedCells.filter((c) => c.state === 'updated').length,
    lessonsRead: countedCells.reduce((n, c) => n + (c.lessonsRead ?? 0), 0),
    lessonsTotal: counted.reduce((n, id) => n + (modules.get(id)?.lessonsTotal ?? reported.get(id)?.lessonsTotal ?? 0), 0),
    status,
    overdue,
    daysLate: overdue ? daysBetween(due!, today) : 0,
    onRoster: entry !== undefined,
    otherEdition: newest !== undefined && newest.course !== course.version,
    cells: columns.map(cellOf),
  };
}

/**
 * A module's state by this site's edition: a record that names the edition completed is judged
 * here; an older record without one keeps what the learner's site said.
 */
export function moduleState(entry: RecordModule, module: ViewModule | undefined): CellState {
  const done = entry.status === 'complete' || entry.status === 'updated';
  if (!done) return entry.status;
  if (!module || entry.edition === undefined) return entry.status;
  return entry.edition === module.contentHash || entry.edition === module.textHash ? 'complete' : 'updated';
}

function findDuplicates(people: Person[], roster: RosterState, group: (id: string) => string): Duplicate[] {
  const byName = new Map<string, Person[]>();
  for (const p of people) {
    if (!p.record) continue;
    const key = sameName(p.record.learner);
    byName.set(key, [...(byName.get(key) ?? []), p]);
  }
  const found: Duplicate[] = [];
  for (const group_ of byName.values()) {
    for (let i = 0; i < group_.length; i++) {
      for (let j = i + 1; j < group_.length; j++) {
        const x = group_[i]!.record!;
        const y = group_[j]!.record!;
        if (x.learnerId === y.learnerId || group(x.learnerId) === group(y.learnerId)) continue;
        if (roster.decisions[pairKey(x.learnerId, y.learnerId)]) continue;
        found.push({ name: x.learner, a: { learnerId: x.learnerId, key: group_[i]!.key, issued: x.issued }, b: { learnerId: y.learnerId, key: group_[j]!.key, issued: y.issued } });
      }
    }
  }
  return found;
}

export function filterPeople(view: TeamView, filter: StatusFilter): Person[] {
  const flagged = new Set(view.duplicates.flatMap((d) => [d.a.key, d.b.key]));
  return view.people.filter((p) => {
    switch (filter) {
      case 'overdue':
        return p.overdue;
      case 'no-record':
        return !p.record;
      case 'duplicates':
        return flagged.has(p.key);
      case 'all':
        return true;
      default:
        return p.status === filter;
    }
  });
}

export type SortKey = 'name' | 'progress' | 'due' | 'issued';

export function sortPeople(people: Person[], sort: SortKey, descending = false): Person[] {
  const compare: Record<SortKey, (a: Person, b: Person) => number> = {
    name: (a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }),
    progress: (a, b) => a.complete / Math.max(1, a.counted.length) - b.complete / Math.max(1, b.counted.length),
    due: (a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999'),
    issued: (a, b) => (a.record?.issued ?? '').localeCompare(b.record?.issued ?? ''),
  };
  const sorted = [...people].sort((a, b) => compare[sort](a, b) || a.name.localeCompare(b.name) || a.key.localeCompare(b.key));
  return descending ? sorted.reverse() : sorted;
}

/** "3 days late", "1 day late". */
export const daysLateText = (days: number) => `${days} ${days === 1 ? 'day' : 'days'} late`;

export const STATUS_LABELS: Record<PersonStatus, string> = { 'not-started': 'Not started', 'in-progress': 'In progress', complete: 'Complete' };

export const CELL_TEXT: Record<CellState, string> = {
  complete: 'Complete',
  updated: 'Complete, earlier edition',
  'in-progress': 'In progress',
  'not-started': 'Not started',
  'no-record': 'No record yet',
  'not-reported': 'Not in record',
};

/** A cell in words, with "overdue" after the state: "in progress · overdue". */
export const cellText = (cell: PersonCell) => `${CELL_TEXT[cell.state]}${cell.overdue ? ' · overdue' : ''}`;

/**
 * What an imported record's edition means, in a sentence, or nothing when it is this site's.
 * `changed` is how many of its completed modules changed since (they now count as earlier edition).
 */
export function editionNote(record: CompletionRecord, course: ViewCourse): string | undefined {
  if (record.course === course.version) return undefined;
  const modules = new Map(course.modules.map((m) => [m.id, m]));
  const done = record.modules.filter((m) => m.status === 'complete' || m.status === 'updated');
  const changed = done.filter((m) => moduleState(m, modules.get(m.id)) === 'updated').length;
  const what =
    changed === 0
      ? 'None of the modules it shows as complete changed in a way that matters, so they count as complete.'
      : `${changed} of the modules it shows as complete ${changed === 1 ? 'has' : 'have'} changed since (new lessons, questions or pass mark), so ${changed === 1 ? 'it shows' : 'they show'} as "complete, earlier edition" until the learner looks again.`;
  return `This record comes from another edition of the course (${record.course}; this site is ${course.version}). ${what}`;
}
