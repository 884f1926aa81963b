/**
 * Crisis guidance is the same wherever a lesson raises it (issue 21): every lesson that mentions
 * danger, suicide, an overdose, 911 or 988 names the library's procedure, 911 and 988, gives 988
 * as "call or text", and asks staff to stay with a person only "if it is safe". The three modules
 * that teach the moment itself spell out each case. A failure names the file (and line).
 */
import { describe, expect, test } from 'vitest';
import { ROOT, modulePieces } from './prose-pieces';

const CRISIS = /\b988\b|\b911\b|immediate danger|suicid|overdose/i;
const PROCEDURE = /emergency procedure|library's procedure|school's own procedure|your procedure/i;
/** "Stay with them" said of a person at risk, which always carries its safety condition. */
const STAY_WITH = /\bstay(?:ing)? with (?:them|the person|the patron|the student|the visitor|him|her)\b/i;
const IF_SAFE = /\b(?:if|since|while) it is safe\b|\bif safe\b/i;

const lessons = modulePieces(ROOT)
  .filter(({ file }) => file.endsWith('.mdx'))
  .map(({ file, pieces }) => ({ file, text: pieces.map((p) => p.text).join('\n'), pieces }));
const crisisLessons = lessons.filter(({ text }) => CRISIS.test(text));

// Reading the whole course takes a second alone and longer on a busy machine.
describe('crisis guidance is consistent', { timeout: 60_000 }, () => {
  test('many lessons raise it (the test reads them)', () => {
    expect(crisisLessons.length).toBeGreaterThan(40);
  });

  test.each([
    ["the library's procedure", PROCEDURE],
    ['911', /\b911\b/],
    ['988', /\b988\b/],
    ['988 as call or text', /call or text/i],
  ])('every crisis-related lesson names %s', (_what, pattern) => {
    const missing = crisisLessons.filter(({ text }) => !pattern.test(text)).map(({ file }) => file);
    expect(missing).toEqual([]);
  });

  // Lesson prose only: a check option is a desk action, and a safety clause on the key alone
  // would give the answer away (CONTENT-GUIDE.md); the lesson it teaches from carries the condition.
  test('"stay with them" always comes with "if it is safe" in crisis-related lesson prose', () => {
    const unsafe = lessons.flatMap(({ file, pieces }) => pieces.flatMap((piece) =>
      piece.text.split('\n').map((line, i) => ({ at: `${file}:${piece.line + i}`, line }))))
      .filter(({ line }) => STAY_WITH.test(line) && CRISIS.test(line) && !IF_SAFE.test(line))
      .map(({ at }) => at);
    expect(unsafe).toEqual([]);
  });

  test('no lesson or item tells staff they need not judge: the one judgment, immediate danger, is theirs', () => {
    const said = modulePieces(ROOT).flatMap(({ file, pieces }) =>
      pieces.filter((p) => /do not (?:have|need) to judge how serious/i.test(p.text)).map((p) => `${file}:${p.line}`));
    expect(said).toEqual([]);
  });

  test.each([
    'modules/duty-08-crises/03-when-it-is-more.mdx',
    'modules/practice-04-patron-in-distress/01-before-the-conversation.mdx',
    'modules/practice-05-working-alone/01-before-the-conversation.mdx',
  ])('%s spells out each case', (file) => {
    const text = lessons.find((l) => l.file === file)!.text.replace(/\s+/g, ' ');
    expect(text, 'suicide disclosure').toMatch(/thinking about suicide/i);
    expect(text, 'take it seriously').toMatch(/take it seriously/i);
    expect(text, '988 together, with consent').toMatch(/(?:together|with them),? if they agree/i);
    expect(text, 'medical emergency or overdose').toMatch(/overdose/i);
    expect(text, 'stay while you call').toMatch(/stay with (?:them|the person)[^.]*(?:while you call|if it is safe)/i);
    expect(text, "the school's own procedure").toMatch(/school's own procedure/i);
  });
});
