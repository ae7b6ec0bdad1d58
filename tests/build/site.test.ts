import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guidePages } from '../support/guide-pages.ts';
import { builds } from '../helpers/builds.ts';
import { builtHtmlFiles, readPage, readPagefindFragments } from '../helpers/dist.ts';

/** The top-level pages, in reading order: what every page's sidebar lists whatever the current page. */
const topLevel = guidePages.filter((page) => !page.slug.includes('/'));

describe.each(builds)('the site built $name', ({ dist, base, log }) => {
  const href = (path: string) => `${base}${path}`;

  it('has every page of content/, each with its title as the one h1 and in <title>', () => {
    for (const page of guidePages) {
      const html = readPage(dist, page.path);
      expect(
        html.querySelectorAll('h1').map((h) => h.text.trim()),
        page.file,
      ).toEqual([page.title]);
      expect(html.querySelector('title')?.text, page.file).toContain(page.title);
      expect(
        html.querySelector('meta[name="description"]')?.getAttribute('content'),
        page.file,
      ).toBe(page.description);
      expect(html.querySelector('link[rel="canonical"]')?.getAttribute('href'), page.file).toBe(
        `https://guide.example.com${href(page.path)}`,
      );
    }
  });

  it('lists the top-level pages in the sidebar of every page, in reading order, then the document history, and marks the current page', () => {
    for (const page of guidePages) {
      const links = readPage(dist, page.path).querySelectorAll('nav[aria-label="Guide"] a');
      const hrefs = links.map((a) => a.getAttribute('href'));
      const topHrefs = topLevel.map((p) => href(p.path));
      expect(
        hrefs.filter((h) => topHrefs.includes(h ?? '')),
        page.file,
      ).toEqual(topHrefs);
      expect(hrefs.at(-1), page.file).toBe(href('history/'));
      const current = links.filter((a) => a.getAttribute('aria-current') === 'page');
      expect(
        current.map((a) => a.getAttribute('href')),
        page.file,
      ).toEqual([href(page.path)]);
    }
  });

  it('renders GFM tables in MDX as real <table> elements, never as pipe text', () => {
    let tables = 0;
    for (const page of guidePages) {
      const article = readPage(dist, page.path).querySelector('article');
      tables += article?.querySelectorAll('table').length ?? 0;
      expect(article?.text, page.file).not.toMatch(/\|\s*-{3,}\s*\|/);
    }
    expect(tables, 'the guide has tables, so the check above checked something').toBeGreaterThan(0);
  });

  it('checks the links of every built page during the build, and found none broken', () => {
    expect(log).toContain(`Checked links on ${builtHtmlFiles(dist).length} pages: none broken.`);
  });

  it('rewrites cross-links written as ./page.mdx into URLs under the base', () => {
    const hrefs = readPage(dist, '')
      .querySelectorAll('article a')
      .map((a) => a.getAttribute('href') ?? '');
    expect(hrefs.some((h) => h.includes('.mdx'))).toBe(false);
    const linkedPages = hrefs.filter((h) => guidePages.some((p) => p.slug && h === href(p.path)));
    expect(linkedPages.length, 'the overview links to other pages of the guide').toBeGreaterThan(0);
  });

  it('indexes every page for search, and only each page’s main content', () => {
    const fragments = readPagefindFragments(dist);
    // Not the search, print or history pages: their text repeats the pages'.
    expect(fragments.map((f) => f.url).sort()).toEqual(
      guidePages.map((page) => `/${page.path}`).sort(),
    );
    for (const fragment of fragments) {
      expect(fragment.content, fragment.url).not.toContain('Skip to content');
      expect(fragment.content, fragment.url).not.toContain('Previous');
    }
    const entry = JSON.parse(
      readFileSync(join(dist, 'pagefind', 'pagefind-entry.json'), 'utf8'),
    ) as { languages: Record<string, { page_count: number }> };
    expect(entry.languages['en']?.page_count).toBe(guidePages.length);
  });
});
