import type { DocPage } from './types.ts';
import { sectionOf } from './navigation.ts';
import { pageHref } from './urls.ts';

/** One step of the trail; the last one is the current page and has no link. */
export interface Crumb {
  label: string;
  href?: string;
}

/** Home > section (if any) > page. The home page's trail is just itself. */
export function buildBreadcrumbs(pages: readonly DocPage[], current: DocPage, base: string, homeLabel: string): Crumb[] {
  if (current.slug === '') return [{ label: homeLabel }];
  const trail: Crumb[] = [{ label: homeLabel, href: pageHref(base, '') }];
  const section = sectionOf(current.slug);
  if (section !== undefined) {
    const sectionPage = pages.find((p) => p.slug === section);
    trail.push({ label: sectionPage?.label ?? section, href: pageHref(base, section) });
  }
  trail.push({ label: current.label });
  return trail;
}
