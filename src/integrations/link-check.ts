import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import {
  findBrokenLinks,
  formatBrokenLinks,
  urlsInDocument,
  type BuiltPage,
  type LinkDocument,
} from '../lib/link-check.ts';

/**
 * Fails the build when any built page links to a page, file or `#fragment` that does not exist, or
 * to an external address over plain http. Runs after Astro writes dist/, before search indexing.
 */
export function linkCheck(): AstroIntegration {
  let site = '';
  let base = '/';
  return {
    name: 'guardduty-guide:link-check',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ?? 'http://localhost';
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { pages, files, documents } = await readBuiltSite(fileURLToPath(dir), base);
        const broken = findBrokenLinks(pages, { files, documents }, site);
        if (broken.length > 0)
          throw new Error(
            `${formatBrokenLinks(broken)}\nFix the links in the pages' source files under content/ (for a sitemap, robots.txt, llms.txt or .md file, in the route or integration that writes it).`,
          );
        logger.info(`Checked links on ${pages.length} pages: none broken.`);
      },
    },
  };
}

/** Non-HTML files whose URLs are checked too: sitemaps, robots.txt, llms.txt, the Markdown twins and the Atom feed. */
const isLinkDocument = (rel: string) =>
  /^sitemap[^/]*\.xml$/.test(rel) ||
  rel === 'history/feed.xml' ||
  rel === 'robots.txt' ||
  rel === 'llms.txt' ||
  rel.endsWith('.md');

/**
 * Reads every HTML page of a built site and lists every other file, as URL paths under `base`, with
 * the URLs listed in its sitemaps, robots.txt, llms.txt and Markdown files.
 */
export async function readBuiltSite(
  outDir: string,
  base: string,
): Promise<{ pages: BuiltPage[]; files: Set<string>; documents: LinkDocument[] }> {
  const pages: BuiltPage[] = [];
  const files = new Set<string>();
  const documents: LinkDocument[] = [];
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    const rel = relative(outDir, full).split(sep).join('/');
    const urlPath = base + rel;
    if (rel.endsWith('.html')) {
      const pagePath =
        rel === 'index.html'
          ? base
          : rel.endsWith('/index.html')
            ? base + rel.slice(0, -'index.html'.length)
            : urlPath;
      pages.push({ urlPath: pagePath, html: await readFile(full, 'utf8') });
    }
    if (isLinkDocument(rel)) documents.push(urlsInDocument(urlPath, await readFile(full, 'utf8')));
    files.add(urlPath);
  }
  pages.sort((a, b) => a.urlPath.localeCompare(b.urlPath));
  documents.sort((a, b) => a.path.localeCompare(b.path));
  return { pages, files, documents };
}
