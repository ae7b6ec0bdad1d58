/**
 * The plain-Markdown twin of every page, at `<page>/index.md` (next to its index.html, so the URL is
 * the page's own address plus `index.md`). Each page's <head> points to it with rel="alternate".
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadDocEntries } from '../../lib/content.ts';
import { markdownTwin } from '../../lib/markdown-twin.ts';
import { siteConfig } from '../../site.ts';

export const getStaticPaths = (async () => {
  const docs = await loadDocEntries();
  return docs.map(({ entry, page }) => ({
    params: { slug: page.slug || undefined },
    props: { entry, page },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<Awaited<ReturnType<typeof getStaticPaths>>[number]['props']> = ({
  props,
  site,
}) => {
  const { entry, page } = props;
  if (entry.body === undefined)
    throw new Error(
      `${siteConfig.contentDir}/${entry.id}: the content loader kept no body to build its Markdown twin from.`,
    );
  const sourceFile =
    entry.filePath?.replace(new RegExp(`^${siteConfig.contentDir}/`), '') ?? `${entry.id}.mdx`;
  const text = markdownTwin(page, entry.body, {
    site: site?.origin ?? 'http://localhost:4321',
    base: import.meta.env.BASE_URL,
    sourceFile,
  });
  return new Response(text, { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
};
