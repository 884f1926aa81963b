/**
 * The supervisor's team: completion records imported from files or codes, one per learner,
 * turned into a table of people by modules. Pure: the team store persists it, the team page
 * shows it.
 *
 * Stored as JSON, for example:
 *   { "version": 1, "records": [ { …a CompletionRecord… } ] }
 * One record per learnerId; importing the same or an older record changes nothing, a newer one
 * replaces it. Records are re-validated on load like any other input.
 */
import * as z from 'zod/mini';
import { dueState, type DueState } from './assignment';
import { recordSchema, type CompletionRecord, type RecordModule } from './record';

export const TEAM_VERSION = 1;
/** A team table of this many people is already unwieldy; more is almost certainly a mistake. */
export const MAX_TEAM_RECORDS = 500;

export interface TeamState {
  version: typeof TEAM_VERSION;
  records: CompletionRecord[];
}

export function emptyTeam(): TeamState {
  return { version: TEAM_VERSION, records: [] };
}

const storedTeamSchema = z.object({ version: z.literal(TEAM_VERSION), records: z.array(z.unknown()) });

/** Reads stored team data; records that no longer validate are dropped and counted. */
export function loadTeam(raw: unknown): { ok: true; team: TeamState; dropped: number } | { ok: false; reason: string } {
  const parsed = storedTeamSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'The saved team data is not in a form this course can read.' };
  let team = emptyTeam();
  let dropped = 0;
  for (const item of parsed.data.records.slice(0, MAX_TEAM_RECORDS)) {
    const record = recordSchema.safeParse(item);
    if (record.success) team = mergeRecord(team, record.data).team;
    else dropped++;
  }
  return { ok: true, team, dropped: dropped + Math.max(0, parsed.data.records.length - MAX_TEAM_RECORDS) };
}

export type MergeOutcome = 'added' | 'updated' | 'unchanged' | 'older' | 'full';

/** Adds or updates one learner's record. The record with the later `issued` time wins. */
export function mergeRecord(team: TeamState, record: CompletionRecord): { team: TeamState; outcome: MergeOutcome } {
  const index = team.records.findIndex((r) => r.learnerId === record.learnerId);
  if (index === -1) {
    if (team.records.length >= MAX_TEAM_RECORDS) return { team, outcome: 'full' };
    return { team: { ...team, records: [...team.records, record] }, outcome: 'added' };
  }
  const current = team.records[index]!;
  const order = Date.parse(record.issued) - Date.parse(current.issued);
  if (order < 0) return { team, outcome: 'older' };
  if (order === 0) return { team, outcome: 'unchanged' };
  const records = team.records.slice();
  records[index] = record;
  return { team: { ...team, records }, outcome: 'updated' };
}

export function removeRecord(team: TeamState, learnerId: string): TeamState {
  return { ...team, records: team.records.filter((r) => r.learnerId !== learnerId) };
}

// ---------------------------------------------------------------------------
// The table

export type CellState = 'complete' | 'updated' | 'in-progress' | 'not-started' | 'overdue' | 'not-reported';

export interface TeamCell {
  moduleId: string;
  state: CellState;
  best?: number;
  /** Completed on, or passed on, YYYY-MM-DD. */
  on?: string;
}

export interface TeamRow {
  learnerId: string;
  learner: string;
  issued: string;
  course: string;
  due?: string;
  /** Modules the record reports as complete (or complete in an older edition), of those shown. */
  complete: number;
  overdue: boolean;
  cells: TeamCell[];
}

export type StatusFilter = 'all' | 'complete' | 'incomplete' | 'overdue';
export type SortKey = 'name' | 'progress' | 'issued' | 'due';

export interface TableOptions {
  /** Module ids to show as columns, in order (a path's modules, or every module). */
  moduleIds: string[];
  today: string;
  status?: StatusFilter;
  sort?: SortKey;
  descending?: boolean;
}

export function teamRows(team: TeamState, options: TableOptions): TeamRow[] {
  const rows = team.records.map((record) => toRow(record, options.moduleIds, options.today));
  const status = options.status ?? 'all';
  const filtered = rows.filter((row) => {
    if (status === 'complete') return row.complete === options.moduleIds.length;
    if (status === 'incomplete') return row.complete < options.moduleIds.length;
    if (status === 'overdue') return row.overdue;
    return true;
  });
  const compare = COMPARE[options.sort ?? 'name'];
  const sorted = filtered.sort((a, b) => compare(a, b) || a.learner.localeCompare(b.learner) || a.learnerId.localeCompare(b.learnerId));
  return options.descending ? sorted.reverse() : sorted;
}

const COMPARE: Record<SortKey, (a: TeamRow, b: TeamRow) => number> = {
  name: (a, b) => a.learner.localeCompare(b.learner, undefined, { sensitivity: 'base' }),
  progress: (a, b) => a.complete - b.complete,
  issued: (a, b) => a.issued.localeCompare(b.issued),
  // No due date sorts after every due date.
  due: (a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999'),
};

function toRow(record: CompletionRecord, moduleIds: string[], today: string): TeamRow {
  const byId = new Map<string, RecordModule>(record.modules.map((m) => [m.id, m]));
  const due = record.assignment?.due;
  const assigned = new Set(record.assignment ? record.modules.map((m) => m.id) : []);
  const cells = moduleIds.map((moduleId): TeamCell => {
    const entry = byId.get(moduleId);
    if (!entry) return { moduleId, state: 'not-reported' };
    const done = entry.status === 'complete' || entry.status === 'updated';
    const late = assigned.has(moduleId) && dueState(due, today, done) === 'overdue';
    return {
      moduleId,
      state: late ? 'overdue' : entry.status,
      ...(entry.best !== undefined ? { best: entry.best } : {}),
      ...(entry.completedOn ?? entry.passedOn ? { on: entry.completedOn ?? entry.passedOn } : {}),
    };
  });
  return {
    learnerId: record.learnerId,
    learner: record.learner,
    issued: record.issued,
    course: record.course,
    ...(due ? { due } : {}),
    complete: cells.filter((c) => c.state === 'complete' || c.state === 'updated').length,
    overdue: cells.some((c) => c.state === 'overdue'),
    cells,
  };
}

export const CELL_LABELS: Record<CellState, string> = {
  complete: 'Complete',
  updated: 'Complete (earlier edition)',
  'in-progress': 'In progress',
  'not-started': 'Not started',
  overdue: 'Overdue',
  'not-reported': 'Not in record',
};

// ---------------------------------------------------------------------------
// CSV

/**
 * One line per person and module, so the file sorts and filters well in a spreadsheet.
 * Cells are quoted, and any cell a spreadsheet would run as a formula (= + - @ or a tab/CR at
 * the start) is prefixed with an apostrophe: imported names are data, never formulas.
 */
export function teamCsv(rows: TeamRow[], moduleTitles: ReadonlyMap<string, string>): string {
  const header = ['Learner', 'Module', 'Module id', 'Status', 'Best score (%)', 'Date', 'Due', 'Record made', 'Course version'];
  const lines = [header];
  for (const row of rows) {
    for (const cell of row.cells) {
      lines.push([
        row.learner,
        moduleTitles.get(cell.moduleId) ?? cell.moduleId,
        cell.moduleId,
        CELL_LABELS[cell.state],
        cell.best === undefined ? '' : String(cell.best),
        cell.on ?? '',
        row.due ?? '',
        row.issued.slice(0, 10),
        row.course,
      ]);
    }
  }
  return lines.map((line) => line.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export type { DueState };
