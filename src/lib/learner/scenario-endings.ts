/**
 * What the scenario player tells a learner about endings: the kind of each ending, and how many
 * they have found. Apart from ./scenario.ts so the player in the browser does not bring zod.
 * Pure: it takes the scenario and the ids of the endings reached (kept with progress).
 */
import type { Scenario } from '../course/scenario';

/** How each kind of ending is named to the learner: a symbol and words, never colour alone. */
export const OUTCOME_TEXT: Record<'best' | 'partial' | 'missed', { icon: string; label: string }> = {
  best: { icon: '✓', label: 'The best outcome: this is what the lessons teach.' },
  partial: { icon: '◐', label: 'A partial outcome: some of it went well, some of it could go better.' },
  missed: { icon: '✗', label: 'A missed chance: try another way to see what changes.' },
};

/** "2 of 5 endings found, including the best one": from the ids of the endings reached. */
export function endingsFound(scenario: Scenario, reached: readonly string[]): { found: number; total: number; best: boolean; text: string } {
  const endings = scenario.nodes.filter((n) => n.ending);
  const seen = endings.filter((n) => reached.includes(n.id));
  const best = seen.some((n) => n.ending!.outcome === 'best');
  const total = endings.length;
  const text =
    seen.length === 0
      ? `This conversation has ${total} endings. None found yet.`
      : `${seen.length} of ${total} endings found, ${best ? 'including the best one' : 'not yet the best one'}.`;
  return { found: seen.length, total, best, text };
}
