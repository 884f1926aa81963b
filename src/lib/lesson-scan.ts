/**
 * Reads what a lesson's MDX body refers to — sections, citations, glossary terms,
 * inline checks, reflection prompts — from its source text, so the course graph can
 * check every reference before anything is rendered. Plain string work, no MDX compile.
 */
import GithubSlugger from 'github-slugger';

export interface LessonSection {
  /** The anchor Astro gives the heading (github-slugger, as Astro's Markdown processor uses). */
  slug: string;
  title: string;
  depth: number;
}

export interface LessonScan {
  sections: LessonSection[];
  /** Reference keys from `<Cite source="…">`, in order of first use, without repeats. */
  citations: string[];
  /** Glossary ids from `<Term id="…">`. */
  terms: string[];
  /** Question ids from `<Check id="…">`. */
  checks: string[];
  /** Prompt ids from `<Reflect id="…">`. */
  reflections: string[];
}

const FENCE = /^(```|~~~)/;

/** Heading text as a reader sees it: Markdown emphasis, code ticks and link targets removed. */
export function plainHeadingText(raw: string): string {
  return raw
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]/g, '')
    .replace(/\s+#+\s*$/, '')
    .trim();
}

function attributeValues(body: string, tag: string, attribute: string): string[] {
  const tagPattern = new RegExp(`<${tag}\\b([^>]*)>`, 'g');
  const attributePattern = new RegExp(`\\b${attribute}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|\\{\\s*["'\`]([^"'\`]*)["'\`]\\s*\\})`);
  const values: string[] = [];
  for (const match of body.matchAll(tagPattern)) {
    const found = attributePattern.exec(match[1] ?? '');
    if (found) values.push(found[1] ?? found[2] ?? found[3] ?? '');
  }
  return values;
}

const unique = (values: string[]) => [...new Set(values)];

/** Scans one lesson body (the MDX after its frontmatter). */
export function scanLesson(body: string): LessonScan {
  const slugger = new GithubSlugger();
  const sections: LessonSection[] = [];
  let inFence = false;
  const prose: string[] = [];
  for (const line of body.split(/\r?\n/)) {
    if (FENCE.test(line.trim())) {
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    prose.push(line);
    const heading = /^(#{1,6})\s+(.+)$/.exec(line);
    if (heading) {
      const title = plainHeadingText(heading[2]!);
      sections.push({ slug: slugger.slug(title), title, depth: heading[1]!.length });
    }
  }
  const text = prose.join('\n');
  return {
    sections,
    citations: unique(attributeValues(text, 'Cite', 'source')),
    terms: unique(attributeValues(text, 'Term', 'id')),
    checks: attributeValues(text, 'Check', 'id'),
    reflections: attributeValues(text, 'Reflect', 'id'),
  };
}
