import { describe, expect, it } from 'vitest';
import {
  loadIndexRewrite,
  type CloudFrontRequest,
  type CloudFrontResponse,
} from '../support/cloudfront-function.ts';
import { openRedirectPaths } from './open-redirect-paths.ts';

const handler = loadIndexRewrite();

function run(uri: string, querystring: CloudFrontRequest['querystring'] = {}) {
  return handler({ request: { uri, querystring } });
}

describe('the CloudFront index rewrite function', () => {
  it('maps a folder URL to its index.html, at the root and under a subpath', () => {
    expect(run('/')).toMatchObject({ uri: '/index.html' });
    expect(run('/data-protection/')).toMatchObject({ uri: '/data-protection/index.html' });
    expect(run('/docs/')).toMatchObject({ uri: '/docs/index.html' });
    expect(run('/docs/service-linked-roles/')).toMatchObject({
      uri: '/docs/service-linked-roles/index.html',
    });
  });

  it('passes files through unchanged', () => {
    for (const uri of [
      '/_astro/BaseLayout.CYwe4Z5g.css',
      '/pagefind/pagefind.js',
      '/pagefind/wasm.en.pagefind',
      '/docs/data-protection/index.md',
      '/robots.txt',
      '/404.html',
    ]) {
      expect(run(uri), uri).toMatchObject({ uri });
    }
  });

  it('redirects a page URL without its trailing slash to the one URL form, keeping the query', () => {
    const plain = run('/data-protection') as CloudFrontResponse;
    expect(plain.statusCode).toBe(301);
    expect(plain.headers['location']?.value).toBe('/data-protection/');
    const withQuery = run('/docs/search', {
      q: { value: 'TLS%201.3' },
      x: { value: 'a', multiValue: [{ value: 'a' }, { value: 'b' }] },
    }) as CloudFrontResponse;
    expect(withQuery.headers['location']?.value).toBe('/docs/search/?q=TLS%201.3&x=a&x=b');
  });
});

describe('the trailing-slash redirect is never an open redirect (security review M1)', () => {
  const origin = 'https://guide.example.com';

  it.each(openRedirectPaths)('%j redirects to a path on the guide’s own host', (uri) => {
    const result = run(uri, { q: { value: 'x' } });
    // None has an ASCII dot in its last segment, so each is a page URL that gets the redirect.
    expect('statusCode' in result && result.statusCode).toBe(301);
    const location = 'headers' in result ? (result.headers['location']?.value ?? '') : '';
    // What the browser itself does with the Location: resolve it against the page's URL.
    expect(new URL(location, `${origin}/`).origin, location).toBe(origin);
    // Never more than one leading slash, even after the URL parser drops tabs and newlines.
    expect(location.replace(/[\t\n\r]/g, ''), location).toMatch(/^\/[^/\\]/);
  });

  it('collapses the leading run and keeps the rest of the path and the query', () => {
    const location = (uri: string) =>
      (run(uri, { q: { value: 'TLS%201.3' } }) as CloudFrontResponse).headers['location']?.value;
    expect(location('//evil%E3%80%82com')).toBe('/evil%E3%80%82com/?q=TLS%201.3');
    expect(location('///\\evil')).toBe('/evil/?q=TLS%201.3');
    expect(location('//docs/data-protection')).toBe('/docs/data-protection/?q=TLS%201.3');
  });
});
