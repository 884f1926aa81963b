/**
 * The team file: roster and records in one JSON file, to back up team data or hand it to a
 * co-supervisor. Importing one merges it with what this browser holds: roster entries and
 * decisions by their latest save (src/lib/supervisor/roster.ts), records one per learner with the
 * newer record winning (mergeRecord), so importing never loses a newer record, whichever side
 * has it. Pure; never throws on what it reads.
 */
import * as z from 'zod/mini';
import { loadRoster, mergeRosters, type RosterState } from './roster';
import { loadTeam, mergeRecord, type TeamState } from './team';

export const TEAM_FILE_FORMAT = 'crosswalk-team';
export const TEAM_FILE_VERSION = 1;
export const MAX_TEAM_FILE_BYTES = 5_000_000;

export function teamFile(roster: RosterState, team: TeamState, exported: string): string {
  return JSON.stringify({ format: TEAM_FILE_FORMAT, version: TEAM_FILE_VERSION, exported, roster, team }, null, 1);
}

const fileSchema = z.object({ format: z.literal(TEAM_FILE_FORMAT), version: z.int(), roster: z.unknown(), team: z.unknown() });

export type OpenedTeamFile = { ok: true; roster: RosterState; team: TeamState; dropped: number } | { ok: false; message: string };

export function openTeamFile(text: string): OpenedTeamFile {
  if (text.length > MAX_TEAM_FILE_BYTES) return { ok: false, message: 'This file is too large to be a Crosswalk team file.' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: 'This file is not a team file: it is not readable JSON. It may have been cut short when it was copied.' };
  }
  const file = fileSchema.safeParse(json);
  if (!file.success) return { ok: false, message: 'This file is not a Crosswalk team file. Export one with "Export team file" on the Team page.' };
  if (file.data.version !== TEAM_FILE_VERSION) return { ok: false, message: `This team file uses format ${file.data.version}, which this course does not read. Export it again from the same course site.` };
  const roster = loadRoster(file.data.roster);
  const team = loadTeam(file.data.team);
  if (!roster.ok) return { ok: false, message: `The roster in this team file could not be read. ${roster.reason}` };
  if (!team.ok) return { ok: false, message: `The records in this team file could not be read. ${team.reason}` };
  return { ok: true, roster: roster.roster, team: team.team, dropped: roster.dropped + team.dropped };
}

/** Merges an opened team file into this browser's copy. */
export function mergeTeamFile(roster: RosterState, team: TeamState, incoming: { roster: RosterState; team: TeamState }, now: string): { roster: RosterState; team: TeamState; added: number; updated: number } {
  let merged = team;
  let added = 0;
  let updated = 0;
  for (const record of incoming.team.records) {
    const result = mergeRecord(merged, record, now);
    merged = result.team;
    if (result.outcome === 'added') added++;
    if (result.outcome === 'updated') updated++;
  }
  return { roster: mergeRosters(roster, incoming.roster), team: merged, added, updated };
}
