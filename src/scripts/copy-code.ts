/**
 * `<code-block>` (from plugins/rehype-scroll-regions.ts) gets a Copy button for its <pre>. The
 * button exists only when this script runs, so a page without JavaScript shows no dead control.
 * The result is announced through one polite live region per page ("Copied" or how to copy by hand).
 */
let liveRegion: HTMLElement | undefined;

/** The page's status region, created once, before the first announcement, so it is announced. */
function announcer(): HTMLElement {
  if (!liveRegion) {
    liveRegion = document.createElement('p');
    liveRegion.className = 'sr-only';
    liveRegion.setAttribute('role', 'status');
    document.body.append(liveRegion);
  }
  return liveRegion;
}

function announce(message: string): void {
  const region = announcer();
  // Clear first so the same message twice in a row is announced twice.
  region.textContent = '';
  requestAnimationFrame(() => (region.textContent = message));
}

class CodeBlock extends HTMLElement {
  #timer: ReturnType<typeof setTimeout> | undefined;

  connectedCallback(): void {
    const pre = this.querySelector('pre');
    if (!pre || this.querySelector('.copy-button')) return;
    announcer();
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-button';
    button.textContent = 'Copy';
    const what = pre.getAttribute('aria-label');
    if (what) button.setAttribute('aria-label', `Copy ${what}`);
    button.addEventListener('click', () => void this.#copy(pre, button));
    this.append(button);
  }

  async #copy(pre: HTMLElement, button: HTMLButtonElement): Promise<void> {
    try {
      await navigator.clipboard.writeText(pre.textContent ?? '');
      button.textContent = 'Copied';
      announce('Copied');
    } catch {
      button.textContent = 'Copy failed';
      announce('Copy failed: select the code and copy it with your keyboard or menu.');
    }
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => (button.textContent = 'Copy'), 2000);
  }
}

customElements.define('code-block', CodeBlock);
