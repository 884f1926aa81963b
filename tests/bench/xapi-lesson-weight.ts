/**
 * The bench's xAPI figure (issue 19): a plain lesson of the real course, gzipped at load, when
 * content/site.yaml has an `xapi:` block. The course's content/ and modules/ are copied with
 * such a block added (an LRS on 127.0.0.1 that nobody answers: reporting waits in the outbox,
 * which weighs nothing), built, served, and the lesson weighed as the other page types are.
 * Budget: the same MAX_PLAIN_LESSON_GZIP_AT_LOAD as without xAPI. Its own file, so the bench's
 * main run needs one call.
 */
import { spawn } from 'node:child_process';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { weighPage, type Totals } from '../e2e/page-weight';
import { startStaticServer } from '../e2e/static-server';

export const XAPI_BLOCK = `
xapi:
  endpoint: "http://127.0.0.1:9/xapi/"
  username: "bench-key"
  password: "bench-secret"
  activityIdBase: "https://library.example.org/crosswalk/"
`;

export interface XapiLessonWeight {
  route: string;
  atLoad: Totals;
  /** HTML, CSS and JS at load: what MAX_PLAIN_LESSON_GZIP_AT_LOAD bounds. */
  htmlCssJsGzip: number;
  /** The settings file the reporter fetches after load (/xapi-config.json), gzipped. */
  configGzip: number;
}

function build(root: string, courseDir: string, outDir: string): Promise<void> {
  const env = { ...process.env };
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete env[key];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: root,
      env: { ...env, NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1', CROSSWALK_COURSE_DIR: courseDir, CROSSWALK_OUT_DIR: outDir, CROSSWALK_BASE: '/' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`building the course with xAPI failed:\n${output}`))));
  });
}

/** Builds the real course with an xapi block into `work` and weighs `route` (a plain lesson). */
export async function xapiLessonWeight(browser: Browser, root: string, work: string, route: string): Promise<XapiLessonWeight> {
  // The course folder must sit inside the project: the build resolves it from there.
  const courseDir = path.join(root, 'tests/bench/.output/xapi-course');
  await rm(courseDir, { recursive: true, force: true });
  for (const part of ['content', 'modules', 'public']) await cp(path.join(root, part), path.join(courseDir, part), { recursive: true }).catch(() => {});
  const siteYaml = path.join(courseDir, 'content/site.yaml');
  await writeFile(siteYaml, `${await readFile(siteYaml, 'utf8')}${XAPI_BLOCK}`);
  const outDir = path.join(work, 'xapi');
  try {
    await build(root, path.relative(root, courseDir), outDir);
  } finally {
    await rm(courseDir, { recursive: true, force: true });
  }
  const server = await startStaticServer(outDir, '/');
  try {
    const html = await readFile(path.join(outDir, route, 'index.html'), 'utf8');
    if (!html.includes('data-xapi-config-href')) throw new Error(`${route} has no xAPI reporter: is the xapi block read?`);
    const weight = await weighPage(browser, new URL(route, server.url).href);
    const { html: h, css, js } = weight.atLoad.byKind;
    // The settings file loads after the page (first interaction or a few seconds on): its own figure.
    const configGzip = gzipSync(await readFile(path.join(outDir, 'xapi-config.json'))).length;
    return { route: `/${route}`, atLoad: weight.atLoad, htmlCssJsGzip: h.gzip + css.gzip + js.gzip, configGzip };
  } finally {
    await server.close();
  }
}
