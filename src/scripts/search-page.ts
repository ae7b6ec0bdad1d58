/**
 * `<search-page>` on /search/: runs the query in `?q=` (shareable, bookmarkable) and lists every
 * matching page with its best sections. Typing updates the results and the address. The query is
 * only ever an input value, a URL parameter or text.
 */
import { MIN_QUERY_LENGTH, latestOnly, resultCountText, type SearchHit } from '../lib/search.ts';
import { LOAD_ERROR_TEXT, fillHit, loadPagefind, runSearch } from './pagefind-client.ts';

const LIMITS = { pages: 20, sectionsPerPage: 3 };

class SearchPage extends HTMLElement {
  #run = latestOnly((query: string, isStale: () => boolean) => this.#runNow(query, isStale));

  connectedCallback(): void {
    const form = this.querySelector('form');
    const input = this.querySelector('input');
    if (!form || !input) return;
    const query = new URLSearchParams(location.search).get('q') ?? '';
    input.value = query;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#run(input.value.trim());
    });
    input.addEventListener('input', () => void this.#run(input.value.trim()));
    if (query.trim()) void this.#run(query.trim());
  }

  async #runNow(query: string, isStale: () => boolean): Promise<void> {
    const list = this.querySelector<HTMLElement>('[data-results]');
    const status = this.querySelector<HTMLElement>('[data-status]');
    if (!list || !status) return;
    const url = new URL(location.href);
    if (query) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);
    if (query.length < MIN_QUERY_LENGTH) {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    try {
      const pagefind = await loadPagefind(
        this.dataset['pagefind'] ?? '',
        this.dataset['base'] ?? '/',
      );
      const outcome = await runSearch(pagefind, query, LIMITS, isStale);
      if (!outcome) return;
      list.replaceChildren(...outcome.pages.map(renderPage));
      status.textContent = resultCountText(outcome.total, query);
    } catch {
      list.replaceChildren();
      status.textContent = LOAD_ERROR_TEXT;
    }
  }
}

/** One page: its title as a link and excerpt, then its best sections as a nested list. */
function renderPage(hits: SearchHit[]): HTMLElement {
  const [page, ...sections] = hits;
  const item = document.createElement('li');
  if (page) fillHit(item, page, 'a');
  if (sections.length > 0) {
    const nested = document.createElement('ul');
    for (const section of sections) {
      const li = document.createElement('li');
      fillHit(li, section, 'a');
      nested.append(li);
    }
    item.append(nested);
  }
  return item;
}

customElements.define('search-page', SearchPage);
