import type { DocPage } from './types.ts';
import { ancestorsOf, type SiteIndex } from './navigation.ts';
import { pageHref } from './urls.ts';

/** One step of the trail; the last one is the current page and has no link. */
export interface Crumb {
  label: string;
  href?: string;
}

/** Home > each folder the page is in > the page. The home page's trail is just itself. */
export function buildBreadcrumbs(
  site: SiteIndex,
  current: DocPage,
  base: string,
  homeLabel: string,
): Crumb[] {
  if (current.slug === '') return [{ label: homeLabel }];
  const trail: Crumb[] = [{ label: homeLabel, href: pageHref(base, '') }];
  for (const folder of ancestorsOf(current.slug)) {
    trail.push({ label: site.bySlug.get(folder)?.label ?? folder, href: pageHref(base, folder) });
  }
  trail.push({ label: current.label });
  return trail;
}
