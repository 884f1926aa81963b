/**
 * The real course in content/ and modules/ meets the bars in CONTENT-GUIDE.md.
 * A failure names the module or file to fix.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { fileURLToPath } from 'node:url';
import { buildCourse, everyQuestion, type Course, type CourseInput } from '../../src/lib/course/course';
import { attemptSize } from '../../src/lib/course/item-cues';
import { readCourseFiles } from '../../src/node/read-course';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let course: Course;
let input: CourseInput;

// buildCourse throws on any broken cross-reference (an unknown reference key in a <Cite>, an
// unknown glossary id in a <Term>, a `teaches` anchor with no heading…), naming file and field;
// tests/unit/course.test.ts proves each of those checks. The tests below add the content bars.
beforeAll(async () => {
  input = await readCourseFiles(ROOT);
  course = buildCourse(input);
});

const range = (prefix: string, n: number, pad = 2) => Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1).padStart(pad, '0')}`);

describe('frameworks', () => {
  test('the twelve Copeland duties, in order', () => {
    const duties = course.frameworks.find((f) => f.id === 'copeland-duties')!;
    expect(duties.items.map((i) => i.id)).toEqual(range('copeland-', 12));
    expect(duties.items.map((i) => i.number)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  test('the twelve NAPS values, in the order the article walks them', () => {
    const values = course.frameworks.find((f) => f.id === 'naps-values')!;
    expect(values.items.map((i) => i.id)).toEqual(range('naps-', 12));
    expect(values.items.map((i) => i.title.toLowerCase())).toEqual([
      'voluntary', 'hopeful', 'open-minded', 'empathetic', 'respectful', 'facilitates change',
      'honest and direct', 'mutual and reciprocal', 'equally shared power', 'strengths-focused',
      'transparent', 'person-driven',
    ]);
  });

  test('the seven articles of the Library Bill of Rights', () => {
    const rights = course.frameworks.find((f) => f.id === 'library-bill-of-rights')!;
    expect(rights.items.map((i) => i.id)).toEqual(range('lbor-', 7, 1));
  });
});

describe('every framework item is taught', () => {
  test.each([
    ['copeland-duties', 12],
    ['naps-values', 12],
    ['library-bill-of-rights', 7],
  ])('each item of %s has a main module in its part', (frameworkId, count) => {
    const framework = course.frameworks.find((f) => f.id === frameworkId)!;
    expect(framework.items).toHaveLength(count);
    const untaught = framework.items.filter((item) =>
      !course.modules.some((m) => m.part === framework.part && m.maps.includes(item.id)));
    expect(untaught.map((i) => `${i.id} ${i.title}`), `no module in part "${framework.part}" maps to these items`).toEqual([]);
  });

  test('each duty and each value has exactly one module of its own, which maps it first', () => {
    // A supervisor assigns "the module for duty 6": there must be one, and it must be about duty 6.
    for (const frameworkId of ['copeland-duties', 'naps-values']) {
      const framework = course.frameworks.find((f) => f.id === frameworkId)!;
      for (const item of framework.items) {
        const own = course.modules.filter((m) => m.part === framework.part && m.maps[0] === item.id);
        expect(own.map((m) => m.id), `${item.id}: modules in part "${framework.part}" whose maps start with it`).toHaveLength(1);
      }
    }
  });

  test('every module in a framework part maps first to an item of that framework', () => {
    for (const framework of course.frameworks) {
      for (const module of course.modules.filter((m) => m.part === framework.part)) {
        expect(course.frameworkItems.get(module.maps[0]!)?.framework, `${module.file}: maps[0]`).toBe(framework.id);
      }
    }
  });
});

describe('course-wide files', () => {
  test('the source article is a reference, with its URL', () => {
    expect(course.references.get('rofofsky-2023')?.url).toMatch(/^https:\/\//);
  });

  test('paths include onboarding, full cross-training and refresher', () => {
    expect(course.paths.map((p) => p.id)).toEqual(expect.arrayContaining(['new-hire', 'full', 'refresher']));
  });

  test('the new-hire path starts with orientation and includes every duty module in order', () => {
    const newHire = course.paths.find((p) => p.id === 'new-hire')!;
    expect(newHire.modules[0]).toBe('orientation');
    const dutyModules = course.modules.filter((m) => m.part === 'duties').map((m) => m.id);
    expect(dutyModules).toHaveLength(12);
    expect(newHire.modules.filter((id) => dutyModules.includes(id))).toEqual(dutyModules);
  });

  test('the full path follows the catalogue order, orientation first', () => {
    const full = course.paths.find((p) => p.id === 'full')!;
    expect(full.modules).toEqual(course.modules.map((m) => m.id));
  });

  test('the full path includes every module', () => {
    const full = course.paths.find((p) => p.id === 'full')!;
    expect([...full.modules].sort()).toEqual(course.modules.map((m) => m.id).sort());
  });

  test('the peer-specialist path crosses the other way: orientation, the reference interview, the Library Bill of Rights with privacy, a public desk, in catalogue order', () => {
    // Issue 21: cross-training goes both ways; a peer specialist joining a library's staff learns what library practice offers peer work.
    const path = course.paths.find((p) => p.id === 'peer-specialist');
    if (!path) return expect.fail('no path with id peer-specialist in content/paths.yaml');
    const catalogue = course.modules.map((m) => m.id);
    expect(path.modules[0]).toBe('orientation');
    expect(path.modules, 'in catalogue order').toEqual(catalogue.filter((id) => path.modules.includes(id)));
    const onPath = course.modules.filter((m) => path.modules.includes(m.id));
    expect(onPath.some((m) => m.part === 'orientation' && m.id !== 'orientation'), 'an orientation module written for peer specialists').toBe(true);
    expect(onPath.some((m) => m.part === 'rights'), 'the Library Bill of Rights module').toBe(true);
    expect(onPath.filter((m) => m.maps.includes('lbor-7')).length, 'modules teaching privacy of library records (article VII)').toBeGreaterThanOrEqual(2);
    expect(onPath.some((m) => m.part === 'practice' && /reference interview/i.test(m.title)), 'the reference interview practice').toBe(true);
    expect(onPath.filter((m) => m.part === 'practice').length, 'practice at a public desk').toBeGreaterThanOrEqual(3);
  });

  test('the referral directory ships 988 and marks local entries as placeholders', () => {
    expect(course.resources.some((r) => r.scope === 'national' && /988/.test(r.contact))).toBe(true);
    const local = course.resources.filter((r) => r.scope === 'local');
    expect(local.length).toBeGreaterThan(0);
    for (const entry of local) expect(entry.placeholder, `${entry.id} should be a placeholder until the library replaces it`).toBe(true);
  });
});

describe('every module meets the content guide', () => {
  test('there is an orientation module', () => {
    expect(course.modules.some((m) => m.part === 'orientation')).toBe(true);
  });

  test('10–20 minutes, two or three lessons', () => {
    for (const module of course.modules) {
      expect(module.minutes, `${module.file}: minutes`).toBeGreaterThanOrEqual(10);
      expect(module.minutes, `${module.file}: minutes`).toBeLessThanOrEqual(20);
      expect(module.lessons.length, `${module.id}: lessons`).toBeGreaterThanOrEqual(2);
      expect(module.lessons.length, `${module.id}: lessons`).toBeLessThanOrEqual(3);
    }
  });

  test('each lesson cites a source and has a knowledge check or a reflection prompt', () => {
    for (const module of course.modules) {
      for (const lesson of module.lessons) {
        expect(lesson.citations.length, `${lesson.file}: needs at least one <Cite>`).toBeGreaterThan(0);
        expect(lesson.checks.length + lesson.reflections.length, `${lesson.file}: needs a <Check> or <Reflect>`).toBeGreaterThan(0);
      }
    }
  });

  test('each check draws at least five questions from a bank of six or more, four of them scenario-based, with feedback on every option', () => {
    for (const module of course.modules) {
      const questions = module.check.questions;
      expect(questions.length, `${module.check.file}: questions`).toBeGreaterThanOrEqual(6);
      expect(attemptSize(module.check, module.id).min, `${module.check.file}: questions in the smallest attempt`).toBeGreaterThanOrEqual(5);
      expect(questions.filter((q) => q.scenario).length, `${module.check.file}: scenario questions`).toBeGreaterThanOrEqual(4);
      for (const q of everyQuestion(module)) {
        expect(q.sources.length, `${module.check.file}: ${q.localId} needs sources`).toBeGreaterThan(0);
        for (const option of q.options) expect(option.feedback.length, `${q.id} option ${option.id}`).toBeGreaterThan(20);
      }
    }
  });

  test('modules give examples from at least three library types', () => {
    for (const module of course.modules) {
      expect(module.libraryTypes.length, `${module.file}: libraryTypes`).toBeGreaterThanOrEqual(3);
    }
  });

  test('modules give examples for frontline staff as well as librarians', () => {
    const frontline = ['circulation', 'clerical', 'paraprofessional'];
    for (const module of course.modules) {
      expect(module.roles ?? [], `${module.file}: roles`).toContain('librarian');
      expect((module.roles ?? []).filter((r) => frontline.includes(r)).length, `${module.file}: roles need two of ${frontline.join(', ')}`).toBeGreaterThanOrEqual(2);
    }
  });

  test('the crisis module states the safety boundaries and points to the referral directory', () => {
    const crisis = course.modules.find((m) => m.maps[0] === 'copeland-08');
    if (!crisis) return expect.fail('no module maps first to copeland-08 (duty 8, crises)');
    const text = input.lessons.filter((l) => l.file.startsWith(`modules/${crisis.id}/`)).map((l) => l.body).join('\n');
    expect(text, `${crisis.id}: safety callout`).toMatch(/<Callout type="safety"/);
    expect(text, `${crisis.id}: emergency services`).toMatch(/\b911\b/);
    expect(text, `${crisis.id}: the 988 lifeline`).toMatch(/\b988\b/);
    expect(text, `${crisis.id}: a link to the Resources page`).toMatch(/\]\((\.\.\/)+resources\/\)/);
  });

  test('no lesson uses the label problem patron without quotation marks', () => {
    // The article questions the label by quoting it; the course does the same.
    const unquoted = /(?<!["“'‘])problem patrons?(?!["”'’])/i;
    for (const file of [...input.modules, ...input.lessons]) {
      expect(unquoted.test(file.body), `${file.file}: write "problem patron" in quotation marks`).toBe(false);
    }
  });
});

describe('desk recaps', () => {
  test('every module has a two-minute recap: things to say, things to avoid, who to hand off to', () => {
    const missing = course.modules.filter((m) => !m.recap).map((m) => m.id);
    expect(missing, 'modules without a recap in index.mdx').toEqual([]);
  });

  test('recaps of modules about crises name 911 and 988', () => {
    for (const module of course.modules.filter((m) => m.maps[0] === 'copeland-08' || m.maps[0] === 'naps-11')) {
      expect(module.recap!.handOff, module.id).toMatch(/911/);
      expect(module.recap!.handOff, module.id).toMatch(/988/);
    }
  });
});


describe('practice', () => {
  test('five or more practice modules, each with a playable scenario and a check, on the refresher path', () => {
    const practice = course.modules.filter((m) => m.part === 'practice');
    expect(practice.length).toBeGreaterThanOrEqual(5);
    const refresher = course.paths.find((p) => p.id === 'refresher')!;
    for (const module of practice.filter((m) => m.id !== 'practice-07-supporting-staff')) {
      expect(module.scenario, `${module.id} has no scenario.yaml`).toBeDefined();
      expect(module.scenario!.nodes.filter((n) => n.ending).length, `${module.id}: endings`).toBeGreaterThanOrEqual(3);
      expect(module.check.questions.length).toBeGreaterThanOrEqual(6);
      expect(refresher.modules, `${module.id} on the refresher path`).toContain(module.id);
    }
  });

  test('the practice scenario about distress ends well only by bringing in help, and names 911 and 988', () => {
    const distress = course.modules.find((m) => m.maps[0] === 'copeland-08' && m.part === 'practice')!;
    const text = JSON.stringify(distress.scenario);
    expect(text).toMatch(/911/);
    expect(`${text} ${distress.recap!.handOff}`).toMatch(/988/);
  });
});
