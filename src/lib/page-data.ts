import { buildBreadcrumbs, type Crumb } from './breadcrumbs.ts';
import { latestChangeOf, type LatestChange } from './document-history.ts';
import {
  buildNavigation,
  sectionEntries,
  type NavEntry,
  type SectionEntry,
  type SiteIndex,
} from './navigation.ts';
import { buildPagination, type Pagination } from './pagination.ts';
import { printHrefFor } from './print.ts';
import { formatDate, reviewDate, type ReviewDate } from './review-date.ts';
import { searchMetaAttributes } from './search-index.ts';
import { buildToc, type TocItem } from './toc.ts';
import type { DocPage, Heading, Source } from './types.ts';
import { absoluteUrl, markdownTwinHref, pageHref } from './urls.ts';

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
  /** Path of the page's plain-Markdown twin (`<page>/index.md`). */
  markdownHref: string;
  /** Path of the print page that holds this page. */
  printHref: string;
  navigation: NavEntry[];
  breadcrumbs: Crumb[];
  toc: TocItem[];
  /** On a folder's index page, the folder's pages and sub-folders (listed after the page's text); otherwise empty. */
  sectionIndex: SectionEntry[];
  pagination: Pagination;
  /** When a person last checked the facts. */
  reviewed: ReviewDate;
  sources: Source[];
  /** The page's newest change, shown next to the review date. */
  latestChange: LatestChange | undefined;
  /**
   * The indexed article's Pagefind meta attributes: its headings and its `aliases` (search-only
   * terms from the frontmatter, never shown).
   */
  searchMeta: Record<string, string>;
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
/** The heading of that list, also its entry in "On this page". */
export const sectionIndexHeading = 'Pages in this section';

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
  const sectionIndex = sectionEntries(site, current.slug, ctx.base);
  const toc = buildToc(headings);
  if (sectionIndex.length > 0)
    toc.push({ depth: 2, text: sectionIndexHeading, href: `#${sectionIndexId}`, children: [] });
  return {
    title: current.title,
    description: current.description,
    documentTitle:
      current.slug === ''
        ? `${ctx.siteTitle}: ${current.title}`
        : `${current.title} | ${ctx.siteTitle}`,
    canonical: absoluteUrl(ctx.site, href),
    href,
    markdownHref: markdownTwinHref(ctx.base, current.slug),
    printHref: printHrefFor(site, current.slug, ctx.base),
    navigation: buildNavigation(site, current.slug, ctx.base),
    breadcrumbs: buildBreadcrumbs(site, current, ctx.base, ctx.homeLabel),
    toc,
    sectionIndex,
    pagination: buildPagination(site, current.slug, ctx.base),
    reviewed: reviewDate(current.lastReviewed),
    sources: current.sources,
    latestChange: latestChangeOf(current, ctx.base, formatDate),
    searchMeta: searchMetaAttributes(toc, current.aliases),
  };
}
