import { describe, expect, it } from 'vitest';
import {
  loadIndexRewrite,
  type CloudFrontRequest,
  type CloudFrontResponse,
} from '../support/cloudfront-function.ts';

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
