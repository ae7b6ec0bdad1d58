import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import { resolveSiteLocation } from './src/lib/site-env.ts';
import { linkCheck } from './src/integrations/link-check.ts';
import { pagefind } from './src/integrations/pagefind.ts';
import { securityHeaders } from './src/integrations/security-headers.ts';
import {
  createPolicyCheckSession,
  policySimulationReport,
  remarkCheckCode,
} from './src/plugins/remark-check-code.ts';
import { remarkMdxLinks } from './src/plugins/remark-mdx-links.ts';
import { cssLayerOrder } from './src/plugins/vite-css-layer-order.ts';
import { rehypeHeadingPermalinks } from './src/plugins/rehype-heading-permalinks.ts';
import { rehypeScrollRegions } from './src/plugins/rehype-scroll-regions.ts';
import { rehypeTableCornerCells } from './src/plugins/rehype-table-corner-cells.ts';
import { shikiTokenClasses } from './src/plugins/shiki-token-classes.ts';
import { shikiNoTimeLimit } from './src/plugins/shiki-no-time-limit.ts';

const { site, base } = resolveSiteLocation(process.env);
// One per build: the IAM data the policy checks have read, and the time spent simulating.
const policyChecks = createPolicyCheckSession();

export default defineConfig({
  site,
  base,
  // One URL form everywhere: every page is a folder with index.html, linked with a trailing slash.
  trailingSlash: 'always',
  // Component CSS as files, never inline <style>: the Content-Security-Policy (src/lib/security-headers.ts)
  // has style-src 'self' with no hashes, so one static policy serves every build and every host.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Two pages with one URL (content/a.mdx and content/a/index.mdx, or content/search.mdx and the
  // search page) fail the build instead of one silently replacing the other.
  prerenderConflictBehavior: 'error',
  // Layer order, not selector specificity, decides which rule wins.
  scopedStyleStrategy: 'where',
  markdown: {
    // unified() runs GFM by default; switch that off and register remark-gfm once, on purpose.
    // A build test counts real <table>s because an Astro release once dropped GFM in .mdx.
    processor: unified({
      gfm: false,
      // Smartypants (curly quotes, dashes) parses every paragraph into a natural-language tree and
      // doubled the cost of compiling a page (bench/, BENCHMARKS.md); in a technical guide it can
      // also turn a `--flag` written outside backticks into an en dash. Authors type ’ “ ” – if wanted.
      // src/lib/headings.ts mirrors this pipeline to compute heading ids: keep the two in step.
      smartypants: false,
      remarkPlugins: [
        remarkGfm,
        [remarkMdxLinks, { base }],
        [remarkCheckCode, { session: policyChecks }],
      ],
      rehypePlugins: [rehypeHeadingPermalinks, rehypeScrollRegions, rehypeTableCornerCells],
    }),
    // Colours as classes, not style="" (a strict CSP blocks inline styles); code.css colours them per theme.
    // shikiNoTimeLimit: the same tokens on a busy machine as on an idle one (reproducible builds).
    shikiConfig: {
      theme: 'css-variables',
      transformers: [shikiTokenClasses(), shikiNoTimeLimit()],
    },
  },
  // Order matters on 'astro:build:done': the sitemap exists before the link check reads it, and
  // the security headers come last so _headers can list Pagefind's files.
  integrations: [
    mdx(),
    policySimulationReport(policyChecks),
    // The sitemap lists the guide's pages: not the search page, nor /print/, which repeats them all.
    sitemap({ filter: (page) => !/\/(search|print)\/$/.test(page) }),
    linkCheck(),
    pagefind(),
    securityHeaders(),
  ],
  vite: {
    plugins: [cssLayerOrder(new URL('./src/styles/layers.css', import.meta.url))],
    // Astro inlines scripts under 4 KiB as inline <script type="module">, which a strict
    // Content-Security-Policy blocks: keep every script a same-origin file (other assets: default).
    build: {
      assetsInlineLimit: (file: string) => (file.endsWith('.js') ? false : undefined),
      // One stylesheet for the whole site instead of one per layout and component set: a page
      // waits for one CSS request instead of three before it paints, every later page finds it in
      // the cache, and one file compresses smaller than three (tests/build/budget.test.ts).
      cssCodeSplit: false,
    },
  },
});
