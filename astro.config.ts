import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import { resolveSiteLocation } from './src/lib/site-env.ts';
import { linkCheck } from './src/integrations/link-check.ts';
import { pagefind } from './src/integrations/pagefind.ts';
import { remarkCheckCode } from './src/plugins/remark-check-code.ts';
import { remarkMdxLinks } from './src/plugins/remark-mdx-links.ts';
import { cssLayerOrder } from './src/plugins/vite-css-layer-order.ts';

const { site, base } = resolveSiteLocation(process.env);

export default defineConfig({
  site,
  base,
  // One URL form everywhere: every page is a folder with index.html, linked with a trailing slash.
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Layer order, not selector specificity, decides which rule wins.
  scopedStyleStrategy: 'where',
  markdown: {
    // unified() runs GFM by default; switch that off and register remark-gfm once, on purpose.
    // A build test counts real <table>s because an Astro release once dropped GFM in .mdx.
    processor: unified({
      gfm: false,
      remarkPlugins: [remarkGfm, [remarkMdxLinks, { base }], remarkCheckCode],
    }),
  },
  integrations: [mdx(), linkCheck(), pagefind()],
  vite: { plugins: [cssLayerOrder(new URL('./src/styles/layers.css', import.meta.url))] },
});
