import type { DocPage } from './types.ts';
import { sortPages } from './navigation.ts';
import { pageHref } from './urls.ts';

/** A previous or next link at the foot of a page. */
export interface PageLink {
  label: string;
  href: string;
}

export interface Pagination {
  prev?: PageLink;
  next?: PageLink;
}

/** The neighbours of a page in reading order (the same order as the sidebar). */
export function buildPagination(pages: readonly DocPage[], currentSlug: string, base: string): Pagination {
  const ordered = sortPages(pages);
  const at = ordered.findIndex((p) => p.slug === currentSlug);
  if (at < 0) return {};
  const toLink = (page: DocPage | undefined): PageLink | undefined =>
    page ? { label: page.label, href: pageHref(base, page.slug) } : undefined;
  const result: Pagination = {};
  const prev = toLink(ordered[at - 1]);
  const next = toLink(ordered[at + 1]);
  if (prev) result.prev = prev;
  if (next) result.next = next;
  return result;
}
