import { getCollection, type CollectionEntry } from 'astro:content';
import { siteConfig } from '../site.ts';
import { indexSite, type SiteIndex } from './navigation.ts';
import type { SiteContext } from './page-data.ts';
import { assertUsableSlugs } from './slugs.ts';
import { contentFileOf } from './source-problems.ts';
import type { DocPage } from './types.ts';
import { slugFromEntryId } from './urls.ts';

/** A page's collection entry (for `render()`) and the plain page the library works on. */
export interface DocEntry {
  entry: CollectionEntry<'docs'>;
  page: DocPage;
}

/** The site model every route starts from. */
export interface LoadedSite {
  /** Every page with its entry, in reading order (the sidebar's). */
  docs: DocEntry[];
  /** The pages arranged once: reading order, folders, positions (lib/navigation.ts). */
  index: SiteIndex;
}

/**
 * The only function that reads the collection: every page as a plain `DocPage`, arranged once
 * into the site index. Every route lists pages from here, so they all share the sidebar's order.
 */
export async function loadSite(): Promise<LoadedSite> {
  const entries = await getCollection('docs');
  const docs = entries.map((entry) => ({ entry, page: toDocPage(entry) }));
  assertUsableSlugs(
    docs.map(({ page }) => ({
      file: `${siteConfig.contentDir}/${page.sourceFile}`,
      slug: page.slug,
    })),
  );
  const index = indexSite(docs.map((d) => d.page));
  const bySlug = new Map(docs.map((doc) => [doc.page.slug, doc]));
  const ordered = index.ordered.flatMap((page) => bySlug.get(page.slug) ?? []);
  return { docs: ordered, index };
}

/**
 * Where the site lives and what it is called, for a route: `site` is Astro's (astro.config.ts
 * always sets it, from SITE_URL), the base is the build's.
 */
export function siteContext(site: URL | undefined): SiteContext {
  if (!site) throw new Error('astro.config.ts sets `site` from SITE_URL; a route ran without it.');
  return {
    site: site.origin,
    base: import.meta.env.BASE_URL,
    siteTitle: siteConfig.title,
    homeLabel: siteConfig.homeLabel,
  };
}

function toDocPage(entry: CollectionEntry<'docs'>): DocPage {
  const { title, description, sidebar, lastReviewed, sources, changes, aliases } = entry.data;
  const slug = slugFromEntryId(entry.id);
  return {
    slug,
    sourceFile:
      (entry.filePath && contentFileOf(entry.filePath, siteConfig.contentDir)) || `${entry.id}.mdx`,
    title,
    description,
    label: sidebar.label ?? (slug === '' ? siteConfig.homeLabel : title),
    order: sidebar.order,
    lastReviewed,
    sources,
    changes,
    aliases,
  };
}
