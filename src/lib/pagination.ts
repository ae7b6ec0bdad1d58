import type { DocPage } from './types.ts';
import type { SiteIndex } from './navigation.ts';
import { pageHref } from './urls.ts';

/** A previous or next link at the foot of a page. */
export interface PageLink {
  label: string;
  href: string;
}

/** The pages before and after one page in reading order; the first and last lack one. */
export interface Pagination {
  prev: PageLink | undefined;
  next: PageLink | undefined;
}

/** The neighbours of a page in reading order (the sidebar's order, depth first). */
export function buildPagination(site: SiteIndex, currentSlug: string, base: string): Pagination {
  const at = site.position.get(currentSlug);
  const toLink = (page: DocPage | undefined): PageLink | undefined =>
    page ? { label: page.label, href: pageHref(base, page.slug) } : undefined;
  if (at === undefined) return { prev: undefined, next: undefined };
  return { prev: toLink(site.ordered[at - 1]), next: toLink(site.ordered[at + 1]) };
}
