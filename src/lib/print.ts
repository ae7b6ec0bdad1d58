import { parse } from 'node-html-parser';
import { sortPages } from './navigation.ts';
import type { DocPage } from './types.ts';
import { pageHref } from './urls.ts';

/** One page of the guide as a chapter of the printable whole guide (/print/). */
export interface PrintChapter {
  slug: string;
  title: string;
  /** Id of the chapter on the print page; every id inside the chapter is prefixed with it and `--`. */
  anchor: string;
  /** The page's own URL, for "Online at ..." and for links the print page cannot hold. */
  href: string;
}

/** Attributes that hold id references, separated by spaces. */
const idRefAttributes = [
  'aria-labelledby',
  'aria-describedby',
  'aria-controls',
  'aria-owns',
  'for',
  'headers',
  'list',
];

/** The chapters in reading order (the sidebar's order). The home page's chapter is `overview`. */
export function buildPrintChapters(pages: readonly DocPage[], base: string): PrintChapter[] {
  return sortPages(pages).map((page) => ({
    slug: page.slug,
    title: page.title,
    anchor: page.slug === '' ? 'overview' : page.slug.replaceAll('/', '-'),
    href: pageHref(base, page.slug),
  }));
}

/**
 * Rewrites one rendered page so it can sit next to the others on the print page: every `id` (and
 * every attribute pointing at one) gets the chapter's prefix, so ids stay unique, and every link to
 * a page of the guide, or a section of one, points into the print page instead.
 * @param html the page's rendered content
 * @param chapter the chapter this HTML belongs to
 * @param chapters all chapters, to resolve links between pages
 */
export function rewriteChapterHtml(
  html: string,
  chapter: PrintChapter,
  chapters: readonly PrintChapter[],
): string {
  const root = parse(html, { comment: true });
  const local = (id: string): string => `${chapter.anchor}--${id}`;
  for (const element of root.querySelectorAll('[id]')) {
    element.setAttribute('id', local(element.getAttribute('id') ?? ''));
  }
  for (const name of idRefAttributes) {
    for (const element of root.querySelectorAll(`[${name}]`)) {
      const refs = (element.getAttribute(name) ?? '').split(/\s+/).filter(Boolean);
      element.setAttribute(name, refs.map(local).join(' '));
    }
  }
  const byHref = new Map(chapters.map((c) => [c.href, c]));
  for (const link of root.querySelectorAll('a[href]')) {
    const href = link.getAttribute('href') ?? '';
    if (href.startsWith('#')) {
      if (href.length > 1)
        link.setAttribute('href', `#${local(decodeURIComponent(href.slice(1)))}`);
      continue;
    }
    const hashAt = href.indexOf('#');
    const path = hashAt >= 0 ? href.slice(0, hashAt) : href;
    const target = byHref.get(path);
    if (!target) continue;
    const fragment = hashAt >= 0 ? decodeURIComponent(href.slice(hashAt + 1)) : '';
    link.setAttribute('href', `#${fragment ? `${target.anchor}--${fragment}` : target.anchor}`);
  }
  return root.toString();
}
