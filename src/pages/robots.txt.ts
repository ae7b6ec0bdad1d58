/**
 * robots.txt, generated because the sitemap's address depends on SITE_URL and BASE_PATH. Crawlers
 * read robots.txt only at the origin's root: under a BASE_PATH, copy the Sitemap line into the
 * root robots.txt of the host (docs/deploying.md says so).
 */
import type { APIRoute } from 'astro';
import { siteContext } from '../lib/content.ts';
import { absoluteUrl, assetHref } from '../lib/urls.ts';

export const GET: APIRoute = ({ site }) => {
  const { site: origin, base } = siteContext(site);
  const sitemap = absoluteUrl(origin, assetHref(base, 'sitemap-index.xml'));
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
