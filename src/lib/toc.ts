import type { Heading } from './types.ts';

/** An entry of "On this page": an h2 with the h3s below it. */
export interface TocItem {
  depth: 2 | 3;
  text: string;
  /** `#id` of the heading. */
  href: string;
  children: TocItem[];
}

/** Nests a page's h2 and h3 headings; an h3 before any h2 is kept at the top level. */
export function buildToc(headings: readonly Heading[]): TocItem[] {
  const items: TocItem[] = [];
  for (const heading of headings) {
    if (heading.depth !== 2 && heading.depth !== 3) continue;
    const item: TocItem = {
      depth: heading.depth,
      text: heading.text,
      href: `#${heading.slug}`,
      children: [],
    };
    const parent = items.at(-1);
    if (heading.depth === 3 && parent?.depth === 2) parent.children.push(item);
    else items.push(item);
  }
  return items;
}
