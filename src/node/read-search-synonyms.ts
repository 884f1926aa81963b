/**
 * Reads content/search-synonyms.yaml of a course folder (optional: a course without it has only
 * the glossary's synonyms) and validates it; a broken file throws a ContentFileError naming it.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readYamlFile } from '../lib/course/yaml-file';
import { SEARCH_SYNONYMS_FILE, parseSearchSynonyms } from '../lib/site/search-synonyms';

export async function readSearchSynonyms(courseRoot: string): Promise<string[][]> {
  const full = join(courseRoot, SEARCH_SYNONYMS_FILE);
  if (!existsSync(full)) return [];
  return parseSearchSynonyms(readYamlFile(SEARCH_SYNONYMS_FILE, await readFile(full, 'utf8')));
}
