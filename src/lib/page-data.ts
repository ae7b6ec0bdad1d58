import { buildBreadcrumbs, type Crumb } from './breadcrumbs.ts';
import {
  buildNavigation,
  sectionEntries,
  type NavEntry,
  type SectionEntry,
  type SiteIndex,
} from './navigation.ts';
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
  /** On a folder's index page, the folder's pages and sub-folders (listed after the page's text); otherwise empty. */
  sectionIndex: SectionEntry[];
  pagination: Pagination;
  /** ISO date (YYYY-MM-DD) for the `datetime` attribute. */
  lastReviewedIso: string;
  /** Human-readable date, e.g. "28 November 2026" (fixed locale and time zone for identical rebuilds). */
  lastReviewedText: string;
  sources: Source[];
  /** Search-only terms for the page (frontmatter `aliases`), indexed and never shown. */
  aliases: string[];
}

/** Where the site lives and what it is called. */
export interface SiteContext {
  site: string;
  base: string;
  siteTitle: string;
  homeLabel: string;
}

/** The id of the section index list on a folder's index page, the target of its "On this page" entry. */
export const sectionIndexId = 'pages-in-this-section';

/**
 * Builds the page data for `current` from the site (arranged once per build with `indexSite`) and
 * the page's rendered headings. Costs the same whatever the size of the site.
 */
export function getPageData(
  site: SiteIndex,
  current: DocPage,
  headings: readonly Heading[],
  ctx: SiteContext,
): PageData {
  const href = pageHref(ctx.base, current.slug);
  const isHome = current.slug === '';
  const sectionIndex = sectionEntries(site, current.slug, ctx.base);
  const toc = buildToc(headings);
  if (sectionIndex.length > 0)
    toc.push({ depth: 2, text: 'Pages in this section', href: `#${sectionIndexId}`, children: [] });
  return {
    title: current.title,
    description: current.description,
    documentTitle: isHome
      ? `${ctx.siteTitle}: ${current.title}`
      : `${current.title} | ${ctx.siteTitle}`,
    canonical: absoluteUrl(ctx.site, href),
    href,
    isHome,
    navigation: buildNavigation(site, current.slug, ctx.base),
    breadcrumbs: buildBreadcrumbs(site, current, ctx.base, ctx.homeLabel),
    toc,
    sectionIndex,
    pagination: buildPagination(site, current.slug, ctx.base),
    lastReviewedIso: current.lastReviewed.toISOString().slice(0, 10),
    lastReviewedText: formatDate(current.lastReviewed),
    sources: current.sources,
    aliases: current.aliases,
  };
}

// Made once: creating an Intl.DateTimeFormat costs more than formatting with it, and this runs for every page.
const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** Formats a date in UTC so the output does not depend on the build machine's time zone. */
export function formatDate(date: Date): string {
  return dateFormat.format(date);
}
