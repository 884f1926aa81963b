/** Draws a progress badge (ProgressBadge.astro): a native progress bar and the status in words. */
export function showBadge(badge: HTMLElement, fraction: number, text: string, status?: string): void {
  badge.replaceChildren();
  const bar = document.createElement('progress');
  bar.max = 1;
  bar.value = fraction;
  bar.setAttribute('aria-label', `${badge.dataset.label}: ${Math.round(fraction * 100)}%`);
  const words = document.createElement('span');
  words.className = 'progress-badge__text';
  words.textContent = text;
  badge.append(bar, words);
  if (status) badge.dataset.status = status;
  badge.hidden = false;
}
