/**
 * `<theme-switcher>` wraps a <select> of System, Light and Dark. A choice is stored in localStorage
 * under `storageKey` and applied as `<html data-theme>`, which tokens.css maps to `color-scheme`;
 * "System" removes both. theme-boot.js reads the same key before the next page's first paint.
 */
export const storageKey = 'gd-theme';

/** The choices the control offers; `system` follows the operating system's setting. */
export type ThemeChoice = 'system' | 'light' | 'dark';

function readChoice(): ThemeChoice {
  try {
    const stored = localStorage.getItem(storageKey);
    return stored === 'light' || stored === 'dark' ? stored : 'system';
  } catch {
    return 'system';
  }
}

function applyChoice(choice: ThemeChoice): void {
  if (choice === 'system') delete document.documentElement.dataset['theme'];
  else document.documentElement.dataset['theme'] = choice;
  try {
    if (choice === 'system') localStorage.removeItem(storageKey);
    else localStorage.setItem(storageKey, choice);
  } catch {
    // Not persisted, but this page still switches.
  }
}

class ThemeSwitcher extends HTMLElement {
  #select: HTMLSelectElement | null = null;
  #onStorage = (event: StorageEvent): void => {
    // Another tab changed the theme: follow it.
    if (event.key !== storageKey || !this.#select) return;
    const choice = readChoice();
    this.#select.value = choice;
    if (choice === 'system') delete document.documentElement.dataset['theme'];
    else document.documentElement.dataset['theme'] = choice;
  };

  connectedCallback(): void {
    this.#select = this.querySelector('select');
    if (!this.#select) return;
    this.#select.value = readChoice();
    this.#select.addEventListener('change', () => {
      const value = this.#select?.value;
      applyChoice(value === 'light' || value === 'dark' ? value : 'system');
    });
    window.addEventListener('storage', this.#onStorage);
  }

  disconnectedCallback(): void {
    window.removeEventListener('storage', this.#onStorage);
  }
}

customElements.define('theme-switcher', ThemeSwitcher);
