/**
 * The Markdown features and the mdast and hast plugins every page is compiled with, in order, for
 * Astro's native processor satteri (`markdown.processor: satteri(...)`, which MDX inherits): one
 * list, used by astro.config.ts and by anything else that must see the page as the build does
 * (tests/unit/markdown-pipeline.test.ts compiles MDX with it), so the two cannot drift apart.
 *
 * Heading ids come from Astro's own heading-ids plugin, registered first (as Starlight does): every
 * later plugin reads `node.properties.id`, and Astro's second run after user plugins keeps the ids
 * already set. Nothing else in the project makes a heading id.
 */
import { satteriHeadingIdsPlugin, type SatteriFeatures } from '@astrojs/markdown-satteri';
import type { HastPluginEntry, MdastPluginEntry } from 'satteri';
import { markdownFeatures } from '../lib/markdown-features.ts';
import type { SourceAnchors } from '../lib/source-anchors.ts';
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
  /** Filled with each page's `#fragment` links, for the check after the build. */
  anchors: SourceAnchors;
  /** The build's policy-check session (IAM data read once, simulation time); one per build. */
  policyChecks?: PolicyCheckSession;
  /** Absolute path of the content folder; defaults to `<cwd>/content`. */
  contentRoot?: string;
}

/** The options for `satteri({ features, mdastPlugins, hastPlugins })`. */
export function markdownPipeline({
  site,
  base,
  anchors,
  policyChecks,
  contentRoot,
}: MarkdownPipelineOptions): {
  features: SatteriFeatures;
  mdastPlugins: MdastPluginEntry[];
  hastPlugins: HastPluginEntry[];
} {
  const where = contentRoot === undefined ? {} : { contentRoot };
  return {
    features: markdownFeatures,
    mdastPlugins: [
      remarkMarkdownTwin({ site, base, ...where }),
      remarkMdxLinks({ base, anchors, ...where }),
      remarkCheckCode({ ...where, ...(policyChecks ? { session: policyChecks } : {}) }),
    ],
    // Astro runs Shiki before these, and its own heading-ids, images and metadata after them.
    hastPlugins: [
      satteriHeadingIdsPlugin(),
      rehypeHeadingPermalinks,
      rehypeScrollRegions,
      rehypeTableCornerCells,
    ],
  };
}
