/**
 * Search budget figures: index size (raw and gzip) and query latency p50/p95 over a fixed list of
 * queries, on the real course and on a corpus ten times larger (the real documents repeated with
 * their words varied, so the vocabulary grows as a bigger course's would).
 * Targets (issue 7): p95 at most 16 ms on the real course, at most 50 ms at ten times; index at
 * most 40 KB gzipped.
 */
import { test } from 'vitest';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { buildCourse } from '../../src/lib/course';
import { readCourseFiles } from '../../src/node/read-course';
import { Searcher, buildSearchIndex, type SearchSource } from '../../src/lib/search';
import { searchSources } from '../../src/lib/search-sources';

const QUERIES = [
  'warm hand-off', 'warm handof', 'confidentiallity', 'what can I say about a patron', 'library jargon', 'empathy or sympathy',
  'active listning', 'working alone', 'suicide crisis lifeline', 'roaming refrence', 'cold send-off', 'person driven',
  'privacy', 'homeless patron', 'student upset before exam', 'legal advice', 'interlibrary loan', 'declining to help',
  'strengths', 'advocacy censorship', 'hope', 'mentoring supervision', 'safety 911', 'respectful communication',
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Ten copies of every document; in each copy one word in five gets a suffix, so the vocabulary grows. */
function tenTimes(sources: SearchSource[]): SearchSource[] {
  const vary = (text: string, copy: number) => (copy === 0 ? text : text.replace(/\b([a-z]{5,})\b/g, (w, _m, at: number) => (at % 5 === 0 ? `${w}${'xqz'[copy % 3]}${copy}` : w)));
  return Array.from({ length: 10 }, (_, copy) => sources.map((s) => ({ ...s, title: vary(s.title, copy), body: vary(s.body, copy), href: `${s.href}?copy=${copy}` }))).flat();
}

function measure(label: string, sources: SearchSource[]) {
  const file = buildSearchIndex(sources);
  const json = JSON.stringify(file);
  const searcher = new Searcher(JSON.parse(json));
  for (const q of QUERIES) searcher.search(q); // warm up the JIT
  const times: number[] = [];
  for (let round = 0; round < 20; round++) {
    for (const q of QUERIES) {
      const start = performance.now();
      searcher.search(q, 8);
      times.push(performance.now() - start);
    }
  }
  times.sort((a, b) => a - b);
  const part = (value: unknown) => `${(gzipSync(JSON.stringify(value)).length / 1024).toFixed(1)} KiB`;
  console.log(
    [
      `search — ${label}`,
      `  documents ${file.docs.length}, vocabulary ${file.vocab.length} words`,
      `  index ${(json.length / 1024).toFixed(1)} KiB raw, ${gzipSync(json).length.toLocaleString('en-US')} bytes gzip (docs ${part(file.docs)}, vocabulary ${part(file.vocab)}, postings ${part(file.postings)})`,
      `  query latency over ${times.length} queries: p50 ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms, max ${times[times.length - 1]!.toFixed(2)} ms`,
    ].join('\n'),
  );
}

test('search index size and query latency', async () => {
  const course = buildCourse(await readCourseFiles(fileURLToPath(new URL('../..', import.meta.url))));
  const sources = searchSources(course);
  measure('real course', sources);
  measure('ten times the corpus', tenTimes(sources));
});
