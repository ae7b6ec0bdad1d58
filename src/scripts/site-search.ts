import { loadPagefind, renderResults, searchSite } from './pagefind-client.ts';

/**
 * `<site-search data-bundle="/pagefind/" data-base="/">` wraps the header's search form. Without
 * JavaScript the form opens the search page; with it, results appear under the box as you type and
 * Pagefind is loaded only on the first keystroke.
 */
class SiteSearch extends HTMLElement {
  #timer: ReturnType<typeof setTimeout> | undefined;

  connectedCallback(): void {
    const input = this.querySelector('input');
    const list = this.querySelector<HTMLElement>('[data-results]');
    const status = this.querySelector<HTMLElement>('[data-status]');
    if (!input || !list || !status) return;
    const bundle = this.dataset['bundle'] ?? '/pagefind/';
    const base = this.dataset['base'] ?? '/';
    input.addEventListener('input', () => {
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => void this.#run(input.value.trim(), bundle, base, list, status), 120);
    });
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        input.value = '';
        list.replaceChildren();
        status.textContent = '';
      }
    });
  }

  async #run(query: string, bundle: string, base: string, list: HTMLElement, status: HTMLElement): Promise<void> {
    if (!query) {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    const pagefind = await loadPagefind(bundle, base);
    const results = await searchSite(pagefind, query, 6);
    renderResults(list, results, base);
    status.textContent = results.length === 1 ? '1 result' : `${results.length} results`;
  }
}

customElements.define('site-search', SiteSearch);
