import type { DocPage } from './types.ts';
import { pageHref } from './urls.ts';

/** A link in the sidebar. */
export interface NavLink {
  type: 'link';
  label: string;
  href: string;
  /** True on the page being rendered; the sidebar marks it `aria-current="page"`. */
  isCurrent: boolean;
}

/** A folder (section) headed by its index page; only the folders on the path to the current page are expanded. */
export interface NavGroup {
  type: 'group';
  label: string;
  /** The folder's index page, which lists all of its pages. */
  href: string;
  /** True when the current page is this folder's index or inside it: the group is expanded. */
  isOpen: boolean;
  /** True on the folder's index page itself; the sidebar marks it `aria-current="page"`. */
  isCurrent: boolean;
  /** The folder's pages and sub-folders; empty unless the group is expanded. */
  entries: NavEntry[];
}

export type NavEntry = NavLink | NavGroup;

/**
 * Every page arranged once per build. Per-page work (sidebar, breadcrumbs, previous/next, section
 * index) then looks pages up instead of sorting or scanning the whole site for each page, which
 * made the build quadratic in the number of pages.
 */
export interface SiteIndex {
  /** Every page in reading order: a folder's index page, then the folder's pages, depth first. */
  ordered: readonly DocPage[];
  /** Position of each slug in `ordered`. */
  position: ReadonlyMap<string, number>;
  bySlug: ReadonlyMap<string, DocPage>;
  /** The pages directly inside each folder (`''` is the top level), in order; a sub-folder appears as its index page. */
  children: ReadonlyMap<string, readonly DocPage[]>;
  /** How many pages each folder holds below its index page, sub-folders included (`''`: all). */
  sizes: ReadonlyMap<string, number>;
}

/** One entry of a section index page: a page or sub-folder of the section, with its summary. */
export interface SectionEntry {
  title: string;
  href: string;
  description: string;
}

/** Sidebar order within a folder: by `order`, then by label, then by slug, so ties are stable across builds. */
function compareSiblings(a: DocPage, b: DocPage): number {
  return (
    a.order - b.order || a.label.localeCompare(b.label, 'en') || a.slug.localeCompare(b.slug, 'en')
  );
}

/**
 * Arranges the pages of a site (O(n log n), once per build). Throws when a folder holds pages but
 * has no index page, since the navigation and breadcrumbs link to it.
 */
export function indexSite(pages: readonly DocPage[]): SiteIndex {
  const { site, orphanFolders } = arrange(pages);
  const [folder] = orphanFolders;
  if (folder !== undefined) {
    throw new Error(
      `content/${folder}/ holds pages but has no index page. Add content/${folder}/index.mdx: its title heads the ` +
        `section in the navigation and the page lists the section's pages.`,
    );
  }
  return site;
}

/** Pages in reading order: a folder's index page, then its pages by `order` (then label), depth first. */
export function sortPages(pages: readonly DocPage[]): DocPage[] {
  return [...arrange(pages).site.ordered];
}

/**
 * The top-level pages and sections, in the sidebar's order: what a page that lists the whole site
 * (404, the search page without JavaScript) shows, so it stays the same size as the site grows.
 * Each section's index page lists the section's own pages.
 */
export function topLevelPages(site: SiteIndex): readonly DocPage[] {
  return site.children.get('') ?? [];
}

/** Whether a page heads a folder of pages (a section); the home page heads none. */
export function isSection(site: SiteIndex, slug: string): boolean {
  return slug !== '' && site.children.has(slug);
}

function folderSizes(children: ReadonlyMap<string, readonly DocPage[]>): Map<string, number> {
  const sizes = new Map<string, number>();
  const sizeOf = (folder: string): number => {
    let count = 0;
    for (const page of children.get(folder) ?? [])
      count += page.slug !== '' && children.has(page.slug) ? 1 + sizeOf(page.slug) : 1;
    sizes.set(folder, count);
    return count;
  };
  sizeOf('');
  return sizes;
}

function arrange(pages: readonly DocPage[]): { site: SiteIndex; orphanFolders: string[] } {
  const bySlug = new Map(pages.map((page) => [page.slug, page]));
  const children = new Map<string, DocPage[]>();
  for (const page of pages) {
    const folder = sectionOf(page.slug) ?? '';
    const list = children.get(folder);
    if (list) list.push(page);
    else children.set(folder, [page]);
  }
  for (const list of children.values()) list.sort(compareSiblings);
  const ordered: DocPage[] = [];
  const visit = (folder: string): void => {
    for (const page of children.get(folder) ?? []) {
      ordered.push(page);
      if (page.slug !== '') visit(page.slug);
    }
  };
  visit('');
  // Pages whose folder has no index page are unreachable from the top; keep them, last, in slug order.
  const orphanFolders = [...children.keys()]
    .filter((folder) => folder !== '' && !bySlug.has(folder))
    .sort();
  if (ordered.length < pages.length) {
    const placed = new Set(ordered);
    ordered.push(
      ...pages
        .filter((page) => !placed.has(page))
        .sort((a, b) => a.slug.localeCompare(b.slug, 'en')),
    );
  }
  const position = new Map(ordered.map((page, at) => [page.slug, at]));
  const sizes = folderSizes(children);
  return { site: { ordered, position, bySlug, children, sizes }, orphanFolders };
}

/**
 * The sidebar for one page: the top-level pages and folders, with only the folders on the path to
 * the current page expanded. Its size depends on the fan-out of those folders, not on the size of
 * the whole site, so a page's HTML stays nearly the same as the guide grows.
 */
export function buildNavigation(site: SiteIndex, currentSlug: string, base: string): NavEntry[] {
  const open = new Set(ancestorsOf(currentSlug));
  if (site.children.has(currentSlug)) open.add(currentSlug);
  const entriesOf = (folder: string): NavEntry[] =>
    (site.children.get(folder) ?? []).map((page): NavEntry => {
      const href = pageHref(base, page.slug);
      if (!isSection(site, page.slug)) {
        return { type: 'link', label: page.label, href, isCurrent: page.slug === currentSlug };
      }
      const expanded = open.has(page.slug);
      return {
        type: 'group',
        label: page.label,
        href,
        isOpen: expanded,
        isCurrent: page.slug === currentSlug,
        entries: expanded ? entriesOf(page.slug) : [],
      };
    });
  return entriesOf('');
}

/** What a folder's index page lists: the folder's pages and sub-folders, in order (empty for other pages and the home page). */
export function sectionEntries(site: SiteIndex, slug: string, base: string): SectionEntry[] {
  if (slug === '') return [];
  return (site.children.get(slug) ?? []).map((page) => ({
    title: page.title,
    href: pageHref(base, page.slug),
    description: page.description,
  }));
}

/** The folders above a page, outermost first: `a/b/c` is in `a` and `a/b`. */
export function ancestorsOf(slug: string): string[] {
  const parts = slug.split('/');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
}

/** The folder a page lives in, or `undefined` for a top-level page. */
export function sectionOf(slug: string): string | undefined {
  const cut = slug.lastIndexOf('/');
  return cut > 0 ? slug.slice(0, cut) : undefined;
}
