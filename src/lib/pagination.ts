import type { DocPage } from './types.ts';
import type { SiteIndex } from './navigation.ts';
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

/** The neighbours of a page in reading order (the sidebar's order, depth first). */
export function buildPagination(site: SiteIndex, currentSlug: string, base: string): Pagination {
  const at = site.position.get(currentSlug);
  if (at === undefined) return {};
  const toLink = (page: DocPage | undefined): PageLink | undefined =>
    page ? { label: page.label, href: pageHref(base, page.slug) } : undefined;
  const result: Pagination = {};
  const prev = toLink(site.ordered[at - 1]);
  const next = toLink(site.ordered[at + 1]);
  if (prev) result.prev = prev;
  if (next) result.next = next;
  return result;
}
