/**
 * Writes the body of each page's plain-Markdown twin (lib/markdown-twin.ts) while the page is
 * compiled, from the tree the compile parsed anyway, and hands it to the twin's route
 * (src/pages/[...slug]/index.md.ts) as `remarkPluginFrontmatter.markdownTwin`. Parsing every
 * page's MDX a second time for its twin cost about as much as compiling it (BENCHMARKS.md).
 * Produces no HTML. Runs first (a root hook, before any plugin changes the tree), so it sees the
 * page as the author wrote it.
 */
import { resolve } from 'node:path';
import type { SatteriAstroData } from '@astrojs/markdown-satteri';
import { defineMdastPlugin, type MdastPluginEntry } from 'satteri';
import { twinBody } from '../lib/markdown-twin.ts';
import { forContentFiles } from '../lib/source-problems.ts';
import { siteConfig } from '../site.ts';

/** The key the twin's body is stored under in the page's plugin frontmatter. */
export const twinKey = 'markdownTwin';

export interface RemarkMarkdownTwinOptions {
  /** The site's origin, e.g. `https://guide.example.com`. */
  site: string;
  /** The site's base path, e.g. `/` or `/docs/`. */
  base: string;
  /** Absolute path of the content folder; defaults to `<cwd>/content`. */
  contentRoot?: string;
}

/** A plugin per document: none for a file outside the content folder. */
export function remarkMarkdownTwin({
  site,
  base,
  contentRoot = resolve(siteConfig.contentDir),
}: RemarkMarkdownTwinOptions): MdastPluginEntry {
  return forContentFiles(contentRoot, (sourceFile) => {
    return defineMdastPlugin({
      name: 'guardduty-guide:markdown-twin',
      before(tree, ctx) {
        const astro: SatteriAstroData | undefined = ctx.data.astro;
        if (!astro) return;
        // twinBody copies the nodes it changes: the compile's tree is only read.
        const body = twinBody(tree, { site, base, sourceFile });
        astro.frontmatter = { ...astro.frontmatter, [twinKey]: body };
      },
    });
  });
}
