/**
 * One question inside a lesson, ungraded: answer, then read the feedback on every
 * option. The answer is remembered (it feeds review later) but never scored.
 */
import { useRef, useState } from 'react';
import type { ViewQuestion } from '../../lib/check-view';
import { scoreQuestion, type QuestionScore } from '../../lib/scoring';
import { saveAnswer } from '../../stores/progress';
import { QuestionCard } from './QuestionCard';
// Its styles (./check.css) are linked by Check.astro, the only place it is used.

interface Props {
  question: ViewQuestion;
}

export default function InlineCheck({ question }: Props) {
  const [chosen, setChosen] = useState<string[]>([]);
  const [score, setScore] = useState<QuestionScore | undefined>();
  const [hint, setHint] = useState('');
  const statusRef = useRef<HTMLParagraphElement>(null);
  const order = question.options.map((o) => o.id);

  const check = () => {
    if (chosen.length === 0) {
      setHint('Choose an answer first.');
      return;
    }
    const result = scoreQuestion(question, chosen);
    setScore(result);
    setHint('');
    saveAnswer(question.id, chosen, result.verdict);
    requestAnimationFrame(() => statusRef.current?.focus());
  };

  return (
    <div className="inline-check__body">
      <QuestionCard question={question} order={order} chosen={chosen} onChange={setChosen} score={score} idPrefix="inline" />
      <p className="inline-check__status" role="status" aria-live="polite" tabIndex={-1} ref={statusRef}>
        {score ? (score.verdict === 'correct' ? 'Correct. The feedback on each option is shown above.' : 'Not quite. The feedback on each option is shown above.') : hint}
      </p>
      {score ? (
        <button
          type="button"
          className="button--quiet"
          onClick={() => {
            setScore(undefined);
            setChosen([]);
          }}
        >
          Try this question again
        </button>
      ) : (
        <button type="button" onClick={check}>
          Check my answer
        </button>
      )}
    </div>
  );
}
