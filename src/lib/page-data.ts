import { buildBreadcrumbs, type Crumb } from './breadcrumbs.ts';
import { buildNavigation, type NavEntry } from './navigation.ts';
import { buildPagination, type Pagination } from './pagination.ts';
import { buildToc, type TocItem } from './toc.ts';
import type { DocPage, Heading, Source } from './types.ts';
import { absoluteUrl, pageHref } from './urls.ts';

/** Everything DocsLayout prints for one page, computed once. */
export interface PageData {
  title: string;
  description: string;
  /** The <title> text: page title, then the site name (the home page uses the site name alone). */
  documentTitle: string;
  /** Absolute canonical URL in the site's one URL form. */
  canonical: string;
  /** Path of the page below the site origin. */
  href: string;
  isHome: boolean;
  navigation: NavEntry[];
  breadcrumbs: Crumb[];
  toc: TocItem[];
  pagination: Pagination;
  /** ISO date (YYYY-MM-DD) for the `datetime` attribute. */
  lastReviewedIso: string;
  /** Human-readable date, e.g. "28 November 2026" (fixed locale and time zone for identical rebuilds). */
  lastReviewedText: string;
  sources: Source[];
}

/** Where the site lives and what it is called. */
export interface SiteContext {
  site: string;
  base: string;
  siteTitle: string;
  homeLabel: string;
}

/** Builds the page data for `current` from all pages and the page's rendered headings. */
export function getPageData(pages: readonly DocPage[], current: DocPage, headings: readonly Heading[], ctx: SiteContext): PageData {
  const href = pageHref(ctx.base, current.slug);
  const isHome = current.slug === '';
  return {
    title: current.title,
    description: current.description,
    documentTitle: isHome ? `${ctx.siteTitle}: ${current.title}` : `${current.title} | ${ctx.siteTitle}`,
    canonical: absoluteUrl(ctx.site, href),
    href,
    isHome,
    navigation: buildNavigation(pages, current.slug, ctx.base),
    breadcrumbs: buildBreadcrumbs(pages, current, ctx.base, ctx.homeLabel),
    toc: buildToc(headings),
    pagination: buildPagination(pages, current.slug, ctx.base),
    lastReviewedIso: current.lastReviewed.toISOString().slice(0, 10),
    lastReviewedText: formatDate(current.lastReviewed),
    sources: current.sources,
  };
}

/** Formats a date in UTC so the output does not depend on the build machine's time zone. */
export function formatDate(date: Date): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}
