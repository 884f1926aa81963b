/**
 * The supervisor's team data (shape and rules: src/lib/supervisor/team.ts), kept in this browser only.
 * Key: crosswalk:team. Unreadable values are quarantined and replaced by an empty team.
 */
import { PREFIX, removeKey } from './storage';
import { validatedAtom } from './validated';
import { emptyTeam, loadTeam, mergeRecord, removeRecord, type MergeOutcome, type TeamState } from '../lib/supervisor/team';
import { openRecord } from '../lib/supervisor/record';

export const TEAM_KEY = `${PREFIX}team`;

export const $team = validatedAtom<TeamState>(TEAM_KEY, {
  empty: emptyTeam,
  load: (raw) => {
    const loaded = loadTeam(raw);
    return loaded.ok ? { ok: true, value: loaded.team, dropped: loaded.dropped } : loaded;
  },
  what: 'team data',
  items: 'saved team record(s)',
});

export interface ImportResult {
  /** Where the text came from: a file name, or "Pasted code 2". */
  source: string;
  ok: boolean;
  /** For ok results, the learner's name (plain text, shown as text). */
  learner?: string;
  outcome?: MergeOutcome;
  message?: string;
}

/** Opens and merges each input in turn; one bad input never stops the others. */
export function importRecords(inputs: { source: string; text: string }[]): ImportResult[] {
  let team = $team.get();
  const results = inputs.map(({ source, text }): ImportResult => {
    const opened = openRecord(text);
    if (!opened.ok) return { source, ok: false, message: opened.message };
    const merged = mergeRecord(team, opened.record);
    team = merged.team;
    return { source, ok: merged.outcome !== 'full', learner: opened.record.learner, outcome: merged.outcome };
  });
  // Nothing imported, nothing written: a batch of bad files leaves storage as it was.
  if (results.some((r) => r.ok && r.outcome !== 'unchanged' && r.outcome !== 'older')) $team.set(team);
  return results;
}

export const removeLearner = (learnerId: string) => $team.set(removeRecord($team.get(), learnerId));

export function deleteAllTeamData(): void {
  $team.set(emptyTeam());
  removeKey(TEAM_KEY);
}
