import { isSearchShortcut } from '../lib/search-shortcut.ts';

/**
 * `<site-search data-pagefind="<base>pagefind/pagefind.js?v=…" data-base="<base>" data-highlight="highlight">`
 * in the header.
 * This is the only search code every page loads, so it stays tiny: it listens for the button and
 * for Ctrl/Cmd+K and `/`, and imports the dialog (which imports Pagefind) on first use. It also
 * loads the landing highlight, but only when the URL carries `?highlight=`.
 */
class SiteSearch extends HTMLElement {
  connectedCallback(): void {
    const button = this.querySelector<HTMLButtonElement>('button.trigger');
    button?.addEventListener('click', () => void this.open(button));
    const shortcut = this.querySelector('[data-shortcut]');
    if (shortcut && /Mac|iPhone|iPad/.test(navigator.platform)) shortcut.textContent = '⌘ K';
    document.addEventListener('keydown', this.#onKeydown);
    const highlightParam = this.dataset['highlight'];
    if (highlightParam && new URLSearchParams(location.search).has(highlightParam)) {
      void import('./search-highlight.ts').then(({ highlightPage }) =>
        highlightPage(location.search),
      );
    }
  }

  disconnectedCallback(): void {
    document.removeEventListener('keydown', this.#onKeydown);
  }

  #onKeydown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || !isSearchShortcut(event, isTypingTarget(event.target))) return;
    event.preventDefault();
    void this.open(document.activeElement);
  };

  /** Opens the dialog; focus goes back to `opener` when it closes. */
  async open(opener: Element | null): Promise<void> {
    const { openSearchDialog } = await import('./search-dialog.ts');
    openSearchDialog(this, opener);
  }
}

function isTypingTarget(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

customElements.define('site-search', SiteSearch);
