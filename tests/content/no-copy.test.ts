/**
 * Lesson prose and check items are written fresh, not copied from the source article
 * (CONTENT-GUIDE.md, "Accuracy and sources"): no run of 12 or more consecutive words of the
 * article outside quotation marks or blockquotes. A failure prints each run with file and line;
 * put it in quotation marks with a <Cite>, or say it in your own words.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RUN_WORDS, articleRuns, findCopiedRuns } from '../../src/lib/course/copied-runs';
import { ROOT, modulePieces } from './prose-pieces';

const ARTICLE = '/work/shared/seed/rofofsky-2023-peer-specialists-libraries.txt';
const articlePath = [join(ROOT, 'content/seed/rofofsky-2023-peer-specialists-libraries.txt'), ARTICLE].find((p) => {
  try { readFileSync(p); return true; } catch { return false; }
});

// Reading and scanning the whole course takes a second alone and longer on a busy machine.
describe.runIf(articlePath)('no prose copied from the source article', { timeout: 60_000 }, () => {
  const runs = articleRuns(readFileSync(articlePath!, 'utf8'));

  test('the article is read: it yields thousands of runs to compare against', () => {
    expect(runs.size).toBeGreaterThan(5000);
  });

  test(`no unquoted run of ${RUN_WORDS}+ words of the article in any lesson or check`, () => {
    const found = modulePieces().flatMap(({ file, pieces }) =>
      pieces.flatMap((piece) => findCopiedRuns(piece, runs).map((run) => `${file}:${run.line} (${run.words} words) ${run.text}`)));
    expect(found, `copied runs:\n${found.join('\n')}`).toEqual([]);
  });
});
