/**
 * Browser side of search, shared by the dialog on every page and the /search/ page: loads the
 * index (once, when search first opens) and renders results with DOM calls only: titles and
 * excerpts are set as text, and matched words are wrapped in <mark> elements.
 */
import type { SearchHit, Searcher } from '../../lib/site/search';

let loading: Promise<Searcher> | undefined;

/** Fetches the index and fuse.js on first use; later calls share the same promise. */
export function loadSearcher(base: string): Promise<Searcher> {
  loading ??= (async () => {
    const [{ Searcher }, response] = await Promise.all([import('../../lib/site/search'), fetch(`${base}search-index.json`)]);
    if (!response.ok) throw new Error(`the search index answered ${response.status}`);
    return new Searcher(await response.json());
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

const KIND_LABELS: Record<string, string> = {
  section: 'Section',
  lesson: 'Lesson',
  module: 'Module',
  glossary: 'Glossary',
  reference: 'Reference',
  resource: 'Help and referrals',
};

async function marked(text: string, matched: string[]): Promise<DocumentFragment> {
  const { highlight } = await import('../../lib/site/search');
  const fragment = document.createDocumentFragment();
  for (const piece of highlight(text, matched)) {
    if (piece.mark) {
      const mark = document.createElement('mark');
      mark.textContent = piece.text;
      fragment.append(mark);
    } else fragment.append(piece.text);
  }
  return fragment;
}

/**
 * Fills `list` with one option per hit. Each option holds a link to the exact section; ids are
 * `${idPrefix}-${n}` so a combobox can point aria-activedescendant at them.
 */
export async function renderHits(list: HTMLElement, hits: SearchHit[], base: string, idPrefix: string, asOptions: boolean): Promise<void> {
  const items = await Promise.all(
    hits.map(async (hit, n) => {
      const item = document.createElement('li');
      item.id = `${idPrefix}-${n}`;
      item.className = 'search-hit';
      if (asOptions) {
        item.setAttribute('role', 'option');
        item.setAttribute('aria-selected', 'false');
      }
      // In the dialog's listbox an option may not contain a link (nested interactive controls),
      // so the option carries the address and the dialog follows it on Enter or click.
      const link = document.createElement(asOptions ? 'span' : 'a');
      if (link instanceof HTMLAnchorElement) link.href = `${base}${hit.doc.h}`;
      else item.dataset.href = `${base}${hit.doc.h}`;
      link.className = 'search-hit__title';
      link.append(await marked(hit.doc.t, hit.matched));
      const meta = document.createElement('span');
      meta.className = 'search-hit__meta';
      // "Glossary · Glossary" says it twice: the kind only, when the context is the same words.
      const kind = KIND_LABELS[hit.doc.k] ?? '';
      meta.textContent = !hit.doc.c || hit.doc.c === kind ? kind : kind ? `${kind} · ${hit.doc.c}` : hit.doc.c;
      item.append(link, meta);
      if (hit.doc.x) {
        const excerpt = document.createElement('span');
        excerpt.className = 'search-hit__excerpt';
        excerpt.append(await marked(hit.doc.x, hit.matched));
        item.append(excerpt);
      }
      return item;
    }),
  );
  list.replaceChildren(...items);
}
