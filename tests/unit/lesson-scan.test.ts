import { describe, expect, test } from 'vitest';
import { plainHeadingText, scanLesson } from '../../src/lib/course/lesson-scan';

describe('scanLesson', () => {
  test('slugs headings the way Astro does, numbering repeats', () => {
    const scan = scanLesson('## Warm hand-off, not cold send-off\n\ntext\n\n### Why it matters\n\n## Why it matters\n');
    expect(scan.sections).toEqual([
      { slug: 'warm-hand-off-not-cold-send-off', title: 'Warm hand-off, not cold send-off', depth: 2, text: 'text' },
      { slug: 'why-it-matters', title: 'Why it matters', depth: 3, text: '' },
      { slug: 'why-it-matters-1', title: 'Why it matters', depth: 2, text: '' },
    ]);
  });

  test("keeps each section's prose as plain text for search, and the intro before the first heading", () => {
    const scan = scanLesson(
      'Opening words.\n\n## First\n\nSee [the module](../x/) on **warm** hand-offs <Cite source="a" />.\n\n<Callout type="safety">Call 911.</Callout>\n\n## Second\n\n<Term id="empathy">Empathy</Term> <Check id="q1" />',
    );
    expect(scan.intro).toBe('Opening words.');
    expect(scan.sections.map((s) => s.text)).toEqual(['See the module on warm hand-offs . Call 911.', 'Empathy']);
  });

  test('reads component attributes in either quote style, once each', () => {
    const scan = scanLesson(`<Cite source="naps-2019" /> and <Cite page="p. 3" source='ala-2006'/> again <Cite source="naps-2019" />
<Term id="empathy">empathy</Term> <Check id="q1" /> <Reflect id="r1">Why?</Reflect>`);
    expect(scan.citations).toEqual(['naps-2019', 'ala-2006']);
    expect(scan.terms).toEqual(['empathy']);
    expect(scan.checks).toEqual(['q1']);
    expect(scan.reflections).toEqual(['r1']);
  });

  test('ignores headings and components inside fenced code', () => {
    const scan = scanLesson('```mdx\n## Not a heading\n<Cite source="x" />\n```\n## Real\n');
    expect(scan.sections.map((s) => s.title)).toEqual(['Real']);
    expect(scan.citations).toEqual([]);
  });

  test('heading text drops emphasis, code and link targets', () => {
    expect(plainHeadingText('The **warm** `hand-off` and [988](https://988lifeline.org)')).toBe('The warm hand-off and 988');
  });
});
