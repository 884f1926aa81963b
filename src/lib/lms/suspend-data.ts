/**
 * A learner's progress packed into SCORM suspend_data: plain printable ASCII, small enough for
 * SCORM 1.2's CMIString4096 with the whole course answered (2004 allows 64,000 characters).
 * Pure: no DOM, no storage. src/lms/launch.ts writes it to the LMS and reads it back.
 *
 * Format (one line):  CW1~<epoch>~<saved>~<module>~<module>…
 *   epoch    the progress epoch (a reset makes a new one), letters and digits
 *   saved    when it was packed, whole minutes since 1970, base 36
 *   module   <id>.<lessons>.<best>.<passed>.<questions>.<answers>
 *     id         the module id, written out (module folders are lowercase words and hyphens), so a
 *                package with modules added, removed or reordered still finds each one
 *     lessons    bit i set = lesson i (in course order) read, base 36
 *     best       best check score in thousandths (0–1000), base 36; empty when never attempted
 *     passed     'p' when the check has been passed, else empty
 *     questions  how many questions the check had when packed, base 36: when the check has
 *                changed since, the answers below no longer line up and are dropped
 *     answers    the latest answer to each question (check, lesson or review), one digit for the
 *                chosen options (a bitmask) and one letter for the verdict (c/p/i), or '_' when
 *                never answered
 *   A digit is one character of DIGITS (64 symbols, six options per question); a check with more
 *   options per question uses as many digits per answer as it needs (`width`).
 *
 * What is kept is what a learner earned and needs to carry on: lessons read, checks passed,
 * best scores, and the latest answer to each question (which is where the check's answers are
 * kept too, src/lib/learner/progress.ts). Dates are
 * not kept one by one (they would not fit in 4,096 characters): on restore, everything is dated
 * at `saved`. Attempt history beyond the best attempt, and the "last visited" lesson, are not
 * kept: the LMS keeps the position separately (cmi.location / cmi.core.lesson_location).
 */
import { emptyProgress, PROGRESS_VERSION, type Attempt, type ProgressState } from '../learner/progress';

export const SUSPEND_DATA_LIMITS = { '1.2': 4096, '2004': 64000 } as const;

const MAGIC = 'CW1';
const FIELDS = 6;
const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_';
const BITS_PER_DIGIT = 6;
const VERDICT_LETTERS = { correct: 'c', partial: 'p', incorrect: 'i' } as const;
const VERDICTS = { c: 'correct', p: 'partial', i: 'incorrect' } as const;

/** What the codec needs to know about each module of the course, in course order. */
export interface SuspendModule {
  id: string;
  lessonIds: string[];
  contentHash: string;
  /** The check's questions in order: local id and how many options each has. */
  questions: { localId: string; options: number }[];
}

/** Digits needed per answer in this module: enough bits for its widest question. */
function widthOf(module: SuspendModule): number {
  const widest = Math.max(1, ...module.questions.map((q) => q.options));
  return Math.ceil(widest / BITS_PER_DIGIT);
}

function toDigits(value: number, width: number): string {
  let out = '';
  for (let i = 0; i < width; i++) {
    out = DIGITS[value % 64]! + out;
    value = Math.floor(value / 64);
  }
  return out;
}

function fromDigits(text: string): number {
  let value = 0;
  for (const ch of text) {
    const digit = DIGITS.indexOf(ch);
    if (digit < 0) throw new Error(`unexpected character "${ch}"`);
    value = value * 64 + digit;
  }
  return value;
}

/** Option ids are 'a', 'b', 'c'… (src/lib/course/course.ts): option i is bit i. */
function optionsToMask(options: readonly string[], count: number): number {
  let mask = 0;
  for (const id of options) {
    const index = id.length === 1 ? id.charCodeAt(0) - 97 : -1;
    if (index >= 0 && index < count) mask += 2 ** index;
  }
  return mask;
}

function maskToOptions(mask: number, count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) if (Math.floor(mask / 2 ** i) % 2 === 1) out.push(String.fromCharCode(97 + i));
  return out;
}

const bitsToBase36 = (bits: boolean[]) => BigInt(`0b0${bits.map((b) => (b ? '1' : '0')).reverse().join('')}`).toString(36);

function base36ToBits(text: string, count: number): boolean[] {
  if (!/^[0-9a-z]+$/.test(text)) throw new Error('lessons are not base 36');
  let value = 0n;
  for (const ch of text) value = value * 36n + BigInt(parseInt(ch, 36));
  return Array.from({ length: count }, (_, i) => ((value >> BigInt(i)) & 1n) === 1n);
}

/** Packs the parts of `state` the course needs to carry on into suspend_data text. */
export function encodeSuspendData(state: ProgressState, modules: readonly SuspendModule[], now: Date = new Date()): string {
  const saved = Math.floor(now.getTime() / 60_000).toString(36);
  const epoch = /^[0-9A-Za-z]+$/.test(state.epoch) ? state.epoch : '0';
  const parts = [MAGIC, epoch, saved];
  for (const module of modules) {
    const lessons = module.lessonIds.map((id) => Boolean(state.lessons[id]));
    const check = state.checks[module.id];
    const best = check?.best ?? null;
    const practice = module.questions.map((q) => state.answers[`${module.id}/${q.localId}`]);
    if (!lessons.some(Boolean) && !check && !practice.some(Boolean)) continue;
    const width = widthOf(module);
    const answers = practice
      .map((answer, i) => (answer ? toDigits(optionsToMask(answer.options, module.questions[i]!.options), width) + VERDICT_LETTERS[answer.verdict] : '_'))
      .join('');
    parts.push(
      [
        module.id,
        bitsToBase36(lessons),
        best ? Math.round(best.ratio * 1000).toString(36) : '',
        check?.passedAt ? 'p' : '',
        module.questions.length.toString(36),
        answers,
      ].join('.'),
    );
  }
  return parts.join('~');
}

export type DecodeResult = { ok: true; state: ProgressState } | { ok: false; reason: string };

/**
 * Unpacks suspend_data into progress. Empty text is a first launch (empty progress). Modules the
 * course no longer has are skipped; anything else unreadable is refused with a reason, so the
 * caller can keep the text aside rather than overwrite it.
 */
export function decodeSuspendData(text: string, modules: readonly SuspendModule[]): DecodeResult {
  if (text.trim() === '') return { ok: true, state: emptyProgress() };
  const [magic, epoch, saved, ...entries] = text.split('~');
  if (magic !== MAGIC) return { ok: false, reason: 'not Crosswalk progress (or a newer format)' };
  if (!epoch || !/^[0-9A-Za-z]+$/.test(epoch)) return { ok: false, reason: 'the progress epoch is missing' };
  if (!saved || !/^[0-9a-z]+$/.test(saved)) return { ok: false, reason: 'the save time is missing' };
  const at = new Date(parseInt(saved, 36) * 60_000).toISOString();
  const byId = new Map(modules.map((m) => [m.id, m]));
  const state: ProgressState = { ...emptyProgress(epoch), version: PROGRESS_VERSION };
  try {
    for (const entry of entries) {
      const fields = entry.split('.');
      if (fields.length !== FIELDS) throw new Error(`a module entry has ${fields.length} fields, not ${FIELDS}`);
      const [id, lessonText, bestText, passedText, countText, answerText] = fields as [string, string, string, string, string, string];
      const module = byId.get(id);
      if (!module) continue; // A module this edition of the course no longer has.
      const width = widthOf(module);
      const lessons = base36ToBits(lessonText, module.lessonIds.length);
      lessons.forEach((read, i) => {
        if (read) state.lessons[module.lessonIds[i]!] = { readAt: at };
      });
      // Answers only line up with the check they were given to.
      const sameCheck = parseInt(countText, 36) === module.questions.length;
      if (bestText !== '') {
        const permille = parseInt(bestText, 36);
        if (!/^[0-9a-z]+$/.test(bestText) || permille > 1000) throw new Error(`best score of ${id} is out of range`);
        const max = Math.max(1, module.questions.length);
        const ratio = permille / 1000;
        const attempt: Attempt = {
          at,
          ratio,
          points: Math.round(ratio * max * 1000) / 1000,
          max,
          passed: passedText === 'p',
          contentHash: module.contentHash,
        };
        state.checks[id] = { attempts: [attempt], best: attempt, ...(passedText === 'p' ? { passedAt: at } : {}) };
      } else if (passedText === 'p') {
        throw new Error(`${id} is passed without a score`);
      }
      if (sameCheck) {
        let i = 0;
        for (const q of module.questions) {
          if (i >= answerText.length) throw new Error(`answers of ${id} are cut short`);
          if (answerText[i] === '_') {
            i += 1;
            continue;
          }
          const mask = fromDigits(answerText.slice(i, i + width));
          const verdict = VERDICTS[answerText[i + width] as keyof typeof VERDICTS];
          if (!verdict) throw new Error(`an answer of ${id} has no verdict`);
          state.answers[`${id}/${q.localId}`] = { options: maskToOptions(mask, q.options), verdict, at };
          i += width + 1;
        }
      }
      const allRead = module.lessonIds.length > 0 && lessons.every(Boolean);
      if (allRead && state.checks[id]?.passedAt) state.completions[id] = { at, contentHash: module.contentHash };
    }
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
  return { ok: true, state };
}
