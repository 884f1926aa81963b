/**
 * The supervisor loop with no server, in real Chromium, with separate browser contexts (separate
 * storage) for the supervisor and each learner, on the mini-course under '/training/crosswalk/':
 *   supervisor makes links → learners open, accept, one completes a module → both export records
 *   (file and code) → supervisor imports them, sees the right rows and an overdue one, exports CSV.
 * Then hostile input: tampered and oversized links, a 5 MB file, markup in names, `__proto__`
 * keys, a `javascript:` URL in a field. And the certificate prints to one PDF page.
 * Every page is watched: nothing may leave 127.0.0.1.
 */
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, expect, inject, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { CHECK_READY, axe, markLessonRead, openPage, watchPage, useBrowser, type PageWatch } from './browser';
import { PROJECT_ROOT } from './site';
import { pack } from '../../src/lib/encoding/link-codec';
import { recordCode, recordChecksum, type CompletionRecord } from '../../src/lib/supervisor/record';

const base = inject('e2e.urls').subpath;
const realBase = inject('e2e.urls').real;
const origin = new URL(base).origin;
const at = (route: string, root = base) => new URL(route, root).href;

const browser = useBrowser();

let watches: PageWatch[] = [];
beforeEach(() => {
  watches = [];
});
async function fresh(): Promise<Page> {
  const page = await openPage(browser(), { acceptDownloads: true });
  watches.push(await watchPage(page, origin));
  return page;
}

async function hydrated(page: Page) {
  await page.waitForSelector('astro-island:not([ssr])', { timeout: 15_000 });
}

function localDay(offsetDays: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Pages in a PDF from Chromium: one `/Type /Page` object each. */
function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

async function downloadText(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: download.suggestedFilename(), text: await readFile((await download.path())!, 'utf8') };
}

/** The learner's side: open the link, accept, optionally finish module beta, then export a record. */
async function learner(link: string, name: string, finish: boolean): Promise<{ page: Page; file: string; code: string }> {
  const page = await fresh();
  await page.goto(link);
  await hydrated(page);
  await page.getByRole('button', { name: 'Accept this assignment' }).click();
  await expect.poll(() => page.getByText('Accepted. It is on your home page and on My progress.').count()).toBe(1);

  if (finish) {
    await page.goto(at('modules/beta/only/'));
    await markLessonRead(page);
    await page.goto(at('modules/beta/check/'));
    await page.waitForSelector(CHECK_READY, { timeout: 15_000 });
    await page.getByLabel('Yes', { exact: true }).check();
    await page.getByRole('button', { name: 'Submit my answers' }).click();
    await expect.poll(() => page.getByText('Passed: you scored 100%').count()).toBe(1);
  }

  await page.goto(at('progress/'));
  await page.waitForSelector('[data-progress-page="ready"]');
  const assignment = page.locator('[data-section="assignments"] .assignment-item');
  await expect.poll(() => assignment.count()).toBe(1);
  expect(await assignment.innerText()).toContain(finish ? '1 of 1 module complete' : '0 of 1 module complete');
  expect(await assignment.getAttribute('data-due-state')).toBe(finish ? 'done' : 'due-soon');

  await page.getByLabel('Your name on the record').fill(name);
  const file = await downloadText(page, () => page.getByRole('button', { name: 'Download record file' }).click());
  expect(file.name).toMatch(/^crosswalk-record-.*\.json$/);
  await page.getByRole('button', { name: 'Show record code' }).click();
  const code = await page.locator('[data-section="record"] textarea').inputValue();
  expect(code).toMatch(/^R1\./);
  return { page, file: file.text, code };
}

test('assign by link, accept, complete, send records, see the team, export CSV', { timeout: 120_000 }, async () => {
  // Supervisor makes one link per learner, due tomorrow.
  const supervisor = await fresh();
  await supervisor.goto(at('assign/'));
  await hydrated(supervisor);
  await supervisor.getByLabel('From').fill('Ana Ruiz, circulation supervisor');
  await supervisor.getByLabel('Chosen modules').check();
  await supervisor.getByLabel('Beta', { exact: false }).check();
  await supervisor.getByLabel('Due date (optional)').fill(localDay(1));
  await supervisor.getByLabel('Note to the learner (optional)').fill('Please finish before your first Saturday shift.');
  await supervisor.getByLabel('Learners (optional)').fill('Sam <script>window.pwned=1</script>\nLee');
  await supervisor.getByRole('button', { name: 'Make links' }).click();
  await expect.poll(() => supervisor.locator('.link-card').count()).toBe(2);
  const links = await supervisor.locator('.link-card textarea').evaluateAll((areas) => areas.map((a) => (a as HTMLTextAreaElement).value));
  for (const link of links) {
    expect(link.startsWith(at('assign/open/#A1.'))).toBe(true);
    expect(link.length).toBeLessThan(1200);
  }
  expect(await supervisor.locator('.link-card svg.qr').count()).toBe(2);
  expect(await supervisor.locator('.link-card a[href^="mailto:"]').count()).toBe(2);
  expect(await axe(supervisor)).toEqual([]);
  // Printed, each learner's handout is a page of its own. Since issue 18 it asks to scan the QR
  // code or open the emailed link (a 500-character link is not for typing) and says how to send the record back.
  await supervisor.emulateMedia({ media: 'print' });
  expect(pdfPageCount(await supervisor.pdf({ format: 'Letter' }))).toBe(2);
  const handout = await supervisor.locator('.link-card').first().innerText();
  expect(handout).toContain('open the link in the email');
  expect(handout).toContain('Send your record to Ana Ruiz, circulation supervisor');
  await supervisor.emulateMedia({ media: 'screen' });

  // Sam finishes; Lee accepts and does nothing.
  const sam = await learner(links[0]!, 'Sam <img src=x onerror="window.pwned=1">', true);
  expect(await sam.page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  const lee = await learner(links[1]!, 'Lee', false);
  expect(await axe(lee.page)).toEqual([]);

  // The supervisor's team page, three days later: Lee is overdue.
  await supervisor.clock.setFixedTime(new Date(Date.now() + 3 * 86_400_000));
  await supervisor.goto(at('team/'));
  await hydrated(supervisor);
  // Since issue 18 the roster shows both people before any record arrives; the import form is folded away.
  await supervisor.waitForSelector('[data-team-page="ready"]');
  await expect.poll(() => supervisor.locator('.team-table tbody tr').count()).toBe(2);
  await supervisor.locator('.team-import__details summary').click();
  await supervisor.getByLabel('Record files (.json)').setInputFiles({ name: 'sam.json', mimeType: 'application/json', buffer: Buffer.from(sam.file) });
  await supervisor.getByLabel('Or paste record codes').fill(lee.code);
  await supervisor.getByRole('button', { name: 'Import pasted codes' }).click();
  const rows = supervisor.locator('.team-table tbody tr');
  await expect.poll(() => rows.count()).toBe(2);
  const samRow = rows.filter({ hasText: 'Sam' });
  const leeRow = rows.filter({ hasText: 'Lee' });
  expect(await samRow.locator('td[data-state]').getAttribute('data-state')).toBe('complete');
  expect(await samRow.innerText()).toContain('Best 100%');
  expect(await leeRow.locator('td[data-state]').getAttribute('data-state')).toBe('not-started');
  expect(await leeRow.locator('td[data-state]').innerText()).toContain('Not started · overdue');
  // The name with markup is shown as text, never run.
  // The row carries the roster's name and, when the record was signed differently, that name too: both as text, never run.
  expect(await samRow.locator('th').innerText()).toContain('Sam <script>window.pwned=1</script>');
  expect(await samRow.locator('th').innerText()).toContain('Sam <img src=x onerror="window.pwned=1">');
  expect(await supervisor.locator('.team-table img').count()).toBe(0);

  // Sam's code was made after the file, so it is newer and updates the row; the file again
  // is then older and changes nothing. Neither adds a row.
  await supervisor.getByLabel('Or paste record codes').fill(sam.code);
  await supervisor.getByRole('button', { name: 'Import pasted codes' }).click();
  await expect.poll(() => supervisor.locator('.import-results').innerText()).toContain('with this newer record');
  await supervisor.getByLabel('Record files (.json)').setInputFiles({ name: 'sam-again.json', mimeType: 'application/json', buffer: Buffer.from(sam.file) });
  await expect.poll(() => supervisor.locator('.import-results').innerText()).toContain('this one is older');
  expect(await rows.count()).toBe(2);

  // Filters.
  await supervisor.getByLabel('People shown').selectOption('overdue');
  await expect.poll(() => rows.count()).toBe(1);
  expect(await rows.first().innerText()).toContain('Lee');
  await supervisor.getByLabel('People shown').selectOption('all');
  expect(await axe(supervisor)).toEqual([]);

  // CSV (one row per person and module since issue 18 names its columns); the name that looks like markup stays data.
  const csv = await downloadText(supervisor, () => supervisor.getByRole('button', { name: 'Export CSV, one row per module' }).click());
  expect(csv.name).toMatch(/^crosswalk-team-long-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = csv.text.slice(1).trim().split('\r\n');
  expect(lines[0]).toContain('"Learner","Learner id","Roster id","Assignment"');
  expect(lines.slice(1).sort()).toEqual([
    expect.stringMatching(/^"Lee",.*"beta","yes","Not started · overdue",/),
    expect.stringMatching(/^"Sam <script>window.pwned=1<\/script>",.*"beta","yes","Complete","1","100",/),
  ]);

  // Delete everything, after a confirmation.
  await supervisor.getByRole('button', { name: 'Delete all team data…' }).click();
  await supervisor.getByRole('button', { name: 'Delete all team data', exact: true }).click();
  await expect.poll(() => supervisor.getByText(/^No records yet\./).count()).toBe(1);
  // Only the time of the deletion is left (so another open tab cannot write the records back): no names, no ids.
  const left = await supervisor.evaluate(() => localStorage.getItem('crosswalk:team'));
  expect(JSON.parse(left ?? '{}')).toEqual({ version: 1, records: [], clearedAt: expect.any(String) });

  for (const page of [supervisor, sam.page, lee.page]) await page.context().close();
  expect(watches.flatMap((w) => w.problems())).toEqual([]);
});

const goodRecord: CompletionRecord = {
  learner: 'Kim',
  learnerId: 'kim0000001',
  issued: '2026-11-20T10:00:00.000Z',
  course: 'Crosswalk test',
  modules: [{ id: 'beta', status: 'complete', lessonsRead: 1, lessonsTotal: 1, best: 100, passedOn: '2026-11-20', completedOn: '2026-11-20' }],
};

test('tampered, oversized and hostile links, files and codes are refused or inert, and nothing is stored', { timeout: 60_000 }, async () => {
  const page = await fresh();
  let context: BrowserContext = page.context();

  // A link with one character changed, a cut-off link, an oversized one, and a record code where an assignment belongs.
  const good = pack('A', 1, { i: 'k3v9q1ab', b: 'Ana', m: ['beta'], c: '2026-11-28' });
  const changed = good.slice(0, 10) + (good[10] === 'x' ? 'y' : 'x') + good.slice(11);
  const cases: [string, RegExp][] = [
    [changed, /damaged or incomplete/],
    [good.slice(0, -4), /damaged or incomplete|does not look like/],
    [`A1.${'x'.repeat(5000)}.abcdefghijk`, /too long/],
    [recordCode(goodRecord), /This is a completion record, not an assignment/],
    [pack('A', 9, {}), /newer version of the course/],
    [pack('A', 1, { i: 'k3v9q1ab', b: 'Ana', m: ['beta'], c: '2026-11-28', p: 'javascript:alert(1)' }), /not valid/],
  ];
  for (const [hash, message] of cases) {
    await page.goto(`${at('assign/open/')}#${hash}`);
    await hydrated(page);
    const problem = page.locator('[data-assignment-problem]');
    await expect.poll(() => problem.count()).toBe(1);
    expect(await problem.innerText()).toMatch(message);
    expect(await problem.innerText()).toContain('Nothing has been saved.');
    expect(await page.getByRole('button', { name: /Accept/ }).count()).toBe(0);
  }
  expect(await axe(page)).toEqual([]);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('crosswalk:assigned')))).toEqual([]);

  // The team page: a 5 MB file, prototype-pollution keys, an edited file, and a valid record.
  await page.goto(at('team/'));
  await hydrated(page);
  const polluted = JSON.stringify(goodRecord).replace(/^\{/, '{"__proto__":{"polluted":true},');
  const edited = JSON.stringify({ format: 'crosswalk-record', version: 1, record: { ...goodRecord, learner: 'Someone else' }, checksum: recordChecksum(goodRecord) });
  await page.getByLabel('Record files (.json)').setInputFiles([
    { name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(5 * 1024 * 1024, 'a') },
    { name: 'polluted.json', mimeType: 'application/json', buffer: Buffer.from(`{"format":"crosswalk-record","version":1,"record":${polluted},"checksum":"${recordChecksum(goodRecord)}"}`) },
    { name: 'edited.json', mimeType: 'application/json', buffer: Buffer.from(edited) },
    { name: 'not-json.json', mimeType: 'application/json', buffer: Buffer.from('<script>alert(1)</script>') },
  ]);
  const results = page.locator('.import-results li');
  await expect.poll(() => results.count()).toBe(4);
  const text = await page.locator('.import-results').innerText();
  expect(text).toMatch(/huge\.json: Not imported\. This file is too large/);
  expect(text).toMatch(/polluted\.json: Not imported\./);
  expect(text).toMatch(/edited\.json: Not imported\. This record has been changed since it was exported/);
  expect(text).toMatch(/not-json\.json: Not imported\./);
  expect(await page.locator('[data-import-ok="yes"]').count()).toBe(0);
  expect(await page.getByText('No records yet.').count()).toBe(1);
  expect(await page.evaluate(() => ({}) as Record<string, unknown>)).not.toHaveProperty('polluted');
  expect(await page.evaluate(() => localStorage.getItem('crosswalk:team'))).toBeNull();

  // A field holding a javascript: URL is plain text: shown as words, never a link.
  await page.getByLabel('Or paste record codes').fill(recordCode({ ...goodRecord, learner: 'javascript:alert(1)' }));
  await page.getByRole('button', { name: 'Import pasted codes' }).click();
  await expect.poll(() => page.locator('.team-table tbody tr').count()).toBe(1);
  expect(await page.locator('.team-table a').count()).toBe(0);
  expect(await page.locator('.team-table tbody th').innerText()).toContain('javascript:alert(1)');

  await context.close();
  expect(watches.flatMap((w) => w.problems())).toEqual([]);
});

test('a certificate for the whole real course prints to exactly one PDF page', { timeout: 60_000 }, async () => {
  const page = await openPage(browser());
  const watch = await watchPage(page, new URL(realBase).origin);
  // Every module of the real course: the longest certificate a learner can have.
  const manifestIds = readdirSync(path.join(PROJECT_ROOT, 'modules')).filter((id) => existsSync(path.join(PROJECT_ROOT, 'modules', id, 'index.mdx')));
  expect(manifestIds.length).toBeGreaterThanOrEqual(26);
  const record: CompletionRecord = {
    learner: 'Samantha Okafor-Lindqvist',
    learnerId: 'sam0000001',
    issued: '2026-11-28T10:00:00.000Z',
    course: 'Crosswalk test',
    assignment: { id: 'full000001', due: '2026-12-31' },
    modules: manifestIds.map((id) => ({ id, status: 'complete' as const, lessonsRead: 3, lessonsTotal: 3, best: 100, passedOn: '2026-11-20', completedOn: '2026-11-20' })),
  };
  await page.goto(`${at('certificate/', realBase)}#${recordCode(record)}`);
  await hydrated(page);
  await expect.poll(() => page.getByRole('heading', { name: 'Samantha Okafor-Lindqvist' }).count()).toBe(1);
  expect(await axe(page)).toEqual([]);
  await page.emulateMedia({ media: 'print' });
  expect(pdfPageCount(await page.pdf({ format: 'Letter', preferCSSPageSize: true }))).toBe(1);
  expect(watch.problems()).toEqual([]);
  await page.context().close();
});
