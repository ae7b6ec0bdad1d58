/**
 * The plain-Markdown twin of every page, at `<page>/index.md` (next to its index.html, so the URL is
 * the page's own address plus `index.md`). Each page's <head> points to it with rel="alternate".
 */
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { render } from 'astro:content';
import { loadSite, siteContext } from '../../lib/content.ts';
import { assembleTwin } from '../../lib/markdown-twin.ts';
import { twinKey } from '../../plugins/remark-markdown-twin.ts';
import { siteConfig } from '../../site.ts';

export const getStaticPaths = (async () => {
  const { docs } = await loadSite();
  return docs.map(({ entry, page }) => ({
    params: { slug: page.slug || undefined },
    props: { entry, page },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = async ({
  props,
  site,
}) => {
  const { entry, page } = props;
  const { site: origin, base } = siteContext(site);
  const ctx = { site: origin, base, sourceFile: page.sourceFile };
  // The body was written while the page compiled (plugins/remark-markdown-twin.ts).
  const { remarkPluginFrontmatter } = await render(entry);
  const body: unknown = remarkPluginFrontmatter[twinKey];
  if (typeof body !== 'string')
    throw new Error(
      `${siteConfig.contentDir}/${page.sourceFile} compiled without a Markdown twin: keep ` +
        'remarkMarkdownTwin in src/plugins/markdown-pipeline.ts.',
    );
  return new Response(assembleTwin(page, body, ctx), {
    headers: { 'Content-Type': 'text/markdown; charset=utf-8' },
  });
};
