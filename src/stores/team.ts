/**
 * The supervisor's team data (shape and rules: src/lib/supervisor/team.ts), kept in this browser only.
 * Key: crosswalk:team. Unreadable values are quarantined and replaced by an empty team.
 * Two tabs never lose each other's imports: every change merges with what storage holds now, and
 * another tab's write is merged, not adopted (src/stores/validated.ts mergedAtom).
 */
import { PREFIX } from './storage';
import { mergedAtom } from './validated';
import { clearTeam, emptyTeam, loadTeam, mergeRecord, mergeTeams, removeRecord, type MergeOutcome, type TeamState } from '../lib/supervisor/team';
import { openRecord, type CompletionRecord } from '../lib/supervisor/record';

export const TEAM_KEY = `${PREFIX}team`;

export const $team = mergedAtom<TeamState>(TEAM_KEY, {
  empty: emptyTeam,
  merge: mergeTeams,
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
  /** For ok results, the record read (validated). */
  record?: CompletionRecord;
}

type Opened = { source: string; opened: ReturnType<typeof openRecord> };

/** Merges each opened input into a team in turn; one bad input never stops the others. */
function importInto(start: TeamState, inputs: Opened[], now: string): { team: TeamState; results: ImportResult[] } {
  let team = start;
  const results = inputs.map(({ source, opened }): ImportResult => {
    if (!opened.ok) return { source, ok: false, message: opened.message };
    const merged = mergeRecord(team, opened.record, now);
    team = merged.team;
    return { source, ok: merged.outcome !== 'full', learner: opened.record.learner, outcome: merged.outcome, record: opened.record };
  });
  return { team, results };
}

/** Opens and merges each input in turn, into the freshest copy of the team (another tab may have imported too). */
export function importRecords(inputs: { source: string; text: string }[]): ImportResult[] {
  const opened = inputs.map(({ source, text }) => ({ source, opened: openRecord(text) }));
  const now = new Date().toISOString();
  // Nothing readable, nothing written: a batch of bad files leaves storage as it was.
  if (!opened.some((o) => o.opened.ok)) return importInto($team.get(), opened, now).results;
  let results: ImportResult[] = [];
  $team.update((team) => {
    const done = importInto(team, opened, now);
    results = done.results;
    return done.team;
  });
  return results;
}

export const removeLearner = (learnerId: string) => $team.update((team) => removeRecord(team, learnerId, new Date().toISOString()));

/**
 * Deletes every imported record. What is left in storage is only the time of the deletion, so
 * that another tab still showing the records cannot write them back.
 */
export const deleteAllTeamData = () => $team.update((team) => clearTeam(team, new Date().toISOString()));
