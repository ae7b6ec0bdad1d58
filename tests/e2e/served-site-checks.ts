/**
 * Checks of a built site as a host serves it over HTTP: the headers `_headers` promises on every
 * file, the 404 page, and the trailing-slash redirect (never to another host). One copy, run
 * against every host the tests start (tests/e2e/csp.test.ts, tests/e2e/wrangler.test.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import {
  cacheControlFor,
  headersForPath,
  parseHeadersFile,
  securityHeaders,
} from '../../src/lib/security-headers.ts';
import { openRedirectPaths } from '../unit/open-redirect-paths.ts';
import type { ServedSite } from './csp-checks.ts';

/** Every file of a built site, as paths below the base. */
function builtFiles(dist: string): string[] {
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dist.replace(/\/?$/, '/').length))
    .sort();
}

/** The address a file is linked at: `a/index.html` at `a/`, other files at their own path. */
function addressOf(file: string): string {
  return file === 'index.html' ? '' : file.replace(/(^|\/)index\.html$/, '$1');
}

/**
 * Every file (every page at its trailing-slash address) answers 200 with each header the built
 * `_headers` gives its path, with the same value (a host that joined two rules' values, or dropped
 * one, fails here), and Pagefind's and Astro's files with the Cache-Control their names call for.
 */
export async function expectHeadersAsBuilt(
  site: ServedSite,
  dist: string,
  base: string,
): Promise<void> {
  const rules = parseHeadersFile(readFileSync(join(dist, '_headers'), 'utf8'));
  const problems: string[] = [];
  const files = builtFiles(dist).filter((f) => f !== '_headers' && f !== '404.html');
  expect(files.length).toBeGreaterThan(20);
  for (const file of files) {
    const response = await fetch(site.url + addressOf(file), { redirect: 'manual' });
    await response.arrayBuffer();
    if (response.status !== 200) problems.push(`${file}: status ${response.status}`);
    const expected = headersForPath(rules, base + file);
    expect(expected, file).toMatchObject(securityHeaders());
    if (file.startsWith('_astro/') || file.startsWith('pagefind/'))
      expect(expected['Cache-Control'], file).toBe(cacheControlFor(file));
    for (const [name, value] of Object.entries(expected)) {
      const sent = response.headers.get(name);
      if (sent !== value)
        problems.push(`${file}: ${name} is ${JSON.stringify(sent)}, not ${value}`);
    }
  }
  expect(problems, problems.join('\n')).toEqual([]);
}

/** A missing page answers 404 with the guide's own 404 page and the security headers. */
export async function expectNotFoundPage(site: ServedSite): Promise<void> {
  for (const path of ['no-such-page/', 'no-such-page', 'pagefind/no-such-chunk.pf_index']) {
    const response = await fetch(site.url + path, { redirect: 'follow' });
    expect(response.status, path).toBe(404);
    const body = await response.text();
    if (!path.startsWith('pagefind/')) expect(body, path).toMatch(/<h1[^>]*>[^<]*not found/i);
    expect(response.headers.get('content-security-policy'), path).toBe(
      securityHeaders()['Content-Security-Policy'],
    );
  }
}

/**
 * A page address without its trailing slash redirects to the one with it (query kept), and no
 * request path redirects to another host: `//evil%E3%80%82com` and the rest of the open-redirect
 * shapes either answer on this host or redirect to a path on it.
 */
export async function expectTrailingSlashRedirects(
  site: ServedSite,
  dist: string,
  base: string,
): Promise<void> {
  const pages = builtFiles(dist)
    .filter((f) => f.endsWith('/index.html'))
    .map((f) => f.slice(0, -'/index.html'.length));
  expect(pages).toContain('data-protection');
  for (const page of pages) {
    const response = await fetch(`${site.url}${page}?q=TLS%201.3`, { redirect: 'manual' });
    expect([301, 308], page).toContain(response.status);
    const location = new URL(response.headers.get('location') ?? '', `${site.url}${page}`);
    expect(location.href, page).toBe(`${site.url}${page}/?q=TLS%201.3`);
  }
  for (const path of openRedirectPaths) {
    const url = `${site.origin}${base.replace(/\/$/, '')}${path}`;
    const response = await fetch(url, { redirect: 'manual' });
    await response.arrayBuffer();
    const location = response.headers.get('location');
    if (location === null) continue;
    expect(new URL(location, url).origin, `${JSON.stringify(path)} -> ${location}`).toBe(
      site.origin,
    );
    expect(location.replace(/[\t\n\r]/g, ''), `${JSON.stringify(path)} -> ${location}`).toMatch(
      /^(\/(?![/\\])|https?:\/\/127\.0\.0\.1[:/])/,
    );
  }
}
