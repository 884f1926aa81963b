/**
 * Joins every content file into one typed course graph
 * (parts → modules → lessons → questions, plus frameworks, references, glossary,
 * resources and paths) and checks every cross-reference on the way.
 *
 * Pure: it takes already-read files (path + parsed data + MDX body) and returns the
 * graph, or throws a CourseValidationError that lists every problem with the file,
 * the field and the bad value, so `npm run build` tells a trainer exactly what to fix.
 */
import type { z } from 'zod';
import {
  frameworkSchema,
  glossaryTermSchema,
  lessonSchema,
  moduleSchema,
  pathSchema,
  referenceSchema,
  resourceSchema,
  siteSchema,
  type FrameworkItem,
  type GlossaryTerm,
  type LessonData,
  type ModuleData,
  type Part,
  type PathData,
  type Reference,
  type Resource,
  type SiteData,
} from './schemas';
import { scanLesson, type LessonSection } from './lesson-scan';
import { scenarioSchema, validateScenario, type Scenario } from './scenario';
import { hashText } from '../encoding/hash';
import { moduleEdition } from './edition';
import { checkSiteTailoring } from './tailoring';
import { HEX_COLOR } from './contrast';
import { buildCheck } from './build-check';

// ---------------------------------------------------------------------------
// Input: files as read from disk (or from Astro's content layer)

export interface SourceFile {
  /** Path relative to the project root, e.g. `modules/orientation/check.yaml`. */
  file: string;
  /** Parsed YAML or frontmatter, not yet validated. */
  data: unknown;
}

export interface MdxSourceFile extends SourceFile {
  /** MDX body after the frontmatter. */
  body: string;
}

export interface CourseInput {
  site: SourceFile;
  frameworks: SourceFile[];
  references: SourceFile;
  glossary: SourceFile;
  resources: SourceFile;
  paths: SourceFile;
  /** `modules/<id>/index.mdx` files. */
  modules: MdxSourceFile[];
  /** `modules/<id>/NN-slug.mdx` files. */
  lessons: MdxSourceFile[];
  /** `modules/<id>/check.yaml` files. */
  checks: SourceFile[];
  /** `modules/<id>/scenario.yaml` files: branching practice conversations (optional per module). */
  scenarios?: SourceFile[];
  /**
   * Files under the course's public/ folder, named from there (`library-logo.svg`). When given,
   * site.yaml's `logo` must be one of them; Astro's content layer does not list them, so the
   * build's first check (src/integrations/content-check.ts) and check:content supply it.
   */
  publicFiles?: ReadonlySet<string>;
}

// ---------------------------------------------------------------------------
// Output: the course graph

export interface FrameworkEntry extends FrameworkItem {
  /** Which framework file it belongs to: `copeland-duties`, `naps-values`, `library-bill-of-rights`. */
  framework: string;
}

export interface Framework {
  id: string;
  title: string;
  source: string;
  /** The part whose modules teach this framework item by item. */
  part: string;
  items: FrameworkEntry[];
}

export interface CourseOption {
  /** Stable within the question: a, b, c… by position in check.yaml. */
  id: string;
  text: string;
  correct: boolean;
  feedback: string;
  teaches: TeachingLink;
  /** The option has the staff member share their own experience. */
  discloses?: boolean;
}

export interface TeachingLink {
  /** Lesson id `<module-id>/<slug>`. */
  lessonId: string;
  /** Section anchor within the lesson page. */
  anchor: string;
  /** Section title, for link text. */
  sectionTitle: string;
}

export interface CourseQuestion {
  /** `<module-id>/<question-id>`. */
  id: string;
  localId: string;
  moduleId: string;
  type: 'single' | 'multiple';
  prompt: string;
  teaches: TeachingLink;
  sources: string[];
  options: CourseOption[];
  /** Set when the question belongs to a scenario set. */
  scenario?: { id: string; title: string; case: string };
}

export type CheckItem =
  | { kind: 'question'; question: CourseQuestion }
  | { kind: 'scenario'; id: string; title: string; case: string; questions: CourseQuestion[] };

export interface CourseCheck {
  file: string;
  passMark: number;
  /** Items one attempt draws from the bank (`items`); every item when check.yaml sets none. */
  draw: number;
  /** The bank. */
  items: CheckItem[];
  /** Every bank question, scenario questions included, in order. */
  questions: CourseQuestion[];
  /** Practice questions for the lessons' inline checks; never drawn into the module check. */
  practice: CourseQuestion[];
}

export interface CourseLesson extends LessonData {
  /** `<module-id>/<slug>`. */
  id: string;
  moduleId: string;
  slug: string;
  /** File name without extension, e.g. `01-what-a-peer-is`; used by `teaches`. */
  stem: string;
  file: string;
  sections: LessonSection[];
  citations: string[];
  terms: string[];
  checks: string[];
  reflections: string[];
  /** Plain text before the first heading, for search. */
  intro: string;
}

export interface CourseModule extends ModuleData {
  id: string;
  file: string;
  lessons: CourseLesson[];
  check: CourseCheck;
  /**
   * The module's edition (src/lib/course/edition.ts): changes when its lessons, its check's answer
   * key or pass mark, or its `revision:` change, never for a typo. Stored with completions.
   */
  contentHash: string;
  /**
   * Fingerprint of everything in the module folder, as contentHash was before editions: a
   * completion saved then still counts as current until the module's text next changes.
   */
  textHash: string;
  /** The module's branching practice conversation, if it has one. */
  scenario?: Scenario;
  /** Total minutes: the module's stated minutes. */
}

export interface CoursePath extends PathData {}

export interface Course {
  site: SiteData;
  parts: Part[];
  /** In the order of the parts that teach them. */
  frameworks: Framework[];
  frameworkItems: Map<string, FrameworkEntry>;
  references: Map<string, Reference>;
  glossary: GlossaryTerm[];
  resources: Resource[];
  /** In catalogue order: by part, then by `order`, then by id. */
  modules: CourseModule[];
  paths: CoursePath[];
  /** Modules that map to each framework item id. */
  modulesByItem: Map<string, string[]>;
}

// ---------------------------------------------------------------------------
// Problems

export interface CourseProblem {
  file: string;
  /** Dotted path to the field, e.g. `maps[2]` or `items[0].questions[1].teaches`. */
  field: string;
  message: string;
  /** What to do about it, when there is something concrete to suggest. */
  hint?: string;
  /** Line in the file, when known (filled in by src/node/locate.ts, which reads the file). */
  line?: number;
}

export class CourseValidationError extends Error {
  constructor(readonly problems: CourseProblem[]) {
    super(formatProblems(problems));
    this.name = 'CourseValidationError';
  }
}

/** One problem on one line: `file:line  field  problem  → suggestion`. */
export function formatProblem(problem: CourseProblem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  return `${where}  ${problem.field || '(file)'}  ${problem.message}${problem.hint ? `  → ${problem.hint}` : ''}`;
}

export function formatProblems(problems: CourseProblem[]): string {
  const heading = `Crosswalk content has ${problems.length} problem${problems.length === 1 ? '' : 's'}:`;
  return [heading, ...problems.map((p) => `  ${formatProblem(p)}`)].join('\n');
}

function fieldPath(path: PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    return out ? `${out}.${String(key)}` : String(key);
  }, '');
}

/** The field names an object schema allows at `path` (for "did you mean" on a misspelt key). */
function knownKeys(schema: z.ZodType, path: PropertyKey[]): string[] {
  let current: unknown = schema;
  for (const key of path) {
    const def = (current as { def?: { type?: string; element?: unknown; shape?: Record<string, unknown>; innerType?: unknown } }).def;
    if (!def) return [];
    if (def.type === 'array' && typeof key === 'number') current = def.element;
    else if (def.type === 'object' && typeof key === 'string') current = def.shape?.[key];
    else return [];
    while ((current as { def?: { innerType?: unknown } })?.def?.innerType) current = (current as { def: { innerType: unknown } }).def.innerType;
  }
  const shape = (current as { def?: { type?: string; shape?: Record<string, unknown> } })?.def;
  return shape?.type === 'object' && shape.shape ? Object.keys(shape.shape) : [];
}

/** A close known id, as a hint for an error message ("did you mean …?"), or undefined. */
function suggest(value: string, known: Iterable<string>): string | undefined {
  let best = '';
  let bestScore = Infinity;
  for (const candidate of known) {
    const score = editDistance(value, candidate);
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best && bestScore <= Math.max(2, Math.floor(value.length / 3)) ? `did you mean "${best}"?` : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

// ---------------------------------------------------------------------------
// The problem collector

/**
 * Where every build step reports what is wrong, so one build lists every problem at once
 * instead of stopping at the first. buildCourse creates one and hands it to each step.
 */
class ProblemCollector {
  readonly list: CourseProblem[] = [];
  private readonly referencesFile: string;
  /** The keys requireReference accepts: references.yaml's, once readCourseWideFiles has read it. */
  private referenceKeys: ReadonlyMap<string, unknown> = new Map();

  constructor(referencesFile: string) {
    this.referencesFile = referencesFile;
  }

  report(file: string, field: string, message: string, hint?: string): void {
    this.list.push({ file, field, message, ...(hint ? { hint } : {}) });
  }

  /** "did you mean x?" when there is a close match, else `otherwise`. */
  hintFor(value: string, known: Iterable<string>, otherwise?: string): string | undefined {
    return suggest(value, known) ?? otherwise;
  }

  /** Validates one file (or, with `prefix`, one list entry) against its schema; reports each issue and returns undefined on failure. */
  parse<S extends z.ZodType>(schema: S, source: SourceFile, prefix = ''): z.infer<S> | undefined {
    const result = schema.safeParse(source.data);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      const path = [...(prefix ? [Number(prefix)] : []), ...issue.path];
      if (issue.code === 'unrecognized_keys') {
        const known = knownKeys(schema, issue.path);
        for (const key of issue.keys) {
          this.report(source.file, fieldPath([...path, key]), `unknown field "${key}"`, this.hintFor(key, known, known.length ? `fields allowed here: ${known.join(', ')}` : `remove "${key}"`));
        }
        continue;
      }
      const missing = issue.code === 'invalid_type' && issue.input === undefined;
      const field = fieldPath(path);
      if (missing && path.length === 0) this.report(source.file, '(file)', 'the file is empty', 'write its fields (see README, "Make it yours" and the authoring guide)');
      else if (missing) this.report(source.file, field, `required field is missing (${issue.expected} expected)`, `add ${String(issue.path.at(-1) ?? field)}: …`);
      else this.report(source.file, field, issue.message);
    }
    return undefined;
  }

  /** Validates a file that is a list of entries, each on its own; returns the entries that pass. */
  parseList<S extends z.ZodType>(schema: S, source: SourceFile): z.infer<S>[] {
    if (!Array.isArray(source.data)) {
      this.report(source.file, '', 'expected a list of entries (each starting with "- ")');
      return [];
    }
    const out: z.infer<S>[] = [];
    source.data.forEach((entry, index) => {
      const parsed = this.parse(schema, { file: source.file, data: entry }, String(index));
      if (parsed !== undefined) out.push(parsed);
    });
    return out;
  }

  /** Reports every item whose id an earlier item already used. */
  checkUnique<T>(items: T[], idOf: (item: T) => string, file: (item: T) => string, field: (item: T, index: number) => string, what: string): void {
    const seen = new Map<string, string>();
    items.forEach((item, index) => {
      const id = idOf(item);
      const first = seen.get(id);
      if (first !== undefined) this.report(file(item), field(item, index), `duplicate ${what} "${id}" (already used in ${first})`);
      else seen.set(id, file(item));
    });
  }

  /** Sets the reference keys requireReference accepts. */
  knowReferences(references: ReadonlyMap<string, unknown>): void {
    this.referenceKeys = references;
  }

  /** Reports `key` unless references.yaml defines it. */
  requireReference(file: string, field: string, key: string): void {
    if (!this.referenceKeys.has(key)) this.report(file, field, `unknown reference key "${key}"`, this.hintFor(key, this.referenceKeys.keys(), `add it to ${this.referencesFile} or fix the key`));
  }
}

// build-check.ts reports into the same collector.
export type { ProblemCollector };

// ---------------------------------------------------------------------------
// Building the course, one step at a time

const LESSON_FILE = /(?:^|\/)modules\/([^/]+)\/(\d\d)-([a-z0-9]+(?:-[a-z0-9]+)*)\.mdx$/;
const MODULE_FILE = /(?:^|\/)modules\/([^/]+)\/index\.mdx$/;
const CHECK_FILE = /(?:^|\/)modules\/([^/]+)\/check\.ya?ml$/;
const SCENARIO_FILE = /(?:^|\/)modules\/([^/]+)\/scenario\.ya?ml$/;
const FRAMEWORK_FILE = /([^/]+)\.ya?ml$/;
const MODULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

// Rewrite list-index fields like "3.id" as "[3].id" for readability.
const listField = (index: number, key: string) => `[${index}].${key}`;

/**
 * Builds and checks the course graph. Throws CourseValidationError listing every problem.
 * Each step below reports into `problems` and carries on, so one build shows them all;
 * the order of the steps is the order problems are listed in.
 */
export function buildCourse(input: CourseInput): Course {
  const problems = new ProblemCollector(input.references.file);
  const files = readCourseWideFiles(input, problems);
  const { frameworks, frameworkItems } = buildFrameworks(input, files, problems);
  const lessonsByModule = buildLessons(input.lessons, problems);
  const built = buildModules(input, files, frameworkItems, lessonsByModule, problems);
  checkPaths(input.paths.file, files.paths, new Set(built.moduleSources.keys()), problems);

  const { site } = files;
  if (problems.list.length > 0 || !site) throw new CourseValidationError(problems.list);

  orderAndFingerprint(input, site, built, frameworks);
  return {
    site,
    parts: site.parts,
    frameworks,
    frameworkItems,
    references: files.references,
    glossary: files.glossary,
    resources: files.resources,
    modules: built.modules,
    paths: files.paths,
    modulesByItem: modulesByFrameworkItem(built.modules),
  };
}

// --- Course-wide files -----------------------------------------------------

/** The course-wide files under content/, parsed. */
interface CourseWideFiles {
  /** Undefined when site.yaml has problems; checks against its parts are then skipped. */
  site: SiteData | undefined;
  references: Map<string, Reference>;
  glossary: GlossaryTerm[];
  resources: Resource[];
  paths: PathData[];
  glossaryIds: Set<string>;
  partIds: Set<string>;
}

/** Reads site.yaml, references, glossary, resources and paths; checks their ids are unique, the site's logo and colours, and glossary sources. */
function readCourseWideFiles(input: CourseInput, problems: ProblemCollector): CourseWideFiles {
  const site = problems.parse(siteSchema, input.site);
  const references = problems.parseList(referenceSchema, input.references);
  const glossary = problems.parseList(glossaryTermSchema, input.glossary);
  const resources = problems.parseList(resourceSchema, input.resources);
  const paths = problems.parseList(pathSchema, input.paths);

  problems.checkUnique(references, (r) => r.key, () => input.references.file, (_, i) => listField(i, 'key'), 'reference key');
  problems.checkUnique(glossary, (g) => g.id, () => input.glossary.file, (_, i) => listField(i, 'id'), 'glossary id');
  problems.checkUnique(resources, (r) => r.id, () => input.resources.file, (_, i) => listField(i, 'id'), 'resource id');
  problems.checkUnique(paths, (p) => p.id, () => input.paths.file, (_, i) => listField(i, 'id'), 'path id');
  // Logo and colours are checked even when another site.yaml field is wrong, so every problem shows at once.
  for (const problem of checkSiteTailoring(site ?? tailoringFields(input.site.data), input.publicFiles)) {
    problems.report(input.site.file, problem.field, problem.message, problem.hint);
  }
  if (site) problems.checkUnique(site.parts, (p) => p.id, () => input.site.file, (_, i) => `parts${listField(i, 'id')}`, 'part id');

  const referenceMap = new Map(references.map((r) => [r.key, r]));
  problems.knowReferences(referenceMap);
  glossary.forEach((term, i) => term.source && problems.requireReference(input.glossary.file, listField(i, 'source'), term.source));

  return {
    site,
    references: referenceMap,
    glossary,
    resources,
    paths,
    glossaryIds: new Set(glossary.map((g) => g.id)),
    partIds: new Set(site?.parts.map((p) => p.id)),
  };
}

/** The logo and colour fields of a site.yaml that failed its schema, those that are well-formed. */
function tailoringFields(data: unknown): Pick<SiteData, 'logo' | 'logoAlt' | 'accentColor' | 'accentColorDark'> {
  const raw = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
  const text = (key: string) => (typeof raw[key] === 'string' ? (raw[key] as string) : undefined);
  const colour = (key: string) => (HEX_COLOR.test(text(key) ?? '') ? text(key) : undefined);
  return { logo: text('logo'), logoAlt: text('logoAlt'), accentColor: colour('accentColor'), accentColorDark: colour('accentColorDark') };
}

/** Reports `part` in `file` unless site.yaml lists it (skipped when site.yaml itself has problems). */
function requirePart(file: string, part: string, files: CourseWideFiles, siteFile: string, problems: ProblemCollector): void {
  if (files.site && !files.partIds.has(part)) {
    problems.report(file, 'part', `unknown part "${part}"`, problems.hintFor(part, files.partIds, `use one of the parts in ${siteFile}: ${[...files.partIds].join(', ')}`));
  }
}

// --- Frameworks ------------------------------------------------------------

/** Builds the frameworks in content/frameworks/: checks each one's source and part, and that item ids are unique across all of them. */
function buildFrameworks(input: CourseInput, files: CourseWideFiles, problems: ProblemCollector): { frameworks: Framework[]; frameworkItems: Map<string, FrameworkEntry> } {
  const frameworks: Framework[] = [];
  const frameworkItems = new Map<string, FrameworkEntry>();
  for (const source of input.frameworks) {
    const data = problems.parse(frameworkSchema, source);
    if (!data) continue;
    const id = FRAMEWORK_FILE.exec(source.file)?.[1] ?? source.file;
    problems.requireReference(source.file, 'source', data.source);
    requirePart(source.file, data.part, files, input.site.file, problems);
    const items = data.items.map((item) => ({ ...item, framework: id }));
    items.forEach((item, index) => {
      const first = frameworkItems.get(item.id);
      if (first) problems.report(source.file, `items[${index}].id`, `duplicate framework item id "${item.id}" (already in content/frameworks/${first.framework}.yaml)`);
      else frameworkItems.set(item.id, item);
    });
    frameworks.push({ id, title: data.title, source: data.source, part: data.part, items });
  }
  return { frameworks, frameworkItems };
}

// --- Lessons ---------------------------------------------------------------

/** Builds every lesson from its NN-slug.mdx (file name, frontmatter, scanned body), grouped by module in file order; checks slugs are unique within a module. */
function buildLessons(sources: MdxSourceFile[], problems: ProblemCollector): Map<string, CourseLesson[]> {
  const lessonsByModule = new Map<string, CourseLesson[]>();
  for (const source of sources) {
    const name = LESSON_FILE.exec(source.file);
    if (!name) {
      problems.report(source.file, '(file name)', 'lesson files are named NN-slug.mdx, e.g. 01-warm-hand-off.mdx (two digits, a hyphen, lowercase words joined by hyphens)');
      continue;
    }
    const [, moduleId, , slug] = name as unknown as [string, string, string, string];
    if (slug === 'check') problems.report(source.file, '(file name)', 'a lesson cannot be called "check": that address is the module check');
    const data = problems.parse(lessonSchema, source);
    if (!data) continue;
    const scan = scanLesson(source.body);
    const stem = source.file.split('/').pop()!.replace(/\.mdx$/, '');
    const lesson: CourseLesson = { ...data, id: `${moduleId}/${slug}`, moduleId, slug, stem, file: source.file, ...scan };
    const list = lessonsByModule.get(moduleId) ?? [];
    list.push(lesson);
    lessonsByModule.set(moduleId, list);
  }
  for (const list of lessonsByModule.values()) {
    list.sort((a, b) => a.stem.localeCompare(b.stem));
    problems.checkUnique(list, (l) => l.slug, (l) => l.file, () => '(file name)', 'lesson slug');
  }
  return lessonsByModule;
}

// --- Modules ---------------------------------------------------------------

interface BuiltModules {
  /** The modules that built, check included, in file order (orderAndFingerprint sorts them). */
  modules: CourseModule[];
  /** The index.mdx of every well-named module folder, valid or not, by module id. */
  moduleSources: Map<string, MdxSourceFile>;
  /** Each module's check.yaml, by module id. */
  checkSources: Map<string, SourceFile>;
}

/**
 * Builds each module from its folder: index.mdx frontmatter, lessons, check, scenario, and what
 * the lesson bodies name; then reports folders that have lessons but no index.mdx.
 */
function buildModules(input: CourseInput, files: CourseWideFiles, frameworkItems: Map<string, FrameworkEntry>, lessonsByModule: Map<string, CourseLesson[]>, problems: ProblemCollector): BuiltModules {
  const checkSources = sourcesByModule(input.checks, CHECK_FILE);
  const scenarioSources = sourcesByModule(input.scenarios ?? [], SCENARIO_FILE);
  const modules: CourseModule[] = [];
  const moduleSources = new Map<string, MdxSourceFile>();
  for (const source of input.modules) {
    const moduleId = MODULE_FILE.exec(source.file)?.[1];
    if (!moduleId || !MODULE_ID.test(moduleId)) {
      problems.report(source.file, '(folder name)', 'module folders are named with lowercase letters, digits and hyphens, e.g. modules/warm-hand-off/');
      continue;
    }
    moduleSources.set(moduleId, source);
    const data = readModuleFrontmatter(source, files, frameworkItems, input.site.file, problems);
    if (!data) continue;

    const lessons = lessonsByModule.get(moduleId) ?? [];
    if (lessons.length === 0) problems.report(source.file, '(module)', `module "${moduleId}" has no lessons`, `add modules/${moduleId}/01-<slug>.mdx`);

    const checkSource = checkSources.get(moduleId);
    if (!checkSource) problems.report(`modules/${moduleId}/check.yaml`, '(file)', `module "${moduleId}" has no check`, `add modules/${moduleId}/check.yaml`);
    const check = checkSource ? buildCheck(moduleId, checkSource, lessons, problems) : undefined;

    const scenario = buildScenario(scenarioSources.get(moduleId), frameworkItems, problems);
    checkLessonBodies(moduleId, lessons, check, files, input.glossary.file, problems);

    if (!check) continue;
    modules.push({
      ...data,
      id: moduleId,
      file: source.file,
      lessons,
      check,
      contentHash: '',
      textHash: '',
      ...(scenario ? { scenario } : {}),
    });
  }

  for (const moduleId of lessonsByModule.keys()) {
    if (!moduleSources.has(moduleId)) problems.report(`modules/${moduleId}/`, 'index.mdx', 'folder has lessons but no index.mdx', `add modules/${moduleId}/index.mdx with the module's frontmatter (npm run new:module scaffolds one)`);
  }
  return { modules, moduleSources, checkSources };
}

/** The files matching `pattern` (check.yaml, scenario.yaml), by the module folder they sit in. */
function sourcesByModule(sources: SourceFile[], pattern: RegExp): Map<string, SourceFile> {
  const byModule = new Map<string, SourceFile>();
  for (const source of sources) {
    const moduleId = pattern.exec(source.file)?.[1];
    if (moduleId) byModule.set(moduleId, source);
  }
  return byModule;
}

/** Parses a module's index.mdx frontmatter and checks its part and the framework items it maps to. */
function readModuleFrontmatter(source: MdxSourceFile, files: CourseWideFiles, frameworkItems: Map<string, FrameworkEntry>, siteFile: string, problems: ProblemCollector): ModuleData | undefined {
  const data = problems.parse(moduleSchema, source);
  if (!data) return undefined;
  requirePart(source.file, data.part, files, siteFile, problems);
  data.maps.forEach((itemId, index) => {
    if (!frameworkItems.has(itemId)) {
      problems.report(source.file, `maps[${index}]`, `unknown framework item "${itemId}"`, problems.hintFor(itemId, frameworkItems.keys(), 'items are defined in content/frameworks/'));
    }
  });
  return data;
}

/** Parses and validates a module's scenario.yaml, if it has one; undefined when it has none or it has problems. */
function buildScenario(source: SourceFile | undefined, frameworkItems: Map<string, FrameworkEntry>, problems: ProblemCollector): Scenario | undefined {
  if (!source) return undefined;
  const parsed = problems.parse(scenarioSchema, source);
  if (!parsed) return undefined;
  const scenarioProblems = validateScenario(parsed, new Set(frameworkItems.keys()));
  for (const problem of scenarioProblems) problems.report(source.file, problem.field, problem.message, problem.hint);
  return scenarioProblems.length === 0 ? parsed : undefined;
}

/** Checks what a module's lesson bodies name: <Cite> references, <Term> glossary ids, <Check> practice questions, and that <Reflect> ids are unique. */
function checkLessonBodies(moduleId: string, lessons: CourseLesson[], check: CourseCheck | undefined, files: CourseWideFiles, glossaryFile: string, problems: ProblemCollector): void {
  const practiceIds = new Set(check?.practice.map((q) => q.localId));
  const bankIds = new Set(check?.questions.map((q) => q.localId));
  const reflectionIds = new Map<string, string>();
  for (const lesson of lessons) {
    lesson.citations.forEach((key) => problems.requireReference(lesson.file, `<Cite source="${key}">`, key));
    lesson.terms.forEach((id) => {
      if (!files.glossaryIds.has(id)) problems.report(lesson.file, `<Term id="${id}">`, `unknown glossary id "${id}"`, problems.hintFor(id, files.glossaryIds, `add it to ${glossaryFile}`));
    });
    lesson.checks.forEach((id) => {
      if (!check || practiceIds.has(id)) return;
      if (bankIds.has(id)) problems.report(lesson.file, `<Check id="${id}">`, `"${id}" is a module-check question; a lesson's inline check must be a practice question`, `move it to the practice: list of modules/${moduleId}/check.yaml and write the check a question of its own`);
      else problems.report(lesson.file, `<Check id="${id}">`, `no practice question "${id}" in modules/${moduleId}/check.yaml`, problems.hintFor(id, practiceIds, `practice question ids there: ${[...practiceIds].join(', ') || 'none (add a practice: list)'}`));
    });
    lesson.reflections.forEach((id) => {
      const first = reflectionIds.get(id);
      if (first) problems.report(lesson.file, `<Reflect id="${id}">`, `duplicate reflection id "${id}" (already used in ${first})`);
      else reflectionIds.set(id, lesson.file);
    });
  }
}

// --- Paths -----------------------------------------------------------------

/** Checks that every path in paths.yaml names existing modules, each once. */
function checkPaths(pathsFile: string, paths: PathData[], moduleIds: ReadonlySet<string>, problems: ProblemCollector): void {
  paths.forEach((path, pathIndex) => {
    const seenInPath = new Set<string>();
    path.modules.forEach((moduleId, i) => {
      const field = `[${pathIndex}].modules[${i}]`;
      if (!moduleIds.has(moduleId)) problems.report(pathsFile, field, `path "${path.id}" names unknown module "${moduleId}"`, problems.hintFor(moduleId, moduleIds, 'list a folder name from modules/'));
      if (seenInPath.has(moduleId)) problems.report(pathsFile, field, `path "${path.id}" lists module "${moduleId}" twice`);
      seenInPath.add(moduleId);
    });
  });
}

// --- Order and fingerprints ------------------------------------------------

/** Sorts modules into catalogue order and frameworks by part, and gives each module its edition (contentHash) and text fingerprint (textHash). */
function orderAndFingerprint(input: CourseInput, site: SiteData, built: BuiltModules, frameworks: Framework[]): void {
  const { modules, moduleSources, checkSources } = built;
  const partOrder = new Map(site.parts.map((p, i) => [p.id, i]));
  modules.sort((a, b) => (partOrder.get(a.part)! - partOrder.get(b.part)!) || a.order - b.order || a.id.localeCompare(b.id));
  // Frameworks follow the parts that teach them (duties, values, rights), not file names.
  frameworks.sort((a, b) => (partOrder.get(a.part)! - partOrder.get(b.part)!) || a.id.localeCompare(b.id));
  for (const mod of modules) {
    const source = moduleSources.get(mod.id)!;
    const lessonText = input.lessons
      .filter((l) => LESSON_FILE.exec(l.file)?.[1] === mod.id)
      .sort((a, b) => a.file.localeCompare(b.file))
      .map((l) => `${l.file}\n${JSON.stringify(l.data)}\n${l.body}`);
    mod.textHash = hashText(
      [JSON.stringify(source.data), source.body, ...lessonText, JSON.stringify(checkSources.get(mod.id)?.data), ...(mod.scenario ? [JSON.stringify(mod.scenario)] : [])].join('\n\u0000'),
    );
    mod.contentHash = moduleEdition({ id: mod.id, ...(mod.revision !== undefined ? { revision: mod.revision } : {}), lessonIds: mod.lessons.map((l) => l.id), passMark: mod.check.passMark, draw: mod.check.draw, items: mod.check.items });
  }
}

/** The modules that map to each framework item, in module order. */
function modulesByFrameworkItem(modules: CourseModule[]): Map<string, string[]> {
  const modulesByItem = new Map<string, string[]>();
  for (const mod of modules) {
    for (const itemId of mod.maps) modulesByItem.set(itemId, [...(modulesByItem.get(itemId) ?? []), mod.id]);
  }
  return modulesByItem;
}

// ---------------------------------------------------------------------------
// Looking things up in a built course

/** Every question a module has: the check's bank, then the lessons' practice questions. */
export const everyQuestion = (module: CourseModule): CourseQuestion[] => [...module.check.questions, ...module.check.practice];

/** Looks a lesson up by id (`<module-id>/<slug>`). */
export function findLesson(course: Course, lessonId: string): CourseLesson | undefined {
  const moduleId = lessonId.split('/')[0];
  return course.modules.find((m) => m.id === moduleId)?.lessons.find((l) => l.id === lessonId);
}
