/**
 * Zod schemas for every content file a trainer edits. One schema per concern;
 * each field says what it is for. Objects are strict so that a misspelt key
 * ("titel") is reported instead of silently ignored.
 *
 * These schemas are shared by Astro's content collections (src/content.config.ts)
 * and by the Node-side reader used in tests and scripts, so both see the same rules.
 */
import { z } from 'zod';
import { unsafeLinkReason } from '../encoding/safe-url';
import { xapiConfigSchema } from '../lms/xapi';

/** Lowercase words joined by hyphens: safe in URLs and storage keys. */
export const kebabId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase letters, digits and single hyphens (for example "warm-hand-off")');

const text = z.string().trim().min(1, 'must not be empty');

export const LIBRARY_TYPES = ['academic', 'public', 'school', 'special'] as const;
export const ROLES = ['circulation', 'clerical', 'paraprofessional', 'librarian'] as const;

export const libraryType = z.enum(LIBRARY_TYPES);
export const role = z.enum(ROLES);

// ---------------------------------------------------------------------------
// content/frameworks/*.yaml

/** One duty, value or article: the things modules map to. */
export const frameworkItemSchema = z.strictObject({
  /** Stable id such as `copeland-03`, `naps-07` or `lbor-7`. */
  id: kebabId,
  /** Position in the source list (1-based). */
  number: z.number().int().positive(),
  /** The duty, value or article as the source names it. */
  title: text,
  /** The statement in brief, in plain words. */
  brief: text,
  /** How it reads at the library (for the Bill of Rights: as restated for peer specialists). */
  atLibrary: text,
});

/** A framework file: the Copeland duties, the NAPS values or the Library Bill of Rights. */
export const frameworkSchema = z.strictObject({
  title: text,
  /** Reference key of the work that states the framework. */
  source: z.string(),
  /**
   * The course part (site.yaml `parts`) whose modules teach this framework item by item: the
   * crosswalk names those modules first, and content tests require one for every item.
   */
  part: kebabId,
  items: z.array(frameworkItemSchema).min(1),
});

// ---------------------------------------------------------------------------
/** A link target from content: relative, https:, mailto:, tel: or sms: (src/lib/encoding/safe-url.ts says why). */
export const linkUrl = z.string().superRefine((url, ctx) => {
  const reason = unsafeLinkReason(url);
  if (reason) ctx.addIssue({ code: 'custom', message: `"${url}" ${reason}` });
});

// content/references.yaml, glossary.yaml, resources.yaml, paths.yaml, site.yaml

export const referenceSchema = z.strictObject({
  /** Citation key used by lessons and checks, e.g. `naps-2019`. */
  key: kebabId,
  /** What an in-text citation shows, e.g. "NAPS, 2019". */
  short: text,
  /** Full APA 7 citation; `*text*` marks italics. */
  apa: text,
  /** Only where the source article gives one. */
  url: linkUrl.optional(),
  note: text.optional(),
});

export const glossaryTermSchema = z.strictObject({
  id: kebabId,
  term: text,
  definition: text,
  /** Other spellings people type, so search and links still find the term. */
  aka: z.array(text).optional(),
  /** Reference key that defines the term, when there is one. */
  source: z.string().optional(),
});

export const resourceSchema = z.strictObject({
  id: kebabId,
  name: text,
  helpsWith: text,
  /** How to reach it: phone, text, desk location, web. */
  contact: text,
  hours: text,
  scope: z.enum(['national', 'local']),
  /** True until the library replaces the entry with its own service. */
  placeholder: z.boolean().default(false),
  url: linkUrl.optional(),
  note: text.optional(),
});

export const pathSchema = z.strictObject({
  id: kebabId,
  title: text,
  summary: text,
  audience: text.optional(),
  /** Module ids in the order a learner should take them. */
  modules: z.array(z.string()).min(1),
});

export const partSchema = z.strictObject({
  id: kebabId,
  title: text,
  summary: text,
});

/** `#RRGGBB`; contrast against the themes is checked by src/lib/course/tailoring.ts. */
const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'write the colour as "#" and six hex digits, for example "#1f5f8b"');

export const siteSchema = z.strictObject({
  /** The library's name, shown in the header beside the course name. */
  libraryName: text,
  /** The course's name in the header and page titles (for example "Crosswalk"). */
  shortName: text,
  /** Who to ask about the course, shown in every page's footer. */
  contact: z.strictObject({ name: text, how: text }),
  /** The library's own emergency procedure, shown wherever safety comes up. */
  emergencyProcedure: text,
  /**
   * Who is in charge on each shift and how staff reach them. Lessons on distress, labels and
   * safety send staff to this person well before anyone is in immediate danger. Optional so an
   * older site.yaml still builds; until it is set the build lists it with the placeholders.
   */
  personInCharge: text.optional(),
  /** Who handles security or safety (a security officer, campus security, or who the procedure names). */
  safetyContact: text.optional(),
  /** Where the behavior policy is, who can ban a patron, and how an incident, threat or ban is recorded. */
  behaviorPolicy: text.optional(),
  /** Optional logo: a file under public/, named from there (`library-logo.svg`). Never a web address. */
  logo: text.optional(),
  /** What the logo says, for screen readers; "" when it only repeats the library name beside it. */
  logoAlt: z.string().trim().optional(),
  /** Accent colour of the light theme (links, buttons, highlights). Set with accentColorDark. */
  accentColor: hexColor.optional(),
  /** Accent colour of the dark theme: a light colour, set together with accentColor. */
  accentColorDark: hexColor.optional(),
  /** The parts of the course, in catalogue order. */
  parts: z.array(partSchema).min(1),
  /** A Learning Record Store to report to (src/lib/lms/xapi.ts). Absent: nothing is ever sent. */
  xapi: z.optional(xapiConfigSchema),
});

// ---------------------------------------------------------------------------
// modules/<id>/index.mdx, NN-slug.mdx, check.yaml

export const moduleSchema = z.strictObject({
  title: text,
  summary: text,
  /** Part id from content/site.yaml. */
  part: z.string(),
  /** Sort order within the part. */
  order: z.number().int().nonnegative(),
  /** Framework item ids this module teaches (copeland-01, naps-05, lbor-7…). */
  maps: z.array(z.string()).default([]),
  objectives: z.array(text).min(1),
  minutes: z.number().int().positive(),
  /**
   * Raise by one when a change to the lessons' text is substantive enough that people who
   * completed the module should look again (src/lib/course/edition.ts). Absent means 1.
   */
  revision: z.number().int().positive().optional(),
  libraryTypes: z.array(libraryType).min(1),
  roles: z.array(role).optional(),
  /** The two-minute desk recap shown on the module page: what to say, what to avoid, who to hand off to. */
  recap: z
    .strictObject({
      /** Key phrases to use at the desk, each a sentence a person could say. */
      say: z.array(text).min(2).max(5),
      avoid: z.array(text).min(1).max(4),
      /** Who to hand off to, and when. */
      handOff: text,
    })
    .optional(),
});

export const lessonSchema = z.strictObject({
  title: text,
  summary: text.optional(),
  minutes: z.number().int().positive().optional(),
});

export const optionSchema = z.strictObject({
  text,
  correct: z.boolean().default(false),
  /** Why this option is or is not the best response. Required for every option. */
  feedback: text,
  /** Overrides the question's `teaches` for this option. */
  teaches: z.string().optional(),
  /**
   * True when this option has the staff member share their own experience. Content tests use it
   * to hold the course to items where a brief, purposeful disclosure is the best response and
   * items where it is not (CONTENT-GUIDE.md: test the distinction, not the slogan).
   */
  discloses: z.boolean().optional(),
});

export const questionSchema = z.strictObject({
  /** Unique within the module; the stored question id is `<module-id>/<id>`. */
  id: kebabId,
  /** `single`: exactly one correct option; `multiple`: select all that apply. */
  type: z.enum(['single', 'multiple']),
  prompt: text,
  /** Where it is taught: `<lesson file name without .mdx>#<section anchor>`. */
  teaches: z.string(),
  /** Reference keys for the citation shown with the feedback. */
  sources: z.array(z.string()).default([]),
  options: z.array(optionSchema).min(2).max(6),
});

/** A short case followed by several questions about it. */
export const scenarioSchema = z.strictObject({
  id: kebabId,
  type: z.literal('scenario'),
  title: text,
  case: text,
  questions: z.array(questionSchema).min(1),
});

export const checkItemSchema = z.discriminatedUnion('type', [
  questionSchema.extend({ type: z.literal('single') }),
  questionSchema.extend({ type: z.literal('multiple') }),
  scenarioSchema,
]);

export const DEFAULT_PASS_MARK = 0.8;

export const practiceQuestionSchema = z.discriminatedUnion('type', [
  questionSchema.extend({ type: z.literal('single') }),
  questionSchema.extend({ type: z.literal('multiple') }),
]);

export const checkSchema = z.strictObject({
  /** Share of the points needed to pass, 0–1. */
  passMark: z.number().min(0.5).max(1).default(DEFAULT_PASS_MARK),
  /**
   * How many items (a question, or a scenario with its questions) one attempt draws from the bank
   * below. The bank must hold at least 1.5 times the questions of an attempt, so a retake is not a
   * replay of the feedback just read. Absent: every item, every time.
   */
  draw: z.number().int().positive().optional(),
  /** The bank the module check draws from. */
  items: z.array(checkItemSchema).min(1),
  /**
   * Practice questions for the lessons' inline `<Check id="…">`: never in the module check, so
   * practice is not a preview of the graded questions.
   */
  practice: z.array(practiceQuestionSchema).default([]),
});

export type FrameworkItem = z.infer<typeof frameworkItemSchema>;
export type FrameworkFile = z.infer<typeof frameworkSchema>;
export type Reference = z.infer<typeof referenceSchema>;
export type GlossaryTerm = z.infer<typeof glossaryTermSchema>;
export type Resource = z.infer<typeof resourceSchema>;
export type PathData = z.infer<typeof pathSchema>;
export type Part = z.infer<typeof partSchema>;
export type SiteData = z.infer<typeof siteSchema>;
export type ModuleData = z.infer<typeof moduleSchema>;
export type LessonData = z.infer<typeof lessonSchema>;
export type QuestionData = z.infer<typeof questionSchema>;
export type CheckData = z.infer<typeof checkSchema>;
export type LibraryType = z.infer<typeof libraryType>;
export type Role = z.infer<typeof role>;
