/**
 * The search dialog: a combobox (the input) that owns a listbox of results, following the WAI-ARIA
 * combobox pattern. Focus stays in the input; ArrowDown/ArrowUp move `aria-activedescendant`, Enter
 * opens the active result (or, with none active, the search page for the query), Escape closes the
 * dialog and focus returns to whatever opened it. The live region says how many pages matched,
 * and offers other searches as buttons ("Did you mean …"). When a search has shown its results,
 * the listbox's `data-for` names the query they answer (a ready signal for tests).
 * Loaded on first use by the page module; it starts loading Pagefind as soon as the dialog opens.
 */
import { latestOnly } from '../lib/browser/latest-only.ts';
import type { SearchHit } from '../lib/browser/search-hits.ts';
import { MIN_QUERY_LENGTH } from '../lib/browser/search-options.ts';
import type { StatusPart } from '../lib/browser/search-status.ts';
import { LOAD_ERROR_TEXT, loadPagefind, runSearch } from './pagefind-client.ts';
import { fillHit, renderStatus } from './search-render.ts';

const LIMITS = { pages: 5, sectionsPerPage: 3 };

let instance: SearchDialog | undefined;

/** Opens the dialog inside `host` (the `<site-search>` element). */
export function openSearchDialog(host: HTMLElement, opener: Element | null): void {
  instance ??= new SearchDialog(host);
  instance.open(opener);
}

class SearchDialog {
  #dialog: HTMLDialogElement;
  #input: HTMLInputElement;
  #list: HTMLElement;
  #status: HTMLElement;
  #moduleUrl: string;
  #base: string;
  #opener: HTMLElement | null = null;
  #active = -1;
  #search = latestOnly((request: { query: string; verbatim: boolean }, isStale: () => boolean) =>
    this.#searchNow(request.query, request.verbatim, isStale),
  );

  constructor(host: HTMLElement) {
    const dialog = host.querySelector('dialog');
    const form = dialog?.querySelector('form');
    const input = dialog?.querySelector('input');
    const list = dialog?.querySelector<HTMLElement>('[role="listbox"]');
    const status = dialog?.querySelector<HTMLElement>('[data-status]');
    if (!dialog || !form || !input || !list || !status)
      throw new Error('<site-search> is missing its dialog markup (see Search.astro).');
    this.#dialog = dialog;
    this.#input = input;
    this.#list = list;
    this.#status = status;
    this.#moduleUrl = host.dataset['pagefind'] ?? '';
    this.#base = host.dataset['base'] ?? '/';
    input.addEventListener(
      'input',
      () => void this.#search({ query: input.value.trim(), verbatim: false }),
    );
    input.addEventListener('keydown', (event) => this.#onKeydown(event));
    form.addEventListener('submit', (event) => {
      if (!input.value.trim()) event.preventDefault();
    });
    dialog.querySelector('[data-close]')?.addEventListener('click', () => dialog.close());
    // A result on the page already open only changes the #fragment: close, so the section shows.
    list.addEventListener('click', (event) => {
      if (event.target instanceof Element && event.target.closest('[role="option"]'))
        dialog.close();
    });
    // A click on the backdrop lands on the <dialog> itself.
    dialog.addEventListener('click', (event) => {
      if (event.target === dialog) dialog.close();
    });
    dialog.addEventListener('close', () => {
      if (this.#opener?.isConnected) this.#opener.focus();
      this.#opener = null;
    });
  }

  /** After site-search.ts has opened the dialog: remembers the opener, searches what was typed. */
  open(opener: Element | null): void {
    // Closed again (Escape) before this code had loaded: nothing to do.
    if (!this.#dialog.open) return;
    this.#opener ??= opener instanceof HTMLElement ? opener : null;
    loadPagefind(this.#moduleUrl, this.#base).catch(() => {
      this.#status.textContent = LOAD_ERROR_TEXT;
    });
    const typed = this.#input.value.trim();
    if (typed && this.#list.dataset['for'] !== typed)
      void this.#search({ query: typed, verbatim: false });
  }

  async #searchNow(query: string, verbatim: boolean, isStale: () => boolean): Promise<void> {
    if (query.length < MIN_QUERY_LENGTH) {
      this.#show(query, [], []);
      return;
    }
    this.#list.setAttribute('aria-busy', 'true');
    try {
      const index = await loadPagefind(this.#moduleUrl, this.#base);
      const outcome = await runSearch(index, query, LIMITS, { verbatim, isStale });
      if (!outcome) return;
      this.#show(query, outcome.pages, outcome.status);
    } catch {
      this.#show(query, [], [{ text: LOAD_ERROR_TEXT }]);
    }
  }

  /** Another search offered in the status line: it becomes the query. */
  #searchFor = (query: string, verbatim: boolean): void => {
    this.#input.value = query;
    this.#input.focus();
    void this.#search({ query, verbatim });
  };

  #show(query: string, pages: SearchHit[][], status: readonly StatusPart[]): void {
    const hits = pages.flat();
    this.#list.replaceChildren(
      ...hits.map((hit, index) => {
        const item = document.createElement('li');
        item.setAttribute('role', 'none');
        item.className = `hit-${hit.kind}`;
        const option = document.createElement('a');
        option.id = `search-hit-${index}`;
        option.href = hit.href;
        option.tabIndex = -1;
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        fillHit(option, hit);
        item.append(option);
        return item;
      }),
    );
    this.#list.hidden = hits.length === 0;
    this.#input.setAttribute('aria-expanded', String(hits.length > 0));
    this.#setActive(-1);
    renderStatus(this.#status, status, this.#searchFor);
    this.#list.removeAttribute('aria-busy');
    this.#list.dataset['for'] = query;
  }

  #options(): HTMLAnchorElement[] {
    return [...this.#list.querySelectorAll<HTMLAnchorElement>('[role="option"]')];
  }

  #setActive(index: number): void {
    const options = this.#options();
    this.#active = index;
    options.forEach((option, i) => option.setAttribute('aria-selected', String(i === index)));
    const active = options[index];
    if (active) {
      this.#input.setAttribute('aria-activedescendant', active.id);
      active.scrollIntoView({ block: 'nearest' });
    } else {
      this.#input.removeAttribute('aria-activedescendant');
    }
  }

  #onKeydown(event: KeyboardEvent): void {
    const count = this.#options().length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (count === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.#setActive(
        this.#active < 0 ? (step > 0 ? 0 : count - 1) : (this.#active + step + count) % count,
      );
    } else if (event.key === 'Enter' && this.#active >= 0) {
      event.preventDefault();
      this.#options()[this.#active]?.click();
    } else if (event.key === 'Escape') {
      // Closed here rather than left to the dialog, so Escape closes it from the combobox at once.
      event.preventDefault();
      this.#dialog.close();
    }
    // Enter with no active result submits the form: the search page lists every match.
  }
}
