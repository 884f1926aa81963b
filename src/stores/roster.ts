/**
 * The supervisor's roster (shape and rules: src/lib/supervisor/roster.ts), kept in this browser
 * only, like team data. Key: crosswalk:roster. Unreadable values are quarantined and replaced by
 * an empty roster. Two tabs never lose each other's assignments: every change merges with what
 * storage holds now, and another tab's write is merged, not adopted (src/stores/validated.ts).
 */
import { PREFIX } from './storage';
import { mergedAtom } from './validated';
import { $team } from './team';
import { addEntries, clearRoster, decide, emptyRoster, linkLearner, loadRoster, mergeRosters, removeEntry, type RosterEntry, type RosterState } from '../lib/supervisor/roster';
import { mergeTeamFile, openTeamFile } from '../lib/supervisor/team-file';

export const ROSTER_KEY = `${PREFIX}roster`;

export const $roster = mergedAtom<RosterState>(ROSTER_KEY, {
  empty: emptyRoster,
  merge: mergeRosters,
  load: (raw) => {
    const loaded = loadRoster(raw);
    return loaded.ok ? { ok: true, value: loaded.roster, dropped: loaded.dropped } : loaded;
  },
  what: 'roster',
  items: 'roster entr(ies)',
});

const now = () => new Date().toISOString();

export const saveAssignments = (entries: Omit<RosterEntry, 'savedAt'>[]) => $roster.update((roster) => addEntries(roster, entries, now()));
export const removeFromRoster = (entryId: string) => $roster.update((roster) => removeEntry(roster, entryId, now()));
export const linkToRoster = (entryId: string, learnerId: string) => $roster.update((roster) => linkLearner(roster, entryId, learnerId, now()));
export const decideSamePerson = (a: string, b: string, same: boolean) => $roster.update((roster) => decide(roster, a, b, same, now()));
export const deleteRoster = () => $roster.update((roster) => clearRoster(roster, now()));

/** Imports a team file (roster and records), merged with this browser's; a message to show either way. */
export function importTeamFile(text: string): { ok: boolean; message: string } {
  const opened = openTeamFile(text);
  if (!opened.ok) return { ok: false, message: opened.message };
  const at = now();
  let counts = { added: 0, updated: 0 };
  $team.update((team) => {
    const merged = mergeTeamFile($roster.get(), team, opened, at);
    counts = merged;
    return merged.team;
  });
  $roster.update((roster) => mergeRosters(roster, opened.roster));
  const people = Object.keys(opened.roster.entries).length;
  const dropped = opened.dropped > 0 ? ` ${opened.dropped} damaged item(s) in it were left out.` : '';
  return {
    ok: true,
    message: `Team file imported: ${people} roster ${people === 1 ? 'entry' : 'entries'}; ${counts.added} record(s) added, ${counts.updated} replaced by a newer one. Newer records already here were kept.${dropped}`,
  };
}
