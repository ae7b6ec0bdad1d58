import { describe, expect, it } from 'vitest';
import { buildNavigation, sectionOf, sectionPages, sortPages } from '../../src/lib/navigation.ts';
import { docPage } from '../helpers/pages.ts';

const pages = [docPage('resilience', 6), docPage('', 0), docPage('data-protection', 1), docPage('managing-access', 2)];

describe('sortPages', () => {
  it('orders by sidebar order, then by label for ties', () => {
    const tied = [docPage('b', 1, { label: 'Beta' }), docPage('a', 1, { label: 'Alpha' }), docPage('z', 0)];
    expect(sortPages(tied).map((p) => p.slug)).toEqual(['z', 'a', 'b']);
  });

  it('does not change the array it is given', () => {
    const copy = [...pages];
    sortPages(pages);
    expect(pages).toEqual(copy);
  });
});

describe('buildNavigation', () => {
  it('lists pages in order with hrefs under the base', () => {
    const nav = buildNavigation(pages, 'data-protection', '/docs/');
    expect(nav.map((e) => e.href)).toEqual(['/docs/', '/docs/data-protection/', '/docs/managing-access/', '/docs/resilience/']);
  });

  it('marks exactly the current page', () => {
    const nav = buildNavigation(pages, 'managing-access', '/');
    expect(nav.filter((e) => e.type === 'link' && e.isCurrent).map((e) => e.href)).toEqual(['/managing-access/']);
  });

  it('marks the home page current on the home page', () => {
    const nav = buildNavigation(pages, '', '/');
    expect(nav[0]).toMatchObject({ type: 'link', href: '/', isCurrent: true });
  });

  it('groups pages in a folder under the folder index and lists them only in the current section', () => {
    const withSections = [
      docPage('', 0),
      docPage('guides', 1, { label: 'Guides' }),
      docPage('guides/one', 1),
      docPage('guides/two', 2),
      docPage('reference', 2, { label: 'Reference' }),
      docPage('reference/api', 1),
    ];
    const nav = buildNavigation(withSections, 'guides/two', '/');
    expect(nav.map((e) => e.type)).toEqual(['link', 'group', 'group']);
    const [, guides, reference] = nav;
    expect(guides).toMatchObject({ label: 'Guides', href: '/guides/', isCurrent: true, isCurrentPage: false });
    expect(guides?.type === 'group' && guides.entries.map((l) => [l.href, l.isCurrent])).toEqual([
      ['/guides/one/', false],
      ['/guides/two/', true],
    ]);
    expect(reference).toMatchObject({ label: 'Reference', isCurrent: false, entries: [] });
  });
});

describe('sectionOf and sectionPages', () => {
  it('finds the folder of a page', () => {
    expect(sectionOf('a/b')).toBe('a');
    expect(sectionOf('a')).toBeUndefined();
    expect(sectionOf('')).toBeUndefined();
  });

  it('lists a section’s pages in order', () => {
    const all = [docPage('s/b', 2), docPage('s/a', 1), docPage('t/c', 1), docPage('s', 3)];
    expect(sectionPages(all, 's').map((p) => p.slug)).toEqual(['s/a', 's/b']);
  });
});
