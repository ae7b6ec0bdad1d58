/**
 * llms.txt (https://llmstxt.org): what the guide is, and a link to the plain-Markdown twin of every
 * page, in reading order (the sidebar's). It lists every page, not only the top level: it is the
 * one index a tool that reads Markdown has, and a text line per page stays small.
 */
import type { APIRoute } from 'astro';
import { loadSite, siteContext } from '../lib/content.ts';
import { historyLlmsSection } from '../lib/document-history.ts';
import { llmsTxt } from '../lib/markdown-twin.ts';
import { absoluteUrl, markdownTwinHref } from '../lib/urls.ts';
import { siteConfig } from '../site.ts';

export const GET: APIRoute = async ({ site }) => {
  const { site: origin, base } = siteContext(site);
  const { index } = await loadSite();
  const entries = index.ordered.map((p) => ({
    title: p.title,
    description: p.description,
    markdownUrl: absoluteUrl(origin, markdownTwinHref(base, p.slug)),
  }));
  const summary = index.bySlug.get('')?.description ?? siteConfig.title;
  const text = llmsTxt(siteConfig.title, summary, entries) + historyLlmsSection(origin, base);
  return new Response(text, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
