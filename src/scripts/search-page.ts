/**
 * `<search-page>` on /search/: runs the query in `?q=` (shareable, bookmarkable) and lists every
 * matching page with its best sections, with the same query handling as the header dialog
 * (pagefind-client.ts). Typing updates the results and the address. The query is only ever an
 * input value, a URL parameter or text. While a search runs the result list has `aria-busy`;
 * once it shows, its `data-for` names the query the results answer.
 */
import { latestOnly } from '../lib/browser/latest-only.ts';
import type { SearchHit } from '../lib/browser/search-hits.ts';
import { MIN_QUERY_LENGTH } from '../lib/browser/search-options.ts';
import { LOAD_ERROR_TEXT, loadPagefind, runSearch } from './pagefind-client.ts';
import { fillHit, renderStatus } from './search-render.ts';

const LIMITS = { pages: 20, sectionsPerPage: 3 };

interface Request {
  query: string;
  verbatim: boolean;
}

class SearchPage extends HTMLElement {
  #run = latestOnly((request: Request, isStale: () => boolean) => this.#runNow(request, isStale));

  connectedCallback(): void {
    const form = this.querySelector('form');
    const input = this.querySelector('input');
    if (!form || !input) return;
    // Loaded when the reader first focuses the form, so what they typed meanwhile is kept.
    const fromAddress = new URLSearchParams(location.search).get('q');
    if (fromAddress !== null && input.value === '') input.value = fromAddress;
    const query = input.value;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#run({ query: input.value.trim(), verbatim: false });
    });
    input.addEventListener(
      'input',
      () => void this.#run({ query: input.value.trim(), verbatim: false }),
    );
    if (query.trim()) void this.#run({ query: query.trim(), verbatim: false });
  }

  async #runNow({ query, verbatim }: Request, isStale: () => boolean): Promise<void> {
    const list = this.querySelector<HTMLElement>('[data-results]');
    const status = this.querySelector<HTMLElement>('[data-status]');
    const input = this.querySelector('input');
    if (!list || !status || !input) return;
    const searchFor = (other: string, asTyped: boolean): void => {
      input.value = other;
      input.focus();
      void this.#run({ query: other, verbatim: asTyped });
    };
    const url = new URL(location.href);
    if (query) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);
    if (query.length < MIN_QUERY_LENGTH) {
      list.replaceChildren();
      status.replaceChildren();
      list.dataset['for'] = query;
      return;
    }
    list.setAttribute('aria-busy', 'true');
    try {
      const index = await loadPagefind(this.dataset['pagefind'] ?? '', this.dataset['base'] ?? '/');
      const outcome = await runSearch(index, query, LIMITS, { verbatim, isStale });
      if (!outcome) return;
      list.replaceChildren(...outcome.pages.map(renderPage));
      renderStatus(status, outcome.status, searchFor);
    } catch {
      list.replaceChildren();
      status.textContent = LOAD_ERROR_TEXT;
    }
    list.removeAttribute('aria-busy');
    list.dataset['for'] = query;
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
