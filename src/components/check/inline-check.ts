/**
 * A question inside a lesson (Check.astro), ungraded: answer, then read the feedback on every
 * option. The answer is remembered (it feeds review later) but never scored.
 */
import { scoreQuestion } from '../../lib/learner/scoring';
import { saveAnswer } from '../../stores/progress';
import { chosenOptions, findQuestions, followChoices, showAnswered, showUnanswered } from './question-dom';

export function startInlineCheck(box: HTMLElement): void {
  const question = findQuestions(box)[0]!;
  const status = box.querySelector<HTMLElement>('[data-inline-status]')!;
  const checkButton = box.querySelector<HTMLButtonElement>('[data-inline-answer]')!;
  const againButton = box.querySelector<HTMLButtonElement>('[data-inline-again]')!;

  followChoices(question);
  checkButton.addEventListener('click', () => {
    const chosen = chosenOptions(question);
    if (chosen.length === 0) {
      status.textContent = 'Choose an answer first.';
      return;
    }
    const score = scoreQuestion(question, chosen);
    saveAnswer(question.id, chosen, score.verdict);
    showAnswered(question, score);
    status.textContent =
      score.verdict === 'correct' ? 'Correct. The feedback on each option is shown above.' : 'Not quite. The feedback on each option is shown above.';
    checkButton.hidden = true;
    againButton.hidden = false;
    status.focus();
  });
  againButton.addEventListener('click', () => {
    showUnanswered(question);
    status.textContent = '';
    againButton.hidden = true;
    checkButton.hidden = false;
    checkButton.focus();
  });
  box.dataset.enhance = 'ready';
}
