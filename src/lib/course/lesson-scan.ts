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
  /** The section's prose as plain text (components' attributes and Markdown marks removed), for search. */
  text: string;
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
  /** Plain text before the first heading. */
  intro: string;
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

/**
 * MDX prose as a reader sees it, for the search index: self-closing components (<Cite />,
 * <Check />) go, other tags are dropped but their text kept, links keep their words.
 */
export function plainProse(mdx: string): string {
  return mdx
    .replace(/<[A-Za-z][^>]*\/>/g, ' ')
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`#>]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Scans one lesson body (the MDX after its frontmatter). */
export function scanLesson(body: string): LessonScan {
  const slugger = new GithubSlugger();
  const sections: LessonSection[] = [];
  let inFence = false;
  const prose: string[] = [];
  const intro: string[] = [];
  let current: string[] = intro;
  const texts: string[][] = [];
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
      sections.push({ slug: slugger.slug(title), title, depth: heading[1]!.length, text: '' });
      current = [];
      texts.push(current);
    } else {
      current.push(line);
    }
  }
  sections.forEach((section, i) => (section.text = plainProse(texts[i]!.join('\n'))));
  const text = prose.join('\n');
  return {
    intro: plainProse(intro.join('\n')),
    sections,
    citations: unique(attributeValues(text, 'Cite', 'source')),
    terms: unique(attributeValues(text, 'Term', 'id')),
    checks: attributeValues(text, 'Check', 'id'),
    reflections: attributeValues(text, 'Reflect', 'id'),
  };
}
