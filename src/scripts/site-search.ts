import { isSearchShortcut } from '../lib/browser/search-shortcut.ts';

/**
 * `<site-search data-pagefind="<base>pagefind/pagefind.js?v=…" data-base="<base>">` in the header:
 * the button and the Ctrl/Cmd+K and `/` shortcuts, which import the dialog (which imports
 * Pagefind) on first use. A shortcut pressed before this ran was queued by theme-boot.js
 * (`<html data-search-requested>`): it is replayed here, so search answers the first keypress
 * even on a slow phone. When the dialog code has loaded, `<site-search data-ready>` says so.
 */
class SiteSearch extends HTMLElement {
  connectedCallback(): void {
    const button = this.querySelector<HTMLButtonElement>('button.trigger');
    button?.addEventListener('click', () => void this.open(button));
    const shortcut = this.querySelector('[data-shortcut]');
    if (shortcut && /Mac|iPhone|iPad/.test(navigator.platform)) shortcut.textContent = '⌘ K';
    document.addEventListener('keydown', this.#onKeydown);
    const root = document.documentElement;
    if (root.hasAttribute('data-search-requested')) {
      root.removeAttribute('data-search-requested');
      void this.open(document.activeElement);
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

  /**
   * Opens the dialog; focus goes back to `opener` when it closes. The dialog (already in the page)
   * opens and takes focus at once, so what the reader types while its code loads is kept, and
   * searched as soon as it has loaded.
   */
  async open(opener: Element | null): Promise<void> {
    const dialog = this.querySelector('dialog');
    const input = dialog?.querySelector('input');
    if (dialog && !dialog.open) {
      dialog.showModal();
      input?.select();
    }
    input?.focus();
    const { openSearchDialog } = await import('./search-dialog.ts');
    openSearchDialog(this, opener);
    this.dataset['ready'] = '';
  }
}

/** Whether a key typed here is text for a field (so `/` is a character, not the shortcut). */
export function isTypingTarget(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

customElements.define('site-search', SiteSearch);
