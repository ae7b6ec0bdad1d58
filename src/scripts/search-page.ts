import { loadPagefind, renderResults, searchSite } from './pagefind-client.ts';

/**
 * `<search-page>` on /search/: runs the query in `?q=` (shareable, bookmarkable) and shows results.
 * The query is only ever set as an input value or text, never as markup.
 */
class SearchPage extends HTMLElement {
  connectedCallback(): void {
    const list = this.querySelector<HTMLElement>('[data-results]');
    const status = this.querySelector<HTMLElement>('[data-status]');
    const input = document.querySelector<HTMLInputElement>('#search-page-input');
    if (!list || !status || !input) return;
    this.querySelector('[data-noscript-hint]')?.remove();
    const query = new URLSearchParams(location.search).get('q')?.trim() ?? '';
    input.value = query;
    if (query) void this.#run(query, list, status);
  }

  async #run(query: string, list: HTMLElement, status: HTMLElement): Promise<void> {
    const base = this.dataset['base'] ?? '/';
    status.textContent = 'Searching…';
    const pagefind = await loadPagefind(this.dataset['bundle'] ?? '/pagefind/', base);
    const results = await searchSite(pagefind, query, 20);
    renderResults(list, results, base);
    status.textContent = results.length === 0 ? `No results for “${query}”.` : `${results.length} result${results.length === 1 ? '' : 's'} for “${query}”.`;
  }
}

customElements.define('search-page', SearchPage);
