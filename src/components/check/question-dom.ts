/**
 * A question rendered on the server by QuestionCard with `enhance`, brought to life without
 * React: read what it asks and what the learner chose, show the answered view, or reset it.
 * The page's own radios and checkboxes hold the answer, so a choice made before this code
 * arrived is not lost.
 */
import type { ViewQuestion } from '../../lib/site/check-view';
import type { ScorableQuestion, QuestionScore } from '../../lib/learner/scoring';
import { VERDICT_ICON, VERDICT_TEXT, formatPoints } from './verdict';

export interface EnhancedQuestion extends ScorableQuestion {
  /** `<module-id>/<question-id>`, as progress stores answers. */
  id: string;
  root: HTMLElement;
}

const optionItems = (root: HTMLElement) => [...root.querySelectorAll<HTMLLIElement>('li[data-option-id]')];
const inputOf = (item: HTMLElement) => item.querySelector<HTMLInputElement>('input')!;

/**
 * Puts a keyless question's answer key into the page (QuestionCard `keyless`): which options are
 * best responses, every option's feedback and where it is taught, and the sources. Built with
 * textContent only, as the server would render it, so showAnswered works as for any question.
 */
export function attachKey(question: EnhancedQuestion, key: ViewQuestion): void {
  const byId = new Map(key.options.map((o) => [o.id, o]));
  for (const item of optionItems(question.root)) {
    const option = byId.get(item.dataset.optionId!);
    const scorable = question.options.find((o) => o.id === item.dataset.optionId);
    if (!option || !scorable) continue;
    scorable.correct = option.correct;
    item.dataset.best = String(option.correct);
    item.querySelector('.option__feedback')?.remove();
    const feedback = element('div', 'option__feedback');
    feedback.hidden = true;
    const verdict = element('p', 'option__verdict');
    const chosen = element('span', 'option__chosen', 'You chose this. ');
    chosen.dataset.chosenNote = '';
    chosen.hidden = true;
    verdict.append(chosen, element('strong', '', option.correct ? '✓ A best response.' : '✗ Not the best response.'));
    const where = element('p', 'meta', 'Where this is taught: ');
    const link = element('a', '', option.teaches.label) as HTMLAnchorElement;
    link.href = option.teaches.href;
    where.append(link);
    feedback.append(verdict, element('p', '', option.feedback), where);
    item.append(feedback);
  }
  question.root.querySelector('.question__sources')?.remove();
  if (key.sources.length > 0) {
    const sources = element('p', 'meta question__sources', `Source${key.sources.length > 1 ? 's' : ''}: `);
    sources.hidden = true;
    key.sources.forEach((source, i) => {
      if (i > 0) sources.append('; ');
      const link = element('a', '', source.short) as HTMLAnchorElement;
      link.href = source.href;
      sources.append(link);
    });
    question.root.querySelector('fieldset')!.append(sources);
  }
}

/** Takes the answer key out of the page again (a retake: the new attempt starts keyless). */
export function detachKey(question: EnhancedQuestion): void {
  for (const item of optionItems(question.root)) {
    delete item.dataset.best;
    item.querySelector('.option__feedback')?.remove();
  }
  question.root.querySelector('.question__sources')?.remove();
  for (const option of question.options) option.correct = false;
}

function element(tag: string, className: string, text?: string): HTMLElement {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Every enhanced question inside `container`, in page order. */
export function findQuestions(container: ParentNode): EnhancedQuestion[] {
  return [...container.querySelectorAll<HTMLElement>('[data-question-id]')].map((root) => ({
    root,
    id: root.dataset.questionId!,
    localId: root.dataset.localId!,
    type: root.dataset.type === 'multiple' ? 'multiple' : 'single',
    options: optionItems(root).map((item) => ({ id: item.dataset.optionId!, correct: item.dataset.best === 'true' })),
  }));
}

/** The option ids the learner has ticked, in the order shown. */
export function chosenOptions(question: EnhancedQuestion): string[] {
  return optionItems(question.root)
    .filter((item) => inputOf(item).checked)
    .map((item) => item.dataset.optionId!);
}

/** Shows the options in `order` (ids); ids stay with their inputs, so labels and answers follow. */
export function orderOptions(question: EnhancedQuestion, order: readonly string[]): void {
  const list = question.root.querySelector('.options')!;
  const byId = new Map(optionItems(question.root).map((item) => [item.dataset.optionId!, item]));
  for (const id of order) {
    const item = byId.get(id);
    if (item) list.append(item);
  }
}

/** Marks the question as needing an answer (the legend says so in words, via check.css). */
export function markUnanswered(question: EnhancedQuestion, missing: boolean): void {
  const fieldset = question.root.querySelector('fieldset')!;
  if (missing) fieldset.setAttribute('aria-invalid', 'true');
  else fieldset.removeAttribute('aria-invalid');
}

/**
 * The answered view: every option says whether it is a best response, with its feedback and
 * where it is taught. With a score, the learner's own choices and the verdict are shown too;
 * without one (reviewing a passed check), only the best responses.
 */
export function showAnswered(question: EnhancedQuestion, score?: QuestionScore): void {
  const { root } = question;
  root.classList.add('question--answered');
  for (const item of optionItems(root)) {
    const input = inputOf(item);
    if (!score) input.checked = false;
    input.disabled = true;
    item.classList.toggle('option--best', item.dataset.best === 'true');
    item.classList.toggle('option--not-best', item.dataset.best !== 'true');
    item.classList.toggle('option--chosen', input.checked);
    const feedback = item.querySelector<HTMLElement>('.option__feedback');
    if (feedback) feedback.hidden = false;
    const chosenNote = item.querySelector<HTMLElement>('[data-chosen-note]');
    if (chosenNote) chosenNote.hidden = !input.checked;
  }
  const sources = root.querySelector<HTMLElement>('.question__sources');
  if (sources) sources.hidden = false;
  const verdict = root.querySelector<HTMLElement>('[data-verdict]')!;
  verdict.hidden = !score;
  verdict.className = score ? `verdict verdict--${score.verdict}` : 'verdict';
  verdict.replaceChildren();
  if (score) {
    const icon = document.createElement('span');
    icon.setAttribute('aria-hidden', 'true');
    icon.textContent = VERDICT_ICON[score.verdict];
    verdict.append(icon, VERDICT_TEXT[score.verdict]);
    if (question.type === 'multiple') {
      const points = document.createElement('span');
      points.className = 'meta';
      points.textContent = ` (${formatPoints(score.points)} of 1 point)`;
      verdict.append(points);
    }
  }
}

/** Back to an unanswered question: nothing ticked, nothing revealed. */
export function showUnanswered(question: EnhancedQuestion): void {
  const { root } = question;
  root.classList.remove('question--answered');
  for (const item of optionItems(root)) {
    const input = inputOf(item);
    input.checked = false;
    input.disabled = false;
    item.classList.remove('option--best', 'option--not-best', 'option--chosen');
    const feedback = item.querySelector<HTMLElement>('.option__feedback');
    if (feedback) feedback.hidden = true;
  }
  const sources = root.querySelector<HTMLElement>('.question__sources');
  if (sources) sources.hidden = true;
  root.querySelector<HTMLElement>('[data-verdict]')!.hidden = true;
  markUnanswered(question, false);
}

/** `option--chosen` follows the ticks while answering, as the React card did. */
export function followChoices(question: EnhancedQuestion): void {
  question.root.addEventListener('change', () => {
    for (const item of optionItems(question.root)) item.classList.toggle('option--chosen', inputOf(item).checked);
  });
}
