/**
 * xAPI in real Chromium. The fixture course is copied with an `xapi:` block in site.yaml that
 * names a Learning Record Store on 127.0.0.1 (a small recorder started here), built, and used
 * as a learner would: read a lesson (the LRS refuses the first request; the statement waits,
 * survives a reload, and is sent again), then pass the check while offline (statements wait)
 * and come back online (they go, in order). Then the unconfigured course: no request leaves.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { spawn } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { CHECK_READY, markLessonRead, openPage, report, useBrowser, watchPage } from './browser';
import { OUTPUT_ROOT, PROJECT_ROOT } from './site';
import { startStaticServer, type StaticServer } from './static-server';
import { VERBS } from '../../src/lib/lms/xapi';
import learningLockerValidation from '@learninglocker/xapi-validation';
import { weighPage } from './page-weight';
/** What xAPI may add to a page at load, gzipped: the boot script (the reporter loads later). */
const MAX_XAPI_BOOT_GZIP = 1_000;

/** Learning Locker's statement validator (conformance-tested), independent of our code. */
const validateStatement = (statement: unknown): string[] => {
  const validate = ((learningLockerValidation as unknown as { default?: unknown }).default ?? learningLockerValidation) as (data: unknown) => { path: string[]; message?: string }[];
  return validate(statement).map((w) => `${w.path.join('.')}: ${w.message ?? JSON.stringify(w)}`);
};

const COURSE_DIR = 'tests/e2e/.output/xapi-course';
const OUT_DIR = path.join(OUTPUT_ROOT, 'xapi');
const ACTIVITY_BASE = 'https://library.example.org/crosswalk/';
const WAIT = { timeout: 20_000 };

const browser = useBrowser();

interface Received {
  method: string;
  url: string;
  status: number;
  headers: IncomingMessage['headers'];
  body?: Record<string, any>;
}

let lrs: Server;
let lrsOrigin: string;
let site: StaticServer;
const received: Received[] = [];
/** Status for the next statement requests, in turn; then 204. */
const plannedStatuses: number[] = [];

function startLrs(): Promise<void> {
  lrs = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const cors = {
        'Access-Control-Allow-Origin': req.headers.origin ?? '*',
        'Access-Control-Allow-Methods': 'PUT, POST, OPTIONS',
        'Access-Control-Allow-Headers': 'Content-Type, Authorization, X-Experience-API-Version',
        'Access-Control-Max-Age': '0',
      };
      if (req.method === 'OPTIONS') {
        res.writeHead(204, cors).end();
        return;
      }
      const status = plannedStatuses.shift() ?? 204;
      received.push({ method: req.method!, url: req.url!, status, headers: req.headers, body: body ? JSON.parse(body) : undefined });
      res.writeHead(status, { ...cors, 'X-Experience-API-Version': '1.0.3' }).end();
    });
  });
  return new Promise((resolve) => lrs.listen(0, '127.0.0.1', () => resolve()));
}

function build(): Promise<void> {
  const env = { ...process.env };
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete env[key];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: PROJECT_ROOT,
      env: { ...env, NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1', CROSSWALK_COURSE_DIR: COURSE_DIR, CROSSWALK_OUT_DIR: OUT_DIR, CROSSWALK_BASE: '/' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('close', (code) => (code === 0 && existsSync(path.join(OUT_DIR, 'index.html')) ? resolve() : reject(new Error(`building the xAPI fixture failed:\n${output}`))));
  });
}

beforeAll(async () => {
  await startLrs();
  lrsOrigin = `http://127.0.0.1:${(lrs.address() as AddressInfo).port}`;
  const courseDir = path.join(PROJECT_ROOT, COURSE_DIR);
  rmSync(courseDir, { recursive: true, force: true });
  cpSync(path.join(PROJECT_ROOT, 'tests/fixtures/mini-course'), courseDir, { recursive: true });
  const siteYaml = path.join(courseDir, 'content/site.yaml');
  writeFileSync(
    siteYaml,
    `${readFileSync(siteYaml, 'utf8')}xapi:\n  endpoint: "${lrsOrigin}/xapi/"\n  username: "crosswalk-key"\n  password: "s3cret"\n  activityIdBase: "${ACTIVITY_BASE}"\n`,
  );
  await build();
  site = await startStaticServer(OUT_DIR, '/');
}, 300_000);

afterAll(async () => {
  await site?.close();
  await new Promise((resolve) => lrs?.close(resolve));
});

/** Console errors and page errors, and any request that goes somewhere other than the site or the LRS. */
function watchWithLrs(page: Page) {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !/^Failed to load resource\b/.test(m.text())) problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    const origin = new URL(r.url()).origin;
    if (!/^(data|blob|about):/.test(r.url()) && origin !== site.origin && origin !== lrsOrigin) problems.push(`request off origin: ${r.url()}`);
  });
  return () => problems;
}

const outbox = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('crosswalk:xapi-outbox') ?? 'null') as { statements: { id: string }[]; failures: number } | null);
const statementRequests = () => received.filter((r) => r.method === 'PUT');

test('statements reach the LRS in order, after a refused request, a reload and a spell offline', async () => {
  const page = await openPage(browser());
  const problems = watchWithLrs(page);
  plannedStatuses.push(503);

  // Read the lesson: "experienced". The LRS refuses it; it waits in the outbox.
  await page.goto(new URL('modules/beta/only/', site.url).href);
  const markRead = page.getByRole('button', { name: 'Mark as read' });
  await expect
    .poll(async () => {
      if (await markRead.isVisible()) await markRead.click({ timeout: 2_000 }).catch(() => {});
      return statementRequests().length;
    }, WAIT)
    .toBe(1);
  expect(statementRequests()[0]!.status).toBe(503);
  await expect.poll(() => outbox(page), WAIT).toMatchObject({ statements: [{ id: statementRequests()[0]!.body!.id }], failures: 1 });

  // A reload keeps it, and the retry (after the backoff) delivers the same statement.
  await page.reload();
  await expect.poll(() => statementRequests().length, WAIT).toBe(2);
  expect(statementRequests()[1]).toMatchObject({ status: 204, body: { id: statementRequests()[0]!.body!.id } });
  await expect.poll(async () => (await outbox(page))?.statements.length, WAIT).toBe(0);

  // Offline: passing the check queues answered, passed, completed; nothing can go.
  await page.goto(new URL('modules/beta/check/', site.url).href);
  await page.waitForSelector(CHECK_READY, WAIT);
  // The check's answer key is fetched on submit; offline, the service worker's copy serves it.
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', undefined, { timeout: 30_000 });
  await page.context().setOffline(true);
  await page.getByLabel('Yes', { exact: true }).check();
  await page.getByRole('button', { name: 'Submit my answers' }).click();
  await expect.poll(() => page.getByText('Passed: you scored 100%').count(), WAIT).toBe(1);
  await expect.poll(async () => (await outbox(page))?.statements.length, WAIT).toBe(3);
  expect(statementRequests()).toHaveLength(2);

  // Back online: sent at once, in the order they happened.
  await page.context().setOffline(false);
  await expect.poll(() => statementRequests().length, WAIT).toBe(5);
  await expect.poll(async () => (await outbox(page))?.statements.length, WAIT).toBe(0);

  const delivered = statementRequests().filter((r) => r.status === 204);
  expect(delivered.map((r) => [r.body!.verb.id, r.body!.object.id])).toEqual([
    [VERBS.experienced, `${ACTIVITY_BASE}modules/beta/only/`],
    [VERBS.answered, `${ACTIVITY_BASE}modules/beta/check/#q-only`],
    [VERBS.passed, `${ACTIVITY_BASE}modules/beta/check/`],
    [VERBS.completed, `${ACTIVITY_BASE}modules/beta/`],
  ]);
  for (const request of statementRequests()) {
    expect(request.url).toBe(`/xapi/statements?statementId=${request.body!.id}`);
    expect(request.headers['x-experience-api-version']).toBe('1.0.3');
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from('crosswalk-key:s3cret').toString('base64')}`);
    // The learner is a random id on the course's address: no name, no email.
    expect(request.body!.actor).toEqual({ objectType: 'Agent', account: { homePage: ACTIVITY_BASE, name: expect.stringMatching(/^[a-z0-9]{6,}$/) } });
    expect(request.body!.timestamp).toMatch(/^\d{4}-\d\d-\d\dT/);
  }
  for (const request of statementRequests()) expect(validateStatement(request.body), request.body!.verb.id).toEqual([]);
  expect(delivered[1]!.body!.result).toEqual({ success: true, response: 'a' });
  expect(delivered[1]!.body!.object.definition).toMatchObject({ interactionType: 'choice', correctResponsesPattern: ['a'] });
  for (const request of statementRequests()) expect(request.body!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(delivered[2]!.body!.result).toMatchObject({ success: true, score: { scaled: 1 } });

  expect(problems(), report('xAPI journey', problems())).toEqual([]);
  await page.context().close();
});

test('the settings are one file, not inlined in pages; xAPI adds under 1 KB to a lesson at load', async () => {
  const lesson = readFileSync(path.join(OUT_DIR, 'modules/beta/only/index.html'), 'utf8');
  expect(lesson).not.toContain('s3cret');
  expect(lesson).not.toContain(lrsOrigin + '/xapi/');
  expect(lesson).toContain('data-xapi-config-href="/xapi-config.json"');
  const file = JSON.parse(readFileSync(path.join(OUT_DIR, 'xapi-config.json'), 'utf8'));
  expect(file.config).toMatchObject({ endpoint: `${lrsOrigin}/xapi/`, activityIdBase: ACTIVITY_BASE });
  expect(file.titles.questions['beta/only']).toEqual(['a']);
  // The same lesson of the same course without xAPI (the fixture's subpath build): the
  // difference at load is the reporter's boot script alone. (The real course's plain lesson with
  // xAPI, against MAX_PLAIN_LESSON_GZIP_AT_LOAD, is in `npm run bench`.)
  const weigh = async (url: string) => {
    const weight = await weighPage(browser(), url);
    const { html, css, js } = weight.atLoad.byKind;
    return { total: html.gzip + css.gzip + js.gzip, weight };
  };
  const withXapi = await weigh(new URL('modules/beta/only/', site.url).href);
  const without = await weigh(new URL('modules/beta/only/', inject('e2e.urls').subpath).href);
  expect(withXapi.total - without.total).toBeLessThanOrEqual(MAX_XAPI_BOOT_GZIP);
  expect(without.total).toBeGreaterThan(0);
  // The reporter and its settings come after load (first interaction, or a few seconds later).
  expect(withXapi.weight.transfers.filter((t) => t.phase === 'load' && t.url.endsWith('/xapi-config.json'))).toEqual([]);
});

test('a course without an xapi block sends nothing: the same journey makes no request off its origin', async () => {
  const base = inject('e2e.urls').subpath;
  const page = await openPage(browser());
  const watch = await watchPage(page, new URL(base).origin);
  const before = received.length;
  await page.goto(new URL('modules/beta/only/', base).href);
  await markLessonRead(page, WAIT.timeout);
  await page.goto(new URL('modules/beta/check/', base).href);
  await page.waitForSelector(CHECK_READY, WAIT);
  await page.getByLabel('Yes', { exact: true }).check();
  await page.getByRole('button', { name: 'Submit my answers' }).click();
  await expect.poll(() => page.getByText('Passed: you scored 100%').count(), WAIT).toBe(1);
  await page.waitForLoadState('networkidle');
  expect(await page.evaluate(() => localStorage.getItem('crosswalk:xapi-outbox'))).toBeNull();
  expect(await page.locator('[data-xapi-config-href]').count()).toBe(0);
  expect(received.length).toBe(before);
  expect(watch.problems(), report('unconfigured course', watch.problems())).toEqual([]);
  await page.context().close();
});
