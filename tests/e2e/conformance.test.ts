/**
 * Every built page conforms to HTML (issue 20): the W3C Nu HTML Checker (npm vnu-jar, run by
 * Java) over every page of both e2e builds, in one Java process, reports no error. Warnings are
 * not failures; errors are listed with the page, the line and what the checker said.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { expect, test } from 'vitest';
import { VARIANTS, discoverPages } from './site';

// The package exports the jar's path (as a String object); Java comes from the system, not its downloader.
const vnuJar = String(createRequire(import.meta.url)('vnu-jar'));

interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

test('the Nu HTML Checker finds no error on any built page', { timeout: 180_000 }, () => {
  const files = Object.values(VARIANTS).flatMap((variant) => discoverPages(variant).map((p) => p.file));
  expect(files.length, 'no built pages found: the build step did not run').toBeGreaterThan(100);
  const run = spawnSync('java', ['-Xss4m', '-jar', vnuJar, '--errors-only', '--format', 'json', ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw new Error(`could not run java for the Nu HTML Checker (${run.error.message}); install a JRE (Debian: default-jre-headless)`);
  // vnu writes its JSON report to stderr and exits 1 when it found errors.
  const report = JSON.parse(run.stderr || '{"messages":[]}') as { messages: VnuMessage[] };
  const errors = report.messages.filter((m) => m.type === 'error' || m.subType === 'fatal' || m.type === 'non-document-error');
  const where = (m: VnuMessage) => `${path.relative(process.cwd(), (m.url ?? '').replace(/^file:/, ''))}:${m.lastLine ?? '?'}`;
  expect(errors.map((m) => `${where(m)}: ${m.message}${m.extract ? `\n    ${m.extract.replace(/\s+/g, ' ').slice(0, 160)}` : ''}`)).toEqual([]);
  expect(run.status, run.stdout).toBe(0);
});
