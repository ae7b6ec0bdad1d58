import { describe, expect, it } from 'vitest';
import { buildBreadcrumbs } from '../../src/lib/breadcrumbs.ts';
import { indexSite } from '../../src/lib/navigation.ts';
import { buildPagination } from '../../src/lib/pagination.ts';
import { docPage } from '../helpers/pages.ts';

const home = docPage('', 0);
const a = docPage('a', 1, { label: 'A' });
const b = docPage('b', 2, { label: 'B' });

describe('buildBreadcrumbs', () => {
  it('leads from home to the current page, which has no link', () => {
    expect(buildBreadcrumbs(indexSite([home, a, b]), a, '/docs/', 'Overview')).toEqual([
      { label: 'Overview', href: '/docs/' },
      { label: 'A' },
    ]);
  });

  it('is just the home label on the home page', () => {
    expect(buildBreadcrumbs(indexSite([home, a]), home, '/', 'Overview')).toEqual([
      { label: 'Overview' },
    ]);
  });

  it('passes through the section index for a page in a folder', () => {
    const section = docPage('s', 3, { label: 'Section' });
    const child = docPage('s/c', 1, { label: 'Child' });
    expect(
      buildBreadcrumbs(indexSite([home, section, child]), child, '/', 'Overview').map(
        (c) => c.href,
      ),
    ).toEqual(['/', '/s/', undefined]);
  });

  it('passes through every folder above a deep page, each under its index page’s label', () => {
    const section = docPage('s', 3, { label: 'Section' });
    const area = docPage('s/area', 1, { label: 'Area' });
    const leaf = docPage('s/area/leaf', 1, { label: 'Leaf' });
    expect(
      buildBreadcrumbs(indexSite([home, section, area, leaf]), leaf, '/docs/', 'Overview'),
    ).toEqual([
      { label: 'Overview', href: '/docs/' },
      { label: 'Section', href: '/docs/s/' },
      { label: 'Area', href: '/docs/s/area/' },
      { label: 'Leaf' },
    ]);
  });
});

describe('buildPagination', () => {
  it('links the previous and next pages in sidebar order', () => {
    expect(buildPagination(indexSite([b, home, a]), 'a', '/')).toEqual({
      prev: { label: home.label, href: '/' },
      next: { label: 'B', href: '/b/' },
    });
  });

  it('has no previous link on the first page and no next link on the last', () => {
    expect(buildPagination(indexSite([home, a, b]), '', '/')).toEqual({
      next: { label: 'A', href: '/a/' },
    });
    expect(buildPagination(indexSite([home, a, b]), 'b', '/')).toEqual({
      prev: { label: 'A', href: '/a/' },
    });
  });

  it('goes from a folder’s last page to the next top-level page, not to a page elsewhere with the next order', () => {
    const section = docPage('s', 1, { label: 'S' });
    const first = docPage('s/first', 1, { label: 'First' });
    const last = docPage('s/last', 5, { label: 'Last' });
    const after = docPage('after', 2, { label: 'After' });
    const site = indexSite([after, last, home, first, section]);
    expect(buildPagination(site, 's/last', '/')).toEqual({
      prev: { label: 'First', href: '/s/first/' },
      next: { label: 'After', href: '/after/' },
    });
    expect(buildPagination(site, 's', '/').next).toEqual({ label: 'First', href: '/s/first/' });
  });

  it('is empty for an unknown page', () => {
    expect(buildPagination(indexSite([home]), 'missing', '/')).toEqual({});
  });
});
