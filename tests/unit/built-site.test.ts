import { describe, expect, it } from 'vitest';
import { parsePage, urlPathOf } from '../../src/lib/built-site.ts';
import { linksOf } from '../../src/lib/link-check.ts';

describe('urlPathOf', () => {
  it('maps built files to the trailing-slash URLs the site links to, under the base', () => {
    expect(urlPathOf('index.html', '/')).toBe('/');
    expect(urlPathOf('data-protection/index.html', '/docs/')).toBe('/docs/data-protection/');
    expect(urlPathOf('a\\b\\index.html', '/docs')).toBe('/docs/a/b/');
    expect(urlPathOf('404.html', '/docs/')).toBe('/docs/404.html');
    expect(urlPathOf('pagefind/pagefind.js', '/')).toBe('/pagefind/pagefind.js');
  });
});

describe('a built page, parsed as a browser parses it', () => {
  it('shows the link check the links and ids inside <pre> and <noscript> too', () => {
    const page = parsePage(
      'index.html',
      '/',
      '<!doctype html><html><head><link rel="canonical" href="https://x.example/"></head><body>' +
        '<pre><a href="/in-pre/" id="pre-id">x</a></pre>' +
        '<noscript><a href="/in-noscript/">y</a></noscript></body></html>',
    );
    const links = linksOf(page);
    expect(links.refs).toEqual(['https://x.example/', '/in-pre/', '/in-noscript/']);
    expect([...links.ids]).toEqual(['pre-id']);
    expect(links.canonical).toBe('https://x.example/');
  });
});
