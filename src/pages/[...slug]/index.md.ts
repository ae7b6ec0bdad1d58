/**
 * The plain-Markdown twin of every page, at `<page>/index.md` (next to its index.html, so the URL is
 * the page's own address plus `index.md`). Each page's <head> points to it with rel="alternate".
 */
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { loadSite, siteContext } from '../../lib/content.ts';
import { markdownTwin } from '../../lib/markdown-twin.ts';
import { siteConfig } from '../../site.ts';

export const getStaticPaths = (async () => {
  const { docs } = await loadSite();
  return docs.map(({ entry, page }) => ({
    params: { slug: page.slug || undefined },
    props: { entry, page },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props, site }) => {
  const { entry, page } = props;
  if (entry.body === undefined)
    throw new Error(
      `${siteConfig.contentDir}/${page.sourceFile}: the content loader kept no body to build its ` +
        'Markdown twin from.',
    );
  const { site: origin, base } = siteContext(site);
  const text = markdownTwin(page, entry.body, { site: origin, base, sourceFile: page.sourceFile });
  return new Response(text, { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
};
