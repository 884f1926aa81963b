import { describe, expect, test } from 'vitest';
import { scenarioSchema, validateScenario, type Scenario } from '../../src/lib/course/scenario';
import { endingsFound } from '../../src/lib/learner/scenario-endings';
import { FIRST_CHOICE, LONGEST_CHOICE, walkScenario } from '../../src/lib/course/item-cues';

const maps = new Set(['copeland-06', 'naps-01']);

function scenario(nodes: Scenario['nodes'], start = 'a'): Scenario {
  return scenarioSchema.parse({ title: 'T', setting: 'Public library, circulation desk.', start, nodes });
}

const end = (id: string, outcome: 'best' | 'partial' | 'missed' = 'best') => ({ id, ending: { title: `End ${id}`, outcome, debrief: 'What happened.', maps: ['copeland-06'] } });
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
    ['an unknown framework item', [ask('a', 'e1'), { id: 'e1', ending: { title: 'E', outcome: 'best', debrief: 'D', maps: ['copeland-99'] } }], 'nodes[1].ending.maps[0]', /unknown framework item/],
    ['no best ending', [ask('a', 'e1', 'e2'), end('e1', 'partial'), end('e2', 'missed')], 'nodes', /no ending has outcome: best/],
  ] as const)('%s is named with its field', (_, nodes, field, message) => {
    const problems = validateScenario(scenario(nodes as unknown as Scenario['nodes']), maps);
    expect(problems).toContainEqual(expect.objectContaining({ field, message: expect.stringMatching(message) }));
  });

  test('a start that names no node', () => {
    expect(validateScenario(scenario([ask('a', 'e1'), end('e1')], 'begin'), maps)).toContainEqual({ field: 'start', message: 'no node "begin"', hint: 'name one of the node ids: a, e1' });
  });

  test('an ending without an outcome is refused by the schema, naming the field', () => {
    const parsed = scenarioSchema.safeParse({ title: 'T', setting: 'S', start: 'a', nodes: [ask('a', 'e1'), { id: 'e1', ending: { title: 'E', debrief: 'D', maps: ['copeland-06'] } }] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['nodes', 1, 'ending', 'outcome']);
  });

  test('unknown keys are refused by the schema', () => {
    expect(scenarioSchema.safeParse({ title: 'T', setting: 'S', start: 'a', nodes: [ask('a', 'e1'), end('e1')], extra: 1 }).success).toBe(false);
  });
});

describe('what a learner who clicks without reading reaches', () => {
  const s = scenario([
    { id: 'a', patron: 'Line.', choices: [{ text: 'Short.', next: 'm' }, { text: 'A much longer choice that says a lot.', next: 'b' }] },
    { id: 'b', patron: 'Line.', choices: [{ text: 'Tiny.', next: 'good' }, { text: 'Another long choice, longer than the other.', next: 'part' }] },
    end('good', 'best'),
    end('part', 'partial'),
    end('m', 'missed'),
  ]);

  test('always the first choice, and always the longest, each reach the ending they lead to', () => {
    expect(walkScenario(s, FIRST_CHOICE)?.id).toBe('m');
    expect(walkScenario(s, LONGEST_CHOICE)?.id).toBe('part');
  });

  test('endings found are counted, and whether the best is among them is said', () => {
    expect(endingsFound(s, []).text).toBe('This conversation has 3 endings. None found yet.');
    expect(endingsFound(s, ['m', 'part']).text).toBe('2 of 3 endings found, not yet the best one.');
    expect(endingsFound(s, ['good', 'ghost']).text).toBe('1 of 3 endings found, including the best one.');
  });
});
