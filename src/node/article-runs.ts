/**
 * Writes the source article's fingerprint for the no-copy content test: one short hash per run
 * of RUN_WORDS consecutive words (src/lib/course/copied-runs.ts), sorted, one per line. The test
 * runs on every clone, where the article itself is not shipped (it is not ours to redistribute);
 * the hashes say whether a run of the course's prose is in the article without holding its text.
 *
 *   npm run article-runs -- <path to the article as plain text>
 *
 * Run it again only if the source article file changes; the content test checks the stored
 * fingerprint against the article whenever the article is on the machine.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { articleRuns } from '../lib/course/copied-runs';

export const FINGERPRINT_FILE = fileURLToPath(new URL('../../tests/content/article-runs.txt', import.meta.url));

/** 64 bits of SHA-256: for the few thousand runs of one article, a collision is out of reach. */
export const runHash = (run: string) => createHash('sha256').update(run, 'utf8').digest('hex').slice(0, 16);

/** The fingerprint file's text for an article. */
export function fingerprint(article: string): string {
  return [...new Set([...articleRuns(article)].map(runHash))].sort().join('\n') + '\n';
}

export function main(args: string[]): number {
  const [path] = args;
  if (!path) {
    console.error('usage: npm run article-runs -- <path to the source article, plain text>');
    return 2;
  }
  let article: string;
  try {
    article = readFileSync(path, 'utf8');
  } catch (error) {
    console.error(`Cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  const text = fingerprint(article);
  writeFileSync(FINGERPRINT_FILE, text);
  console.log(`Wrote ${text.split('\n').length - 1} run fingerprints to ${FINGERPRINT_FILE}`);
  return 0;
}
