/**
 * `<code-block>` (from plugins/rehype-scroll-regions.ts) gets a Copy button for its `<pre>`. The
 * button exists only when this script runs, so a page without JavaScript shows no dead control.
 * The copy starts inside the click (browsers allow clipboard writes only there); what the button
 * then says (copy-code.ts) loads on the first click. The page's one polite live region
 * is created with the first button, before any announcement, so announcements are read.
 */
let liveRegion: HTMLElement | undefined;

function announcer(): HTMLElement {
  if (!liveRegion) {
    liveRegion = document.createElement('p');
    liveRegion.className = 'sr-only';
    liveRegion.setAttribute('role', 'status');
    document.body.append(liveRegion);
  }
  return liveRegion;
}

class CodeBlock extends HTMLElement {
  connectedCallback(): void {
    const pre = this.querySelector('pre');
    if (!pre || this.querySelector('.copy-button')) return;
    const region = announcer();
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-button';
    button.textContent = 'Copy';
    const what = pre.getAttribute('aria-label');
    if (what) button.setAttribute('aria-label', `Copy ${what}`);
    button.addEventListener('click', () => {
      let copied: Promise<void>;
      try {
        copied = navigator.clipboard.writeText(pre.textContent ?? '');
      } catch (error) {
        // No clipboard API (an http:// origin, an old browser): say so like any other failure.
        copied = Promise.reject(error);
      }
      // Handled in reportCopy once it has loaded; marked handled now so no error is logged meanwhile.
      copied.catch(() => undefined);
      void import('./copy-code.ts').then(({ reportCopy }) => reportCopy(copied, button, region));
    });
    this.append(button);
  }
}

customElements.define('code-block', CodeBlock);
