/**
 * Builds the site variants the browser tests run against, serves each on 127.0.0.1 (a free
 * port), and hands the URLs to the tests (inject('e2e.urls')).
 *
 *   (a) real    — the real course (content/ + modules/) at base '/'
 *   (b) subpath — tests/fixtures/mini-course at base '/training/crosswalk/'
 *
 * Outputs go to tests/e2e/.output/<variant>/. For quick local reruns,
 * CROSSWALK_E2E_SKIP_BUILD=1 reuses outputs that already exist.
 */
import { spawn } from 'node:child_process';
import { existsSync, rmSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startStaticServer, type StaticServer } from './static-server';
import { OUTPUT_ROOT, PROJECT_ROOT, VARIANTS, type Variant, type VariantName } from './site';

function build(variant: Variant): Promise<void> {
  const astro = path.join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs');
  rmSync(variant.outDir, { recursive: true, force: true });
  mkdirSync(OUTPUT_ROOT, { recursive: true });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [astro, 'build'], {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        // Vitest sets NODE_ENV=test, and Vite would then bundle React's development build
        // (three times the size, with dev-only warnings): test what `npm run build` ships.
        NODE_ENV: 'production',
        CROSSWALK_OUT_DIR: variant.outDir,
        CROSSWALK_BASE: variant.base,
        CROSSWALK_COURSE_DIR: variant.courseDir,
        ASTRO_TELEMETRY_DISABLED: '1',
        FORCE_COLOR: '0',
        NO_COLOR: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0 && existsSync(path.join(variant.outDir, 'index.html'))) return resolve();
      reject(
        new Error(
          `Building ${variant.label} failed (exit ${code ?? signal}); ` +
            `CROSSWALK_OUT_DIR=${variant.outDir} CROSSWALK_BASE=${variant.base} CROSSWALK_COURSE_DIR=${variant.courseDir} astro build said:\n\n${output}`,
        ),
      );
    });
  });
}

export default async function setup(project: TestProject) {
  const variants = Object.values(VARIANTS) as Variant[];
  const skip = process.env.CROSSWALK_E2E_SKIP_BUILD === '1';
  // One after the other: builds share the project's .astro/ folder.
  for (const variant of variants) {
    if (skip && existsSync(path.join(variant.outDir, 'index.html'))) {
      console.log(`[e2e] CROSSWALK_E2E_SKIP_BUILD=1: reusing ${path.relative(PROJECT_ROOT, variant.outDir)}`);
      continue;
    }
    const started = Date.now();
    await build(variant);
    console.log(`[e2e] built ${variant.label} in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  }

  const servers: StaticServer[] = [];
  const urls = {} as Record<VariantName, string>;
  try {
    for (const variant of variants) {
      const server = await startStaticServer(variant.outDir, variant.base);
      servers.push(server);
      urls[variant.name] = server.url;
    }
  } catch (error) {
    await Promise.all(servers.map((s) => s.close()));
    throw error;
  }
  project.provide('e2e.urls', urls);

  return async () => {
    await Promise.all(servers.map((s) => s.close()));
  };
}
