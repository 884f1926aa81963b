/**
 * Lesson prose and check items are written fresh, not copied from the source article
 * (CONTENT-GUIDE.md, "Accuracy and sources"): no run of 12 or more consecutive words of the
 * article outside quotation marks or blockquotes. A failure prints each run with file and line;
 * put it in quotation marks with a <Cite>, or say it in your own words.
 *
 * The article is not shipped with the course (it is not ours to redistribute): the test reads
 * its fingerprint, one hash per 12-word run (src/node/article-runs.ts), so it runs on every
 * clone. Where the article is on the machine, the fingerprint is checked against it too.
 */
import { describe, expect, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { RUN_WORDS, findCopiedRuns, type RunLookup } from '../../src/lib/course/copied-runs';
import { FINGERPRINT_FILE, fingerprint, runHash } from '../../src/node/article-runs';
import { modulePieces } from './prose-pieces';

/** Where a developer's machine keeps the source article (CONTENT-GUIDE.md names it). */
const ARTICLE = '/work/shared/seed/rofofsky-2023-peer-specialists-libraries.txt';

const stored = readFileSync(FINGERPRINT_FILE, 'utf8');
const hashes = new Set(stored.split('\n').filter(Boolean));
const runs: RunLookup = { has: (run) => hashes.has(runHash(run)) };

// Reading and scanning the whole course takes a second alone and longer on a busy machine.
describe('no prose copied from the source article', { timeout: 60_000 }, () => {
  test('the fingerprint holds the article: thousands of runs, and a sentence of it is found', () => {
    expect(hashes.size).toBeGreaterThan(5000);
    // A sentence of the article (its opening of the analysis), as a lesson might copy it.
    const copied = findCopiedRuns({ text: 'There are several types of peer specialists, and this analysis focuses specifically on those working in the mental health field.', line: 1, kind: 'plain' }, runs);
    expect(copied.map((run) => run.words)).toEqual([20]);
  });

  test('the fingerprint is sorted 64-bit hashes, and the article’s own wherever the article is on the machine', () => {
    const lines = stored.split('\n').filter(Boolean);
    expect(lines.every((line) => /^[0-9a-f]{16}$/.test(line))).toBe(true);
    expect(lines).toEqual([...new Set(lines)].sort());
    // CI clones hold no article; a developer's machine does, and there the two must agree.
    if (existsSync(ARTICLE)) {
      expect(stored, 'the stored fingerprint differs from the article: run `npm run article-runs -- <article>`').toBe(fingerprint(readFileSync(ARTICLE, 'utf8')));
    }
  });

  test(`no unquoted run of ${RUN_WORDS}+ words of the article in any lesson or check`, () => {
    const found = modulePieces().flatMap(({ file, pieces }) =>
      pieces.flatMap((piece) => findCopiedRuns(piece, runs).map((run) => `${file}:${run.line} (${run.words} words) ${run.text}`)));
    expect(found, `copied runs:\n${found.join('\n')}`).toEqual([]);
  });
});
