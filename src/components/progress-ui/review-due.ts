/**
 * "Questions due for review" (ReviewDue.astro): how many of the learner's cards are due today.
 * Loaded only when something is stored.
 */
import { $deck, syncReview } from '../../stores/review';
import { $progress } from '../../stores/progress';
import { dueCount } from '../../lib/learner/review';

export function showReviewDue(box: HTMLElement): void {
  const text = box.querySelector<HTMLElement>('[data-review-due-text]')!;
  let known: Set<string> | undefined;
  let fetching: Promise<void> | undefined;
  const show = (due: number) => {
    box.hidden = due === 0;
    text.textContent = `${due} question${due === 1 ? ' is' : 's are'} due for review. It takes a few minutes.`;
  };
  const update = () => {
    // No answer and no card: nothing can be due, and the question ids are not needed.
    if (!known && Object.keys($progress.get().answers).length === 0 && Object.keys($deck.get().cards).length === 0) return show(0);
    if (!known) {
      // A failed fetch leaves the box hidden (it only informs) and is tried again on the next change.
      fetching ??= fetch(box.dataset.questionsHref!)
        .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`question ids: HTTP ${r.status}`))))
        .then((ids: string[]) => {
          known = new Set(ids);
          update();
        })
        .catch(() => {
          fetching = undefined;
        });
      return;
    }
    // Answers given since the last visit join the deck first.
    syncReview(known);
    show(dueCount($deck.get(), new Date(), known));
  };
  $progress.subscribe(update);
  $deck.listen(update);
}
