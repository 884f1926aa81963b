/**
 * Course search: built at build time, queried in the browser when search opens.
 *
 * Fuzzy-matching whole section bodies is slow (fuse.js over a few hundred long bodies takes tens
 * of milliseconds a query, and ten times that on a ten-times corpus) and large, so the index is in
 * two parts, and holds titles and headings whole but only each body's most distinctive words:
 *   - an exact word index: every word (lower-cased, accents removed, lightly stemmed) maps to the
 *     documents that contain it, with a weight for where it appears (title, heading, body);
 *   - a fuse.js index over the vocabulary only (a few thousand short words), used when a query
 *     word is not in the vocabulary: "handof" finds "handoff", "confidentiallity" finds
 *     "confidentiality", and their postings are used at a discount.
 * Documents: one per lesson section (linking to its anchor), lesson, module, glossary term,
 * reference and referral resource. Pure: no DOM, no fetch; the dialog loads the JSON asset.
 */
import Fuse, { type FuseIndex } from 'fuse.js';
import { slug as slugOf } from 'github-slugger';
import { stemmer as porter } from 'stemmer';

type VocabularyIndex = ReturnType<FuseIndex<string>['toJSON']>;

export const SEARCH_INDEX_VERSION = 2;

export type SearchKind = 'section' | 'lesson' | 'module' | 'glossary' | 'reference' | 'resource';

export interface SearchDoc {
  /** Kind. */
  k: SearchKind;
  /** Title: the section heading, module title, glossary term… */
  t: string;
  /** Context: where it is ("Lesson title · Module title"). */
  c: string;
  /** Link, relative to the site's base (no leading slash), with the section anchor. */
  h: string;
  /** A short excerpt to show under the title. */
  x: string;
}

export interface SearchSource {
  kind: SearchKind;
  title: string;
  context: string;
  href: string;
  /** Heading-level text: weighs more than the body (module summary, glossary aka…). */
  lead?: string;
  body: string;
  /** Where it sits, indexed like body words: a section's lesson and module titles. */
  topic?: string;
}

export interface SearchIndexFile {
  v: typeof SEARCH_INDEX_VERSION;
  docs: SearchDoc[];
  /**
   * The vocabulary, sorted: the fuse.js index over it in compact form. Fuse.createIndex([], words)
   * gives one record per word, { v: word, i: position, n: 1 } (a one-word string's length norm
   * is 1), so the words alone are enough to rebuild it exactly (`vocabularyIndex`); shipping the
   * records as JSON would add a third to the file.
   */
  vocab: string[];
  /**
   * Per vocabulary word, in the same order: its documents in increasing order, each written as
   * (gap from the previous document) * 4 + weight class (0 body, 1 body repeated, 2 lead, 3
   * title). Gaps keep the numbers small, which makes the file a third smaller.
   */
  postings: number[][];
  /**
   * Groups of words and phrases that mean the same at the desk, as written (the glossary's terms
   * with their other names, and content/search-synonyms.yaml): a query that uses one also looks
   * for the others, at a discount.
   */
  syn: string[][];
}

/**
 * Words that carry no topic. Besides the usual English ones, the words of a desk question ("what
 * should I do if someone…", "how can I help a person who…"): they say it is a question, not
 * what it is about, and without them "what to do if someone is suicidal" ranked sections that
 * share only "someone".
 */
const STOP = new Set(
  [
    'a an and are as at be but by can do does for from has have he her his how i if in into is it its me my no not of on or our she so than that the their them then there these they this to too up us was we were what when where which who why will with you your yours also may more most one other some such just very would could should about after all any been before both each few own same only over under again further once here off',
    // Question and desk filler.
    'am im ive dont doesnt cant isnt someone somebody something anyone anybody people get got go going want wants wanted thing things way really ok okay please know let lot much many still',
  ]
    .join(' ')
    .split(' '),
);

/** Lower-case, accents removed. */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/**
 * Irregular past forms Porter's stemmer leaves apart from their verb: "told" should meet "tell",
 * "chose" "choose", "felt" "feel". Common desk verbs only.
 */
const IRREGULAR: Record<string, string> = {
  told: 'tell', said: 'say', chose: 'choose', chosen: 'choose', made: 'make', thought: 'think', felt: 'feel', kept: 'keep',
  found: 'find', brought: 'bring', taught: 'teach', spoke: 'speak', spoken: 'speak', wrote: 'write', written: 'write',
  gave: 'give', given: 'give', took: 'take', taken: 'take', knew: 'know', known: 'know', heard: 'hear', sent: 'send',
  lost: 'lose', meant: 'mean', left: 'leave', understood: 'understand', sought: 'seek', bought: 'buy', paid: 'pay',
};

/**
 * Where Porter's stemmer joins words a library keeps apart: "reference" (the reference interview,
 * the reference desk) and "refer" (to send someone on) both become "refer", and "officer" (a
 * police officer) and "office" both "offic". These get stems of their own.
 */
const KEPT_APART: Record<string, string> = {
  reference: 'referenc', references: 'referenc', referencing: 'referenc',
  officer: 'officer', officers: 'officer',
};

/** Porter's stemmer (the `stemmer` package): "suicidal" and "suicide" meet at "suicid". */
export function stem(word: string): string {
  if (/^[0-9]+$/.test(word)) return word;
  return KEPT_APART[word] ?? porter(IRREGULAR[word] ?? word);
}

const ROMAN: Record<string, string> = { i: '1', ii: '2', iii: '3', iv: '4', v: '5', vi: '6', vii: '7', viii: '8', ix: '9', x: '10' };
/** Words after which a Roman numeral is a number: "Article V", "Articles III and IV". */
const NUMBERED = new Set(['article', 'articles']);

/**
 * Words of a text as the index stores them. Hyphenated words count whole as well as in parts,
 * so "hand-off" is found by "handoff" and by "hand off". A Roman numeral after "article" (and
 * "and" or another numeral in such a list) is stored as its number, so "article 5" finds
 * "Article V" and "article v" finds it too.
 */
export function terms(text: string): string[] {
  return tokens(text).filter((token): token is string => token !== null);
}

/**
 * The words of a text in order, as `terms` gives them, with a null where a common word stood:
 * "open up" is [open, null], so a phrase can be told from the one word left of it.
 */
export function phraseTokens(text: string): (string | null)[] {
  return tokens(text, true);
}

function tokens(text: string, keepGaps = false): (string | null)[] {
  const out: (string | null)[] = [];
  let numbering = false;
  for (const chunk of fold(text).split(/[^a-z0-9'’-]+/)) {
    const clean = chunk.replace(/['’]s?$/g, '').replace(/['’]/g, '').replace(/^-+|-+$/g, '');
    if (!clean) continue;
    const roman = numbering ? ROMAN[clean] : undefined;
    if (roman) {
      out.push(roman);
      continue;
    }
    if (numbering && (clean === 'and' || /^[0-9]+$/.test(clean))) {
      if (clean !== 'and') out.push(clean);
      continue;
    }
    numbering = NUMBERED.has(clean);
    const parts = clean.split('-').filter(Boolean);
    if (parts.length > 1) out.push(stem(parts.join('')));
    for (const part of parts) {
      if (part.length > 1 && !STOP.has(part)) out.push(stem(part));
      else if (keepGaps && parts.length === 1) out.push(null);
    }
  }
  return out;
}

const WITH_EXCERPT: ReadonlySet<SearchKind> = new Set(['section', 'glossary', 'resource']);

/** Body words indexed per document: its most distinctive ones. */
const BODY_WORDS = 12;

/** Excerpts are a quarter of the index: kept short. */
const EXCERPT = 50;

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= EXCERPT) return flat;
  const cut = flat.lastIndexOf(' ', EXCERPT);
  return `${flat.slice(0, cut > 30 ? cut : EXCERPT)}…`;
}

/**
 * A section's link and context repeat its lesson's: in the file a section right after its lesson
 * (or a sibling section) has only "#anchor" as its link ("#" when the anchor is its title's slug) and an empty context, and `expandDocs`
 * puts them back. A tenth of the file, for a few lines.
 */
function compactDocs(docs: SearchDoc[]): SearchDoc[] {
  let lesson: SearchDoc | undefined;
  return docs.map((doc) => {
    if (doc.k === 'lesson') lesson = doc;
    else if (doc.k !== 'section') lesson = undefined;
    if (doc.k !== 'section' || !lesson) return doc;
    const [path, anchor] = doc.h.split('#');
    if (path !== lesson.h || anchor === undefined || doc.c !== `${lesson.t} · ${lesson.c}`) return doc;
    // Most anchors are the heading's slug: then "#" alone.
    return { ...doc, h: anchor === slugOf(doc.t) ? '#' : `#${anchor}`, c: '' };
  });
}

/** The documents with every link and context whole again. */
export function expandDocs(docs: readonly SearchDoc[]): SearchDoc[] {
  let lesson: SearchDoc | undefined;
  return docs.map((doc) => {
    if (doc.k === 'lesson') lesson = doc;
    if (doc.k !== 'section' || !doc.h.startsWith('#') || !lesson) return doc;
    return { ...doc, h: `${lesson.h}${doc.h === '#' ? `#${slugOf(doc.t)}` : doc.h}`, c: `${lesson.t} · ${lesson.c}` };
  });
}

/** Builds the index file from documents. Deterministic: the same course gives the same bytes. */
export function buildSearchIndex(sources: SearchSource[], synonyms: readonly (readonly string[])[] = []): SearchIndexFile {
  // Excerpts where they add something to the title: a section's opening words, a definition, a
  // resource's use. Modules, lessons and references are recognisable by title and context alone.
  const docs: SearchDoc[] = sources.map((s) => ({ k: s.kind, t: s.title, c: s.context, h: s.href, x: WITH_EXCERPT.has(s.kind) ? excerpt(s.body || s.lead || '') : '' }));
  const shipped = compactDocs(docs);
  // Body words: only each document's most distinctive ones (by tf-idf) are indexed. Titles,
  // headings and leads are indexed whole. This keeps the index small without losing what a
  // section is about: its heading says it, and its key words back it up.
  const bodyCounts = sources.map((source) => {
    const counts = new Map<string, number>();
    for (const word of terms(source.body)) counts.set(word, (counts.get(word) ?? 0) + 1);
    return counts;
  });
  const documentFrequency = new Map<string, number>();
  for (const counts of bodyCounts) for (const word of counts.keys()) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
  const weights = new Map<string, Map<number, number>>();
  sources.forEach((source, doc) => {
    const add = (word: string, weight: number) => {
      let byDoc = weights.get(word);
      if (!byDoc) weights.set(word, (byDoc = new Map()));
      byDoc.set(doc, Math.max(byDoc.get(doc) ?? 0, weight));
    };
    const counts = bodyCounts[doc]!;
    const distinctive = [...counts]
      .map(([word, count]) => [word, count * Math.log(sources.length / documentFrequency.get(word)!)] as const)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, BODY_WORDS);
    for (const [word] of distinctive) add(word, counts.get(word)! > 1 ? 1 : 0);
    for (const word of terms(source.topic ?? '')) add(word, 0);
    for (const word of terms(source.lead ?? '')) add(word, 2);
    for (const word of terms(source.title)) add(word, 3);
  });
  const vocabulary = [...weights.keys()].sort();
  const postings = vocabulary.map((word) => {
    let previous = 0;
    return [...weights.get(word)!]
      .sort((a, b) => a[0] - b[0])
      .map(([doc, w]) => {
        const gap = doc - previous;
        previous = doc;
        return gap * 4 + w;
      });
  });
  return { v: SEARCH_INDEX_VERSION, docs: shipped, vocab: vocabulary, postings, syn: synonyms.map((group) => [...group]) };
}

/** The serialized fuse.js index of the vocabulary, rebuilt from the words. */
export function vocabularyIndex(words: readonly string[]): VocabularyIndex {
  return { keys: [], records: words.map((v, i) => ({ v, i, n: 1 })) };
}

export interface SearchHit {
  doc: SearchDoc;
  score: number;
  /** Index words that matched, for highlighting. */
  matched: string[];
}

const FIELD_WEIGHT = [1, 1.4, 2.5, 4];
/** How much a fuzzy or prefix match counts against an exact one. */
const FUZZY = 0.7;
const PREFIX = 0.85;
/** Words of one query looked up fuzzily, at most. */
const MAX_FUZZY_WORDS = 2;
/** How much a synonym's match counts against the word typed. */
const SYNONYM = 0.75;
/** How much of its lesson's score a section inherits. */
const LESSON_SHARE = 0.3;
/**
 * Words the whole course uses ("patron", "library", "staff"): in more than COMMON_SHARE of the
 * documents. They count at COMMON of their rarity, so "how much should I promise a patron" is
 * about promises, not about the many sections with "patron" in their heading.
 */
const COMMON_SHARE = 0.15;
const COMMON = 0.2;
/**
 * How much a document gains when the query covers its whole title: of "Peer specialist",
 * "Certified peer specialist" and "A peer specialist in the library", which all hold the words
 * of "what is a peer specialist", the first is the one that is about exactly that.
 */
const TITLE_FIT = 0.3;

/** A synonym group's entry: its index words, and its words in order with common words as gaps. */
interface SynonymMember {
  words: string[];
  tokens: (string | null)[];
}

/** One query word and the vocabulary words that stand for it, with how much each counts. */
interface Slot {
  candidates: Map<number, number>;
  /** Documents found through a synonym phrase, with their value and the phrase's words. */
  phrases: Map<number, { value: number; term: string; idf: number }>;
  /** How telling the word is (its rarest candidate's inverse document frequency). */
  weight: number;
}

/** Queries an index file. Construct once when search opens; each query is synchronous. */
export class Searcher {
  private readonly file: SearchIndexFile;
  /** The documents with whole links and contexts. */
  readonly docs: SearchDoc[];
  private readonly words: string[];
  private readonly position: Map<string, number>;
  private readonly fuse: Fuse<string>;
  /** Postings decoded once: doc * 4 + weight class. */
  private readonly postings: Int32Array[];
  /** Per vocabulary word: log(1 + documents / documents holding it). Rare words tell more. */
  private readonly idf: Float64Array;
  /** Synonym groups: group → member → its words, and its words with common words as gaps. */
  private readonly synonyms: SynonymMember[][];
  /** Each section's lesson document (-1 for other kinds), for LESSON_SHARE. */
  private readonly lessonOf: Int32Array;
  /** Each document's title as index words, for TITLE_FIT. */
  private readonly titleWords: string[][];
  /** Documents of each synonym phrase, found once: the index never changes. */
  private readonly phraseCache = new Map<string, Map<number, { value: number; term: string; idf: number }>>();

  constructor(file: SearchIndexFile) {
    if (file.v !== SEARCH_INDEX_VERSION) throw new Error(`search index version ${String(file.v)} is not ${SEARCH_INDEX_VERSION}`);
    this.file = file;
    this.docs = expandDocs(file.docs);
    this.postings = file.postings.map((list) => {
      const decoded = new Int32Array(list.length);
      let doc = 0;
      list.forEach((entry, i) => {
        doc += entry >> 2;
        decoded[i] = doc * 4 + (entry & 3);
      });
      return decoded;
    });
    this.idf = Float64Array.from(this.postings, (list) => {
      const idf = Math.log(1 + file.docs.length / Math.max(1, list.length));
      return list.length / file.docs.length > COMMON_SHARE ? idf * COMMON : idf;
    });
    this.words = file.vocab;
    this.titleWords = this.docs.map((doc) => [...new Set(terms(doc.t))]);
    let lesson = -1;
    this.lessonOf = Int32Array.from(this.docs, (doc, n) => {
      if (doc.k === 'lesson') lesson = n;
      else if (doc.k !== 'section') lesson = -1;
      return doc.k === 'section' && lesson >= 0 && doc.h.startsWith(this.docs[lesson]!.h) ? lesson : -1;
    });
    this.position = new Map(this.words.map((w, i) => [w, i]));
    this.synonyms = (file.syn ?? []).map((group) => group.map((member) => ({ words: terms(member), tokens: phraseTokens(member) })).filter((m) => m.words.length > 0));
    this.fuse = new Fuse(this.words, { includeScore: true, threshold: 0.34, ignoreLocation: true, minMatchCharLength: 2 }, Fuse.parseIndex<string>(vocabularyIndex(file.vocab) as Parameters<typeof Fuse.parseIndex>[0]));
  }

  /** Vocabulary words a query word stands for, with how much each counts. */
  private candidates(word: string, last: boolean, fuzzy = true): Map<number, number> {
    const exact = this.position.get(word);
    const found = new Map<number, number>();
    if (exact !== undefined) found.set(exact, 1);
    // The word being typed: "confid" should already find "confidentiality".
    if (last && word.length >= 3) {
      let i = lowerBound(this.words, word);
      for (let n = 0; i < this.words.length && this.words[i]!.startsWith(word) && n < 8; i++, n++) if (!found.has(i)) found.set(i, PREFIX);
    }
    if (fuzzy && exact === undefined && word.length >= 4) {
      for (const hit of this.fuse.search(word, { limit: 3 })) {
        if (!found.has(hit.refIndex)) found.set(hit.refIndex, FUZZY * (1 - (hit.score ?? 0)));
      }
    }
    return found;
  }

  /**
   * The query as slots, one per word. Where the query holds a member of a synonym group (one
   * word or a phrase, word for word), the words of that member's slots also stand for every
   * other member's words: "kill themselves" looks for "suicide" too, "article 5" for "Article V".
   */
  private slots(words: string[], queryTokens: (string | null)[]): Slot[] {
    const slots: Slot[] = words.map((word, n) => ({ candidates: this.candidates(word, n === words.length - 1, false), phrases: new Map(), weight: 0 }));
    for (const group of this.synonyms) {
      for (const member of group) {
        // Word for word, common words included: "open up" is not "open questions".
        const at = indexOfRun(queryTokens, member.tokens);
        if (at < 0) continue;
        const memberSlots = queryTokens.slice(at, at + member.tokens.length).flatMap((token) => (token === null ? [] : [words.indexOf(token)]));
        for (const other of group) {
          if (other === member) continue;
          for (const n of memberSlots) {
            const slot = slots[n]!;
            if (other.words.length === 1) {
              const position = this.position.get(other.words[0]!);
              if (position !== undefined) slot.candidates.set(position, Math.max(slot.candidates.get(position) ?? 0, SYNONYM));
            } else {
              // A phrase stands for the idea only where all its words are: "turn down" must
              // not find every "down".
              for (const [doc, hit] of this.phraseHits(other.words)) {
                const current = slot.phrases.get(doc);
                if (!current || hit.value > current.value) slot.phrases.set(doc, hit);
              }
            }
          }
        }
      }
    }
    // Typos: a fuzzy look-up for words that found nothing, the longest first, at most
    // MAX_FUZZY_WORDS a query, and none once two words of the query have matched: each look-up
    // scans the whole vocabulary, and a question in plain words has several words the course
    // never uses, rarely misspelt ones ("panic attack"). Short keyword queries keep typo rescue.
    const matched = slots.filter((slot) => slot.candidates.size > 0 || slot.phrases.size > 0).length;
    slots
      .map((slot, n) => ({ slot, word: words[n]! }))
      .filter(({ slot }) => slot.candidates.size === 0 && slot.phrases.size === 0)
      .sort((a, b) => b.word.length - a.word.length)
      .slice(0, matched >= 2 ? 0 : MAX_FUZZY_WORDS)
      .forEach(({ slot, word }) => {
        for (const [position, factor] of this.candidates(word, false)) slot.candidates.set(position, factor);
      });
    for (const slot of slots) {
      for (const [position] of slot.candidates) slot.weight = Math.max(slot.weight, this.idf[position]!);
      for (const [, hit] of slot.phrases) slot.weight = Math.max(slot.weight, hit.idf);
    }
    return slots;
  }

  /**
   * Documents holding every word of a phrase, valued as a synonym at its weakest field. Walks the
   * rarest word's postings and looks each document up in the others' (sorted by document), so a
   * phrase with a common word ("staff member") costs what its rare word costs.
   */
  private phraseHits(phrase: string[]): Map<number, { value: number; term: string; idf: number }> {
    const key = phrase.join(' ');
    const cached = this.phraseCache.get(key);
    if (cached) return cached;
    const hits = new Map<number, { value: number; term: string; idf: number }>();
    this.phraseCache.set(key, hits);
    const positions = phrase.map((word) => this.position.get(word));
    if (positions.some((p) => p === undefined)) return hits;
    const lists = (positions as number[]).map((p) => this.postings[p]!).sort((a, b) => a.length - b.length);
    const idf = Math.max(...(positions as number[]).map((p) => this.idf[p]!));
    for (const entry of lists[0]!) {
      const doc = entry >> 2;
      let field = entry & 3;
      let all = true;
      for (let i = 1; i < lists.length && all; i++) {
        const found = findDoc(lists[i]!, doc);
        if (found < 0) all = false;
        else field = Math.min(field, found & 3);
      }
      if (all) hits.set(doc, { value: SYNONYM * FIELD_WEIGHT[field]! * idf, term: key, idf });
    }
    return hits;
  }

  /** 1, up to 1 + TITLE_FIT as the matched words cover more of the document's title. */
  private titleFit(doc: number, matched: ReadonlySet<string>): number {
    const title = this.titleWords[doc]!;
    if (title.length === 0) return 1;
    return 1 + (TITLE_FIT * title.filter((word) => matched.has(word)).length) / title.length;
  }

  search(query: string, limit = 10): SearchHit[] {
    const queryTokens = phraseTokens(query);
    const words = [...new Set(queryTokens.filter((token): token is string => token !== null))];
    if (words.length === 0) return [];
    const slots = this.slots(words, queryTokens);
    const totalWeight = slots.reduce((sum, slot) => sum + (slot.weight || 1), 0);
    const scores = new Map<number, { score: number; covered: number; matched: Set<string> }>();
    for (const slot of slots) {
      const best = new Map<number, { value: number; term: string }>();
      for (const [position, factor] of slot.candidates) {
        const idf = this.idf[position]!;
        for (const entry of this.postings[position]!) {
          const doc = entry >> 2;
          const value = factor * FIELD_WEIGHT[entry & 3]! * idf;
          const current = best.get(doc);
          if (!current || value > current.value) best.set(doc, { value, term: this.words[position]! });
        }
      }
      for (const [doc, hit] of slot.phrases) {
        const current = best.get(doc);
        if (!current || hit.value > current.value) best.set(doc, hit);
      }
      for (const [doc, { value, term }] of best) {
        const entry = scores.get(doc) ?? { score: 0, covered: 0, matched: new Set<string>() };
        entry.score += value;
        entry.covered += slot.weight;
        for (const word of term.split(' ')) entry.matched.add(word);
        scores.set(doc, entry);
      }
    }
    // A document that answers the telling words of the question beats one that shares many
    // ordinary ones: coverage is weighed by how telling each word is.
    const coverage = (covered: number) => (covered / totalWeight) ** 2;
    const ranked = new Map([...scores].map(([doc, s]) => [doc, s.score * coverage(s.covered) * this.titleFit(doc, s.matched)]));
    // A section inherits part of its lesson's score: the lesson's title and opening say what
    // all of its sections are about, and the index keeps only a section's own key words.
    const own = new Map(ranked);
    for (const [doc] of scores) {
      const lesson = this.lessonOf[doc]!;
      if (lesson >= 0) ranked.set(doc, ranked.get(doc)! + LESSON_SHARE * (own.get(lesson) ?? 0));
    }
    return [...scores]
      .map(([doc, s]) => ({ doc: this.docs[doc]!, score: ranked.get(doc)!, matched: [...s.matched] }))
      .sort((a, b) => b.score - a.score || a.doc.t.localeCompare(b.doc.t))
      .slice(0, limit);
  }
}

/** The entry (doc * 4 + weight class) of `doc` in postings sorted by document, or -1. */
function findDoc(list: Int32Array, doc: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! >> 2 < doc) lo = mid + 1;
    else hi = mid;
  }
  return lo < list.length && list[lo]! >> 2 === doc ? list[lo]! : -1;
}

/** Where `run` occurs word for word in `words`, or -1. */
function indexOfRun<T>(words: readonly T[], run: readonly T[]): number {
  outer: for (let i = 0; i + run.length <= words.length; i++) {
    for (let j = 0; j < run.length; j++) if (words[i + j] !== run[j]) continue outer;
    return i;
  }
  return -1;
}

function lowerBound(sorted: string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface TextPiece {
  text: string;
  mark: boolean;
}

/**
 * Splits display text into pieces, marking the words whose index form is in `matched`, so the
 * page can wrap them in <mark> with DOM calls (never HTML strings).
 */
export function highlight(text: string, matched: readonly string[]): TextPiece[] {
  const wanted = new Set(matched);
  const pieces: TextPiece[] = [];
  for (const part of text.split(/([A-Za-zÀ-ÿ0-9'’-]+)/)) {
    if (!part) continue;
    const mark = /[A-Za-zÀ-ÿ0-9]/.test(part) && terms(part).some((t) => wanted.has(t));
    const last = pieces[pieces.length - 1];
    if (last && last.mark === mark) last.text += part;
    else pieces.push({ text: part, mark });
  }
  return pieces;
}
