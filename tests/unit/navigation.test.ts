import { describe, expect, it } from 'vitest';
import {
  ancestorsOf,
  buildNavigation,
  indexSite,
  sectionEntries,
  sectionOf,
  sortPages,
  type NavEntry,
} from '../../src/lib/navigation.ts';
import { docPage } from '../helpers/pages.ts';

const pages = [
  docPage('resilience', 6),
  docPage('', 0),
  docPage('data-protection', 1),
  docPage('managing-access', 2),
];

const withSections = [
  docPage('', 0),
  docPage('guides', 1, { label: 'Guides' }),
  docPage('guides/two', 2),
  docPage('guides/one', 1),
  docPage('guides/deep', 3, { label: 'Deep' }),
  docPage('guides/deep/leaf', 1),
  docPage('reference', 2, { label: 'Reference' }),
  docPage('reference/api', 1),
];

/** Every link in a navigation tree, depth first. */
function hrefs(entries: readonly NavEntry[]): string[] {
  return entries.flatMap((e) => [e.href, ...(e.type === 'group' ? hrefs(e.entries) : [])]);
}

describe('sortPages', () => {
  it('orders by sidebar order, then by label for ties', () => {
    const tied = [
      docPage('b', 1, { label: 'Beta' }),
      docPage('a', 1, { label: 'Alpha' }),
      docPage('z', 0),
    ];
    expect(sortPages(tied).map((p) => p.slug)).toEqual(['z', 'a', 'b']);
  });

  it('does not change the array it is given', () => {
    const copy = [...pages];
    sortPages(pages);
    expect(pages).toEqual(copy);
  });

  it('reads a folder’s index page, then its pages, before the next top-level page', () => {
    expect(sortPages(withSections).map((p) => p.slug)).toEqual([
      '',
      'guides',
      'guides/one',
      'guides/two',
      'guides/deep',
      'guides/deep/leaf',
      'reference',
      'reference/api',
    ]);
  });
});

describe('indexSite', () => {
  it('refuses a folder without an index page, naming the file to add', () => {
    expect(() => indexSite([docPage('', 0), docPage('guides/one', 1)])).toThrow(
      /content\/guides\/index\.mdx/,
    );
  });
});

describe('buildNavigation', () => {
  it('lists pages in order with hrefs under the base', () => {
    const nav = buildNavigation(indexSite(pages), 'data-protection', '/docs/');
    expect(nav.map((e) => e.href)).toEqual([
      '/docs/',
      '/docs/data-protection/',
      '/docs/managing-access/',
      '/docs/resilience/',
    ]);
  });

  it('marks exactly the current page', () => {
    const nav = buildNavigation(indexSite(pages), 'managing-access', '/');
    expect(nav.filter((e) => e.type === 'link' && e.isCurrent).map((e) => e.href)).toEqual([
      '/managing-access/',
    ]);
  });

  it('marks the home page current on the home page', () => {
    const nav = buildNavigation(indexSite(pages), '', '/');
    expect(nav[0]).toMatchObject({ type: 'link', href: '/', isCurrent: true });
  });

  it('groups pages in a folder under the folder index and lists them only in the current section', () => {
    const nav = buildNavigation(indexSite(withSections), 'guides/two', '/');
    expect(nav.map((e) => e.type)).toEqual(['link', 'group', 'group']);
    const [, guides, reference] = nav;
    expect(guides).toMatchObject({
      label: 'Guides',
      href: '/guides/',
      isOpen: true,
      isCurrent: false,
    });
    expect(guides?.type === 'group' && guides.entries.map((l) => [l.href, l.isCurrent])).toEqual([
      ['/guides/one/', false],
      ['/guides/two/', true],
      ['/guides/deep/', false],
    ]);
    expect(reference).toMatchObject({ label: 'Reference', isOpen: false, entries: [] });
  });

  it('expands every folder on the path to a deep page, and only those', () => {
    const nav = buildNavigation(indexSite(withSections), 'guides/deep/leaf', '/');
    expect(hrefs(nav)).toEqual([
      '/',
      '/guides/',
      '/guides/one/',
      '/guides/two/',
      '/guides/deep/',
      '/guides/deep/leaf/',
      '/reference/',
    ]);
  });

  it('expands a folder on its own index page and marks that page current', () => {
    const nav = buildNavigation(indexSite(withSections), 'reference', '/');
    expect(nav[2]).toMatchObject({
      isOpen: true,
      isCurrent: true,
      entries: [{ href: '/reference/api/' }],
    });
  });

  it('lists the same number of links on a page whether the site has 100 or 5,000 pages', () => {
    // Sections of 8 areas of 24 pages, like bench/generate-site.ts: only the current path is expanded.
    const site = (sections: number) => {
      const all = [docPage('', 0)];
      for (let s = 1; s <= sections; s++) {
        all.push(docPage(`s${s}`, s));
        for (let a = 1; a <= 8; a++) {
          all.push(docPage(`s${s}/a${a}`, a));
          for (let p = 1; p <= 24; p++) all.push(docPage(`s${s}/a${a}/p${p}`, p));
        }
      }
      return all;
    };
    const small = hrefs(buildNavigation(indexSite(site(1)), 's1/a3/p7', '/')).length;
    const large = hrefs(buildNavigation(indexSite(site(25)), 's1/a3/p7', '/')).length;
    expect(small).toBe(1 + 1 + 8 + 24);
    expect(large - small).toBe(24); // one link per extra top-level section, none per page
  });
});

describe('sectionEntries', () => {
  it('lists a folder’s pages and sub-folders in order on its index page, with their summaries', () => {
    const site = indexSite(withSections);
    expect(sectionEntries(site, 'guides', '/docs/').map((e) => e.href)).toEqual([
      '/docs/guides/one/',
      '/docs/guides/two/',
      '/docs/guides/deep/',
    ]);
    expect(sectionEntries(site, 'guides', '/')[0]?.description).toBe('Description of guides/one');
  });

  it('is empty for a page that is not a folder index, and for the home page', () => {
    const site = indexSite(withSections);
    expect(sectionEntries(site, 'guides/one', '/')).toEqual([]);
    expect(sectionEntries(site, '', '/')).toEqual([]);
  });
});

describe('sectionOf and ancestorsOf', () => {
  it('finds the folder of a page', () => {
    expect(sectionOf('a/b')).toBe('a');
    expect(sectionOf('a/b/c')).toBe('a/b');
    expect(sectionOf('a')).toBeUndefined();
    expect(sectionOf('')).toBeUndefined();
  });

  it('lists the folders above a page, outermost first', () => {
    expect(ancestorsOf('a/b/c')).toEqual(['a', 'a/b']);
    expect(ancestorsOf('a')).toEqual([]);
    expect(ancestorsOf('')).toEqual([]);
  });
});
