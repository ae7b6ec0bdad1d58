import { describe, expect, it } from 'vitest';
import { absoluteUrl, assetHref, pageHref, slugFromEntryId } from '../../src/lib/urls.ts';

describe('pageHref', () => {
  it('puts every page under the base with a trailing slash', () => {
    expect(pageHref('/', 'data-protection')).toBe('/data-protection/');
    expect(pageHref('/docs/', 'data-protection')).toBe('/docs/data-protection/');
    expect(pageHref('/docs', 'section/page')).toBe('/docs/section/page/');
  });

  it('maps the home page to the base itself', () => {
    expect(pageHref('/', '')).toBe('/');
    expect(pageHref('/docs/', '')).toBe('/docs/');
  });
});

describe('absoluteUrl', () => {
  it('joins the origin and the path', () => {
    expect(absoluteUrl('https://guide.example.com', '/docs/resilience/')).toBe(
      'https://guide.example.com/docs/resilience/',
    );
    expect(absoluteUrl('https://guide.example.com/', '/')).toBe('https://guide.example.com/');
  });
});

describe('slugFromEntryId', () => {
  it('turns file ids into slugs, with index files naming their folder', () => {
    expect(slugFromEntryId('index')).toBe('');
    expect(slugFromEntryId('index.mdx')).toBe('');
    expect(slugFromEntryId('data-protection')).toBe('data-protection');
    expect(slugFromEntryId('section/index')).toBe('section');
    expect(slugFromEntryId('section/page.mdx')).toBe('section/page');
  });
});

describe('assetHref', () => {
  it('places assets under the base', () => {
    expect(assetHref('/docs/', 'pagefind/')).toBe('/docs/pagefind/');
    expect(assetHref('/', '/favicon.svg')).toBe('/favicon.svg');
  });
});
