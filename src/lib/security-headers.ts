/**
 * The one source of truth for what the site's host sends: the Content-Security-Policy, the other
 * security headers, and how long each file may be cached. From it come the `<meta>` CSP in every
 * built page, `dist/_headers` (Netlify, Cloudflare Pages), the CloudFront response headers policy
 * (deploy/cloudfront/response-headers-policy.json) and the S3 upload's Cache-Control metadata.
 *
 * The policy has no hashes and no 'unsafe-inline': the build emits no inline script, inline style
 * or style attribute (integrations/security-headers.ts fails the build if one appears), so the same
 * static policy is right for every build and a CDN's header config never goes stale.
 */

/**
 * CSP directives in the order they are written. Each source list says what the site loads, and
 * nothing else: `default-src 'none'` refuses every kind of request not listed (fonts, frames,
 * media, manifests: the site has none), so a new kind of resource fails the Chromium CSP test
 * (tests/e2e/csp.test.ts) instead of slipping in.
 */
export const cspDirectives: ReadonlyArray<
  readonly [directive: string, sources: readonly string[]]
> = [
  ['default-src', ["'none'"]],
  // Pagefind compiles its WebAssembly search engine: 'wasm-unsafe-eval' allows that and nothing else.
  ['script-src', ["'self'", "'wasm-unsafe-eval'"]],
  ['style-src', ["'self'"]],
  // The favicon; no remote or data: images (the CSS has no url() at all).
  ['img-src', ["'self'"]],
  // Pagefind fetches its index, fragments and WebAssembly from the site itself.
  ['connect-src', ["'self'"]],
  // Pagefind 1.6 starts its worker from a same-origin file (pagefind-worker.js), never from blob:.
  ['worker-src', ["'self'"]],
  ['object-src', ["'none'"]],
  // No page uses <base> (the audit in src/lib/csp-audit.ts fails the build on one).
  ['base-uri', ["'none'"]],
  // The search forms (header dialog, 404 page) submit to the site's own search page.
  ['form-action', ["'self'"]],
  ['frame-ancestors', ["'none'"]],
  ['upgrade-insecure-requests', []],
  // Trusted Types, enforced: a string reaches a script sink only through the policy named
  // "default", which src/scripts/trusted-types.ts creates before Pagefind starts. It lets through
  // Pagefind's worker URL and nothing else; no other policy may be created.
  ['require-trusted-types-for', ["'script'"]],
  ['trusted-types', ['default']],
];

/**
 * Directives the `<meta http-equiv>` copy leaves out. Browsers ignore `frame-ancestors`, `report-uri`
 * and `sandbox` in a meta policy (Chromium logs an error for each): only a real header can forbid
 * framing. `upgrade-insecure-requests` would work there, but it has nothing to upgrade (every URL is
 * relative, and the link checker rejects http:// links), and in a meta tag it would break
 * `astro preview --host` on a LAN address, where Chromium upgrades same-origin http requests.
 */
const headerOnlyDirectives = new Set([
  'frame-ancestors',
  'report-uri',
  'report-to',
  'sandbox',
  'upgrade-insecure-requests',
]);

/** How the policy reaches the browser: an HTTP header, or `<meta http-equiv>` (GitHub Pages). */
export type CspDelivery = 'header' | 'meta';

/** The Content-Security-Policy value, e.g. `default-src 'self'; script-src 'self' ...`. */
export function contentSecurityPolicy(delivery: CspDelivery): string {
  return cspDirectives
    .filter(([name]) => delivery === 'header' || !headerOnlyDirectives.has(name))
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

/** Two years, the value HSTS preload lists ask for; `preload` is left to the site owner's decision. */
const hstsMaxAge = 63_072_000;

/** Powerful features no page of a documentation site uses; each is switched off for every frame. */
const disabledFeatures = [
  'accelerometer',
  'autoplay',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'usb',
] as const;

/** Every security header the host sends with every response, in a stable order. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy('header'),
    'Strict-Transport-Security': `max-age=${hstsMaxAge}; includeSubDomains`,
    'X-Content-Type-Options': 'nosniff',
    // Legacy twin of frame-ancestors 'none', for browsers without CSP level 2.
    'X-Frame-Options': 'DENY',
    // The guide has no analytics or partner that needs to know where a reader came from.
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': disabledFeatures.map((feature) => `${feature}=()`).join(', '),
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

/** Cache-Control for files whose name changes when their content does: cache for a year. */
export const immutableCacheControl = 'public, max-age=31536000, immutable';
/** Cache-Control for files with fixed names (HTML, Pagefind's runtime and entry): revalidate every time. */
export const revalidateCacheControl = 'public, max-age=0, must-revalidate';

/**
 * Files (below the base) whose names carry a content hash, as globs where `*` matches any characters
 * including `/` (the `aws s3 sync --include` syntax): Astro's bundles, Pagefind's index chunks and
 * fragments, and Pagefind's metadata file (`pagefind.en_b3b0d8dba2.pf_meta`). Everything else keeps a
 * fixed name and must revalidate, above all Pagefind's `pagefind.js`, worker, `pagefind-entry.json`
 * and `wasm.*.pagefind`: an old runtime must never be served against a new index.
 */
export const immutableGlobs = [
  '_astro/*',
  'pagefind/fragment/*',
  'pagefind/index/*',
  'pagefind/*.pf_meta',
] as const;

/**
 * Folders of fixed-name files below the base that must revalidate, as one splat rule each: the
 * search vocabulary (`pagefind/vocabulary/a.json`, src/lib/search-vocabulary.ts), rewritten with
 * every index.
 */
export const revalidateFolderGlobs = ['pagefind/vocabulary/*'] as const;

/** Whether `path` matches `glob`, where `*` matches any run of characters, `/` included. */
export function globMatches(glob: string, path: string): boolean {
  const pattern = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${pattern}$`).test(path);
}

/** Cache-Control for a built file, given its path below the base (`_astro/x.js`, `data-protection/index.html`). */
export function cacheControlFor(path: string): string {
  const clean = path.replace(/^\/+/, '');
  return immutableGlobs.some((glob) => globMatches(glob, clean))
    ? immutableCacheControl
    : revalidateCacheControl;
}

/** One block of a `_headers` file: a path pattern and the headers sent for it. */
export interface HeaderRule {
  /** A path, or a path ending in `*` that matches everything below it. */
  path: string;
  headers: Record<string, string>;
}

/**
 * The rules for a built site: security headers on every path, and Cache-Control on paths that never
 * overlap. Cloudflare Pages joins a header set by two matching rules with a comma (Netlify lets the
 * later rule win), so no header name appears in two rules that can match one path. HTML gets the
 * host's default Cache-Control (`public, max-age=0, must-revalidate` on both hosts), which keeps the
 * rule count far below Cloudflare's limit of 100 however many pages the guide grows to.
 * @param files every built file's path below the base (`pagefind/pagefind.js`, `index.html`)
 */
export function headerRules(base: string, files: readonly string[]): HeaderRule[] {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const rules: HeaderRule[] = [{ path: `${prefix}*`, headers: securityHeaders() }];
  // Whole folders of hashed files: one splat rule each.
  for (const glob of immutableGlobs.filter((g) => /^[^*]+\/\*$/.test(g))) {
    if (files.some((file) => globMatches(glob, file)))
      rules.push({ path: `${prefix}${glob}`, headers: { 'Cache-Control': immutableCacheControl } });
  }
  for (const glob of revalidateFolderGlobs) {
    if (files.some((file) => globMatches(glob, file)))
      rules.push({
        path: `${prefix}${glob}`,
        headers: { 'Cache-Control': revalidateCacheControl },
      });
  }
  // Top-level Pagefind files, each by exact name: fixed names revalidate, hashed ones are immutable.
  for (const file of [...files].filter((f) => /^pagefind\/[^/]+$/.test(f)).sort()) {
    rules.push({ path: `${prefix}${file}`, headers: { 'Cache-Control': cacheControlFor(file) } });
  }
  return rules;
}

/** Writes rules in the `_headers` syntax shared by Netlify and Cloudflare Pages. */
export function renderHeadersFile(rules: readonly HeaderRule[]): string {
  const blocks = rules.map((rule) =>
    [rule.path, ...Object.entries(rule.headers).map(([name, value]) => `  ${name}: ${value}`)].join(
      '\n',
    ),
  );
  return `# Generated at build time from src/lib/security-headers.ts; edit that file, not this one.\n${blocks.join('\n\n')}\n`;
}

/** Reads a `_headers` file back into rules (comments and blank lines skipped). */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  let current: HeaderRule | undefined;
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      current = { path: line.trim(), headers: {} };
      rules.push(current);
      continue;
    }
    const colon = line.indexOf(':');
    if (!current || colon < 0)
      throw new Error(
        `_headers line ${index + 1} is not "  Name: value" under a path: ${JSON.stringify(line)}`,
      );
    current.headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return rules;
}

/** The headers a host applying `rules` sends for `path` (a rule ending in `*` matches everything below it). */
export function headersForPath(rules: readonly HeaderRule[], path: string): Record<string, string> {
  const matching = rules.filter((rule) =>
    rule.path.endsWith('*') ? path.startsWith(rule.path.slice(0, -1)) : path === rule.path,
  );
  return Object.assign({}, ...matching.map((rule) => rule.headers)) as Record<string, string>;
}

/**
 * The CloudFront response headers policy carrying the same headers, in the shape
 * `aws cloudfront create-response-headers-policy --response-headers-policy-config` takes.
 * CloudFront has typed fields for five of them; the rest travel as custom headers.
 */
export function cloudFrontResponseHeadersPolicy(
  headers: Record<string, string> = securityHeaders(),
): object {
  const typed = new Set([
    'Content-Security-Policy',
    'Strict-Transport-Security',
    'X-Content-Type-Options',
    'X-Frame-Options',
    'Referrer-Policy',
  ]);
  const hsts = /^max-age=(\d+)(; includeSubDomains)?(; preload)?$/.exec(
    headers['Strict-Transport-Security'] ?? '',
  );
  if (!hsts)
    throw new Error(
      `Strict-Transport-Security "${headers['Strict-Transport-Security']}" is not in the form CloudFront's policy can express.`,
    );
  const custom = Object.entries(headers).filter(([name]) => !typed.has(name));
  return {
    Name: 'guardduty-security-guide-headers',
    Comment: 'Generated from src/lib/security-headers.ts; the same headers as dist/_headers.',
    SecurityHeadersConfig: {
      ContentSecurityPolicy: {
        Override: true,
        ContentSecurityPolicy: headers['Content-Security-Policy'],
      },
      StrictTransportSecurity: {
        Override: true,
        AccessControlMaxAgeSec: Number(hsts[1]),
        IncludeSubdomains: Boolean(hsts[2]),
        Preload: Boolean(hsts[3]),
      },
      ContentTypeOptions: { Override: true },
      FrameOptions: { Override: true, FrameOption: headers['X-Frame-Options'] },
      ReferrerPolicy: { Override: true, ReferrerPolicy: headers['Referrer-Policy'] },
    },
    CustomHeadersConfig: {
      Quantity: custom.length,
      Items: custom.map(([Header, Value]) => ({ Header, Value, Override: true })),
    },
  };
}
