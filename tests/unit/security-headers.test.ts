import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  cacheControlFor,
  cloudFrontResponseHeadersPolicy,
  contentSecurityPolicy,
  headerRules,
  headersForPath,
  immutableCacheControl,
  parseHeadersFile,
  renderHeadersFile,
  revalidateCacheControl,
  securityHeaders,
} from '../../src/lib/security-headers.ts';

/** The file names a real build writes (Pagefind 1.6), below the base. */
const builtFiles = [
  'index.html',
  'data-protection/index.html',
  'data-protection/index.md',
  '404.html',
  'favicon.svg',
  'robots.txt',
  'sitemap-index.xml',
  '_astro/BaseLayout.CYwe4Z5g.css',
  '_astro/theme-boot.BT_WKDXy.js',
  'pagefind/pagefind.js',
  'pagefind/pagefind-worker.js',
  'pagefind/pagefind-entry.json',
  'pagefind/pagefind-highlight.js',
  'pagefind/wasm.en.pagefind',
  'pagefind/wasm.unknown.pagefind',
  'pagefind/pagefind.en_b3b0d8dba2.pf_meta',
  'pagefind/fragment/en_23ac6cc.pf_fragment',
  'pagefind/index/en_922f2d9.pf_index',
];

describe('the Content-Security-Policy', () => {
  it('is the strict policy the guide promises, sent as a header', () => {
    expect(contentSecurityPolicy('header')).toBe(
      "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; " +
        "connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; " +
        "frame-ancestors 'none'; upgrade-insecure-requests; require-trusted-types-for 'script'; " +
        'trusted-types default',
    );
  });

  it('allows nothing the site does not use (security review L7): no blob:, no data:, no default', () => {
    const policy = contentSecurityPolicy('header');
    expect(policy).not.toMatch(/blob:|data:|\*|https?:/);
    expect(policy).toMatch(/^default-src 'none';/);
    expect(policy).toContain("base-uri 'none'");
    expect(policy).not.toMatch(/font-src|frame-src|media-src|manifest-src|child-src/);
  });

  it('never allows inline code or eval', () => {
    for (const delivery of ['header', 'meta'] as const) {
      expect(contentSecurityPolicy(delivery)).not.toMatch(
        /unsafe-inline|'unsafe-eval'|unsafe-hashes|\*/,
      );
    }
  });

  it('in a <meta> tag, is the header policy without the directives a meta policy cannot or should not carry', () => {
    const meta = contentSecurityPolicy('meta').split('; ');
    const header = contentSecurityPolicy('header').split('; ');
    expect(meta).toEqual(
      header.filter((d) => !d.startsWith('frame-ancestors') && d !== 'upgrade-insecure-requests'),
    );
  });
});

describe('cache rules', () => {
  it('cache files with a content hash in their name for a year, and revalidate fixed names', () => {
    const immutable = builtFiles.filter((f) => cacheControlFor(f) === immutableCacheControl);
    expect(immutable).toEqual([
      '_astro/BaseLayout.CYwe4Z5g.css',
      '_astro/theme-boot.BT_WKDXy.js',
      'pagefind/pagefind.en_b3b0d8dba2.pf_meta',
      'pagefind/fragment/en_23ac6cc.pf_fragment',
      'pagefind/index/en_922f2d9.pf_index',
    ]);
    // Pagefind's runtime, worker, entry and WebAssembly keep their names across builds.
    for (const file of [
      'pagefind/pagefind.js',
      'pagefind/pagefind-worker.js',
      'pagefind/pagefind-entry.json',
      'pagefind/wasm.en.pagefind',
      'index.html',
    ]) {
      expect(cacheControlFor(file), file).toBe(revalidateCacheControl);
    }
  });
});

describe('the _headers file', () => {
  const rules = headerRules('/docs/', builtFiles);

  it('sends the security headers on every path under the base', () => {
    for (const file of builtFiles)
      expect(headersForPath(rules, `/docs/${file}`), file).toMatchObject(securityHeaders());
  });

  it('gives every Pagefind and Astro file the Cache-Control its name calls for', () => {
    for (const file of builtFiles.filter(
      (f) => f.startsWith('_astro/') || f.startsWith('pagefind/'),
    )) {
      expect(headersForPath(rules, `/docs/${file}`)['Cache-Control'], file).toBe(
        cacheControlFor(file),
      );
    }
  });

  it('never sets one header in two rules that match the same path (Cloudflare Pages would join them with a comma)', () => {
    for (const file of builtFiles) {
      const path = `/docs/${file}`;
      const matching = rules.filter((r) =>
        r.path.endsWith('*') ? path.startsWith(r.path.slice(0, -1)) : path === r.path,
      );
      const names = matching.flatMap((r) => Object.keys(r.headers));
      expect(names.length, path).toBe(new Set(names).size);
    }
  });

  it('reads back exactly as written', () => {
    expect(parseHeadersFile(renderHeadersFile(rules))).toEqual(rules);
  });

  it('rejects a header line outside any path block, naming the line', () => {
    expect(() => parseHeadersFile('  X-Frame-Options: DENY\n')).toThrow(/line 1/);
  });
});

describe('the CloudFront response headers policy', () => {
  const committed = JSON.parse(
    readFileSync(
      new URL('../../deploy/cloudfront/response-headers-policy.json', import.meta.url),
      'utf8',
    ),
  ) as unknown;

  it('is the committed file, generated from the same source (run node deploy/cloudfront/write-response-headers-policy.ts if not)', () => {
    expect(committed).toEqual(cloudFrontResponseHeadersPolicy());
  });

  it('carries every header _headers sends, with the same values', () => {
    type Policy = {
      SecurityHeadersConfig: {
        ContentSecurityPolicy: { ContentSecurityPolicy: string };
        StrictTransportSecurity: {
          AccessControlMaxAgeSec: number;
          IncludeSubdomains: boolean;
          Preload: boolean;
        };
        ContentTypeOptions: { Override: boolean };
        FrameOptions: { FrameOption: string };
        ReferrerPolicy: { ReferrerPolicy: string };
      };
      CustomHeadersConfig: { Quantity: number; Items: Array<{ Header: string; Value: string }> };
    };
    const policy = committed as Policy;
    const sec = policy.SecurityHeadersConfig;
    const hsts = sec.StrictTransportSecurity;
    const sent: Record<string, string> = {
      'Content-Security-Policy': sec.ContentSecurityPolicy.ContentSecurityPolicy,
      'Strict-Transport-Security': `max-age=${hsts.AccessControlMaxAgeSec}${hsts.IncludeSubdomains ? '; includeSubDomains' : ''}${hsts.Preload ? '; preload' : ''}`,
      'X-Content-Type-Options': sec.ContentTypeOptions.Override ? 'nosniff' : '',
      'X-Frame-Options': sec.FrameOptions.FrameOption,
      'Referrer-Policy': sec.ReferrerPolicy.ReferrerPolicy,
      ...Object.fromEntries(policy.CustomHeadersConfig.Items.map((i) => [i.Header, i.Value])),
    };
    expect(policy.CustomHeadersConfig.Quantity).toBe(policy.CustomHeadersConfig.Items.length);
    expect(sent).toEqual(
      headersForPath(
        parseHeadersFile(renderHeadersFile(headerRules('/', builtFiles))),
        '/index.html',
      ),
    );
  });
});
