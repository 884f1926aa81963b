/**
 * The module check: take it, see feedback on every option, retry with options
 * reshuffled, and, once passed, review it without retaking (or retake by choice).
 * Attempts are saved through src/stores/progress.ts (best and recent attempts kept).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from '@nanostores/react';
import type { ViewQuestion } from '../../lib/check-view';
import type { ModuleFacts } from '../../lib/progress';
import { PARTIAL_CREDIT_RULE, percent, scoreCheck, seededShuffle, type CheckScore } from '../../lib/scoring';
import { $progress, saveAnswer, saveAttempt } from '../../stores/progress';
import { QuestionCard, formatPoints } from './QuestionCard';
import './check.css';

export interface CheckGroup {
  /** Scenario id, or the question's local id for a standalone question. */
  id: string;
  scenario?: { title: string; case: string };
  questions: ViewQuestion[];
}

interface Props {
  moduleId: string;
  moduleTitle: string;
  groups: CheckGroup[];
  passMark: number;
  facts: ModuleFacts;
  moduleHref: string;
  /** Where to go after passing: the next module in the catalogue, if any. */
  next?: { href: string; title: string };
}

type Phase = 'taking' | 'result' | 'summary' | 'review';

const dateText = (iso: string) => new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' });

export default function ModuleCheck({ moduleId, moduleTitle, groups, passMark, facts, moduleHref, next }: Props) {
  const progress = useStore($progress, { ssr: 'initial' });
  const record = progress.checks[moduleId];
  const questions = useMemo(() => groups.flatMap((g) => g.questions), [groups]);
  const [hydrated, setHydrated] = useState(false);
  const [phase, setPhase] = useState<Phase>('taking');
  const [seed, setSeed] = useState(0);
  const [answers, setAnswers] = useState<Record<string, string[]>>({});
  const [score, setScore] = useState<CheckScore | null>(null);
  const [missing, setMissing] = useState<string[]>([]);
  const resultRef = useRef<HTMLDivElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const topRef = useRef<HTMLDivElement>(null);

  // After hydration: a learner who already passed starts at the summary, unless a
  // deep link points at a question, which review mode then shows.
  useEffect(() => {
    setHydrated(true);
    setSeed(Date.now() % 2147483647);
    const passed = Boolean($progress.get().checks[moduleId]?.passedAt);
    const target = decodeURIComponent(location.hash.replace(/^#q-/, ''));
    if (passed) setPhase(questions.some((q) => q.localId === target) ? 'review' : 'summary');
  }, [moduleId, questions]);

  useEffect(() => {
    if (!hydrated || !location.hash.startsWith('#q-')) return;
    const element = document.getElementById(location.hash.slice(1));
    element?.scrollIntoView();
    element?.querySelector<HTMLElement>('input:not([disabled]), a')?.focus({ preventScroll: true });
  }, [hydrated, phase]);

  const order = (question: ViewQuestion) => {
    const ids = question.options.map((o) => o.id);
    if (!seed) return ids;
    const index = questions.indexOf(question);
    return seededShuffle(ids, seed + index * 7919);
  };

  const submit = () => {
    const unanswered = questions.filter((q) => !(answers[q.localId]?.length));
    if (unanswered.length > 0) {
      setMissing(unanswered.map((q) => q.localId));
      requestAnimationFrame(() => errorRef.current?.focus());
      return;
    }
    setMissing([]);
    const result = scoreCheck(questions, answers, passMark);
    const at = new Date().toISOString();
    saveAttempt(moduleId, { at, ratio: result.ratio, points: result.points, max: result.max, passed: result.passed, contentHash: facts.contentHash }, facts);
    for (const q of questions) saveAnswer(q.id, answers[q.localId] ?? [], result.perQuestion[q.localId]!.verdict);
    setScore(result);
    setPhase('result');
    requestAnimationFrame(() => resultRef.current?.focus());
  };

  const retake = () => {
    setAnswers({});
    setScore(null);
    setMissing([]);
    setSeed((s) => (s * 48271) % 2147483647 || 1);
    setPhase('taking');
    requestAnimationFrame(() => {
      topRef.current?.scrollIntoView();
      topRef.current?.focus();
    });
  };

  const history = record && (
    <p className="meta check__history">
      {record.best && <>Best: {percent(record.best.ratio)}% ({dateText(record.best.at)}). </>}
      {record.attempts.length > 0 && <>Last: {percent(record.attempts.at(-1)!.ratio)}% ({dateText(record.attempts.at(-1)!.at)}). </>}
      {record.passedAt && <>Passed on {dateText(record.passedAt)}.</>}
    </p>
  );

  const renderGroups = (mode: 'taking' | 'result' | 'review') => {
    let number = 0;
    return groups.map((group) => (
      <section key={group.id} className={group.scenario ? 'check-group check-group--scenario card' : 'check-group'} aria-label={group.scenario ? `Scenario: ${group.scenario.title}` : undefined}>
        {group.scenario && (
          <div className="question__case">
            <h2 className="question__case-title">Scenario: {group.scenario.title}</h2>
            <p>{group.scenario.case}</p>
          </div>
        )}
        {group.questions.map((question) => {
          number += 1;
          return (
            <div key={question.localId} id={`q-${question.localId}`} className="check-question" tabIndex={-1}>
              <QuestionCard
                question={question}
                order={order(question)}
                chosen={mode === 'review' ? [] : (answers[question.localId] ?? [])}
                onChange={mode === 'taking' ? (chosen) => setAnswers((a) => ({ ...a, [question.localId]: chosen })) : undefined}
                score={mode === 'result' ? score?.perQuestion[question.localId] : undefined}
                reviewOnly={mode === 'review'}
                idPrefix="check"
                number={number}
                showCase={false}
                invalid={missing.includes(question.localId)}
              />
            </div>
          );
        })}
      </section>
    ));
  };

  return (
    <div className="module-check" ref={topRef} tabIndex={-1}>
      <p className="meta">
        {questions.length} questions. You pass with {percent(passMark)}% or more. {PARTIAL_CREDIT_RULE} You can retry as often as you like; the
        options are reshuffled each time, and your best score is kept.
      </p>
      {hydrated && history}

      {phase === 'summary' && record?.passedAt && (
        <div className="check__summary callout" role="status">
          <p className="callout__label">You have passed this check.</p>
          <p>
            Your best score is {percent(record.best?.ratio ?? 0)}%. Review the questions and the reasoning behind each answer, or take the check again
            if you want to practise; your pass is kept either way.
          </p>
          <div className="check__actions">
            <button type="button" onClick={() => setPhase('review')}>
              Review the check
            </button>
            <button type="button" className="button--quiet" onClick={retake}>
              Retake the check
            </button>
          </div>
        </div>
      )}

      {phase === 'taking' && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
          noValidate
        >
          {missing.length > 0 && (
            <div className="check__error callout callout--safety" role="alert" tabIndex={-1} ref={errorRef}>
              <p className="callout__label">
                {missing.length === 1 ? 'One question has no answer yet.' : `${missing.length} questions have no answer yet.`}
              </p>
              <ul>
                {missing.map((id) => {
                  const n = questions.findIndex((q) => q.localId === id) + 1;
                  return (
                    <li key={id}>
                      <a href={`#q-${id}`}>Question {n}</a>
                    </li>
                  );
                })}
              </ul>
            </div>
          )}
          {renderGroups('taking')}
          <button type="submit" className="check__submit">
            Submit my answers
          </button>
          {!hydrated && <p className="meta">The check needs JavaScript to score your answers. The lessons work without it.</p>}
        </form>
      )}

      {phase === 'result' && score && (
        <>
          <div className={`check__result callout ${score.passed ? 'check__result--passed' : 'check__result--failed'}`} ref={resultRef} tabIndex={-1} role="status" aria-live="polite">
            <h2 className="check__result-title">
              {score.passed ? 'Passed' : 'Not passed yet'}: you scored {percent(score.ratio)}%
            </h2>
            <p>
              {formatPoints(score.points)} of {score.max} points. The pass mark is {percent(passMark)}%.{' '}
              {score.passed
                ? 'Well done. Read the feedback below: it explains every option, including the ones you did not choose.'
                : 'Read the feedback on each option below, revisit the sections it links to, then try again.'}
            </p>
            <div className="check__actions">
              <button type="button" onClick={retake}>
                {score.passed ? 'Take it again' : 'Try again'}
              </button>
              {score.passed && next && (
                <a className="button button--quiet" href={next.href}>
                  Next module: {next.title}
                </a>
              )}
              <a className="button button--quiet" href={moduleHref}>
                Back to {moduleTitle}
              </a>
            </div>
          </div>
          {renderGroups('result')}
          <p>
            <button type="button" onClick={retake}>
              {score.passed ? 'Take it again' : 'Try again'}
            </button>
          </p>
        </>
      )}

      {phase === 'review' && (
        <>
          <div className="callout">
            <p>Reviewing the check: each question shows the best responses and why. Nothing here changes your score.</p>
            <div className="check__actions">
              <button type="button" onClick={retake}>
                Retake the check
              </button>
              <a className="button button--quiet" href={moduleHref}>
                Back to {moduleTitle}
              </a>
            </div>
          </div>
          {renderGroups('review')}
        </>
      )}
    </div>
  );
}
