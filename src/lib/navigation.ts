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

/** A titled group of links (a section); only the reader's current section is expanded. */
export interface NavGroup {
  type: 'group';
  label: string;
  /** The section's index page, which lists all of its pages. */
  href: string;
  /** True when the current page is in this section (the group is expanded). */
  isCurrent: boolean;
  /** True when the current page is the section's index page itself. */
  isCurrentPage: boolean;
  entries: NavLink[];
}

export type NavEntry = NavLink | NavGroup;

/** Pages in reading order: by `order`, then by label so ties are stable across builds. */
export function sortPages(pages: readonly DocPage[]): DocPage[] {
  return [...pages].sort((a, b) => a.order - b.order || a.label.localeCompare(b.label, 'en') || a.slug.localeCompare(b.slug, 'en'));
}

/**
 * The sidebar for one page. Top-level pages are links; pages in a folder (`section/page`) form a
 * group headed by the folder's index page. Groups other than the current one list no pages, so a
 * page's HTML does not grow with the size of the whole site.
 */
export function buildNavigation(pages: readonly DocPage[], currentSlug: string, base: string): NavEntry[] {
  const entries: NavEntry[] = [];
  const groups = new Map<string, NavGroup>();
  for (const page of sortPages(pages)) {
    const section = sectionOf(page.slug);
    const link: NavLink = {
      type: 'link',
      label: page.label,
      href: pageHref(base, page.slug),
      isCurrent: page.slug === currentSlug,
    };
    if (section === undefined) {
      if (!groups.has(page.slug)) entries.push(link);
      continue;
    }
    let group = groups.get(section);
    if (!group) {
      const indexPage = pages.find((p) => p.slug === section);
      group = {
        type: 'group',
        label: indexPage?.label ?? section,
        href: pageHref(base, section),
        isCurrent: sectionOf(currentSlug) === section || currentSlug === section,
        isCurrentPage: currentSlug === section,
        entries: [],
      };
      groups.set(section, group);
      // A section's own index page is the group's heading, not a separate top-level link.
      const indexAt = entries.findIndex((e) => e.type === 'link' && e.href === group?.href);
      if (indexAt >= 0) entries.splice(indexAt, 1, group);
      else entries.push(group);
    }
    if (group.isCurrent) group.entries.push(link);
  }
  return entries;
}

/** The pages of a section, in order, for its index page. */
export function sectionPages(pages: readonly DocPage[], section: string): DocPage[] {
  return sortPages(pages.filter((p) => sectionOf(p.slug) === section));
}

/** The folder a page lives in, or `undefined` for a top-level page. */
export function sectionOf(slug: string): string | undefined {
  const cut = slug.lastIndexOf('/');
  return cut > 0 ? slug.slice(0, cut) : undefined;
}
