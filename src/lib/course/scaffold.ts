/**
 * The files `npm run new:module -- <id>` writes: a module overview, a first lesson and a check
 * that pass every rule of the build as they are, with each thing a trainer must write marked
 * TODO (check:content lists the TODOs left). Pure: src/node/new-module.ts writes them.
 */
import { kebabId } from './schemas';

export interface ScaffoldContext {
  /** Module ids already in modules/. */
  existing: ReadonlySet<string>;
  /** Part ids from content/site.yaml, in order. */
  parts: readonly string[];
  /** `order` values already used, per part. */
  ordersByPart: ReadonlyMap<string, number[]>;
  /** Reference keys from content/references.yaml. */
  referenceKeys: readonly string[];
}

export interface ScaffoldFile {
  /** Path from the course folder, e.g. `modules/warm-hand-off/index.mdx`. */
  path: string;
  text: string;
}

/** Why `id` cannot be a new module's id, or undefined when it can. */
export function moduleIdProblem(id: string | undefined, existing: ReadonlySet<string>): string | undefined {
  if (!id) return 'give the new module an id, for example: npm run new:module -- warm-hand-off';
  const parsed = kebabId.safeParse(id);
  if (!parsed.success) return `"${id}" cannot be a module id: ${parsed.error.issues[0]?.message ?? 'invalid'}`;
  if (existing.has(id)) return `modules/${id}/ already exists: module ids are how progress is stored, so pick a new one`;
  return undefined;
}

/** The lesson file's name and its first section's address: what check.yaml's `teaches` names. */
export const FIRST_LESSON = '01-first-lesson';
const FIRST_SECTION = 'what-the-source-says';

/** A YAML double-quoted string. */
const q = (text: string) => JSON.stringify(text);

/** The three files of a new module; throws with a plain message when it cannot scaffold. */
export function scaffoldModule(id: string, context: ScaffoldContext): ScaffoldFile[] {
  const problem = moduleIdProblem(id, context.existing);
  if (problem) throw new Error(problem);
  const part = context.parts[0];
  if (!part) throw new Error('content/site.yaml lists no parts; add one before adding a module');
  const order = Math.max(0, ...(context.ordersByPart.get(part) ?? [])) + 1;
  // The source article when the course has it, else the first reference.
  const source = context.referenceKeys.find((k) => k.startsWith('rofofsky')) ?? context.referenceKeys[0];
  if (!source) throw new Error('content/references.yaml has no references; every lesson cites one, so add one first');

  const index = `---
title: ${q('TODO: Module title')}
summary: ${q('TODO: One sentence for the catalogue: what staff will be able to do after this module.')}
# A part id from content/site.yaml: ${context.parts.join(', ')}
part: ${part}
# Position within the part.
order: ${order}
# Duties, values and articles this module teaches (ids from content/frameworks/), most important first.
maps: []
objectives:
  - ${q('TODO: Something a learner can do at the desk after this module.')}
minutes: 10
libraryTypes: [academic, public, school, special]
roles: [circulation, clerical, paraprofessional, librarian]
recap:
  say:
    - ${q('TODO: A sentence staff could say at the desk.')}
    - ${q('TODO: Another one.')}
  avoid:
    - ${q('TODO: Something a well-meaning person might do that does not help.')}
  handOff: ${q('TODO: Who to hand off to, and when.')}
---

TODO: A short introduction: what this module is about and why it matters at the desk.
`;

  const lesson = `---
title: ${q('TODO: Lesson title')}
summary: ${q('TODO: One sentence on what this lesson covers.')}
minutes: 5
---

## What the source says

TODO: What the duty or value means, in your own words, with a citation for every claim <Cite source="${source}" />.

## At the library

TODO: What it looks like at a desk: a moment from an academic, a public, a school or a special library, for circulation and clerical staff as well as librarians.

<Check id="first-practice" />

## Practice

<Reflect id="${id}-first-reflection">TODO: A short scenario, then: what would you say next?</Reflect>
`;

  const check = `# The module check. Each question names where it is taught: <lesson file>#<section address>.
# items: the bank. Once it holds enough, add \`draw: 5\` (items per attempt) and keep at least 1.5
# attempts' worth of questions in the bank, so a retake is not a replay. practice: the lessons'
# inline <Check> questions, never in the check. README, "Writing questions that measure learning".
passMark: 0.8
items:
  - id: first-question
    type: single
    prompt: ${q('TODO: A patron says … What do you say first?')}
    teaches: ${FIRST_LESSON}#${FIRST_SECTION}
    sources: [${source}]
    options:
      - text: ${q('TODO: The best response.')}
        correct: true
        feedback: ${q('TODO: Why this is the best response.')}
      - text: ${q('TODO: A plausible response a well-meaning person might give.')}
        feedback: ${q('TODO: Why it falls short, and where the lesson covers it.')}
practice:
  - id: first-practice
    type: single
    prompt: ${q('TODO: A different moment at the desk, for practice in the lesson.')}
    teaches: ${FIRST_LESSON}#${FIRST_SECTION}
    sources: [${source}]
    options:
      - text: ${q('TODO: A response of about the same length as the others.')}
        correct: true
        feedback: ${q('TODO: Why this is the best response.')}
      - text: ${q('TODO: A kind response that misses what the lesson teaches.')}
        feedback: ${q('TODO: Why it falls short.')}
`;

  return [
    { path: `modules/${id}/index.mdx`, text: index },
    { path: `modules/${id}/${FIRST_LESSON}.mdx`, text: lesson },
    { path: `modules/${id}/check.yaml`, text: check },
  ];
}

/** What to do after scaffolding, printed by new:module. */
export function nextSteps(id: string): string {
  return `Next steps:
  1. Write the module: replace every TODO in modules/${id}/ (npm run check:content lists those left).
     Add lessons as 02-<slug>.mdx, 03-<slug>.mdx; add questions to check.yaml (README: "Authoring guide").
  2. Check it:    npm run check:content
  3. Preview it:  npm start, then open http://127.0.0.1:4321/modules/${id}/
  4. Add "${id}" to a path in content/paths.yaml so learners find it.
The build accepts the module as it is now. The course's own content tests (npm test) ask more of a
published module: 10–20 minutes, two or three lessons, at least six check questions (four of them
scenario-based), examples from three kinds of library, and a place in the full path.`;
}
