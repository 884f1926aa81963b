/**
 * /review/: today's short session of due questions. Each question: answer, read the feedback,
 * then say how it went (Again / Hard / Good / Easy, with when each brings it back); FSRS
 * reschedules it. Everything works from the keyboard; states are in words.
 *
 * Hydration: the server cannot know the deck, so server and first client render show the same
 * loading line; the session starts after mount.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from '@nanostores/react';
import type { ReviewQuestion } from '../../lib/site/check-view';
import { RATING_FOR_VERDICT, RATINGS_FOR_VERDICT, dueQuestions, sessionAfterRating, intervalText, moduleOfQuestion, previewIntervals, type ReviewRating } from '../../lib/learner/review';
import { scoreQuestion, seededShuffle, type QuestionScore } from '../../lib/learner/scoring';
import { $deck, $setAsideCards, keepSchedulable, rateReview, syncReview } from '../../stores/review';
import { $progress, saveAnswer } from '../../stores/progress';
import { QuestionCard } from '../check/QuestionCard';
import '../check/check.css';
import { useFocusAfterRender } from '../use-focus-after-render';

interface Props {
  base: string;
  /** Every question id in this course: cards for questions the course no longer has are skipped. */
  questionIds: string[];
}

const RATINGS: { rating: ReviewRating; label: string }[] = [
  { rating: 'again', label: 'Again' },
  { rating: 'hard', label: 'Hard' },
  { rating: 'good', label: 'Good' },
  { rating: 'easy', label: 'Easy' },
];

type Phase = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready' };

export default function ReviewPage({ base, questionIds }: Props) {
  const known = useMemo(() => new Set(questionIds), [questionIds]);
  const deck = useStore($deck);
  const setAside = useStore($setAsideCards);
  const lastVisit = useStore($progress).lastVisit;
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [questions, setQuestions] = useState<Record<string, ReviewQuestion>>({});
  // The session's questions are fixed when it starts, so rating one does not reshuffle the rest.
  const [session, setSession] = useState<string[] | null>(null);
  const [position, setPosition] = useState(0);
  const [chosen, setChosen] = useState<string[]>([]);
  const [score, setScore] = useState<QuestionScore | undefined>();
  const [hint, setHint] = useState('');
  const [done, setDone] = useState<{ id: string; rating: ReviewRating }[]>([]);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const ratingRef = useRef<HTMLDivElement>(null);
  const focusAfterRender = useFocusAfterRender();

  useEffect(() => {
    let live = true;
    syncReview(known);
    // Only the modules with a question due today are fetched (review-questions/[module].json.ts).
    // Cards the scheduler refuses are set aside before the session starts (the notice says so).
    const due = keepSchedulable(dueQuestions($deck.get(), new Date(), known));
    const modules = [...new Set(due.map(moduleOfQuestion))];
    Promise.all(
      modules.map((moduleId) =>
        fetch(`${base}review-questions/${encodeURIComponent(moduleId)}.json`).then((r) => {
          if (!r.ok) throw new Error(String(r.status));
          return r.json() as Promise<Record<string, ReviewQuestion>>;
        }),
      ),
    )
      .then((parts) => {
        if (!live) return;
        const data: Record<string, ReviewQuestion> = Object.assign({}, ...parts);
        setQuestions(data);
        setSession(due.filter((id) => data[id]));
        setPhase({ kind: 'ready' });
      })
      .catch(() => live && setPhase({ kind: 'error', message: 'The review questions could not load. Reload the page to try again.' }));
    return () => {
      live = false;
    };
  }, [base, known]);

  if (phase.kind === 'loading' || !session) return <p role="status">Loading your review…</p>;
  if (phase.kind === 'error') return <p className="callout" role="alert">{phase.message}</p>;

  // Cards set aside (on load, or refused by the scheduler mid-session): said once, above the session.
  const notice =
    setAside > 0 ? (
      <p className="callout" role="status" data-review-set-aside={setAside}>
        {setAside === 1 ? '1 review card could not be used and was set aside' : `${setAside} review cards could not be used and were set aside`}; the rest of your review is here.
      </p>
    ) : null;

  const id = session[position];
  if (!id) {
    const total = Object.keys(deck.cards).filter((k) => known.has(k)).length;
    return (
      <section aria-labelledby="review-done" data-review-state={session.length ? 'finished' : 'nothing-due'}>
        {notice}
        <h2 id="review-done" tabIndex={-1} ref={headingRef}>
          {session.length ? 'Done for today' : 'Nothing to review right now'}
        </h2>
        {session.length ? (
          <p>
            You reviewed {new Set(done.map((d) => d.id)).size} question{new Set(done.map((d) => d.id)).size === 1 ? '' : 's'}: {RATINGS.map((r) => `${done.filter((d) => d.rating === r.rating).length} ${r.label.toLowerCase()}`).join(', ')}. Each will come back when it is due.
          </p>
        ) : total === 0 ? (
          <p>
            Questions enter review once you have answered them in a lesson or a module check. <a href={`${base}modules/`}>Start a module</a>, and they will come back here for review on the days that keep them fresh.
          </p>
        ) : (
          <p>
            {total} question{total === 1 ? ' is' : 's are'} in your review deck; none is due yet. Come back tomorrow, or <a href={`${base}modules/`}>go on with a module</a>.
          </p>
        )}
        {/* A way onward from the end of a session. */}
        <p className="actions" data-review-onward>
          {lastVisit ? (
            <a className="button" href={`${base}modules/${lastVisit.lessonId}/`}>
              Continue with “{lastVisit.title}”
            </a>
          ) : (
            <a className="button" href={`${base}modules/`}>
              Browse the modules
            </a>
          )}{' '}
          <a className="button button--quiet" href={`${base}progress/`}>
            See My progress
          </a>
        </p>
      </section>
    );
  }

  const question = questions[id]!;
  const order = seededShuffle(
    question.options.map((o) => o.id),
    deck.cards[id]?.reps ?? 0,
  );
  const preview = previewIntervals(deck, id, new Date());

  const check = () => {
    if (chosen.length === 0) {
      setHint('Choose an answer first.');
      return;
    }
    const result = scoreQuestion(question, chosen);
    setScore(result);
    setHint('');
    saveAnswer(id, chosen, result.verdict);
    focusAfterRender(() => ratingRef.current?.querySelector<HTMLButtonElement>(`[data-rating="${RATING_FOR_VERDICT[result.verdict]}"]`));
  };

  const rate = (rating: ReviewRating) => {
    // A card the scheduler refused is set aside (the notice counts it), not counted as reviewed.
    if (rateReview(id, rating)) setDone((d) => [...d, { id, rating }]);
    // "Again": the card comes back later in this session.
    setSession((s) => (s ? sessionAfterRating(s, position, rating) : s));
    setPosition((p) => p + 1);
    setChosen([]);
    setScore(undefined);
    focusAfterRender(() => headingRef.current);
  };

  return (
    <section aria-labelledby="review-question-heading" data-review-state="question" data-question-id={id}>
      {notice}
      <p className="meta" role="status">
        Question {position + 1} of {session.length} · from {question.moduleTitle}
      </p>
      <h2 id="review-question-heading" tabIndex={-1} ref={headingRef} className="visually-hidden">
        Question {position + 1} of {session.length}
      </h2>
      <QuestionCard question={question} order={order} chosen={chosen} onChange={setChosen} score={score} idPrefix="review" />
      {!score ? (
        <>
          <p className="inline-check__status" role="status" aria-live="polite">
            {hint}
          </p>
          <button type="button" onClick={check}>
            Check my answer
          </button>
        </>
      ) : (
        <div className="review-rating" ref={ratingRef} role="group" aria-labelledby="review-rating-label">
          <p id="review-rating-label">
            <strong>{score.verdict === 'correct' ? 'Correct.' : score.verdict === 'partial' ? 'Partly correct.' : 'Not correct.'}</strong> How well did you know it? The suggested choice
            has focus.
          </p>
          <div className="actions">
            {RATINGS.filter(({ rating }) => RATINGS_FOR_VERDICT[score.verdict].includes(rating)).map(({ rating, label }) => (
              <button
                key={rating}
                type="button"
                data-rating={rating}
                className={rating === RATING_FOR_VERDICT[score.verdict] ? undefined : 'button--quiet'}
                onClick={() => rate(rating)}
              >
                {label}
                {preview && <span className="review-rating__when">, back {intervalText(new Date(), preview[rating])}</span>}
              </button>
            ))}
          </div>
        </div>
      )}
    </section>
  );
}
