/**
 * Brings a server-rendered module check (ModuleCheck.astro) to life: four views (taking, result,
 * summary once passed, review), attempts and answers saved through src/stores/progress.ts.
 *
 * Each attempt draws its items from the module's bank (src/lib/learner/check-draw.ts: attempt k of the
 * learner's, so a reload shows the same questions, a retake different ones) and shows their
 * options in an order of its own. The page holds no answers: which options are best, and the
 * feedback, come from review-questions/<module>.json, fetched when the learner submits (or
 * reviews a passed check), and are taken out of the page again for a retake.
 */
import type { ReviewQuestion } from '../../lib/site/check-view';
import { drawForAttempt, seedOf } from '../../lib/learner/check-draw';
import { attemptsTaken, type ModuleFacts } from '../../lib/learner/progress';
import { percent, scoreCheck, seededShuffle } from '../../lib/learner/scoring';
import { $progress, saveAnswer, saveAttempt } from '../../stores/progress';
import {
  attachKey,
  chosenOptions,
  detachKey,
  findQuestions,
  followChoices,
  markUnanswered,
  orderOptions,
  showAnswered,
  showUnanswered,
  type EnhancedQuestion,
} from './question-dom';
import { formatPoints } from './verdict';
import { fragmentText } from '../../lib/encoding/fragment';

type View = 'taking' | 'result' | 'summary' | 'review';
type AnswerKey = Record<string, ReviewQuestion>;

const dateText = (iso: string) => new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' });

/** The question a `#q-<id>` link points at; a malformed one (`#q-%E0`) points at none. */
const questionInHash = (hash: string): string => (hash.startsWith('#q-') ? fragmentText(hash).slice(2) : '');

const KEY_FAILED =
  'Your answers could not be scored: the file with the answers did not load (the connection may be down, and this page was not saved for offline use). Your choices are still here. Press "Submit my answers" to try again.';
const KEY_STALE = 'The course was updated while this page was open, so these questions no longer match it. Reload the page to take the current check; nothing you saved is lost.';

export function startModuleCheck(root: HTMLElement): void {
  const moduleId = root.dataset.moduleCheck!;
  const facts = JSON.parse(root.dataset.module!) as ModuleFacts;
  const passMark = Number(root.dataset.passMark);
  const draw = Number(root.dataset.draw);
  const form = root.querySelector<HTMLFormElement>('[data-check-form]')!;
  const items = [...form.querySelectorAll<HTMLElement>('[data-check-item]')];
  const submitButton = form.querySelector<HTMLButtonElement>('.check__submit')!;
  const allQuestions = findQuestions(root);
  const questionsOf = (item: HTMLElement) => allQuestions.filter((q) => item.contains(q.root));
  const missingBox = root.querySelector<HTMLElement>('[data-missing]')!;
  const keyError = root.querySelector<HTMLElement>('[data-key-error]')!;
  const resultBox = root.querySelector<HTMLElement>('.check__result')!;
  const find = (selector: string) => root.querySelector<HTMLElement>(selector)!;

  /** The questions of the attempt on screen, in the order shown. */
  let current: EnhancedQuestion[] = [];
  let busy = false;
  let keyRequest: Promise<AnswerKey> | undefined;
  const loadKey = () =>
    (keyRequest ??= fetch(root.dataset.keyUrl!).then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json() as Promise<AnswerKey>;
    })).catch((error: unknown) => {
      keyRequest = undefined; // let the next press try again
      throw error;
    });

  const show = (view: View) => {
    root.dataset.checkView = view;
    for (const part of root.querySelectorAll<HTMLElement>('[data-view]')) part.hidden = part.dataset.view !== view;
    form.hidden = view === 'summary';
    if (view !== 'taking') missingBox.hidden = true;
    keyError.hidden = true;
  };

  /** Shows `shown` items in this order, numbered, and hides the rest of the bank. */
  const layOut = (shown: HTMLElement[]) => {
    for (const item of items) item.hidden = true;
    for (const item of shown) {
      form.insertBefore(item, submitButton);
      item.hidden = false;
    }
    current = shown.flatMap(questionsOf);
    current.forEach((q, index) => {
      const number = q.root.querySelector('.question__number');
      if (number) number.textContent = `Question ${index + 1}. `;
    });
    find('[data-question-count]').textContent = String(current.length);
  };

  /** A fresh attempt: the items attempt number `attempt` draws, nothing ticked, no key in the page. */
  const startAttempt = () => {
    const attempt = attemptsTaken($progress.get().checks[moduleId]);
    for (const q of allQuestions) {
      showUnanswered(q);
      detachKey(q);
    }
    layOut(drawForAttempt(items.length, draw, moduleId, attempt).map((i) => items[i]!));
    const seed = seedOf(`${moduleId}#${attempt}#options`);
    current.forEach((q, index) => orderOptions(q, seededShuffle(q.options.map((o) => o.id), seed + index * 7919)));
  };

  /** Puts the key of `questions` into the page; false (with the reason shown) if it cannot. */
  const withKey = async (questions: EnhancedQuestion[]): Promise<boolean> => {
    let key: AnswerKey;
    try {
      key = await loadKey();
    } catch {
      find('[data-key-error-text]').textContent = KEY_FAILED;
      keyError.hidden = false;
      keyError.focus();
      return false;
    }
    if (questions.some((q) => !key[q.id] || key[q.id]!.options.length !== q.options.length)) {
      find('[data-key-error-text]').textContent = KEY_STALE;
      keyError.hidden = false;
      keyError.focus();
      return false;
    }
    for (const q of questions) attachKey(q, key[q.id]!);
    return true;
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

  const listUnanswered = (unanswered: EnhancedQuestion[]) => {
    find('[data-missing-title]').textContent =
      unanswered.length === 1 ? 'One question has no answer yet.' : `${unanswered.length} questions have no answer yet.`;
    find('[data-missing-list]').replaceChildren(
      ...unanswered.map((q) => {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = `#q-${q.localId}`;
        link.textContent = `Question ${current.indexOf(q) + 1}`;
        item.append(link);
        return item;
      }),
    );
    missingBox.hidden = false;
    missingBox.focus();
  };

  const submit = async () => {
    if (busy) return;
    const unanswered = current.filter((q) => chosenOptions(q).length === 0);
    for (const q of current) markUnanswered(q, unanswered.includes(q));
    if (unanswered.length > 0) return listUnanswered(unanswered);
    missingBox.hidden = true;

    busy = true;
    form.setAttribute('aria-busy', 'true');
    submitButton.textContent = 'Scoring your answers…';
    const ready = await withKey(current);
    busy = false;
    form.removeAttribute('aria-busy');
    submitButton.textContent = 'Submit my answers';
    if (!ready) return;

    // Read after the key arrived, so what is scored is what the page shows as chosen.
    const answers = Object.fromEntries(current.map((q) => [q.localId, chosenOptions(q)]));
    const score = scoreCheck(current, answers, passMark);
    saveAttempt(moduleId, { at: new Date().toISOString(), ratio: score.ratio, points: score.points, max: score.max, passed: score.passed, contentHash: facts.contentHash }, facts);
    for (const q of current) saveAnswer(q.id, answers[q.localId]!, score.perQuestion[q.localId]!.verdict);

    for (const q of current) showAnswered(q, score.perQuestion[q.localId]);
    resultBox.classList.toggle('check__result--passed', score.passed);
    resultBox.classList.toggle('check__result--failed', !score.passed);
    find('[data-result-title]').textContent = `${score.passed ? 'Passed' : 'Not passed yet'}: you scored ${percent(score.ratio)}%`;
    find('[data-result-text]').textContent =
      `${formatPoints(score.points)} of ${score.max} points. The pass mark is ${percent(passMark)}%. ` +
      (score.passed
        ? 'Well done. Read the feedback below: it explains every option, including the ones you did not choose.'
        : 'Read the feedback on each option below and revisit the sections it links to. When you try again, you get different questions from the same lessons.');
    for (const label of root.querySelectorAll('[data-retake-label]')) label.textContent = score.passed ? 'Take it again' : 'Try again';
    const next = root.querySelector<HTMLElement>('[data-next-module]');
    if (next) next.hidden = !score.passed;
    show('result');
    resultBox.focus();
  };

  const retake = () => {
    startAttempt();
    show('taking');
    root.scrollIntoView();
    root.focus();
  };

  /** A passed check's review: every question of the bank, with its best responses. */
  const review = async (): Promise<boolean> => {
    layOut(items);
    for (const q of allQuestions) showUnanswered(q);
    show('review');
    if (!(await withKey(allQuestions))) return false;
    for (const q of allQuestions) showAnswered(q);
    return true;
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submit();
  });
  for (const button of root.querySelectorAll<HTMLElement>('[data-action]')) {
    button.addEventListener('click', () => (button.dataset.action === 'review' ? void review() : retake()));
  }
  for (const q of allQuestions) followChoices(q);

  // A learner who already passed starts at the summary, unless a link points at one question
  // (the review page and feedback link to them), which the review then shows.
  startAttempt();
  const target = questionInHash(location.hash);
  const passed = Boolean($progress.get().checks[moduleId]?.passedAt);
  const targeted = allQuestions.find((q) => q.localId === target);
  const focusTarget = () => {
    if (!targeted || targeted.root.closest<HTMLElement>('[data-check-item]')?.hidden) return;
    const holder = targeted.root.closest<HTMLElement>('.check-question') ?? targeted.root;
    holder.scrollIntoView();
    holder.querySelector<HTMLElement>('input:not([disabled]), a')?.focus({ preventScroll: true });
  };
  find('[data-no-script]').hidden = true;
  if (passed && targeted) {
    void review().then(() => {
      focusTarget();
      root.dataset.enhance = 'ready';
    });
    return;
  }
  show(passed ? 'summary' : 'taking');
  focusTarget();
  root.dataset.enhance = 'ready';
}
