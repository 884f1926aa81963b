/**
 * A cmi5 package in real Chromium, launched by a recording LMS: `npm run export:cmi5` packages
 * the fixture course's path; a small node server here plays the LMS and its LRS. It serves the
 * unpacked package, answers the launch's fetch address (a token, once per launch), keeps State
 * API documents (LMS.LaunchData with a context template, launchMode and returnURL, as the LMS
 * writes it before the launch) and records every statement.
 *
 * Journey: launch (Normal); pass module beta; leave: initialized … terminated, no completed.
 * Relaunch, same registration, new fetch address: progress comes back from the State API;
 * finish alpha: completed and passed (cmi5-defined, context template, moveon); return to the
 * LMS: terminated, then the returnURL. Every statement passes Learning Locker's xAPI validator
 * (independent of our code), and the cmi5 rules the spec sets for statements are checked here.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import learningLockerValidation from '@learninglocker/xapi-validation';
import { CHECK_READY, markLessonRead, openPage, report, useBrowser } from './browser';
import { exportPackage } from './export-package';
import { lmsFrames } from './lms-frame';
import { contentType } from './static-server';
import { CMI5_CATEGORY, CMI5_VERBS, MOVEON_CATEGORY, SESSION_EXTENSION } from '../../src/lib/lms/cmi5';

const WAIT = { timeout: 15_000 };
const REGISTRATION = '6f1c2b7a-9d3e-4c5b-8a1f-0e2d3c4b5a69';
const ACTOR = { objectType: 'Agent', name: 'Learner One', account: { homePage: 'https://lms.example.org', name: 'learner-1' } };
const TOKEN = Buffer.from('lms-key:lms-secret').toString('base64');

const browser = useBrowser();
let work: string;
let pkgDir: string;
let lms: Server;
let origin: string;
let auId: string;
let cmi5Xml: string;

interface Recorded {
  method: string;
  path: string;
  query: URLSearchParams;
  auth?: string;
  body?: any;
}
const requests: Recorded[] = [];
const states = new Map<string, string>();
/** Fetch addresses handed out, and how often each was used. */
const fetchUses = new Map<string, number>();
let sessionId = '';

const statements = () => requests.filter((r) => r.path === '/xapi/statements' && r.method === 'PUT').map((r) => r.body);
const validate = (statement: unknown): string[] => {
  const v = ((learningLockerValidation as unknown as { default?: unknown }).default ?? learningLockerValidation) as (data: unknown) => { path: string[]; message?: string }[];
  return v(statement).map((w) => `${w.path.join('.')}: ${w.message ?? JSON.stringify(w)}`);
};

const exportCmi5 = (out: string) => exportPackage('src/node/export-cmi5-cli.mjs', ['--path', 'new-hire', '--out', out], 'export:cmi5');

/** What the LMS writes before each launch (cmi5 10.2.1), with a fresh session id. */
function writeLaunchData(launchMode: 'Normal' | 'Browse') {
  sessionId = crypto.randomUUID();
  const key = `LMS.LaunchData|${REGISTRATION}`;
  states.set(
    key,
    JSON.stringify({
      contextTemplate: {
        contextActivities: { grouping: [{ id: auId, objectType: 'Activity' }] },
        extensions: { [SESSION_EXTENSION]: sessionId },
      },
      launchMode,
      launchMethod: 'AnyWindow',
      moveOn: 'CompletedAndPassed',
      masteryScore: 1,
      returnURL: `${origin}/lms-home/`,
    }),
  );
}

function startLms(): Promise<void> {
  lms = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const url = new URL(req.url!, 'http://x');
      const record: Recorded = { method: req.method!, path: url.pathname, query: url.searchParams, auth: req.headers.authorization, body: raw ? JSON.parse(raw) : undefined };
      if (url.pathname.startsWith('/fetch/')) {
        requests.push(record);
        const uses = (fetchUses.get(url.pathname) ?? 0) + 1;
        fetchUses.set(url.pathname, uses);
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(uses === 1 ? { 'auth-token': TOKEN } : { 'error-code': '1', 'error-text': 'already in use' }));
        return;
      }
      if (url.pathname.startsWith('/xapi/')) {
        requests.push(record);
        if (req.headers.authorization !== `Basic ${TOKEN}` || req.headers['x-experience-api-version'] !== '1.0.3') {
          res.writeHead(401).end();
          return;
        }
        if (url.pathname === '/xapi/activities/state') {
          const key = `${url.searchParams.get('stateId')}|${url.searchParams.get('registration')}`;
          if (req.method === 'GET') {
            const doc = states.get(key);
            if (doc === undefined) res.writeHead(404).end();
            else res.writeHead(200, { 'Content-Type': 'application/json' }).end(doc);
          } else {
            states.set(key, raw);
            res.writeHead(204).end();
          }
          return;
        }
        res.writeHead(204, { 'X-Experience-API-Version': '1.0.3' }).end();
        return;
      }
      if (url.pathname === '/lms-home/') {
        res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>LMS home</title><h1>Back in the LMS</h1>');
        return;
      }
      // The package, served as files (an LMS does not turn folders into pages).
      const file = path.join(pkgDir, decodeURIComponent(url.pathname.replace(/^\/pkg\//, '')));
      if (url.pathname.startsWith('/pkg/') && file.startsWith(pkgDir) && existsSync(file) && statSync(file).isFile()) {
        res.writeHead(200, { 'Content-Type': contentType(file) }).end(readFileSync(file));
        return;
      }
      res.writeHead(404).end();
    });
  });
  return new Promise((resolve) => lms.listen(0, '127.0.0.1', () => resolve()));
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'crosswalk-cmi5-e2e-'));
  pkgDir = path.join(work, 'pkg');
  const zip = path.join(work, 'cmi5.zip');
  await exportCmi5(zip);
  for (const [name, data] of Object.entries(unzipSync(readFileSync(zip)))) {
    if (name.endsWith('/')) continue;
    mkdirSync(path.dirname(path.join(pkgDir, name)), { recursive: true });
    writeFileSync(path.join(pkgDir, name), data);
  }
  cmi5Xml = readFileSync(path.join(pkgDir, 'cmi5.xml'), 'utf8');
  auId = /<au id="([^"]+)"/.exec(cmi5Xml)![1]!;
  await startLms();
  origin = `http://127.0.0.1:${(lms.address() as AddressInfo).port}`;
}, 300_000);

afterAll(async () => {
  await new Promise((resolve) => lms?.close(resolve));
  if (work) rmSync(work, { recursive: true, force: true });
});

function launchUrl(fetchId: string): string {
  const query = new URLSearchParams({ endpoint: `${origin}/xapi/`, fetch: `${origin}/fetch/${fetchId}`, actor: JSON.stringify(ACTOR), registration: REGISTRATION, activityId: auId });
  return `${origin}/pkg/lms/index.html?${query}`;
}

const { courseFrame, follow, passAlpha } = lmsFrames('/pkg/');

async function launch(fetchId: string) {
  const page = await openPage(browser());
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/^Failed to load resource\b/.test(m.text())) problems.push(`console error: ${m.text()}`);
  });
  await page.goto(launchUrl(fetchId));
  await expect.poll(() => page.locator('[data-lms-status]').textContent(), WAIT).toContain('Connected to your learning system');
  return { page, problems };
}

test('the zip holds cmi5.xml: one AU for the path, moveOn and masteryScore, launching the package', () => {
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(cmi5Xml).courseStructure;
  expect(parsed['@xmlns']).toBe('https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd');
  expect(parsed.au).toMatchObject({ '@moveOn': 'CompletedAndPassed', '@masteryScore': '1', url: 'lms/index.html' });
  expect(parsed.au.title.langstring['#text']).toBe('New-hire onboarding');
  expect(existsSync(path.join(pkgDir, 'lms/index.html'))).toBe(true);
  expect(existsSync(path.join(pkgDir, 'imsmanifest.xml'))).toBe(false);
  expect(existsSync(path.join(pkgDir, 'assign'))).toBe(false);
});

test('first launch: token fetched once, LaunchData read, initialized; progress in the State API; leaving sends terminated, no completed', async () => {
  writeLaunchData('Normal');
  const { page, problems } = await launch('one');
  const pathPage = await courseFrame(page, /paths\/new-hire\/index\.html$/);
  let lesson = await follow(pathPage, page, 'modules/beta/index.html');
  lesson = await follow(lesson, page, 'modules/beta/only/index.html');
  await markLessonRead(lesson, WAIT.timeout);
  const check = await follow(lesson, page, 'modules/beta/check/index.html');
  await check.waitForSelector(CHECK_READY, WAIT);
  await check.getByLabel('Yes', { exact: true }).check();
  await check.getByRole('button', { name: 'Submit my answers' }).click();
  await expect.poll(() => check.getByText('Passed: you scored 100%').count(), WAIT).toBe(1);
  await expect.poll(() => states.has(`crosswalk-progress|${REGISTRATION}`), WAIT).toBe(true);
  await page.goto('about:blank');
  await expect.poll(() => statements().map((s) => s.verb.id), WAIT).toEqual([CMI5_VERBS.initialized, CMI5_VERBS.terminated]);
  expect(fetchUses.get('/fetch/one')).toBe(1);
  expect(requests.find((r) => r.path === '/xapi/activities/state' && r.query.get('stateId') === 'LMS.LaunchData')).toBeDefined();
  expect(problems, report('cmi5 first launch', problems)).toEqual([]);
  await page.context().close();
});

test('relaunch: progress comes back; finishing the path sends completed and passed; return sends terminated and goes to returnURL', async () => {
  writeLaunchData('Normal');
  const before = statements().length;
  const { page, problems } = await launch('two');
  // Back where the learner left off, with the check passed (from the State API).
  const resumed = await courseFrame(page, /modules\/beta\/check\/index\.html$/);
  await resumed.waitForSelector(CHECK_READY, WAIT);
  await expect.poll(() => resumed.getByText('You have passed this check.').filter({ visible: true }).count(), WAIT).toBe(1);
  await resumed.evaluate(() => {
    location.href = './paths/new-hire/index.html';
  });
  await passAlpha(await courseFrame(page, /\/pkg\/paths\/new-hire\/index\.html$/), page);
  // Beta was passed in the first launch: only with it read back does the path complete now.
  await expect.poll(() => statements().slice(before).map((s) => s.verb.id), WAIT).toEqual([CMI5_VERBS.initialized, CMI5_VERBS.completed, CMI5_VERBS.passed]);

  await page.getByRole('button', { name: 'Return to the learning system' }).click();
  await page.waitForURL(`${origin}/lms-home/`, WAIT);
  expect(statements().slice(before).map((s) => s.verb.id)).toEqual([CMI5_VERBS.initialized, CMI5_VERBS.completed, CMI5_VERBS.passed, CMI5_VERBS.terminated]);
  expect(fetchUses.get('/fetch/two')).toBe(1);
  expect(problems, report('cmi5 relaunch', problems)).toEqual([]);
  await page.context().close();
});

test('every statement: valid xAPI (Learning Locker), and cmi5-defined as the spec says', () => {
  const all = statements();
  expect(all).toHaveLength(6);
  for (const s of all) {
    expect(validate(s), s.verb.id).toEqual([]);
    expect(s.actor).toMatchObject({ account: ACTOR.account });
    expect(s.object.id).toBe(auId);
    expect(s.context.registration).toBe(REGISTRATION);
    // The context template's activities and session id, and the cmi5 category.
    expect(s.context.contextActivities.grouping).toEqual([{ id: auId, objectType: 'Activity' }]);
    expect(s.context.extensions[SESSION_EXTENSION]).toMatch(/^[0-9a-f-]{36}$/);
    expect(s.context.contextActivities.category).toContainEqual({ id: CMI5_CATEGORY, objectType: 'Activity' });
    const moveOn = s.verb.id === CMI5_VERBS.completed || s.verb.id === CMI5_VERBS.passed;
    expect(s.context.contextActivities.category.some((c: { id: string }) => c.id === MOVEON_CATEGORY)).toBe(moveOn);
    if (s.verb.id !== CMI5_VERBS.initialized) expect(s.result.duration).toMatch(/^PT/);
  }
  const passed = all.find((s) => s.verb.id === CMI5_VERBS.passed)!;
  expect(passed.result).toMatchObject({ success: true, score: { scaled: 1 } });
  const completed = all.find((s) => s.verb.id === CMI5_VERBS.completed)!;
  expect(completed.result).toMatchObject({ completion: true });
  // Two sessions, each its own session id from its own LaunchData.
  expect(new Set(all.map((s) => s.context.extensions[SESSION_EXTENSION])).size).toBe(2);
  // Control: the validator does object to a broken statement.
  expect(validate({ ...passed, verb: { id: 'not a verb iri' } })).not.toEqual([]);
});

test('a Browse launch records nothing new: initialized and terminated only', async () => {
  writeLaunchData('Browse');
  const before = statements().length;
  const progressBefore = states.get(`crosswalk-progress|${REGISTRATION}`);
  const { page } = await launch('three');
  await expect.poll(() => page.locator('[data-lms-status]').textContent(), WAIT).toContain('browse mode');
  // The page the learner left at the end of the last Normal launch.
  await courseFrame(page, /\/pkg\/modules\/alpha\/check\/index\.html$/);
  await page.goto('about:blank');
  await expect.poll(() => statements().slice(before).map((s) => s.verb.id), WAIT).toEqual([CMI5_VERBS.initialized, CMI5_VERBS.terminated]);
  expect(states.get(`crosswalk-progress|${REGISTRATION}`)).toBe(progressBefore);
  await page.context().close();
});
