/**
 * SCORM packages in a real SCORM run-time (scorm-again's Scorm12API and Scorm2004API), the way
 * an LMS runs them: `npm run export:scorm` packages the fixture course's path (alpha, beta);
 * the zip is unpacked and served by a file server that, like an LMS's, serves files and not
 * folders; a harness page next to it holds the API and frames the package's launch file.
 *
 * The runtime is configured from the package's own manifest, as an LMS configures it: 1.2's
 * adlcp:masteryscore becomes cmi.student_data.mastery_score with "mastery score overrides
 * status" on (Moodle's default, scorm-again's mastery_override); 2004's minNormalizedMeasure of a
 * primary objective satisfied by measure becomes cmi.scaled_passing_score.
 *
 * Journey, for each version: launch; read module beta's lesson and pass its check; leave (the
 * launch page terminates); assert status (incomplete, never failed), no score yet, and
 * suspend_data in the runtime; relaunch in a fresh browser with those values (nothing in
 * localStorage) and find the learner back where they were with beta done; complete alpha; the
 * path is complete and passed.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import type { Frame, Page } from 'playwright-core';
import { CHECK_READY, markLessonRead, openPage, report, useBrowser, watchPage, axe } from './browser';
import { PROJECT_ROOT } from './site';
import { exportPackage } from './export-package';
import { lmsFrames } from './lms-frame';
import { startStaticServer, type StaticServer } from './static-server';
import { decodeSuspendData, type SuspendModule } from '../../src/lib/lms/suspend-data';
import { buildCourse, everyQuestion } from '../../src/lib/course/course';
import { readCourseFiles } from '../../src/node/read-course';
import { namedFiles, validateManifest } from '../scorm-package-check';

const FIXTURE = 'tests/fixtures/mini-course';
const VERSIONS = ['1.2', '2004'] as const;
type Version = (typeof VERSIONS)[number];

const browser = useBrowser();
/** Pages load in frames on a busy machine: wait up to 15 s for what a learner would see. */
const WAIT = { timeout: 15_000 };
let work: string;
let server: StaticServer;
let modules: SuspendModule[];
/** Each package's zip entries and the mastery value its manifest gives the LMS. */
const packages = {} as Record<Version, { entries: Record<string, Uint8Array>; mastery: string }>;

/** What an LMS reads from the manifest: 1.2 adlcp:masteryscore; 2004 minNormalizedMeasure when satisfiedByMeasure. */
function masteryFromManifest(version: Version, manifest: string): string {
  if (version === '1.2') return /<adlcp:masteryscore>([^<]*)</.exec(manifest)?.[1] ?? '';
  return /satisfiedByMeasure="true"[^>]*>\s*<imsss:minNormalizedMeasure>([^<]*)</.exec(manifest)?.[1] ?? '';
}

const exportScorm = (version: Version, out: string) =>
  exportPackage('src/node/export-scorm-cli.mjs', ['--path', 'new-hire', '--version', version, '--out', out], `export:scorm ${version}`);

function unzipTo(zip: string, dir: string): Record<string, Uint8Array> {
  const entries = unzipSync(readFileSync(zip));
  for (const [name, data] of Object.entries(entries)) {
    if (name.endsWith('/')) continue;
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, data);
  }
  return entries;
}

/**
 * The harness: the page an LMS would show. It makes the API before the SCO loads, with the
 * values a previous session left (as an LMS restores them), and frames the launch file.
 */
const HARNESS = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>LMS harness</title>
<script src="scorm12.js"></script><script src="scorm2004.js"></script></head>
<body><iframe id="sco" title="Course" width="1200" height="760"></iframe>
<script>
  window.startSco = (version, launch, previous, mastery) => {
    const settings = { autocommit: false, logLevel: 5, mastery_override: true };
    const api = version === '1.2' ? (window.API = new Scorm12API(settings)) : (window.API_1484_11 = new Scorm2004API(settings));
    // The manifest's mastery, as the LMS hands it to every launch of an attempt for credit.
    api.loadFromJSON(version === '1.2' ? { core: { credit: 'credit', lesson_mode: 'normal' }, student_data: { mastery_score: mastery } } : { credit: 'credit', mode: 'normal', scaled_passing_score: mastery });
    if (previous) {
      api.loadFromJSON(previous);
      if (version === '1.2') api.cmi.core.entry = 'resume'; else api.cmi.entry = 'resume';
    }
    // What the SCO did, in order: calls, and the last value set per element (exit and
    // session_time are write-only in the data model, so they are read from here).
    window.calls = [];
    window.sets = {};
    const names = version === '1.2' ? ['LMSInitialize', 'LMSCommit', 'LMSFinish'] : ['Initialize', 'Commit', 'Terminate'];
    for (const name of names) api.on(name, () => window.calls.push(name));
    window.statuses = [];
    api.on((version === '1.2' ? 'LMSSetValue' : 'SetValue') + '.cmi.*', (element, value) => { window.sets[element] = value; });
    // The status the LMS derives at each commit, in order (1.2 applies the mastery at LMSFinish, as
    // Moodle does: the status after the end is read from the data model).
    api.on(version === '1.2' ? 'LMSCommit' : 'Commit', () => window.statuses.push(version === '1.2' ? api.cmi.core.lesson_status : api.GetValue('cmi.success_status')));
    document.getElementById('sco').src = launch;
  };
  window.readCmi = (version) => {
    const api = version === '1.2' ? window.API : window.API_1484_11;
    const cmi = api.cmi;
    return version === '1.2'
      ? { terminated: api.isTerminated(), mastery: cmi.student_data.mastery_score, statuses: window.statuses.join(' '), status: cmi.core.lesson_status, raw: cmi.core.score.raw, min: cmi.core.score.min, max: cmi.core.score.max,
          location: cmi.core.lesson_location, suspend: cmi.suspend_data, exit: window.sets['cmi.core.exit'], sessionTime: window.sets['cmi.core.session_time'], calls: window.calls.join(' ') }
      : { terminated: api.isTerminated(), mastery: cmi.scaled_passing_score, statuses: window.statuses.join(' '), status: cmi.completion_status, success: cmi.success_status, raw: cmi.score.raw, min: cmi.score.min, max: cmi.score.max,
          scaled: cmi.score.scaled, location: cmi.location, suspend: cmi.suspend_data, exit: window.sets['cmi.exit'], sessionTime: window.sets['cmi.session_time'], calls: window.calls.join(' ') };
  };
  // Control: the runtime configured so does fail a partial score (what the package used to send).
  window.partialScoreStatus = (version, mastery) => {
    const settings = { autocommit: false, logLevel: 5, mastery_override: true };
    const api = version === '1.2' ? new Scorm12API(settings) : new Scorm2004API(settings);
    api.loadFromJSON(version === '1.2' ? { core: { credit: 'credit', lesson_mode: 'normal' }, student_data: { mastery_score: mastery } } : { credit: 'credit', mode: 'normal', scaled_passing_score: mastery });
    if (version === '1.2') {
      api.LMSInitialize(''); api.LMSSetValue('cmi.core.lesson_status', 'incomplete'); api.LMSSetValue('cmi.core.score.raw', '50'); api.LMSFinish('');
      return api.cmi.core.lesson_status;
    }
    api.Initialize(''); api.SetValue('cmi.success_status', 'unknown'); api.SetValue('cmi.score.scaled', '0.5'); api.Commit('');
    return api.GetValue('cmi.success_status');
  };
  window.endSco = () => { document.getElementById('sco').src = 'about:blank'; };
</script></body></html>`;

type Cmi = Record<string, string | boolean | undefined>;

/**
 * What went wrong on the pages, less loads cut short by the learner moving on: pages load parts
 * of their script on the first click, and following a link at once aborts them (no fault; a
 * missing file still shows as an HTTP 404). watchPage forgives such aborts on a page and its
 * frames, but not always in the course frame nested inside the LMS harness's frame, whose
 * navigations it does not always see begin before the abort arrives.
 */
const realProblems = (watch: { problems(): string[] }) => watch.problems().filter((p) => !/^request failed: .*net::ERR_ABORTED$/.test(p));

/** What the next launch gets from the LMS: the values this session left. */
function previousFor(version: Version, cmi: Cmi): object {
  return version === '1.2'
    ? { suspend_data: cmi.suspend, core: { lesson_location: cmi.location, lesson_status: cmi.status, score: { raw: cmi.raw, min: cmi.min, max: cmi.max } } }
    : { suspend_data: cmi.suspend, location: cmi.location, completion_status: cmi.status, success_status: cmi.success, score: { raw: cmi.raw, min: cmi.min, max: cmi.max, scaled: cmi.scaled } };
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'crosswalk-scorm-e2e-'));
  modules = buildCourse(await readCourseFiles(path.join(PROJECT_ROOT, FIXTURE))).modules.map((m) => ({
    id: m.id,
    lessonIds: m.lessons.map((l) => l.id),
    contentHash: m.contentHash,
    questions: everyQuestion(m).map((q) => ({ localId: q.localId, options: q.options.length })),
  }));
  // One after the other: the two builds share the project's .astro folder.
  for (const version of VERSIONS) {
    const zip = path.join(work, `scorm-${version}.zip`);
    await exportScorm(version, zip);
    const entries = unzipTo(zip, path.join(work, 'site', `pkg-${version}`));
    packages[version] = { entries, mastery: masteryFromManifest(version, Buffer.from(entries['imsmanifest.xml']!).toString('utf8')) };
  }
  const harness = path.join(work, 'site', 'harness');
  mkdirSync(harness, { recursive: true });
  writeFileSync(path.join(harness, 'index.html'), HARNESS);
  for (const file of ['scorm12.js', 'scorm2004.js']) copyFileSync(path.join(PROJECT_ROOT, 'node_modules/scorm-again/dist', file), path.join(harness, file));
  server = await startStaticServer(path.join(work, 'site'), '/', { directoryIndex: false });
}, 300_000);

afterAll(async () => {
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

const { courseFrame, follow, passAlpha } = lmsFrames('/pkg-[^/]+/');

async function launchFrame(page: Page): Promise<Frame> {
  return courseFrame(page, /\/lms\/index\.html$/);
}

async function start(version: Version, previous: object | null) {
  const page = await openPage(browser());
  const watch = await watchPage(page, server.origin);
  await page.goto(`${server.origin}/harness/index.html`);
  const mastery = packages[version].mastery;
  await page.evaluate(([v, launch, prev, m]) => (window as unknown as { startSco: (...a: unknown[]) => void }).startSco(v, launch, prev, m), [version, `/pkg-${version}/lms/index.html`, previous, mastery] as const);
  const launcher = await launchFrame(page);
  await expect.poll(() => launcher.locator('[data-lms-status]').textContent(), WAIT).toContain('Connected to your learning system');
  return { page, watch, launcher };
}

async function end(page: Page, version: Version): Promise<Cmi> {
  // Let the pages finish loading first: leaving mid-load aborts requests, which is no finding.
  for (const frame of page.frames()) await frame.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
  await page.evaluate(() => (window as unknown as { endSco: () => void }).endSco());
  await expect.poll(() => page.evaluate((v) => (window as unknown as { readCmi: (v: string) => Cmi }).readCmi(v).terminated, version), WAIT).toBe(true);
  return page.evaluate((v) => (window as unknown as { readCmi: (v: string) => Cmi }).readCmi(v), version);
}

/** The module check's script has run. */
async function ready(frame: Frame) {
  await frame.waitForSelector(CHECK_READY, { timeout: 15_000 });
}

async function passBeta(page: Page, frame: Frame) {
  let lesson = await follow(frame, page, 'modules/beta/index.html');
  lesson = await follow(lesson, page, 'modules/beta/only/index.html');
  await markLessonRead(lesson, WAIT.timeout);
  const check = await follow(lesson, page, 'modules/beta/check/index.html');
  await ready(check);
  await check.getByLabel('Yes', { exact: true }).check();
  await check.getByRole('button', { name: 'Submit my answers' }).click();
  await expect.poll(() => check.getByText('Passed: you scored 100%').count(), WAIT).toBe(1);
  return check;
}

describe.each(VERSIONS)('SCORM %s package in scorm-again', (version) => {
  let afterFirst: Cmi;

  test('the package carries no service worker and no update prompt: the LMS serves it', () => {
    const dir = path.join(work, 'site', `pkg-${version}`);
    expect(existsSync(path.join(dir, 'sw.js'))).toBe(false);
    expect(readFileSync(path.join(dir, 'index.html'), 'utf8')).not.toContain('data-update-prompt');
    // Control: the package is there to look at.
    expect(existsSync(path.join(dir, 'imsmanifest.xml'))).toBe(true);
  });

  test('the manifest validates against the schemas in the zip, and every file it names is there', () => {
    const { entries, mastery } = packages[version];
    const verdict = validateManifest(entries);
    expect(verdict.valid, verdict.output).toBe(true);
    const manifest = Buffer.from(entries['imsmanifest.xml']!).toString('utf8');
    expect(namedFiles(manifest).filter((f) => !(f in entries))).toEqual([]);
    // The LMS gets a mastery value from it: the runtime below is configured with it.
    expect(mastery).toBe(version === '1.2' ? '100' : '1');
  });

  test('control: the runtime, configured from the manifest, fails a partial score', async () => {
    const page = await openPage(browser());
    await page.goto(`${server.origin}/harness/index.html`);
    const status = await page.evaluate(([v, m]) => (window as unknown as { partialScoreStatus: (v: string, m: string) => string }).partialScoreStatus(v, m), [version, packages[version].mastery] as const);
    expect(status).toBe('failed');
    await page.context().close();
  });

  test('the package leaves out the Assign and Team pages, and every link to them', () => {
    const { entries } = packages[version];
    expect(Object.keys(entries).filter((f) => /^(assign|team)\//.test(f))).toEqual([]);
    const home = Buffer.from(entries['index.html']!).toString('utf8');
    expect(home).not.toMatch(/href="[^"]*(assign|team)\/[^"]*"/);
    expect(home).not.toContain('Assign modules');
    // Control: the pages that stay are linked as ever.
    expect(home).toMatch(/href="\.\/desk-cards\/index\.html"/);
  });

  test('a first launch records a module passed: status, score and suspend_data in the LMS', async () => {
    const { page, watch, launcher } = await start(version, null);
    const pathPage = await courseFrame(page, /paths\/new-hire\/index\.html$/);
    await expect.poll(() => pathPage.getByRole('heading', { level: 1 }).textContent(), WAIT).toContain('New-hire onboarding');
    // The launch page itself: accessible. axe goes in through the debugger (the page's CSP
    // rightly refuses an injected <script>), then runs on the frame as on a page.
    await launcher.evaluate(readFileSync(path.join(PROJECT_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));
    const violations = await axe(launcher as unknown as Page);
    expect(violations, report('launch page', violations)).toEqual([]);

    await passBeta(page, pathPage);
    // Progress goes to the LMS, not to this browser.
    const local = await launcher.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('crosswalk:progress')));
    expect(local).toEqual([]);

    afterFirst = await end(page, version);
    if (version === '1.2') {
      // No score yet: the LMS's mastery rule (score.raw against masteryscore 100) has nothing to fail.
      expect(afterFirst).toMatchObject({ mastery: '100', status: 'incomplete', raw: '', exit: 'suspend' });
      expect(afterFirst.sessionTime).toMatch(/^\d{2,4}:\d\d:\d\d(\.\d{1,2})?$/);
    } else {
      expect(afterFirst).toMatchObject({ mastery: '1', status: 'incomplete', success: 'unknown', scaled: '', exit: 'suspend' });
      expect(afterFirst.sessionTime).toMatch(/^PT/);
    }
    expect(String(afterFirst.statuses).split(' ').filter((x) => x === 'failed')).toEqual([]);
    expect(afterFirst.location).toBe('modules/beta/check/index.html');
    // One session: initialized once; committed when progress changed (first visit, lesson read,
    // check passed), not on every page; a last commit and terminate as the launch page closed.
    const [init, commit, finish] = version === '1.2' ? ['LMSInitialize', 'LMSCommit', 'LMSFinish'] : ['Initialize', 'Commit', 'Terminate'];
    expect(afterFirst.calls).toMatch(new RegExp(`^${init} (${commit} ){3}${commit} ${finish}$`));
    const decoded = decodeSuspendData(String(afterFirst.suspend), modules);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(Object.keys(decoded.state.lessons)).toEqual(['beta/only']);
    expect(decoded.state.checks.beta?.passedAt).toBeDefined();
    expect(decoded.state.answers['beta/only']).toMatchObject({ options: ['a'], verdict: 'correct' });
    expect(decoded.state.completions.beta).toBeDefined();

    expect(realProblems(watch), report('first launch', realProblems(watch))).toEqual([]);
    await page.context().close();
  });

  test('a relaunch resumes from the LMS values in a fresh browser, and finishing alpha completes the path', async () => {
    expect(afterFirst, 'the first test must run first').toBeDefined();
    const { page, watch } = await start(version, previousFor(version, afterFirst));
    // Back where the learner left off, with the check passed.
    const check = await courseFrame(page, /modules\/beta\/check\/index\.html$/);
    await ready(check);
    await expect.poll(() => check.getByText('You have passed this check.').filter({ visible: true }).count(), WAIT).toBe(1);

    // A folder address opened by a script (as the search box does) still reaches its page.
    await check.evaluate(() => {
      location.href = './paths/';
    });
    const paths = await courseFrame(page, /\/pkg-[^/]+\/paths\/index\.html$/);
    await passAlpha(await follow(paths, page, 'paths/new-hire/index.html'), page);

    const cmi = await end(page, version);
    // Every commit of the relaunch before the end: still not failed; at the end, passed.
    const statuses = String(cmi.statuses).split(' ');
    expect(statuses).not.toContain('failed');
    expect(statuses.at(-1)).toBe('passed');
    if (version === '1.2') expect(cmi).toMatchObject({ status: 'passed', raw: '100', min: '0', max: '100', exit: '' });
    else expect(cmi).toMatchObject({ status: 'completed', success: 'passed', raw: '100', scaled: '1', exit: 'normal' });
    const decoded = decodeSuspendData(String(cmi.suspend), modules);
    expect(decoded.ok && Object.keys(decoded.state.completions).sort()).toEqual(['alpha', 'beta']);
    expect(realProblems(watch), report('relaunch', realProblems(watch))).toEqual([]);
    await page.context().close();
  });
});
