/**
 * A module's edition: the fingerprint that decides "Updated since you completed it".
 *
 * Decision (issue 18): the build derives the edition from what a completion depends on, not from
 * prose. A learner completes a module by reading its lessons and passing its check, so the edition
 * changes when one of those changes:
 *   - the list of lessons (ids, in order): a lesson added, removed or renamed;
 *   - the check's pass mark and how many items an attempt draws;
 *   - the check bank's shape: each item's id and type, each question's id, type, option count and
 *     which options are correct (the answer key);
 *   - the module's `revision:` (optional, a whole number in index.mdx front matter, 1 when absent),
 *     which a trainer raises by hand when a prose change is substantive enough that people who
 *     completed the module should look again.
 * Nothing else counts: a typo fixed in a lesson, a question's wording, an option's feedback, a
 * summary or a recap leaves the edition as it was, so no one is sent back for a comma.
 *
 * The same edition is stored with a learner's completion, carried per module in completion
 * records, and compared by the learner's My progress and the supervisor's Team page, so the two
 * agree whichever edition of the site reads the record.
 *
 * Pure: no file system.
 */
import { canonicalJson } from '../encoding/canonical-json';
import { hashText } from '../encoding/hash';

export interface EditionInput {
  id: string;
  revision?: number;
  lessonIds: readonly string[];
  passMark: number;
  draw: number;
  items: readonly EditionItem[];
}

export type EditionItem =
  | { kind: 'question'; question: EditionQuestion }
  | { kind: 'scenario'; id: string; questions: readonly EditionQuestion[] };

export interface EditionQuestion {
  id: string;
  type: string;
  options: readonly { correct: boolean }[];
}

const key = (q: EditionQuestion) => [q.id, q.type, q.options.map((o) => (o.correct ? 1 : 0)).join('')];

/** The module's edition (11 characters, [0-9a-z]). */
export function moduleEdition(module: EditionInput): string {
  return hashText(
    canonicalJson({
      id: module.id,
      revision: module.revision ?? 1,
      lessons: module.lessonIds,
      passMark: module.passMark,
      draw: module.draw,
      bank: module.items.map((item) => (item.kind === 'question' ? ['q', ...key(item.question)] : ['s', item.id, item.questions.map(key)])),
    }),
  );
}

/** The course's edition, from its modules' editions: what a record's `course` field names. */
export function courseEdition(siteName: string, modules: readonly { id: string; contentHash: string }[]): string {
  return `${siteName} ${hashText(modules.map((m) => `${m.id}:${m.contentHash}`).join('|')).slice(0, 7)}`;
}
