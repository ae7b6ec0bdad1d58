import { describe, expect, it } from 'vitest';
import { buildBreadcrumbs } from '../../src/lib/breadcrumbs.ts';
import { buildPagination } from '../../src/lib/pagination.ts';
import { docPage } from '../helpers/pages.ts';

const home = docPage('', 0);
const a = docPage('a', 1, { label: 'A' });
const b = docPage('b', 2, { label: 'B' });

describe('buildBreadcrumbs', () => {
  it('leads from home to the current page, which has no link', () => {
    expect(buildBreadcrumbs([home, a, b], a, '/docs/', 'Overview')).toEqual([{ label: 'Overview', href: '/docs/' }, { label: 'A' }]);
  });

  it('is just the home label on the home page', () => {
    expect(buildBreadcrumbs([home, a], home, '/', 'Overview')).toEqual([{ label: 'Overview' }]);
  });

  it('passes through the section index for a page in a folder', () => {
    const section = docPage('s', 3, { label: 'Section' });
    const child = docPage('s/c', 1, { label: 'Child' });
    expect(buildBreadcrumbs([home, section, child], child, '/', 'Overview').map((c) => c.href)).toEqual(['/', '/s/', undefined]);
  });
});

describe('buildPagination', () => {
  it('links the previous and next pages in sidebar order', () => {
    expect(buildPagination([b, home, a], 'a', '/')).toEqual({ prev: { label: home.label, href: '/' }, next: { label: 'B', href: '/b/' } });
  });

  it('has no previous link on the first page and no next link on the last', () => {
    expect(buildPagination([home, a, b], '', '/')).toEqual({ next: { label: 'A', href: '/a/' } });
    expect(buildPagination([home, a, b], 'b', '/')).toEqual({ prev: { label: 'A', href: '/a/' } });
  });

  it('is empty for an unknown page', () => {
    expect(buildPagination([home], 'missing', '/')).toEqual({});
  });
});
