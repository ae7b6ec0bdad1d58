import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { brokenLinksOf } from '../../src/integrations/link-check.ts';
import { openBuiltSite, readPages } from '../../src/lib/built-site.ts';
import { formatBrokenLinks, linksOf } from '../../src/lib/link-check.ts';
import { guideSlugs, readPage, readPagefindFragments, sourceTitle } from '../helpers/dist.ts';

const builds = [
  { name: 'at the domain root', dist: inject('rootDist'), base: '/' },
  { name: 'under /docs/', dist: inject('docsDist'), base: '/docs/' },
];

describe.each(builds)('the site built $name', ({ dist, base }) => {
  it('has all eight pages, each with its title as the one h1 and in <title>', () => {
    for (const slug of guideSlugs) {
      const page = readPage(dist, slug);
      const title = sourceTitle(slug);
      expect(
        page.querySelectorAll('h1').map((h) => h.text.trim()),
        slug,
      ).toEqual([title]);
      expect(page.querySelector('title')?.text, slug).toContain(title);
      expect(
        page.querySelector('meta[name="description"]')?.getAttribute('content')?.length,
        slug,
      ).toBeGreaterThan(40);
      expect(page.querySelector('link[rel="canonical"]')?.getAttribute('href'), slug).toBe(
        `https://guide.example.com${base}${slug ? `${slug}/` : ''}`,
      );
    }
  });

  it('lists the pages in the sidebar in reading order and marks the current one', () => {
    for (const slug of guideSlugs) {
      const links = readPage(dist, slug).querySelectorAll('nav[aria-label="Guide"] a');
      expect(links.map((a) => a.getAttribute('href'))).toEqual(
        guideSlugs.map((s) => `${base}${s ? `${s}/` : ''}`),
      );
      const current = links.filter((a) => a.getAttribute('aria-current') === 'page');
      expect(
        current.map((a) => a.getAttribute('href')),
        slug,
      ).toEqual([`${base}${slug ? `${slug}/` : ''}`]);
    }
  });

  it('renders GFM tables in MDX as real <table> elements, never as pipe text', () => {
    let tables = 0;
    for (const slug of guideSlugs) {
      const article = readPage(dist, slug).querySelector('article');
      tables += article?.querySelectorAll('table').length ?? 0;
      expect(article?.text, slug).not.toMatch(/\|\s*-{3,}\s*\|/);
    }
    // Every topic page carries at least one comparison table.
    expect(tables).toBeGreaterThanOrEqual(guideSlugs.length - 1);
  });

  it('has no broken internal link or #fragment, and no plain-http external link, in pages, sitemap, robots.txt, llms.txt or Markdown twins', async () => {
    const site = await openBuiltSite(dist, base);
    const pages = (await readPages(site)).map(linksOf);
    const { broken, documents } = await brokenLinksOf(site, pages, 'https://guide.example.com');
    // Sitemaps, robots.txt, llms.txt and the Markdown twins are checked too.
    expect(documents.length).toBeGreaterThanOrEqual(3 + 8);
    expect(broken, formatBrokenLinks(broken)).toEqual([]);
  });

  it('rewrites cross-links written as ./page.mdx into URLs under the base', () => {
    const hrefs = readPage(dist, '')
      .querySelectorAll('article a')
      .map((a) => a.getAttribute('href') ?? '');
    expect(hrefs.some((h) => h.includes('.mdx'))).toBe(false);
    expect(hrefs).toContain(`${base}service-linked-roles/`);
  });

  it('indexes every page for search, and only each page’s main content', () => {
    const fragments = readPagefindFragments(dist);
    expect(fragments.map((f) => f.url).sort()).toEqual(
      guideSlugs.map((s) => `/${s ? `${s}/` : ''}`).sort(),
    );
    for (const fragment of fragments) {
      expect(fragment.content, fragment.url).not.toContain('Skip to content');
      expect(fragment.content, fragment.url).not.toContain('Previous');
    }
    const entry = JSON.parse(
      readFileSync(join(dist, 'pagefind', 'pagefind-entry.json'), 'utf8'),
    ) as { languages: Record<string, { page_count: number }> };
    expect(entry.languages['en']?.page_count).toBe(guideSlugs.length);
  });
});
