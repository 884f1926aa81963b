/**
 * The supervisor's team: completion records imported from files or codes, one per learner,
 * turned into a table of people by modules. Pure: the team store persists it, the team page
 * shows it.
 *
 * Stored as JSON, for example:
 *   { "version": 1, "records": [ { …a CompletionRecord… } ], "imported": { "sam0000001": "…" },
 *     "removed": { "ana0000001": "…" }, "clearedAt": "…" }
 * One record per learnerId; importing the same or an older record changes nothing, a newer one
 * replaces it. Records are re-validated on load like any other input.
 * `imported` (when each learner's record was imported), `removed` (learners removed, and when) and
 * `clearedAt` (the last "delete all") let two tabs merge their copies: each learner's latest import
 * or removal wins, and a removed learner does not come back from a tab that still shows them
 * (src/lib/encoding/id-map.ts). All three are optional: team data saved before them loads unchanged.
 */
import * as z from 'zod/mini';
import type { DueState } from './assignment';
import { recordSchema, type CompletionRecord } from './record';
import { changeTime, mergeIdMaps } from '../encoding/id-map';

export const TEAM_VERSION = 1;
/** A team table of this many people is already unwieldy; more is almost certainly a mistake. */
export const MAX_TEAM_RECORDS = 500;
/** Records stored team data may hold: two tabs importing at once into a nearly full team merge to more, and a reload keeps them. */
const MAX_STORED = 2 * MAX_TEAM_RECORDS;

export interface TeamState {
  version: typeof TEAM_VERSION;
  records: CompletionRecord[];
  /** Learner id → when their record was imported (absent: before this was kept). */
  imported?: Record<string, string>;
  /** Learner id → when they were removed from the team. */
  removed?: Record<string, string>;
  /** When "delete all" last ran: records imported before it stay deleted in every tab. */
  clearedAt?: string;
}

export function emptyTeam(): TeamState {
  return { version: TEAM_VERSION, records: [] };
}

const timeText = z.string().check(z.maxLength(40));
const LEARNER_ID = /^[a-z0-9]{6,16}$/;
const storedTeamSchema = z.object({
  version: z.literal(TEAM_VERSION),
  records: z.array(z.unknown()),
  imported: z.optional(z.record(z.string(), timeText)),
  removed: z.optional(z.record(z.string(), timeText)),
  clearedAt: z.optional(timeText),
});

/** Reads stored team data; records that no longer validate are dropped and counted. */
export function loadTeam(raw: unknown): { ok: true; team: TeamState; dropped: number } | { ok: false; reason: string } {
  const parsed = storedTeamSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'The saved team data is not in a form this course can read.' };
  let team = emptyTeam();
  let dropped = 0;
  for (const item of parsed.data.records.slice(0, MAX_STORED)) {
    const record = recordSchema.safeParse(item);
    // Two stored records of one learner (saved before one per learner was kept): the newer.
    if (record.success) team = mergeRecord(team, record.data, undefined, MAX_STORED).team;
    else dropped++;
  }
  const { imported, removed, clearedAt } = parsed.data;
  const times = (map: Record<string, string> | undefined) => Object.fromEntries(Object.entries(map ?? {}).filter(([id]) => LEARNER_ID.test(id)).slice(0, MAX_STORED));
  team = { ...team, imported: times(imported), removed: times(removed), ...(clearedAt !== undefined ? { clearedAt } : {}) };
  // Merged with itself: a learner both kept and removed, or imported before "delete all", shows as the merge would.
  return { ok: true, team: mergeTeams(team, team), dropped: dropped + Math.max(0, parsed.data.records.length - MAX_STORED) };
}

export type MergeOutcome = 'added' | 'updated' | 'unchanged' | 'older' | 'full';

/**
 * Adds or updates one learner's record. The record with the later `issued` time wins. `now` is
 * when it is imported: it is kept, so that this import wins a merge with an earlier removal of
 * the learner in another tab.
 */
export function mergeRecord(team: TeamState, record: CompletionRecord, now?: string, max = MAX_TEAM_RECORDS): { team: TeamState; outcome: MergeOutcome } {
  const id = record.learnerId;
  const current = team.records.find((r) => r.learnerId === id);
  if (!current && team.records.length >= max) return { team, outcome: 'full' };
  if (current) {
    const order = Date.parse(record.issued) - Date.parse(current.issued);
    if (order < 0) return { team, outcome: 'older' };
    if (order === 0) return { team, outcome: 'unchanged' };
  }
  const before = [team.imported?.[id], team.removed?.[id], team.clearedAt].filter((t) => t !== undefined);
  const at = now === undefined ? undefined : changeTime(now, before);
  const incoming: TeamState = { ...emptyTeam(), records: [record], ...(at !== undefined ? { imported: { [id]: at } } : {}) };
  // Without a time the record would lose the merge to the one it replaces: put it in directly.
  const merged = at !== undefined ? mergeTeams(team, incoming) : { ...team, records: [...team.records.filter((r) => r.learnerId !== id), record] };
  return { team: merged, outcome: current ? 'updated' : 'added' };
}

/** Removes a learner, keeping when, so that a tab still showing them cannot bring them back. */
export function removeRecord(team: TeamState, learnerId: string, now: string): TeamState {
  if (!team.records.some((r) => r.learnerId === learnerId)) return team;
  return mergeTeams(team, { ...emptyTeam(), removed: { [learnerId]: changeTime(now, [team.imported?.[learnerId]].filter((t) => t !== undefined)) } });
}

/** Deletes every record: what any tab imported until now stays deleted. Only times are kept, no names. */
export function clearTeam(team: TeamState, now: string): TeamState {
  const times = [...Object.values(team.imported ?? {}), ...Object.values(team.removed ?? {})];
  return { ...emptyTeam(), clearedAt: changeTime(now, times) };
}

/** Records imported before import times were kept rank below every timed import. */
const UNTIMED = '';

/**
 * Merges two copies of the team (this tab's and another tab's): for each learner, their latest
 * import or removal wins (src/lib/encoding/id-map.ts). Commutative, associative and idempotent.
 */
export function mergeTeams(a: TeamState, b: TeamState): TeamState {
  const asMap = (t: TeamState) => ({
    saved: Object.fromEntries(t.records.map((record) => [record.learnerId, { record, at: t.imported?.[record.learnerId] ?? UNTIMED }])),
    deleted: t.removed ?? {},
    ...(t.clearedAt !== undefined ? { clearedAt: t.clearedAt } : {}),
  });
  const merged = mergeIdMaps(asMap(a), asMap(b), (v) => v.at);
  const kept = Object.values(merged.saved);
  const team: TeamState = { version: TEAM_VERSION, records: kept.map((v) => v.record) };
  const imported = Object.fromEntries(kept.filter((v) => v.at !== UNTIMED).map((v) => [v.record.learnerId, v.at]));
  if (Object.keys(imported).length > 0) team.imported = imported;
  if (Object.keys(merged.deleted).length > 0) team.removed = merged.deleted;
  if (merged.clearedAt !== undefined) team.clearedAt = merged.clearedAt;
  return team;
}

// ---------------------------------------------------------------------------
// Labels and CSV cells (the table itself: src/lib/supervisor/team-view.ts; CSV: team-csv.ts)

export type CellState = 'complete' | 'updated' | 'in-progress' | 'not-started';

/** A record's module status in words, as the certificate shows it. */
export const CELL_LABELS: Record<CellState, string> = {
  complete: 'Complete',
  updated: 'Complete (earlier edition)',
  'in-progress': 'In progress',
  'not-started': 'Not started',
};

// ---------------------------------------------------------------------------
// CSV

/**
 * A CSV cell: quoted, and any cell a spreadsheet would run as a formula (= + - @ or a tab/CR at
 * the start) is prefixed with an apostrophe: imported names are data, never formulas.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export type { DueState };
