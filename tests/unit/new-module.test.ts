import { afterAll, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { moduleIdProblem, scaffoldModule } from '../../src/lib/course/scaffold';
import { newModule, scaffoldContext } from '../../src/node/new-module';
import { checkContent } from '../../src/node/check-content';
import { MINI_COURSE, miniCourseCopies } from './fixture';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const copies = miniCourseCopies('crosswalk-scaffold-');
const copyOfMiniCourse = copies.copy;
afterAll(copies.removeAll);

describe('module ids', () => {
  test.each([
    [undefined, 'give the new module an id'],
    ['Warm_Hand_Off', 'cannot be a module id: use lowercase letters'],
    ['warm--hand', 'cannot be a module id'],
    ['alpha', 'modules/alpha/ already exists'],
  ])('%s is refused', (id, message) => {
    expect(moduleIdProblem(id, new Set(['alpha']))).toContain(message);
  });

  test('a new kebab-case id is accepted', () => {
    expect(moduleIdProblem('warm-hand-off-2', new Set(['alpha']))).toBeUndefined();
  });
});

describe('npm run new:module', () => {
  test('reads parts, orders and reference keys from the course', async () => {
    const context = await scaffoldContext(MINI_COURSE);
    expect(context.parts).toEqual(['orientation', 'duties']);
    expect([...context.existing].sort()).toEqual(['alpha', 'beta']);
    expect(context.referenceKeys).toContain('rofofsky-2023');
    const index = scaffoldModule('desk-greetings', context)[0]!;
    expect(index.text).toMatch(/^part: orientation$/m);
    expect(index.text).toMatch(/^order: 2$/m);
  });

  test('the scaffold passes check:content with no problems, and its TODOs are listed', async () => {
    const root = copyOfMiniCourse();
    const files = await newModule(root, 'desk-greetings');
    expect(files.map((f) => f.path)).toEqual(['modules/desk-greetings/index.mdx', 'modules/desk-greetings/01-first-lesson.mdx', 'modules/desk-greetings/check.yaml']);
    const report = await checkContent(root);
    expect(report.problems).toEqual([]);
    const module = report.course!.modules.find((m) => m.id === 'desk-greetings')!;
    expect(module.lessons.map((l) => l.id)).toEqual(['desk-greetings/first-lesson']);
    expect(module.lessons[0]!.citations.length).toBeGreaterThan(0);
    expect(module.lessons[0]!.checks).toEqual(['first-practice']);
    expect(module.lessons[0]!.reflections).toHaveLength(1);
    expect(module.check.questions[0]!.teaches.sectionTitle).toBe('What the source says');
    expect(report.placeholders.filter((n) => n.file.startsWith('modules/desk-greetings/')).map((n) => n.file)).toHaveLength(3);
  });

  test('never overwrites an existing module', async () => {
    const root = copyOfMiniCourse();
    const before = readFileSync(join(root, 'modules/alpha/index.mdx'), 'utf8');
    await expect(newModule(root, 'alpha')).rejects.toThrow('already exists');
    expect(readFileSync(join(root, 'modules/alpha/index.mdx'), 'utf8')).toBe(before);
  });

  /** `astro build` of the course in `root` into `root/.out`. */
  function build(root: string) {
    const astro = join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs');
    const result = spawnSync(process.execPath, [astro, 'build'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, CROSSWALK_COURSE_DIR: root, CROSSWALK_OUT_DIR: join(root, '.out'), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
      encoding: 'utf8',
    });
    // The content cache astro.config.mjs keeps per course folder.
    const cacheRoot = join(PROJECT_ROOT, 'node_modules/.astro');
    if (existsSync(cacheRoot)) for (const name of readdirSync(cacheRoot)) if (name.includes('crosswalk_scaffold_')) rmSync(join(cacheRoot, name), { recursive: true, force: true });
    return { ...result, outDir: join(root, '.out'), output: `${result.stdout}\n${result.stderr}` };
  }

  // One real build: the scaffold's pages render, with the fixture's logo and colours.
  test('the scaffold builds into pages', { timeout: 240_000 }, async () => {
    const root = copyOfMiniCourse();
    await newModule(root, 'desk-greetings');
    const result = build(root);
    const outDir = result.outDir;
    expect(result.status, `astro build said:\n${result.output}`).toBe(0);
    expect(result.stdout).toMatch(/still to replace or write/);
    for (const page of ['modules/desk-greetings/index.html', 'modules/desk-greetings/first-lesson/index.html', 'modules/desk-greetings/check/index.html', 'fixture-logo.svg', 'theme.css']) {
      expect(existsSync(join(outDir, page)), page).toBe(true);
    }
    expect(readFileSync(join(outDir, 'modules/desk-greetings/first-lesson/index.html'), 'utf8')).toContain('What the source says');
  });

  // The build stops before rendering anything, so this costs a second or two.
  test('the build refuses a mistake in the scaffold, naming file:line, field and a suggestion', { timeout: 120_000 }, async () => {
    const root = copyOfMiniCourse();
    await newModule(root, 'desk-greetings');
    const check = join(root, 'modules/desk-greetings/check.yaml');
    writeFileSync(check, readFileSync(check, 'utf8').replace('teaches: 01-first-lesson#what-the-source-says', 'teaches: 01-first-lesson#what-the-sources-say'));
    const result = build(root);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('modules/desk-greetings/check.yaml:10  items[0].teaches  no section "#what-the-sources-say" in modules/desk-greetings/01-first-lesson.mdx  → did you mean "what-the-source-says"?');
    expect(existsSync(join(result.outDir, 'index.html'))).toBe(false);
  });
});
