/**
 * The remark and rehype plugins every page is compiled with, in order: one list, used by
 * astro.config.ts (`markdown.processor`, which MDX inherits) and by anything else that must see the
 * page as the build does (tests/unit/markdown-pipeline.test.ts compiles MDX with it), so the two
 * cannot drift apart.
 *
 * Heading ids come from Astro's own rehypeHeadingIds, registered first (as Starlight does): every
 * later plugin reads `node.properties.id`, and Astro's second run after user plugins keeps the ids
 * already set. Nothing else in the project makes a heading id.
 */
import { rehypeHeadingIds, type RehypePlugins, type RemarkPlugins } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import type { SourceAnchors } from '../lib/source-anchors.ts';
import { rehypeCollectAnchors } from './rehype-collect-anchors.ts';
import { rehypeHeadingPermalinks } from './rehype-heading-permalinks.ts';
import { rehypeScrollRegions } from './rehype-scroll-regions.ts';
import { rehypeTableCornerCells } from './rehype-table-corner-cells.ts';
import { remarkCheckCode, type PolicyCheckSession } from './remark-check-code.ts';
import { remarkMarkdownTwin } from './remark-markdown-twin.ts';
import { remarkMdxLinks } from './remark-mdx-links.ts';

export interface MarkdownPipelineOptions {
  /** The site's origin, e.g. `https://guide.example.com` (for the Markdown twins' links). */
  site: string;
  /** The site's base path, e.g. `/` or `/docs/`. */
  base: string;
  /** Filled with each page's ids and `#fragment` links, for the check after the compile. */
  anchors: SourceAnchors;
  /** The build's policy-check session (IAM data read once, simulation time); one per build. */
  policyChecks?: PolicyCheckSession;
  /** Absolute path of the content folder; defaults to `<cwd>/content`. */
  contentRoot?: string;
}

/** The plugin lists for `unified({ remarkPlugins, rehypePlugins })`. */
export function markdownPipeline({
  site,
  base,
  anchors,
  policyChecks,
  contentRoot,
}: MarkdownPipelineOptions): {
  remarkPlugins: RemarkPlugins;
  rehypePlugins: RehypePlugins;
} {
  const where = contentRoot === undefined ? {} : { contentRoot };
  return {
    // unified() runs GFM by default; astro.config.ts turns that off so it is registered once, here.
    remarkPlugins: [
      remarkGfm,
      [remarkMarkdownTwin, { site, base, ...where }],
      [remarkMdxLinks, { base, anchors, ...where }],
      [remarkCheckCode, { ...where, ...(policyChecks ? { session: policyChecks } : {}) }],
    ],
    rehypePlugins: [
      rehypeHeadingIds,
      rehypeHeadingPermalinks,
      rehypeScrollRegions,
      rehypeTableCornerCells,
      [rehypeCollectAnchors, { anchors, ...where }],
    ],
  };
}
