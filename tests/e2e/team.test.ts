/**
 * The supervisor's view (issue 18), on the real course, in real Chromium, with a browser context
 * (separate storage) per person:
 *   - the loop: the supervisor assigns a path to Jordan Lee and José Núñez and one module to Sam
 *     Ortiz; Sam accepts and sends a record from "Send your record to …" (name prefilled); Jordan's
 *     record comes from an older edition of the course; José never reports; a second "Jordan Lee"
 *     from another browser sends a record made by a site with a typo-only edit. Counts, statuses,
 *     the duplicate prompt and the edition note are asserted as the supervisor sees them at 1280
 *     and 390 px; the CSV (BOM, named columns) is read back; the team file round-trips into a
 *     second browser without losing the newer record it already had.
 *   - every page loads with a full learner state and a full team stored, and logs no console
 *     error (React #418 on /team/ was a hydration mismatch).
 * CROSSWALK_SCREENSHOTS=1 also writes .github/screenshots/team-{desktop,phone}.png.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { axe, openPage, watchPage, useBrowser, type PageWatch } from './browser';
import { PROJECT_ROOT, VARIANTS, discoverPages, pagePath } from './site';
import { buildCourse, type Course } from '../../src/lib/course/course';
import { readCourseFiles } from '../../src/node/read-course';
import { courseManifest, type CourseManifest } from '../../src/lib/site/manifest';
import { openAssignment } from '../../src/lib/supervisor/assignment';
import { openRecord, recordCode, type CompletionRecord } from '../../src/lib/supervisor/record';
import { addEntries, emptyRoster } from '../../src/lib/supervisor/roster';
import { emptyTeam, mergeRecord } from '../../src/lib/supervisor/team';
import { largestLearnerState } from '../support/largest-learner-state';

const siteUrl = inject('e2e.urls').real;
const origin = new URL(siteUrl).origin;
const at = (route: string) => new URL(route, siteUrl).href;
const browser = useBrowser();
const SHOTS = process.env.CROSSWALK_SCREENSHOTS === '1';

let course: Course;
let manifest: CourseManifest;
let typoManifest: CourseManifest;
let olderManifest: CourseManifest;

beforeAll(async () => {
  const input = await readCourseFiles(PROJECT_ROOT);
  course = buildCourse(structuredClone(input));
  manifest = courseManifest(course);
  // The same course after a trainer's typo fix in the first lesson, and after a changed answer key.
  const typo = structuredClone(input);
  typo.lessons.sort((a, b) => a.file.localeCompare(b.file))[0]!.body += '\nFixed a typo, added a comma.';
  typoManifest = courseManifest(buildCourse(typo));
  const older = structuredClone(input);
  const check = older.checks.find((c) => c.file.includes(`/${course.paths[0]!.modules[0]}/`))!.data as { items: { type: string; options?: { correct?: boolean }[] }[] };
  // Another option becomes the right one: the answer key changes, the question stays valid.
  const options = check.items.find((i) => i.type === 'single' && i.options)!.options!;
  const key = options.map((o) => Boolean(o.correct));
  options.forEach((o, i) => (o.correct = key[(i + 1) % key.length]));
  olderManifest = courseManifest(buildCourse(older));
}, 60_000);

const watches: PageWatch[] = [];
async function fresh(options: Parameters<typeof openPage>[1] = {}): Promise<Page> {
  const page = await openPage(browser(), { acceptDownloads: true, ...options });
  watches.push(await watchPage(page, origin));
  return page;
}

async function downloadText(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: download.suggestedFilename(), text: await readFile((await download.path())!, 'utf8') };
}

function localDay(offsetDays: number): string {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A record as a learner's site of `site`'s edition makes it: `complete` modules done there, the rest as given. */
function recordFrom(site: CourseManifest, learner: string, learnerId: string, moduleIds: string[], complete: string[], assignmentId?: string, issued = new Date().toISOString()): CompletionRecord {
  return {
    learner,
    learnerId,
    issued,
    course: site.version,
    ...(assignmentId ? { assignment: { id: assignmentId } } : {}),
    modules: moduleIds.map((id) => {
      const m = site.modules.find((x) => x.id === id)!;
      return complete.includes(id)
        ? { id, status: 'complete' as const, lessonsRead: m.lessonIds.length, lessonsTotal: m.lessonIds.length, best: 90, passedOn: issued.slice(0, 10), completedOn: issued.slice(0, 10), edition: m.contentHash }
        : { id, status: 'in-progress' as const, lessonsRead: 1, lessonsTotal: m.lessonIds.length };
    }),
  };
}

const assignmentIdOf = (link: string) => {
  const opened = openAssignment(link.slice(link.indexOf('#') + 1), new Set(manifest.modules.map((m) => m.id)));
  if (!opened.ok) throw new Error(opened.message);
  return opened.assignment.id;
};

async function importCodes(page: Page, codes: string[]) {
  const details = page.locator('.team-import__details');
  if ((await details.count()) > 0 && !(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
  await page.getByLabel('Or paste record codes').fill(codes.join('\n'));
  await page.getByRole('button', { name: 'Import pasted codes' }).click();
}

/** The dashboard from its heading down, as a supervisor scrolls to it. */
async function shoot(page: Page, name: string) {
  await page.evaluate(() => document.getElementById('team-table-heading')!.scrollIntoView({ behavior: 'instant', block: 'start' }));
  await page.screenshot({ path: path.join(PROJECT_ROOT, '.github/screenshots', name) });
}

const summary = (page: Page) =>
  page.locator('.team-summary__item').evaluateAll((items) => Object.fromEntries(items.map((i) => [(i as HTMLElement).dataset.summary, Number(i.querySelector('dd')!.textContent)])));

test('editions: a typo-only edit keeps the edition; a changed answer key changes that module only', () => {
  expect(typoManifest.version).toBe(manifest.version);
  expect(olderManifest.version).not.toBe(manifest.version);
  expect(olderManifest.modules.filter((m, i) => m.contentHash !== manifest.modules[i]!.contentHash).map((m) => m.id)).toEqual([course.paths[0]!.modules[0]]);
});

test('the supervisor loop: roster, three assignments, same-name learners, editions, CSV and a team file', { timeout: 240_000 }, async () => {
  const path0 = course.paths[0]!;
  const orientation = course.modules.find((m) => m.id === 'orientation')!;

  // --- The supervisor assigns: a path to Jordan Lee and José Núñez (due tomorrow), one module to Sam Ortiz.
  const supervisor = await fresh({ viewport: { width: 1280, height: 900 } });
  await supervisor.goto(at('assign/'));
  await supervisor.waitForSelector('astro-island:not([ssr])');
  await supervisor.getByLabel('From').fill('Ana Ruiz');
  await supervisor.getByLabel('Due date (optional)').fill(localDay(1));
  await supervisor.getByLabel('Learners (optional)').fill('Jordan Lee\nJosé Núñez');
  await supervisor.getByRole('button', { name: 'Make links' }).click();
  await expect.poll(() => supervisor.locator('.link-card').count()).toBe(2);
  const pathLinks = await supervisor.locator('.link-card textarea').evaluateAll((areas) => areas.map((a) => (a as HTMLTextAreaElement).value));
  // The handout: library name, scan or open the emailed link (never "type this link"), and how to send the record back.
  const handout = await supervisor.locator('.link-card').first().evaluate((card) => card.textContent ?? '');
  expect(handout).toContain(course.site.libraryName);
  expect(handout).toContain('scan the QR code');
  expect(handout).toContain('open the link in the email');
  expect(handout).toContain('Send your record to Ana Ruiz');
  expect(handout.toLowerCase()).not.toContain('type this link');
  await supervisor.getByLabel('Chosen modules').check();
  await supervisor.getByLabel(orientation.title).check();
  await supervisor.getByLabel('Due date (optional)').fill('');
  await supervisor.getByLabel('Learners (optional)').fill('Sam Ortiz');
  await supervisor.getByRole('button', { name: 'Make links' }).click();
  await expect.poll(() => supervisor.locator('.link-card').count()).toBe(1);
  const samLink = await supervisor.locator('.link-card textarea').inputValue();
  const [jordanAssignment] = pathLinks.map(assignmentIdOf);

  // --- Sam accepts on a browser that has finished every module, and sends the record from the card.
  const sam = await fresh();
  await sam.goto(siteUrl);
  await sam.evaluate((entries) => Object.entries(entries).forEach(([k, v]) => localStorage.setItem(k, v)), largestLearnerState(course, 'default').entries);
  await sam.goto(samLink);
  await sam.getByRole('button', { name: 'Accept this assignment' }).click();
  await sam.goto(at('progress/'));
  await sam.waitForSelector('[data-progress-page="ready"]');
  await sam.locator('[data-send-record]').click();
  await expect.poll(() => sam.getByLabel('Your name on the record').inputValue()).toBe('Sam Ortiz');
  await sam.getByRole('button', { name: 'Show record code' }).click();
  const samCode = await sam.locator('[data-section="record"] textarea').inputValue();
  const samRecord = openRecord(samCode);
  expect(samRecord.ok && samRecord.record.assignment?.id).toBe(assignmentIdOf(samLink));

  // --- Jordan's record comes from an older edition; a second Jordan Lee, from a site with a typo fix.
  const jordan = recordFrom(olderManifest, 'Jordan Lee', 'jordan0001', path0.modules, path0.modules.slice(0, 2), jordanAssignment);
  const jordan2 = recordFrom(typoManifest, 'Jordan Lee', 'jordan0002', path0.modules.slice(0, 2), path0.modules.slice(0, 2));

  // --- Three days later the supervisor imports them.
  await supervisor.clock.setFixedTime(new Date(Date.now() + 3 * 86_400_000));
  await supervisor.goto(at('team/'));
  await supervisor.waitForSelector('[data-team-page="ready"]');
  // Before any record: everyone assigned is there, "no record yet".
  expect(await supervisor.locator('.team-table tbody tr').count()).toBe(3);
  expect(await summary(supervisor)).toMatchObject({ assigned: 3, 'no-record': 3 });
  await importCodes(supervisor, [samCode, recordCode(jordan), recordCode(jordan2)]);
  const results = supervisor.locator('.import-results');
  await expect.poll(() => results.locator('li[data-import-ok="yes"]').count()).toBe(3);
  // The edition note names the other edition and what it means, for Jordan's record only.
  expect(await results.locator('li').nth(1).innerText()).toContain(`another edition of the course (${olderManifest.version}; this site is ${manifest.version}). 1 of the modules`);
  expect(await results.locator('.edition-note').count()).toBe(1);

  const row = (name: string) => supervisor.locator('.team-table tbody tr').filter({ hasText: name });
  await expect.poll(() => supervisor.locator('.team-table tbody tr').count()).toBe(4);
  expect(await summary(supervisor)).toEqual({ assigned: 3, 'on-track': 0, overdue: 2, complete: 2, 'no-record': 1 });
  const samText = await row('Sam Ortiz').locator('th').innerText();
  expect(samText).toContain('Complete');
  expect(samText).toContain('1 of 1 assigned module');
  const jose = await row('José Núñez').locator('th').innerText();
  expect(jose).toContain('No record yet · overdue, 2 days late');
  expect(jose).toContain(`0 of ${path0.modules.length} assigned modules`);
  expect(await row('José Núñez').locator('td[data-state="no-record"][data-overdue="yes"]').first().innerText()).toContain('No record yet · overdue');
  const jordanRow = row('Jordan Lee').filter({ hasText: 'Path:' });
  const jordanText = await jordanRow.locator('th').innerText();
  expect(jordanText).toContain('In progress · overdue, 2 days late');
  expect(jordanText).toContain(`1 of ${path0.modules.length} assigned modules (1 more in an earlier edition)`);
  expect(jordanText).toContain(`from another edition (${olderManifest.version})`);
  expect(await jordanRow.locator(`td[data-state="updated"]`).innerText()).toContain('Complete, earlier edition');
  expect(await jordanRow.locator('td[data-state="in-progress"][data-overdue="yes"]').first().innerText()).toContain('In progress · overdue');
  // The typo-only site's record counts as complete, with no edition note.
  const typoRow = row('Jordan Lee').filter({ hasText: 'Not on the roster' });
  expect(await typoRow.locator('td[data-state="updated"]').count()).toBe(0);
  expect(await typoRow.locator('th').innerText()).toContain('Complete');
  expect(await typoRow.locator('[data-other-edition]').count()).toBe(0);
  // The duplicate prompt.
  const prompt = supervisor.locator('[data-duplicate]');
  expect(await prompt.count()).toBe(1);
  expect(await prompt.innerText()).toContain('Two records are named “Jordan Lee”');
  expect(await prompt.innerText()).toContain('jordan0001 and jordan0002');
  // The table is the page's width, the names stay at the left while the modules scroll.
  const tableWidth = await supervisor.locator('.team-scroll').evaluate((e) => e.getBoundingClientRect().width);
  expect(tableWidth).toBeGreaterThan(1150);
  expect(await supervisor.locator('.team-table tbody th').first().evaluate((e) => getComputedStyle(e).position)).toBe('sticky');
  expect(await axe(supervisor)).toEqual([]);
  if (SHOTS) await shoot(supervisor, 'team-desktop.png');

  // --- At 390 px: one card per person, the same words.
  await supervisor.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => supervisor.locator('.team-scroll').isVisible()).toBe(false);
  expect(await supervisor.locator('.team-card').count()).toBe(4);
  const joseCard = await supervisor.locator('.team-card').filter({ hasText: 'José Núñez' }).innerText();
  expect(joseCard).toContain('No record yet · overdue, 2 days late');
  expect(await supervisor.locator('.team-card').filter({ hasText: 'Path:' }).filter({ hasText: 'Jordan Lee' }).innerText()).toContain('Complete, earlier edition');
  expect(await summary(supervisor)).toEqual({ assigned: 3, 'on-track': 0, overdue: 2, complete: 2, 'no-record': 1 });
  expect(await supervisor.locator('[data-duplicate]').isVisible()).toBe(true);
  expect(await supervisor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(await axe(supervisor)).toEqual([]);
  if (SHOTS) await shoot(supervisor, 'team-phone.png');
  await supervisor.setViewportSize({ width: 1280, height: 900 });

  // --- "Same person, merge": one Jordan row, on the roster, showing the newest record.
  await supervisor.getByRole('button', { name: 'Same person, merge' }).click();
  await expect.poll(() => supervisor.locator('.team-table tbody tr').count()).toBe(3);
  expect(await supervisor.locator('[data-duplicate]').count()).toBe(0);
  expect(await row('Jordan Lee').locator('th').innerText()).toContain('Path:');

  // --- CSV, wide: BOM, named columns, one row per person.
  const wide = await downloadText(supervisor, () => supervisor.getByRole('button', { name: 'Export CSV, one row per person' }).click());
  expect(wide.text.charCodeAt(0)).toBe(0xfeff);
  const lines = wide.text.slice(1).trim().split('\r\n');
  expect(lines[0]).toMatch(/^"Learner","Learner id","Roster id","Assignment","Due","Status","Overdue","Assigned modules complete","Assigned modules","Lessons read","Lessons in assigned modules","Record made","Course edition",/);
  expect(lines[0]).toContain(`"${orientation.title}: passed on","${orientation.title}: completed on"`);
  expect(lines).toHaveLength(4);
  expect(lines.find((l) => l.startsWith('"José Núñez"'))).toMatch(/^"José Núñez","","[a-z0-9]+","Path: [^"]+","\d{4}-\d{2}-\d{2}","No record yet","2 days late","0",/);
  const long = await downloadText(supervisor, () => supervisor.getByRole('button', { name: 'Export CSV, one row per module' }).click());
  expect(long.text.charCodeAt(0)).toBe(0xfeff);
  expect(long.text.split('\r\n')[0]).toContain('"Module","Module id","Assigned","Module status","Module lessons read","Best score (%)","Passed on","Completed on"');

  // --- The team file, into a second browser that already has a newer record of Sam's.
  const file = await downloadText(supervisor, () => supervisor.getByRole('button', { name: 'Export team file' }).click());
  const second = await fresh({ viewport: { width: 1280, height: 900 } });
  await second.clock.setFixedTime(new Date(Date.now() + 3 * 86_400_000));
  await second.goto(at('team/'));
  await second.waitForSelector('[data-team-page="ready"]');
  const newerSam = { ...(samRecord.ok ? samRecord.record : jordan), issued: new Date(Date.now() + 2 * 86_400_000).toISOString() };
  await importCodes(second, [recordCode(newerSam)]);
  await expect.poll(() => second.locator('.team-table tbody tr').count()).toBe(1);
  await second.getByLabel('Import team file').setInputFiles({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) });
  await expect.poll(() => second.locator('.team-table tbody tr').count()).toBe(3);
  expect(await second.locator('.status-line').innerText()).toContain('Newer records already here were kept');
  expect(await summary(second)).toEqual(await summary(supervisor));
  const kept = await second.evaluate(() => JSON.parse(localStorage.getItem('crosswalk:team')!).records as { learner: string; issued: string }[]);
  expect(kept.find((r) => r.learner === 'Sam Ortiz')?.issued).toBe(newerSam.issued);

  for (const page of [supervisor, sam, second]) await page.context().close();
  expect(watches.flatMap((w) => w.problems())).toEqual([]);
});

test('every page with a full learner state and a full team stored logs no console error', { timeout: 600_000 }, async () => {
  const pages = discoverPages(VARIANTS.real).filter((p) => !p.notFound);
  let roster = emptyRoster();
  let team = emptyTeam();
  const now = new Date().toISOString();
  for (let i = 0; i < 30; i++) {
    const id = `roster${String(i).padStart(4, '0')}`;
    const modules = i % 2 ? course.paths[0]!.modules : ['orientation'];
    roster = addEntries(roster, [{ id, name: `Learner ${i}`, by: 'Ana', modules, created: localDay(-10), due: localDay(i % 3 ? -2 : 5) }], now);
    if (i % 3 !== 2) team = mergeRecord(team, recordFrom(i % 4 ? manifest : olderManifest, `Learner ${i}`, `learner${String(i).padStart(4, '0')}`, modules, modules.slice(0, i % 3), id), now).team;
  }
  const page = await fresh();
  const watch = watches.at(-1)!;
  await page.goto(siteUrl);
  await page.evaluate(
    (entries) => Object.entries(entries).forEach(([k, v]) => localStorage.setItem(k, v)),
    { ...largestLearnerState(course, 'default').entries, 'crosswalk:team': JSON.stringify(team), 'crosswalk:roster': JSON.stringify(roster) },
  );
  const failures: string[] = [];
  let seen = 0;
  for (const built of pages) {
    const route = pagePath(VARIANTS.real, built);
    await page.goto(new URL(route, siteUrl).href, { waitUntil: 'load' });
    // Islands hydrate on load or idle: give them the moment they need, then read what was logged.
    await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0, undefined, { timeout: 10_000 }).catch(() => undefined);
    await page.waitForTimeout(150);
    const problems = watch.problems().slice(seen);
    seen += problems.length;
    if (problems.length > 0) failures.push(`${route}: ${problems.join(' | ')}`);
  }
  expect(await page.evaluate(() => localStorage.getItem('crosswalk:team') !== null)).toBe(true);
  expect(failures).toEqual([]);
  await page.context().close();
});

test('"Different people" keeps both rows and stays decided after a reload; "Add to roster" puts a record-only person on the roster', { timeout: 120_000 }, async () => {
  const path0 = course.paths[0]!;
  const a = recordFrom(manifest, 'Robin Park', 'robin00001', path0.modules.slice(0, 2), path0.modules.slice(0, 1));
  const b = recordFrom(manifest, 'Robin Park', 'robin00002', ['orientation'], ['orientation']);
  const page = await fresh({ viewport: { width: 1280, height: 900 } });
  await page.goto(at('team/'));
  await page.waitForSelector('[data-team-page="ready"]');
  await importCodes(page, [recordCode(a), recordCode(b)]);
  const rows = page.locator('.team-table tbody tr');
  await expect.poll(() => rows.count()).toBe(2);
  expect(await page.locator('[data-duplicate]').innerText()).toContain('robin00001 and robin00002');

  await page.getByRole('button', { name: 'Different people' }).click();
  await expect.poll(() => page.locator('[data-duplicate]').count()).toBe(0);
  expect(await rows.count()).toBe(2);
  await page.reload();
  await page.waitForSelector('[data-team-page="ready"]');
  expect(await rows.count()).toBe(2);
  expect(await page.locator('[data-duplicate]').count(), 'the decision is kept').toBe(0);

  // Neither came from an assignment: both are "Not on the roster" until added.
  expect(await summary(page)).toMatchObject({ assigned: 0 });
  await page.getByRole('button', { name: /^Add to roster\s*: Robin Park$/ }).first().click();
  await expect.poll(() => summary(page)).toMatchObject({ assigned: 1 });
  expect(await page.getByText('Robin Park is on the roster now.').count()).toBe(1);
  expect(await rows.filter({ hasText: 'Not on the roster' }).count()).toBe(1);
  expect(await rows.count(), 'adding moves the row onto the roster; it does not add one').toBe(2);
  await page.reload();
  await page.waitForSelector('[data-team-page="ready"]');
  await expect.poll(() => summary(page)).toMatchObject({ assigned: 1 });
  expect(await axe(page)).toEqual([]);
  await page.context().close();
});

test('two tabs on one team page: records imported and people added to the roster in both at once are all kept, in both', { timeout: 120_000 }, async () => {
  const left = await fresh({ viewport: { width: 1280, height: 900 } });
  const right = await left.context().newPage();
  watches.push(await watchPage(right, origin));
  for (const tab of [left, right]) {
    await tab.goto(at('team/'));
    await tab.waitForSelector('[data-team-page="ready"]');
  }
  const people = (prefix: string) => Array.from({ length: 4 }, (_, i) => recordFrom(manifest, `${prefix} ${i}`, `${prefix.toLowerCase()}${String(i).padStart(6, '0')}`, ['orientation'], i % 2 ? ['orientation'] : []));
  const leftRecords = people('Left');
  const rightRecords = people('Right');
  // Both tabs import at the same moment (codes pasted in each, then both buttons pressed
  // together), then both add their first person to the roster at the same moment.
  await left.getByLabel('Or paste record codes').fill(leftRecords.map(recordCode).join('\n'));
  await right.getByLabel('Or paste record codes').fill(rightRecords.map(recordCode).join('\n'));
  await Promise.all([left, right].map((tab) => tab.getByRole('button', { name: 'Import pasted codes' }).click()));
  for (const tab of [left, right]) await expect.poll(() => tab.locator('.team-table tbody tr').count()).toBe(8);
  await Promise.all([
    left.getByRole('button', { name: /^Add to roster\s*: Left 0$/ }).click(),
    right.getByRole('button', { name: /^Add to roster\s*: Right 0$/ }).click(),
  ]);
  for (const tab of [left, right]) {
    await expect.poll(() => summary(tab)).toMatchObject({ assigned: 2 });
    expect(await tab.locator('.team-table tbody tr').count()).toBe(8);
  }
  const stored = await left.evaluate(() => ({ team: JSON.parse(localStorage.getItem('crosswalk:team')!).records.length as number, roster: Object.keys(JSON.parse(localStorage.getItem('crosswalk:roster')!).entries).length }));
  expect(stored.team).toBe(8);
  expect(stored.roster).toBe(2);
  await left.context().close();
});
