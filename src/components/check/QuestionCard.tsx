/**
 * One question: native radios (single) or checkboxes (select all that apply) in a
 * fieldset whose legend is the prompt. After answering, every option shows whether
 * it is a best response, the learner's choice, its feedback and where it is taught.
 * Right and wrong are always said in words, never by colour alone.
 *
 * Two ways to use it: as part of a React island (the review page), or rendered once on the
 * server with `enhance` (module checks and inline checks), where every part of the answered
 * view is present but hidden and a plain script (question-dom.ts) shows it. Checks then need no
 * React in the browser: issue 9's 80 KB budget for a check page.
 */
import type { ChangeEvent } from 'react';
import type { ViewQuestion } from '../../lib/site/check-view';
import type { QuestionScore } from '../../lib/learner/scoring';
import { VERDICT_ICON, VERDICT_TEXT, formatPoints } from './verdict';

interface Props {
  question: ViewQuestion;
  /** Options in the order to show them (shuffled per attempt). */
  order: string[];
  chosen: readonly string[];
  onChange?: (chosen: string[]) => void;
  /** Present once answered: switches to feedback view. */
  score?: QuestionScore;
  /** Review without a learner's answer: show the best responses only. */
  reviewOnly?: boolean;
  /** Prefix for element ids, so a question can appear twice on a page. */
  idPrefix?: string;
  number?: number;
  showCase?: boolean;
  invalid?: boolean;
  /** Server-rendered for question-dom.ts: feedback present but hidden, data attributes for the script. */
  enhance?: boolean;
  /**
   * With `enhance`: leave out everything that tells a correct option from a wrong one (the
   * feedback, the best-response marks). The module check fetches them when the learner submits
   * (question-dom.ts `attachKey`), so the page before then holds no answers.
   */
  keyless?: boolean;
}

export function QuestionCard({ question, order, chosen, onChange, score, reviewOnly, idPrefix = 'q', number, showCase = true, invalid, enhance, keyless }: Props) {
  const answered = Boolean(score) || reviewOnly;
  // What the answered view adds: shown now, or (enhance) present and hidden until the script shows it.
  const withFeedback = answered || (enhance && !keyless);
  const byId = new Map(question.options.map((o) => [o.id, o]));
  const options = order.map((id) => byId.get(id)!).filter(Boolean);
  const name = `${idPrefix}-${question.localId}`;
  const hintId = `${name}-hint`;
  const toggle = (id: string, checked: boolean) => {
    if (!onChange) return;
    if (question.type === 'single') onChange([id]);
    else onChange(checked ? [...chosen, id] : chosen.filter((c) => c !== id));
  };

  return (
    <div
      className={`question${answered ? ' question--answered' : ''}`}
      id={name}
      {...(enhance ? { 'data-question-id': question.id, 'data-local-id': question.localId, 'data-type': question.type } : {})}
    >
      {showCase && question.scenario && (
        <div className="question__case">
          <p className="question__case-title">Scenario: {question.scenario.title}</p>
          <p>{question.scenario.case}</p>
        </div>
      )}
      <fieldset aria-describedby={question.type === 'multiple' ? hintId : undefined} aria-invalid={invalid || undefined}>
        <legend>
          {number !== undefined && <span className="question__number">Question {number}. </span>}
          {question.prompt}
        </legend>
        {question.type === 'multiple' && (
          <p className="meta question__hint" id={hintId}>
            Select all that apply.
          </p>
        )}
        {score && (
          <p className={`verdict verdict--${score.verdict}`}>
            <span aria-hidden="true">{VERDICT_ICON[score.verdict]}</span>
            {VERDICT_TEXT[score.verdict]}
            {question.type === 'multiple' && <span className="meta"> ({formatPoints(score.points)} of 1 point)</span>}
          </p>
        )}
        {enhance && <p className="verdict" data-verdict hidden></p>}
        <ul className="options">
          {options.map((option) => {
            const isChosen = chosen.includes(option.id);
            const inputId = `${name}-${option.id}`;
            return (
              <li
                key={option.id}
                className={`option${answered ? (option.correct ? ' option--best' : ' option--not-best') : ''}${isChosen ? ' option--chosen' : ''}`}
                {...(enhance ? { 'data-option-id': option.id, ...(keyless ? {} : { 'data-best': String(option.correct) }) } : {})}
              >
                <label htmlFor={inputId}>
                  <input
                    id={inputId}
                    type={question.type === 'single' ? 'radio' : 'checkbox'}
                    name={name}
                    value={option.id}
                    /* Enhanced: the script owns the state. A keyless check's form has
                       autocomplete="off", so a reload does not restore choices; HTML allows the
                       attribute on the form, not on a radio or checkbox (issue 20). */
                    {...(enhance
                      ? {}
                      : { checked: isChosen, disabled: answered, onChange: (event: ChangeEvent<HTMLInputElement>) => toggle(option.id, event.currentTarget.checked) })}
                  />
                  <span>{option.text}</span>
                </label>
                {withFeedback && (
                  <div className="option__feedback" hidden={enhance}>
                    <p className="option__verdict">
                      {enhance ? (
                        <span className="option__chosen" data-chosen-note hidden>
                          You chose this.{' '}
                        </span>
                      ) : (
                        !reviewOnly && isChosen && <span className="option__chosen">You chose this. </span>
                      )}
                      <strong>{option.correct ? '✓ A best response.' : '✗ Not the best response.'}</strong>
                    </p>
                    <p>{option.feedback}</p>
                    <p className="meta">
                      Where this is taught: <a href={option.teaches.href}>{option.teaches.label}</a>
                    </p>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
        {withFeedback && question.sources.length > 0 && (
          <p className="meta question__sources" hidden={enhance}>
            Source{question.sources.length > 1 ? 's' : ''}:{' '}
            {question.sources.map((s, i) => (
              <span key={s.key}>
                {i > 0 && '; '}
                <a href={s.href}>{s.short}</a>
              </span>
            ))}
          </p>
        )}
      </fieldset>
    </div>
  );
}
