import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { SourceAnchors } from './src/lib/source-anchors.ts';
import { resolveSiteLocation } from './src/lib/site-env.ts';
import { pagefind } from './src/integrations/pagefind/index.ts';
import { postBuild } from './src/integrations/post-build.ts';
import { markdownPipeline } from './src/plugins/markdown-pipeline.ts';
import {
  createPolicyCheckSession,
  policySimulationReport,
} from './src/plugins/remark-check-code.ts';
import { cssLayerOrder } from './src/plugins/vite-css-layer-order.ts';
import { shikiTokenClasses } from './src/plugins/shiki-token-classes.ts';
import { shikiNoTimeLimit } from './src/plugins/shiki-no-time-limit.ts';

const { site, base } = resolveSiteLocation(process.env);
// Filled with each page's heading ids and #fragment links as it compiles; checked after the build.
const anchors = new SourceAnchors();
const search = pagefind();
// One per build: the IAM data the policy checks have read, and the time spent simulating.
const policyChecks = createPolicyCheckSession();

export default defineConfig({
  site,
  base,
  // One URL form everywhere: every page is a folder with index.html, linked with a trailing slash.
  trailingSlash: 'always',
  // Component CSS as files, never inline <style>: the Content-Security-Policy (src/lib/security-headers.ts)
  // has style-src 'self' with no hashes, so one static policy serves every build and every host.
  // concurrency: four pages rendered at once, so one page's file write no longer waits for the
  // next page's render (the render step was half idle at 1,000 pages); the output is the same.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  // Two pages with one URL (content/a.mdx and content/a/index.mdx, or content/search.mdx and the
  // search page) fail the build instead of one silently replacing the other.
  prerenderConflictBehavior: 'error',
  // Layer order, not selector specificity, decides which rule wins.
  scopedStyleStrategy: 'where',
  markdown: {
    // Astro's native Markdown processor, satteri (as Starlight uses it): every page compiles in
    // Rust, with the project's plugins as visitors. The features (GFM on, on purpose; smart
    // punctuation off: src/lib/markdown-features.ts) and the plugins are one shared list.
    processor: satteri(markdownPipeline({ site, base, anchors, policyChecks })),
    // Colours as classes, not style="" (a strict CSP blocks inline styles); code.css colours them per theme.
    // shikiNoTimeLimit: the same tokens on a busy machine as on an idle one (reproducible builds).
    shikiConfig: {
      theme: 'css-variables',
      transformers: [shikiTokenClasses(), shikiNoTimeLimit()],
    },
  },
  // Order matters on 'astro:build:done': the sitemap is written before the post-build pass (link
  // check, search index, security headers: src/integrations/post-build.ts) reads the site.
  integrations: [
    mdx({ optimize: true }),
    // The sitemap lists the guide's pages: not the search page, nor the print pages, which repeat them.
    sitemap({
      filter: (page) =>
        page !== `${site}${base}search/` && !page.startsWith(`${site}${base}print/`),
    }),
    policySimulationReport(policyChecks),
    search,
    postBuild({ anchors, runtimeKey: search.runtimeKey }),
  ],
  vite: {
    plugins: [cssLayerOrder(new URL('./src/styles/layers.css', import.meta.url))],
    // Astro inlines scripts under 4 KiB as inline <script type="module">, which a strict
    // Content-Security-Policy blocks: keep every script a same-origin file (other assets: default).
    build: {
      // Rolldown warns, four lines per MDX page, that Astro's "use astro:head-inject" directive
      // may not be preserved (withastro/astro#18087): harmless here, and at 1,000 pages 4,000
      // lines of log that hid the build's own messages.
      rolldownOptions: { checks: { moduleLevelDirective: false } },
      assetsInlineLimit: (file: string) => (file.endsWith('.js') ? false : undefined),
      // One stylesheet for the whole site instead of one per layout and component set: a page
      // waits for one CSS request instead of three before it paints, every later page finds it in
      // the cache, and one file compresses smaller than three (tests/build/budget.test.ts).
      cssCodeSplit: false,
    },
  },
});
