/**
 * Landing highlight: on a page opened from a search result (`?highlight=<query>`), wraps the
 * query's terms in `<mark class="search-term">`: within the section the `#heading-id` points to,
 * or in the whole indexed content when there is none. Loaded only when that parameter is present.
 * It splits existing text nodes and creates elements through the DOM, so the parameter is never
 * parsed as HTML, and it sets no inline styles (safe under a strict CSP). Loaded by page.ts.
 */
import { findTermRanges, highlightTerms } from '../lib/browser/highlight.ts';

/** Marks the terms of `search` on the page; returns how many marks were added. */
export function highlightPage(search: string, hash = location.hash): number {
  const root = document.querySelector('[data-pagefind-body]');
  const terms = highlightTerms(search);
  if (!root || terms.length === 0) return 0;
  const section = sectionRange(root, hash);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest('script, style, mark, svg, [data-pagefind-ignore]') ||
      (section && !section.intersectsNode(node))
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  const textNodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    if (node instanceof Text) textNodes.push(node);
  let marked = 0;
  for (const node of textNodes) {
    // Wrap from the end, so earlier offsets in the same node stay valid.
    for (const [start, end] of findTermRanges(node.data, terms).reverse()) {
      const match = node.splitText(start);
      match.splitText(end - start);
      const mark = document.createElement('mark');
      mark.className = 'search-term';
      match.replaceWith(mark);
      mark.append(match);
      marked++;
    }
  }
  return marked;
}

/** From the heading `hash` names to the next heading of the same or a higher level, if there is one. */
function sectionRange(root: Element, hash: string): Range | undefined {
  let id: string;
  try {
    id = decodeURIComponent(hash.replace(/^#/, ''));
  } catch {
    return undefined;
  }
  const heading = id ? document.getElementById(id) : null;
  if (!heading || !root.contains(heading) || !/^H[1-6]$/.test(heading.tagName)) return undefined;
  const level = Number(heading.tagName.slice(1));
  const headings = [...root.querySelectorAll('h1, h2, h3, h4, h5, h6')];
  const next = headings
    .slice(headings.indexOf(heading) + 1)
    .find((h) => Number(h.tagName.slice(1)) <= level);
  const range = document.createRange();
  range.setStartBefore(heading);
  if (next) range.setEndBefore(next);
  else range.setEnd(root, root.childNodes.length);
  return range;
}
