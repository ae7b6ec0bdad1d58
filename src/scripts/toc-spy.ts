/**
 * `<toc-spy>` wraps "On this page" and marks the link of the section being read with
 * `aria-current="location"` while the reader scrolls. An IntersectionObserver says when a heading
 * crosses the top third of the viewport; the current section is then the last heading above that line.
 * Loaded by page.ts when the reader first scrolls: until then the page's top is what is being read.
 */
export class TocSpy extends HTMLElement {
  #observer: IntersectionObserver | undefined;

  connectedCallback(): void {
    const links = [...this.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')];
    const targets = links
      .map((link) => ({
        link,
        heading: document.getElementById(decodedId(link.hash)),
      }))
      .filter((t): t is { link: HTMLAnchorElement; heading: HTMLElement } => t.heading !== null);
    if (targets.length === 0) return;
    const update = (): void => {
      const line = window.innerHeight / 3;
      // Above the first heading (the page's introduction) no section is current.
      let current: (typeof targets)[number] | undefined;
      for (const target of targets) {
        if (target.heading.getBoundingClientRect().top <= line) current = target;
      }
      for (const { link } of targets) {
        if (link === current?.link) link.setAttribute('aria-current', 'location');
        else link.removeAttribute('aria-current');
      }
    };
    this.#observer = new IntersectionObserver(update, { rootMargin: '0px 0px -66% 0px' });
    for (const { heading } of targets) this.#observer.observe(heading);
  }

  disconnectedCallback(): void {
    this.#observer?.disconnect();
  }
}

/** The id a `#fragment` names; a malformed `%` escape is taken as written rather than thrown. */
function decodedId(hash: string): string {
  const id = hash.slice(1);
  try {
    return decodeURIComponent(id);
  } catch {
    return id;
  }
}

customElements.define('toc-spy', TocSpy);
