/**
 * Branching practice scenarios: modules/<id>/scenario.yaml. A conversation at the desk as nodes:
 * each node is what the patron says or does, with the staff member's choices, each choice leading
 * to another node; endings carry a debrief naming the duties and values in play.
 *
 *   title: "The form at the copier"
 *   setting: "Public library, circulation desk, a weekday afternoon."
 *   start: opening
 *   nodes:
 *     - id: opening
 *       patron: "Can you tell me what this part of the form means?"
 *       choices:
 *         - text: "Ask what the form is for and what they have filled in so far."
 *           next: listens
 *           note: "Optional: shown after the choice, before the next line."
 *     - id: good-end
 *       ending:
 *         title: "A warm hand-off"
 *         outcome: best            # best | partial | missed
 *         debrief: "…"
 *         maps: [copeland-06, naps-01]
 *
 * Structure is checked at build (validateScenario): no dangling `next`, no unreachable node,
 * every path reaches an ending, no choices on an ending. Pure: no DOM, no storage.
 */
import { z } from 'zod';

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are lowercase words joined by hyphens');
const text = z.string().trim().min(1);

export const scenarioSchema = z.strictObject({
  title: text,
  setting: text,
  start: id,
  nodes: z
    .array(
      z.strictObject({
        id,
        /** What the patron says or does at this point. */
        patron: text.optional(),
        choices: z.array(z.strictObject({ text, next: id, note: text.optional() })).optional(),
        ending: z
          .strictObject({
            title: text,
            /**
             * What kind of ending it is: `best` (what the lessons teach), `partial` (some of it) or
             * `missed`. The player tells learners which kinds they have found.
             */
            outcome: z.enum(['best', 'partial', 'missed']),
            debrief: text,
            maps: z.array(z.string()).min(1),
          })
          .optional(),
      }),
    )
    .min(2),
});

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioNode = Scenario['nodes'][number];

export interface ScenarioProblem {
  /** Where in the file, e.g. `nodes[2].choices[0].next`. */
  field: string;
  message: string;
  /** What to do about it. */
  hint?: string;
}

/** Structural faults of a scenario that parsed: every problem, each naming its field. */
export function validateScenario(scenario: Scenario, knownMaps: ReadonlySet<string>): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const byId = new Map<string, ScenarioNode>();
  scenario.nodes.forEach((node, i) => {
    if (byId.has(node.id)) problems.push({ field: `nodes[${i}].id`, message: `node id "${node.id}" is used twice` });
    byId.set(node.id, node);
    const hasChoices = (node.choices?.length ?? 0) > 0;
    if (node.ending && hasChoices) problems.push({ field: `nodes[${i}]`, message: `node "${node.id}" is an ending and also has choices; an ending has none` });
    if (!node.ending && !hasChoices) problems.push({ field: `nodes[${i}]`, message: `node "${node.id}" has no choices and is not an ending: the conversation would stop without a debrief` });
    if (!node.ending && !node.patron) problems.push({ field: `nodes[${i}].patron`, message: `node "${node.id}" needs the patron's line` });
    node.ending?.maps.forEach((item, j) => {
      if (!knownMaps.has(item)) problems.push({ field: `nodes[${i}].ending.maps[${j}]`, message: `unknown framework item "${item}"`, hint: 'items are defined in content/frameworks/' });
    });
  });
  if (!scenario.nodes.some((n) => n.ending?.outcome === 'best')) problems.push({ field: 'nodes', message: 'no ending has outcome: best', hint: 'mark the ending that shows what the lessons teach with outcome: best' });
  if (!byId.has(scenario.start)) problems.push({ field: 'start', message: `no node "${scenario.start}"`, hint: `name one of the node ids: ${[...byId.keys()].join(', ')}` });
  scenario.nodes.forEach((node, i) =>
    node.choices?.forEach((choice, j) => {
      if (!byId.has(choice.next)) problems.push({ field: `nodes[${i}].choices[${j}].next`, message: `no node "${choice.next}": the choice leads nowhere`, hint: `name one of the node ids: ${[...byId.keys()].join(', ')}` });
    }),
  );
  if (problems.length > 0) return problems;

  // Reachable from the start.
  const reachable = new Set<string>();
  const stack = [scenario.start];
  while (stack.length) {
    const current = stack.pop()!;
    if (reachable.has(current)) continue;
    reachable.add(current);
    for (const choice of byId.get(current)!.choices ?? []) stack.push(choice.next);
  }
  scenario.nodes.forEach((node, i) => {
    if (!reachable.has(node.id)) problems.push({ field: `nodes[${i}]`, message: `node "${node.id}" cannot be reached from the start` });
  });

  // Every reachable node can still reach an ending (no loop without a way out).
  const canEnd = new Set(scenario.nodes.filter((n) => n.ending).map((n) => n.id));
  let grew = true;
  while (grew) {
    grew = false;
    for (const node of scenario.nodes) {
      if (!canEnd.has(node.id) && node.choices?.some((c) => canEnd.has(c.next))) {
        canEnd.add(node.id);
        grew = true;
      }
    }
  }
  scenario.nodes.forEach((node, i) => {
    if (reachable.has(node.id) && !canEnd.has(node.id)) problems.push({ field: `nodes[${i}]`, message: `from node "${node.id}" no path reaches an ending` });
  });
  return problems;
}

