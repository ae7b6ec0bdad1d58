/** llms.txt (https://llmstxt.org): what the guide is, and a link to the plain-Markdown twin of every page. */
import type { APIRoute } from 'astro';
import { loadDocEntries } from '../lib/content.ts';
import { historyLlmsSection } from '../lib/document-history.ts';
import { llmsTxt } from '../lib/markdown-twin.ts';
import { absoluteUrl, pageHref } from '../lib/urls.ts';
import { siteConfig } from '../site.ts';

export const GET: APIRoute = async ({ site }) => {
  const origin = site?.origin ?? 'http://localhost:4321';
  const base = import.meta.env.BASE_URL;
  const pages = (await loadDocEntries()).map(({ page }) => page).sort((a, b) => a.order - b.order);
  const home = pages.find((p) => p.slug === '');
  const entries = pages.map((p) => ({
    title: p.title,
    description: p.description,
    markdownUrl: absoluteUrl(origin, `${pageHref(base, p.slug)}index.md`),
  }));
  const text =
    llmsTxt(siteConfig.title, home?.description ?? siteConfig.title, entries) +
    historyLlmsSection(origin, base);
  return new Response(text, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
