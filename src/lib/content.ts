import { getCollection, type CollectionEntry } from 'astro:content';
import { siteConfig } from '../site.ts';
import { assertUsableSlugs } from './slugs.ts';
import type { DocPage } from './types.ts';
import { slugFromEntryId } from './urls.ts';

/** The only module that reads the collection: turns entries into plain `DocPage`s. */
export async function loadDocEntries(): Promise<
  Array<{ entry: CollectionEntry<'docs'>; page: DocPage }>
> {
  const entries = await getCollection('docs');
  const docs = entries.map((entry) => ({ entry, page: toDocPage(entry) }));
  assertUsableSlugs(
    docs.map(({ entry, page }) => ({ file: entry.filePath ?? entry.id, slug: page.slug })),
  );
  return docs;
}

function toDocPage(entry: CollectionEntry<'docs'>): DocPage {
  const { title, description, sidebar, lastReviewed, sources, aliases } = entry.data;
  const slug = slugFromEntryId(entry.id);
  return {
    slug,
    title,
    description,
    label: sidebar.label ?? (slug === '' ? siteConfig.homeLabel : title),
    order: sidebar.order,
    lastReviewed,
    sources,
    aliases,
  };
}
