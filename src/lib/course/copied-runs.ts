/**
 * Finds prose copied from the source article: a run of RUN_WORDS or more consecutive words that
 * also appear, in the same order, in the article, and that the course does not present as a
 * quotation. CONTENT-GUIDE.md asks for lesson prose "written fresh, not copied from the
 * article"; short direct quotations are welcome, so words inside quotation marks ("…", “…”),
 * Markdown blockquotes and component tags (a <Cite>'s attributes) are never counted.
 *
 * Pure string work: the content test (tests/content/no-copy.test.ts) hands in the article and
 * each lesson's prose, with the line it starts on, and prints every run it gets back.
 */

/** Twelve words in a row is longer than any stock phrase and shorter than any copied sentence. */
export const RUN_WORDS = 12;

/** A piece of prose to check: an MDX body, or one YAML string value, and the line it starts on. */
export interface ProsePiece {
  text: string;
  line: number;
  /** `mdx` also drops blockquotes, code and link targets; `plain` is a YAML string value. */
  kind: 'mdx' | 'plain';
}

export interface CopiedRun {
  line: number;
  words: number;
  /** The run as written in the course, for the failure message. */
  text: string;
}

/** Stands in for text that is not the course's own prose, so no run crosses it. */
const BREAK = '\u0000';

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*|\u0000|\n[ \t]*\n/gu;

interface Token {
  word: string;
  raw: string;
  offset: number;
}

/**
 * Blanks `pattern`'s matches, starting each with a break; the length and the newlines are kept,
 * so offsets into the masked text are offsets into the original and line numbers stay right.
 */
function mask(text: string, pattern: RegExp): string {
  return text.replace(pattern, (match) => BREAK + match.slice(1).replace(/[^\n]/g, ' '));
}

/** The course's own words: quotations, blockquotes, tags, code and link targets taken out. */
export function ownWords(text: string, kind: ProsePiece['kind']): string {
  let own = text;
  if (kind === 'mdx') {
    own = mask(own, /^```[\s\S]*?^```/gm);
    own = mask(own, /^[ \t]*>.*$/gm);
    own = mask(own, /`[^`\n]*`/g);
    own = mask(own, /\]\([^)\n]*\)/g);
    // Tags first: a <Cite source="…"> inside a sentence must not pair its quote marks with the prose's.
    own = mask(own, /<\/?[A-Za-z][^<>]*>/g);
  }
  own = mask(own, /"[^"\n]*"/g);
  own = mask(own, /“[^”]*”/g);
  return own;
}

function tokens(text: string): Token[] {
  const found: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const raw = match[0];
    const word = raw === BREAK || raw.trim() === '' ? BREAK : raw.toLowerCase().replace(/’/g, "'");
    found.push({ word, raw, offset: match.index });
  }
  return found;
}

/** Every run of `n` consecutive words in the article, for lookup. */
export function articleRuns(article: string, n = RUN_WORDS): Set<string> {
  const words = tokens(article).map((t) => t.word).filter((w) => w !== BREAK);
  const runs = new Set<string>();
  for (let i = 0; i + n <= words.length; i++) runs.add(words.slice(i, i + n).join(' '));
  return runs;
}

/** The copied runs in one piece of prose, longest first merged: overlapping windows make one run. */
/** What findCopiedRuns looks runs up in: the article's runs, or their fingerprints (tests/content/no-copy.test.ts). */
export interface RunLookup {
  has(run: string): boolean;
}

export function findCopiedRuns(piece: ProsePiece, runs: RunLookup, n = RUN_WORDS): CopiedRun[] {
  const own = ownWords(piece.text, piece.kind);
  const all = tokens(own);
  const copied: CopiedRun[] = [];
  let segment: Token[] = [];
  const flush = () => {
    const hit = new Array<boolean>(segment.length).fill(false);
    for (let i = 0; i + n <= segment.length; i++) {
      if (runs.has(segment.slice(i, i + n).map((t) => t.word).join(' '))) hit.fill(true, i, i + n);
    }
    for (let i = 0; i < segment.length; ) {
      if (!hit[i]) { i++; continue; }
      let end = i;
      while (end < segment.length && hit[end]) end++;
      const first = segment[i]!;
      const last = segment[end - 1]!;
      copied.push({
        line: piece.line + (piece.text.slice(0, first.offset).match(/\n/g)?.length ?? 0),
        words: end - i,
        text: piece.text.slice(first.offset, last.offset + last.raw.length).replace(/\s+/g, ' '),
      });
      i = end;
    }
    segment = [];
  };
  for (const token of all) {
    if (token.word === BREAK) flush();
    else segment.push(token);
  }
  flush();
  return copied;
}
