import { describe, expect, test } from 'vitest';
import { scenarioSchema, validateScenario, type Scenario } from '../../src/lib/scenario';

const maps = new Set(['copeland-06', 'naps-01']);

function scenario(nodes: Scenario['nodes'], start = 'a'): Scenario {
  return scenarioSchema.parse({ title: 'T', setting: 'Public library, circulation desk.', start, nodes });
}

const end = (id: string) => ({ id, ending: { title: 'End', debrief: 'What happened.', maps: ['copeland-06'] } });
const ask = (id: string, ...next: string[]) => ({ id, patron: 'Line.', choices: next.map((n) => ({ text: `Go to ${n}`, next: n })) });

describe('scenario structure', () => {
  test('a well-formed scenario has no problems', () => {
    expect(validateScenario(scenario([ask('a', 'b', 'e1'), ask('b', 'e1', 'e2'), end('e1'), end('e2')]), maps)).toEqual([]);
  });

  test.each([
    ['a dangling choice', [ask('a', 'nowhere'), end('e1')], 'nodes[0].choices[0].next', /leads nowhere/],
    ['an unreachable node', [ask('a', 'e1'), ask('lost', 'e1'), end('e1')], 'nodes[1]', /cannot be reached/],
    ['a loop with no way out', [ask('a', 'b'), ask('b', 'a'), end('e1')], 'nodes[0]', /no path reaches an ending|cannot be reached/],
    ['a dead end that is not an ending', [ask('a', 'b'), { id: 'b', patron: 'Line.' }, end('e1')], 'nodes[1]', /no choices and is not an ending/],
    ['an ending with choices', [ask('a', 'e1'), { ...end('e1'), choices: [{ text: 'x', next: 'a' }] }], 'nodes[1]', /is an ending and also has choices/],
    ['a duplicate id', [ask('a', 'e1'), end('e1'), end('e1')], 'nodes[2].id', /used twice/],
    ['an unknown framework item', [ask('a', 'e1'), { id: 'e1', ending: { title: 'E', debrief: 'D', maps: ['copeland-99'] } }], 'nodes[1].ending.maps[0]', /unknown framework item/],
  ] as const)('%s is named with its field', (_, nodes, field, message) => {
    const problems = validateScenario(scenario(nodes as unknown as Scenario['nodes']), maps);
    expect(problems).toContainEqual(expect.objectContaining({ field, message: expect.stringMatching(message) }));
  });

  test('a start that names no node', () => {
    expect(validateScenario(scenario([ask('a', 'e1'), end('e1')], 'begin'), maps)).toContainEqual({ field: 'start', message: 'no node "begin"', hint: 'name one of the node ids: a, e1' });
  });

  test('unknown keys are refused by the schema', () => {
    expect(scenarioSchema.safeParse({ title: 'T', setting: 'S', start: 'a', nodes: [ask('a', 'e1'), end('e1')], extra: 1 }).success).toBe(false);
  });
});
