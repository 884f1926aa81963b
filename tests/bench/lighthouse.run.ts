/**
 * `npm run lighthouse`: Lighthouse (mobile preset, the default) on home, a lesson, a check and
 * the team page of a fresh production build, with Debian's Chromium. Prints each category's
 * score and writes tests/bench/results/lighthouse.json (gitignored); the README quotes the latest figures.
 * It asserts nothing: scores move with the machine (performance most of all).
 */
import { test } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM_PATH } from '../e2e/browser';
import { startStaticServer } from '../e2e/static-server';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PAGES: [string, string][] = [
  ['home', ''],
  ['lesson', 'modules/orientation/what-a-peer-specialist-is/'],
  ['check', 'modules/orientation/check/'],
  ['team', 'team/'],
];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

function build(outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'production', CROSSWALK_OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: 'ignore',
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`astro build exited with ${code}`))));
  });
}

test('npm run lighthouse', async () => {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'crosswalk-lighthouse-'));
  const out = path.join(tmp, 'site');
  await build(out);
  const server = await startStaticServer(out, '/');
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const results: Record<string, { scores: Record<string, number | null>; failing: string[] }> = {};
  try {
    for (const [name, route] of PAGES) {
      const url = new URL(route, server.url).href;
      const runner = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
      const lhr = runner!.lhr;
      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c]?.score == null ? null : Math.round(lhr.categories[c]!.score! * 100)]));
      // What keeps a category under 100, so the next person knows where to look.
      const failing = CATEGORIES.flatMap((c) =>
        (lhr.categories[c]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
          .map((ref) => `${c}: ${ref.id} (${lhr.audits[ref.id]?.displayValue ?? lhr.audits[ref.id]?.score})`),
      );
      results[name] = { scores, failing };
      console.log(`${name.padEnd(8)} ${CATEGORIES.map((c) => `${c} ${scores[c] ?? '–'}`).join('  ')}${failing.length ? `\n         below 100: ${failing.join('; ')}` : ''}`);
    }
  } finally {
    await chrome.kill();
    await server.close();
    await rm(tmp, { recursive: true, force: true });
  }
  await mkdir(path.join(ROOT, 'tests/bench/results'), { recursive: true });
  await writeFile(path.join(ROOT, 'tests/bench/results/lighthouse.json'), `${JSON.stringify({ at: new Date().toISOString(), preset: 'mobile (Lighthouse default)', results }, null, 2)}\n`);
}, 900_000);
