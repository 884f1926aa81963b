/**
 * Brings a server-rendered module check (ModuleCheck.astro) to life: four views (taking, result,
 * summary once passed, review), options reshuffled per attempt, attempts and answers saved
 * through src/stores/progress.ts.
 */
import type { ModuleFacts } from '../../lib/progress';
import { percent, scoreCheck, seededShuffle } from '../../lib/scoring';
import { $progress, saveAnswer, saveAttempt } from '../../stores/progress';
import { chosenOptions, findQuestions, followChoices, markUnanswered, orderOptions, showAnswered, showUnanswered } from './question-dom';
import { formatPoints } from './verdict';

type View = 'taking' | 'result' | 'summary' | 'review';

const SEED_LIMIT = 2147483647;

const dateText = (iso: string) => new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' });

/** The question a `#q-<id>` link points at; a malformed one (`#q-%E0`) points at none. */
function questionInHash(hash: string): string {
  try {
    return decodeURIComponent(hash.replace(/^#q-/, ''));
  } catch {
    return '';
  }
}

export function startModuleCheck(root: HTMLElement): void {
  const moduleId = root.dataset.moduleCheck!;
  const facts = JSON.parse(root.dataset.module!) as ModuleFacts;
  const passMark = Number(root.dataset.passMark);
  const questions = findQuestions(root);
  const form = root.querySelector<HTMLFormElement>('[data-check-form]')!;
  const missingBox = root.querySelector<HTMLElement>('[data-missing]')!;
  const resultBox = root.querySelector<HTMLElement>('.check__result')!;
  const find = (selector: string) => root.querySelector<HTMLElement>(selector)!;

  let seed = (Date.now() % SEED_LIMIT) || 1;

  const shuffle = () => questions.forEach((q, index) => orderOptions(q, seededShuffle(q.options.map((o) => o.id), seed + index * 7919)));

  const show = (view: View) => {
    root.dataset.checkView = view;
    for (const part of root.querySelectorAll<HTMLElement>('[data-view]')) part.hidden = part.dataset.view !== view;
    form.hidden = view === 'summary';
    if (view !== 'taking') missingBox.hidden = true;
  };

  // The learner's record, kept current (another tab may pass or reset this check).
  $progress.subscribe((progress) => {
    const record = progress.checks[moduleId];
    const history = find('[data-history]');
    const last = record?.attempts.at(-1);
    history.textContent = [
      record?.best ? `Best: ${percent(record.best.ratio)}% (${dateText(record.best.at)}).` : '',
      last ? `Last: ${percent(last.ratio)}% (${dateText(last.at)}).` : '',
      record?.passedAt ? `Passed on ${dateText(record.passedAt)}.` : '',
    ]
      .filter(Boolean)
      .join(' ');
    history.hidden = !history.textContent;
    find('[data-best-score]').textContent = String(percent(record?.best?.ratio ?? 0));
  });

  const submit = () => {
    const answers = Object.fromEntries(questions.map((q) => [q.localId, chosenOptions(q)]));
    const unanswered = questions.filter((q) => answers[q.localId]!.length === 0);
    for (const q of questions) markUnanswered(q, unanswered.includes(q));
    if (unanswered.length > 0) {
      find('[data-missing-title]').textContent =
        unanswered.length === 1 ? 'One question has no answer yet.' : `${unanswered.length} questions have no answer yet.`;
      find('[data-missing-list]').replaceChildren(
        ...unanswered.map((q) => {
          const item = document.createElement('li');
          const link = document.createElement('a');
          link.href = `#q-${q.localId}`;
          link.textContent = `Question ${questions.indexOf(q) + 1}`;
          item.append(link);
          return item;
        }),
      );
      missingBox.hidden = false;
      missingBox.focus();
      return;
    }
    missingBox.hidden = true;

    const score = scoreCheck(questions, answers, passMark);
    saveAttempt(moduleId, { at: new Date().toISOString(), ratio: score.ratio, points: score.points, max: score.max, passed: score.passed, contentHash: facts.contentHash }, facts);
    for (const q of questions) saveAnswer(q.id, answers[q.localId]!, score.perQuestion[q.localId]!.verdict);

    for (const q of questions) showAnswered(q, score.perQuestion[q.localId]);
    resultBox.classList.toggle('check__result--passed', score.passed);
    resultBox.classList.toggle('check__result--failed', !score.passed);
    find('[data-result-title]').textContent = `${score.passed ? 'Passed' : 'Not passed yet'}: you scored ${percent(score.ratio)}%`;
    find('[data-result-text]').textContent =
      `${formatPoints(score.points)} of ${score.max} points. The pass mark is ${percent(passMark)}%. ` +
      (score.passed
        ? 'Well done. Read the feedback below: it explains every option, including the ones you did not choose.'
        : 'Read the feedback on each option below, revisit the sections it links to, then try again.');
    for (const label of root.querySelectorAll('[data-retake-label]')) label.textContent = score.passed ? 'Take it again' : 'Try again';
    const next = root.querySelector<HTMLElement>('[data-next-module]');
    if (next) next.hidden = !score.passed;
    show('result');
    resultBox.focus();
  };

  const retake = () => {
    seed = (seed * 48271) % SEED_LIMIT || 1;
    for (const q of questions) showUnanswered(q);
    shuffle();
    show('taking');
    root.scrollIntoView();
    root.focus();
  };

  const review = () => {
    for (const q of questions) showAnswered(q);
    show('review');
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  for (const button of root.querySelectorAll<HTMLElement>('[data-action]')) {
    button.addEventListener('click', () => (button.dataset.action === 'review' ? review() : retake()));
  }
  for (const q of questions) followChoices(q);

  // A learner who already passed starts at the summary, unless a link points at one question
  // (the review page and feedback link to them), which the review then shows.
  shuffle();
  const target = questionInHash(location.hash);
  const passed = Boolean($progress.get().checks[moduleId]?.passedAt);
  const targeted = questions.find((q) => q.localId === target);
  if (passed && targeted) review();
  else show(passed ? 'summary' : 'taking');
  if (targeted) {
    const holder = targeted.root.closest<HTMLElement>('.check-question') ?? targeted.root;
    holder.scrollIntoView();
    holder.querySelector<HTMLElement>('input:not([disabled]), a')?.focus({ preventScroll: true });
  }
  find('[data-no-script]').hidden = true;
  root.dataset.enhance = 'ready';
}
