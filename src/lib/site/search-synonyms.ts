/**
 * Words and phrases that mean the same at the desk, for search: the glossary's terms with their
 * other names, and content/search-synonyms.yaml, which trainers edit. Each group is a list of
 * words or short phrases; a query that uses one also looks for the others (src/lib/site/search.ts).
 * Checked when the site builds: a malformed file fails the build with the file, the group and
 * what is wrong, and never reaches a learner's search.
 */
import { z } from 'zod';
import type { GlossaryTerm } from '../course/schemas';
import { ContentFileError } from '../course/yaml-file';
import { terms } from './search';

export const SEARCH_SYNONYMS_FILE = 'content/search-synonyms.yaml';

// A bare number (988, 911) is read by YAML as a number: taken as the word it is.
const phrase = z.union([z.number().transform(String), z.string()]).pipe(z.string().trim().min(1, 'an empty entry').max(60, 'longer than 60 characters: a synonym is a word or a short phrase'));
/** The file: a list of groups, each a list of two or more words or phrases. */
export const searchSynonymsSchema = z.array(z.array(phrase).min(2, 'a group needs at least two entries that mean the same')).max(500, 'more than 500 groups');

/** Validates the parsed YAML of content/search-synonyms.yaml (undefined: no file, no groups). */
export function parseSearchSynonyms(data: unknown, file = SEARCH_SYNONYMS_FILE): string[][] {
  if (data === undefined || data === null) return [];
  const result = searchSynonymsSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = issue.path.length ? `group ${Number(issue.path[0]) + 1}${issue.path.length > 1 ? `, entry ${Number(issue.path[1]) + 1}` : ''}: ` : '';
    throw new ContentFileError(file, undefined, `${where}${issue.message}. Write each group as a list, e.g. - [suicidal, suicide, "kill themselves"]`);
  }
  result.data.forEach((group, n) => {
    for (const entry of group) {
      if (terms(entry).length === 0) throw new ContentFileError(file, undefined, `group ${n + 1}: "${entry}" has only common words (such as "the", "what", "someone"), which search ignores`);
    }
  });
  return result.data;
}

/** Every group search uses: one per glossary term that has other names, then the file's. */
export function searchSynonyms(glossary: readonly GlossaryTerm[], fromFile: readonly string[][]): string[][] {
  const fromGlossary = glossary.filter((term) => (term.aka ?? []).length > 0).map((term) => [term.term, ...term.aka!]);
  return [...fromGlossary, ...fromFile].map((group) => [...new Set(group)]).filter((group) => group.length > 1);
}
