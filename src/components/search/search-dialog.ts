/**
 * The search dialog's behaviour once it has been opened (SearchDialog.astro opens it and loads
 * this on first use): a combobox over a listbox, results as the learner types, arrow keys to
 * move, Enter to open.
 */
import { loadSearcher, renderHits } from './search-client';

export function wireSearchDialog(dialog: HTMLDialogElement, { leaving }: { leaving: () => void }): void {
  const base = dialog.dataset.base!;
  const input = dialog.querySelector<HTMLInputElement>('[data-search-input]')!;
  const list = dialog.querySelector<HTMLUListElement>('[data-search-results]')!;
  const status = dialog.querySelector<HTMLElement>('[data-search-status]')!;
  const pageLink = dialog.querySelector<HTMLAnchorElement>('[data-search-page]')!;
  let active = -1;
  let run = 0;

  const options = () => [...list.querySelectorAll<HTMLElement>('[role="option"]')];
  const setActive = (index: number) => {
    const all = options();
    active = all.length === 0 ? -1 : (index + all.length) % all.length;
    all.forEach((o, i) => o.setAttribute('aria-selected', String(i === active)));
    if (active >= 0) {
      input.setAttribute('aria-activedescendant', all[active]!.id);
      all[active]!.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };

  const update = async () => {
    const query = input.value.trim();
    const mine = ++run;
    pageLink.href = `${base}search/${query ? `?q=${encodeURIComponent(query)}` : ''}`;
    if (!query) {
      list.replaceChildren();
      status.textContent = '';
      input.setAttribute('aria-expanded', 'false');
      setActive(-1);
      return;
    }
    try {
      const searcher = await loadSearcher(base);
      if (mine !== run) return;
      const hits = searcher.search(query, 8);
      await renderHits(list, hits, base, 'search-dialog-hit', true);
      if (mine !== run) return;
      input.setAttribute('aria-expanded', String(hits.length > 0));
      status.textContent = hits.length === 0 ? `Nothing found for “${query}”. Try another word, or browse the modules.` : `${hits.length} result${hits.length === 1 ? '' : 's'}.`;
      setActive(hits.length > 0 ? 0 : -1);
    } catch {
      status.textContent = 'Search could not load. Check your connection and try again, or browse the modules.';
    }
  };

  const go = (href: string) => {
    leaving();
    dialog.close();
    location.href = href;
  };
  list.addEventListener('click', (event) => {
    const option = (event.target as HTMLElement).closest<HTMLElement>('[role="option"]');
    if (option?.dataset.href) go(option.dataset.href);
  });
  input.addEventListener('input', () => void update());
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive(active + 1);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive(active - 1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const href = options()[active]?.dataset.href;
      if (href) go(href);
      else if (input.value.trim()) location.href = pageLink.href;
    }
  });

  void loadSearcher(base).catch(() => undefined);
  // Typed while this loaded: search it now.
  if (input.value) void update();
}
