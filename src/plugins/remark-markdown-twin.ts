/**
 * Writes the body of each page's plain-Markdown twin (lib/markdown-twin.ts) while the page is
 * compiled, from the tree the compile parsed anyway, and hands it to the twin's route
 * (src/pages/[...slug]/index.md.ts) as `remarkPluginFrontmatter.markdownTwin`. Parsing every
 * page's MDX a second time for its twin cost about as much as compiling it (BENCHMARKS.md).
 * Produces no HTML. Runs first, so it sees the page as the author wrote it.
 */
import { resolve } from 'node:path';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { twinBody } from '../lib/markdown-twin.ts';
import { contentFileOf } from '../lib/source-problems.ts';
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

export function remarkMarkdownTwin({
  site,
  base,
  contentRoot = resolve(siteConfig.contentDir),
}: RemarkMarkdownTwinOptions) {
  return (tree: Root, file: VFile) => {
    const sourceFile = file.path ? contentFileOf(file.path, contentRoot) : undefined;
    if (sourceFile === undefined) return;
    const astro = (file.data.astro ??= {});
    astro.frontmatter = {
      ...astro.frontmatter,
      [twinKey]: twinBody(tree, { site, base, sourceFile }),
    };
  };
}
