/**
 * The search dialog, built the first time it opens (./search-opener.ts): a combobox over a
 * listbox, results as the learner types, arrow keys to move, Enter to open.
 */
import { loadSearcher, renderHits } from './search-client';
// The file's address only: its styles are linked when the dialog is first built, not at load.
import stylesheetHref from './search.css?url';
import { linkStylesheet } from '../tools/load-when';

/**
 * Links the search styles and waits for them, so the dialog never shows unstyled. If they cannot
 * be fetched the dialog still works with the browser's own look.
 */
const linkStyles = () => linkStylesheet(stylesheetHref);

/** Plain DOM building: every text here is ours, and nothing is parsed as HTML. */
function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) el.setAttribute(name, value);
  el.append(...children);
  return el;
}

function buildDialog(base: string): HTMLDialogElement {
  const close = element('button', { type: 'submit', class: 'button--quiet', value: 'close' }, 'Close');
  return element(
    'dialog',
    { class: 'search-dialog', 'data-search-dialog': '', 'aria-labelledby': 'search-dialog-title' },
    element(
      'form',
      { method: 'dialog', class: 'search-dialog__inner', role: 'search' },
      element('div', { class: 'search-dialog__head' }, element('h2', { id: 'search-dialog-title' }, 'Search the course'), close),
      element('label', { for: 'search-dialog-input', class: 'visually-hidden' }, 'Search for'),
      element('input', {
        id: 'search-dialog-input',
        type: 'search',
        autocomplete: 'off',
        spellcheck: 'false',
        placeholder: 'For example: warm hand-off, privacy, 988',
        role: 'combobox',
        'aria-expanded': 'false',
        'aria-controls': 'search-dialog-results',
        'aria-autocomplete': 'list',
        'aria-describedby': 'search-dialog-help',
        'data-search-input': '',
      }),
      element(
        'p',
        { id: 'search-dialog-help', class: 'meta' },
        'Up and down arrows move through results; Enter opens one. ',
        element('a', { href: `${base}search/`, 'data-search-page': '' }, 'All results'),
      ),
      element('p', { class: 'search-dialog__status', role: 'status', 'aria-live': 'polite', 'data-search-status': '' }),
      element('ul', { id: 'search-dialog-results', role: 'listbox', 'aria-label': 'Results', class: 'search-results', 'data-search-results': '' }),
    ),
  );
}

/** Builds the dialog into the page (after the header's search button) and wires it. */
export async function createSearchDialog(base: string, { leaving }: { leaving: () => void }): Promise<HTMLDialogElement> {
  await linkStyles();
  const dialog = buildDialog(base);
  document.querySelector('[data-search-open]')?.after(dialog);
  wireSearchDialog(dialog, base, { leaving });
  return dialog;
}

function wireSearchDialog(dialog: HTMLDialogElement, base: string, { leaving }: { leaving: () => void }): void {
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

  // A click on the backdrop (outside the inner box) closes, as people expect of a dialog.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
  void loadSearcher(base).catch(() => undefined);
}
