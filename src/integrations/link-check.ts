/**
 * The link check of the built site: every page, sitemap, robots.txt, llms.txt and Markdown twin
 * must link only to pages, files and `#fragment`s that exist, and to other sites over https. Run
 * by the post-build pass (integrations/post-build.ts) on the links it gathered from each page.
 */
import { readText, urlPathOf, type BuiltSite } from '../lib/built-site.ts';
import {
  findBrokenLinks,
  formatBrokenLinks,
  urlsInDocument,
  type BrokenLink,
  type LinkDocument,
  type PageLinks,
} from '../lib/link-check.ts';

/**
 * Non-HTML files whose URLs are checked too: sitemaps, robots.txt, llms.txt, the Markdown twins and
 * the Atom feed of the document history.
 */
export function isLinkDocument(file: string): boolean {
  return (
    /^sitemap[^/]*\.xml$/.test(file) ||
    file === 'history/feed.xml' ||
    file === 'robots.txt' ||
    file === 'llms.txt' ||
    file.endsWith('.md')
  );
}

/** The URLs written in the site's sitemaps, robots.txt, llms.txt and Markdown twins. */
export async function readLinkDocuments(site: BuiltSite): Promise<LinkDocument[]> {
  return Promise.all(
    site.files
      .filter(isLinkDocument)
      .map(async (file) => urlsInDocument(urlPathOf(file, site.base), await readText(site, file))),
  );
}

/** The broken links of a built site: on its pages (`pages`, from `linksOf`) and in its documents. */
export async function brokenLinksOf(
  site: BuiltSite,
  pages: readonly PageLinks[],
  siteUrl: string,
): Promise<{ broken: BrokenLink[]; documents: LinkDocument[] }> {
  const files = new Set(site.files.map((file) => urlPathOf(file, site.base)));
  const documents = await readLinkDocuments(site);
  return { broken: findBrokenLinks(pages, { files, documents }, siteUrl), documents };
}

/** Throws, listing every broken link by page, unless all of them lead somewhere. */
/** What is wrong with the built links, for the build error, or `undefined` when none is broken. */
export async function brokenLinksProblem(
  site: BuiltSite,
  pages: readonly PageLinks[],
  siteUrl: string,
): Promise<string | undefined> {
  const { broken } = await brokenLinksOf(site, pages, siteUrl);
  if (broken.length === 0) return undefined;
  return (
    `${formatBrokenLinks(broken)}\nFix the links in the pages' source files under content/ ` +
    '(for a sitemap, robots.txt, llms.txt or .md file, in the route or integration that ' +
    'writes it).'
  );
}
