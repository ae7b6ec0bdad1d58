/**
 * Writes the body of each page's plain-Markdown twin (lib/markdown-twin.ts) while the page is
 * compiled, and hands it to the twin's route (src/pages/[...slug]/index.md.ts) as
 * `remarkPluginFrontmatter.markdownTwin`. It visits only the nodes the twin changes and splices
 * the page's source (lib/markdown-twin.ts): parsing every page a second time, or reading its whole
 * tree out of the compiler, cost about as much as compiling it (BENCHMARKS.md). Produces no HTML.
 * Runs first, so it sees the page as the author wrote it.
 */
import { resolve } from 'node:path';
import type { SatteriAstroData } from '@astrojs/markdown-satteri';
import { defineMdastPlugin, type MdastPluginEntry } from 'satteri';
import {
  twinBody,
  twinEdit,
  twinNodeTypes,
  type TwinEdit,
  type TwinNode,
} from '../lib/markdown-twin.ts';
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
    const edits: TwinEdit[] = [];
    const record = (node: TwinNode): undefined => {
      const edit = twinEdit(node);
      if (edit) edits.push(edit);
    };
    // A visitor per changed node type: satteri walks the tree natively and hands over only these.
    const visitors = Object.fromEntries(twinNodeTypes.map((type) => [type, record]));
    return defineMdastPlugin({
      name: 'guardduty-guide:markdown-twin',
      options: { position: true },
      ...visitors,
      after(_tree, ctx) {
        const astro: SatteriAstroData | undefined = ctx.data.astro;
        if (!astro) return;
        const body = twinBody(ctx.source, edits, { site, base, sourceFile });
        astro.frontmatter = { ...astro.frontmatter, [twinKey]: body };
      },
    });
  });
}
