/** /history/index.md: the document history as plain Markdown, listed in llms.txt. */
import type { APIRoute } from 'astro';
import { loadSite } from '../../lib/content.ts';
import { buildHistory, historyMarkdown } from '../../lib/document-history.ts';
import { siteConfig } from '../../site.ts';

export const GET: APIRoute = async ({ site }) => {
  const base = import.meta.env.BASE_URL;
  const pages = (await loadSite()).index.ordered;
  if (!site) throw new Error('astro.config.ts sets no `site`: the history needs absolute URLs.');
  const text = historyMarkdown(buildHistory(pages, base), {
    site: site.origin,
    base,
    siteTitle: siteConfig.title,
  });
  return new Response(text, { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
};
