/** /history/feed.xml: the document history as an Atom feed, linked from every page's <head>. */
import type { APIRoute } from 'astro';
import { loadSite } from '../../lib/content.ts';
import { atomFeed, buildHistory } from '../../lib/document-history.ts';
import { siteConfig } from '../../site.ts';

export const GET: APIRoute = async ({ site }) => {
  const base = import.meta.env.BASE_URL;
  const pages = (await loadSite()).index.ordered;
  if (!site) throw new Error('astro.config.ts sets no `site`: the feed needs absolute URLs.');
  const feed = atomFeed(buildHistory(pages, base), {
    site: site.origin,
    base,
    siteTitle: siteConfig.title,
  });
  return new Response(feed, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
