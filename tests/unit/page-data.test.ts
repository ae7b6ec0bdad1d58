import { describe, expect, it } from 'vitest';
import { indexSite } from '../../src/lib/navigation.ts';
import { getPageData, sectionIndexId } from '../../src/lib/page-data.ts';
import { formatDate } from '../../src/lib/review-date.ts';
import { docPage } from '../helpers/pages.ts';

const ctx = {
  site: 'https://guide.example.com',
  base: '/docs/',
  siteTitle: 'Guide',
  homeLabel: 'Overview',
};

describe('getPageData', () => {
  it('puts the page title before the site name and builds the canonical URL under the base', () => {
    const page = docPage('resilience', 1, { title: 'Resilience' });
    const data = getPageData(indexSite([docPage('', 0), page]), page, [], ctx);
    expect(data.documentTitle).toBe('Resilience | Guide');
    expect(data.canonical).toBe('https://guide.example.com/docs/resilience/');
    expect(data.reviewed).toEqual({ iso: '2026-11-28', text: '28 November 2026' });
    expect(data.markdownHref).toBe('/docs/resilience/index.md');
    expect(data.printHref).toBe('/docs/print/');
  });

  it('leads with the site name on the home page', () => {
    const home = docPage('', 0, { title: 'Security overview' });
    const data = getPageData(indexSite([home]), home, [], ctx);
    expect(data.documentTitle).toBe('Guide: Security overview');
    expect(data.canonical).toBe('https://guide.example.com/docs/');
  });
});

describe('getPageData on a folder’s index page', () => {
  it('lists the folder’s pages and adds them to “On this page”', () => {
    const section = docPage('s', 1, { title: 'Section' });
    const child = docPage('s/c', 1, { title: 'Child' });
    const site = indexSite([docPage('', 0), section, child]);
    const data = getPageData(site, section, [{ depth: 2, slug: 'intro', text: 'Intro' }], ctx);
    expect(data.sectionIndex).toEqual([
      { title: 'Child', href: '/docs/s/c/', description: child.description },
    ]);
    expect(data.toc.map((t) => t.href)).toEqual(['#intro', `#${sectionIndexId}`]);
    expect(getPageData(site, child, [], ctx).sectionIndex).toEqual([]);
    expect(getPageData(site, child, [], ctx).toc).toEqual([]);
  });
});

describe('formatDate', () => {
  it('formats in UTC whatever the local time zone', () => {
    expect(formatDate(new Date('2026-11-28T00:00:00Z'))).toBe('28 November 2026');
    expect(formatDate(new Date('2026-01-01T23:30:00Z'))).toBe('1 January 2026');
  });
});
