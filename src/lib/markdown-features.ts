/**
 * The Markdown syntax every page is parsed with, by the build (plugins/markdown-pipeline.ts) and
 * by anything that must read a page as the build does (lib/markdown-twin.ts).
 *
 * GFM (tables, strikethrough, autolinks, task lists, footnotes) is on, on purpose: an Astro
 * release once dropped GFM in .mdx, and a build test counts real <table>s. Smart punctuation
 * (curly quotes, dashes) is off: in a technical guide it turns a `--flag` written outside
 * backticks into an en dash; authors type ’ “ ” – if wanted.
 */
import type { SatteriFeatures } from '@astrojs/markdown-satteri';

export const markdownFeatures = {
  gfm: true,
  smartPunctuation: false,
} as const satisfies SatteriFeatures;
