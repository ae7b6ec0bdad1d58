/**
 * DOM for search results and the status line, shared by the dialog and the search page. Titles,
 * URLs and the reader's words are only ever set as text or through `href`; an excerpt is rebuilt
 * from text runs and `<mark>` elements, never assigned as HTML.
 */
import { excerptSegments, type SearchHit } from '../lib/browser/search-hits.ts';
import type { StatusPart } from '../lib/browser/search-status.ts';

/** Fills `target` with the hit's title and excerpt (`.hit-title`, `.hit-excerpt`), as text and `<mark>`. */
export function fillHit(
  target: HTMLElement,
  hit: SearchHit,
  titleTag: 'span' | 'a' = 'span',
): void {
  const title = document.createElement(titleTag);
  title.className = 'hit-title';
  title.textContent = hit.title;
  if (title instanceof HTMLAnchorElement) title.href = hit.href;
  const excerpt = document.createElement('span');
  excerpt.className = 'hit-excerpt';
  excerpt.append(
    ...excerptSegments(hit.excerpt).map(({ text, mark }) => {
      if (!mark) return document.createTextNode(text);
      const element = document.createElement('mark');
      element.className = 'search-term';
      element.textContent = text;
      return element;
    }),
  );
  // The space keeps title and excerpt apart in the accessible name (both are read as one option).
  target.append(title, ' ', excerpt);
}

/**
 * Writes the status line into `target`: text, and a button for each other search it offers
 * ("Did you mean …", "search for … instead"), which calls `onSearch` with that query.
 */
export function renderStatus(
  target: HTMLElement,
  parts: readonly StatusPart[],
  onSearch: (query: string, verbatim: boolean) => void,
): void {
  target.replaceChildren(
    ...parts.map((part) => {
      if (!('search' in part)) return document.createTextNode(part.text);
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'search-instead';
      button.textContent = part.text;
      button.addEventListener('click', () => onSearch(part.search, part.verbatim));
      return button;
    }),
  );
}
