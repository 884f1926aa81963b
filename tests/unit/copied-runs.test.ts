import { describe, expect, test } from 'vitest';
import { articleRuns, findCopiedRuns, ownWords } from '../../src/lib/course/copied-runs';

const article = 'Library staff may have times when they offer more than the patron does, and that is fine to say out loud.';
const runs = articleRuns(article, 12);

describe('copied runs from the source article', () => {
  test('a 12-word run copied into prose is found, with its line and its words as written', () => {
    const text = 'Intro line.\n\nAt the desk, library staff may have times when they offer more than the patron does, in truth.';
    expect(findCopiedRuns({ text, line: 10, kind: 'mdx' }, runs, 12)).toEqual([
      { line: 12, words: 13, text: 'library staff may have times when they offer more than the patron does' },
    ]);
  });

  test('case and curly apostrophes do not hide a copy; eleven words are not a run', () => {
    expect(findCopiedRuns({ text: 'LIBRARY STAFF MAY HAVE TIMES WHEN THEY OFFER MORE THAN THE PATRON', line: 1, kind: 'plain' }, runs, 12)).toHaveLength(1);
    expect(findCopiedRuns({ text: 'staff may have times when they offer more than the patron', line: 1, kind: 'plain' }, runs, 12)).toEqual([]);
  });

  test.each([
    ['straight quotes', 'As it says, "library staff may have times when they offer more than the patron does".'],
    ['curly quotes', 'As it says, “library staff may have times when they offer more than the patron does”.'],
    ['a blockquote', 'It says:\n\n> library staff may have times when they offer more than the patron does'],
  ])('a quotation in %s is not counted', (_how, text) => {
    expect(findCopiedRuns({ text, line: 1, kind: 'mdx' }, runs, 12)).toEqual([]);
  });

  test('a component tag breaks a run, and its quoted attributes never pair with the prose', () => {
    expect(ownWords('Say <Cite source="x" /> "quoted" here', 'mdx')).not.toContain('quoted');
    expect(ownWords('Say <Cite source="x" /> "quoted" here', 'mdx')).toContain('here');
    expect(findCopiedRuns({ text: 'library staff may have times when they <Term id="t">offer</Term> more than the patron does', line: 1, kind: 'mdx' }, runs, 12)).toEqual([]);
  });
});
