import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import {
  cacheControlFor,
  contentSecurityPolicy,
  headersForPath,
  parseHeadersFile,
  securityHeaders,
} from '../../src/lib/security-headers.ts';
import { loadIndexRewrite } from '../support/cloudfront-function.ts';
import { builtFiles, readPage } from '../helpers/dist.ts';
import { guidePages } from '../support/guide-pages.ts';
import { builds } from '../helpers/builds.ts';

const site = 'https://guide.example.com';

describe.each(builds)('the site built $name, as a host serves it', ({ dist, base }) => {
  const files = builtFiles(dist);
  const pageUrl = (path: string) => `${site}${base}${path}`;

  it('has a _headers file sending the security headers everywhere and the right Cache-Control per file', () => {
    const rules = parseHeadersFile(readFileSync(join(dist, '_headers'), 'utf8'));
    for (const file of files) {
      const headers = headersForPath(rules, base + file);
      expect(headers, file).toMatchObject(securityHeaders());
      if (file.startsWith('_astro/') || file.startsWith('pagefind/'))
        expect(headers['Cache-Control'], file).toBe(cacheControlFor(file));
    }
    // Pagefind's fixed-name runtime files must revalidate, or an old runtime meets a new index.
    for (const file of [
      'pagefind/pagefind.js',
      'pagefind/pagefind-worker.js',
      'pagefind/pagefind-entry.json',
    ]) {
      expect(headersForPath(rules, base + file)['Cache-Control'], file).toBe(
        'public, max-age=0, must-revalidate',
      );
    }
  });

  it('puts the policy in a <meta> on every page, before any stylesheet or script', () => {
    const meta = `<meta http-equiv="content-security-policy" content="${contentSecurityPolicy('meta')}">`;
    for (const file of files.filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(join(dist, file), 'utf8');
      const at = html.indexOf(meta);
      expect(at, file).toBeGreaterThan(0);
      expect(html.split('http-equiv="content-security-policy"').length, file).toBe(2);
      const firstResource = html.search(/<(script|link rel="stylesheet"|style)\b/);
      if (firstResource >= 0) expect(at, file).toBeLessThan(firstResource);
    }
  });

  it('loads nothing from another origin: no absolute URL in any script, stylesheet, image or CSS url()', () => {
    const resourceSelectors =
      'script[src], link[rel~="stylesheet"], link[rel~="icon"], link[rel~="preload"], link[rel~="modulepreload"], link[rel~="manifest"], img, source, iframe, video, audio, object, embed';
    for (const file of files.filter((f) => f.endsWith('.html'))) {
      // Markup inside <pre> and <noscript> too (node-html-parser reads both as raw text by default).
      const root = parse(readFileSync(join(dist, file), 'utf8'), {
        blockTextElements: { script: true, style: true },
      });
      for (const el of root.querySelectorAll(resourceSelectors)) {
        for (const attr of ['src', 'href', 'srcset', 'data', 'poster']) {
          const value = el.getAttribute(attr);
          if (value !== undefined)
            expect(value, `${file}: <${el.tagName.toLowerCase()} ${attr}>`).not.toMatch(
              /^(https?:)?\/\//i,
            );
        }
      }
    }
    for (const file of files.filter((f) => f.endsWith('.css'))) {
      const css = readFileSync(join(dist, file), 'utf8');
      expect(css, file).not.toMatch(/url\(\s*['"]?(https?:)?\/\//i);
      expect(css, file).not.toMatch(/@import\s+(url\()?\s*['"]?(https?:)?\/\//i);
    }
  });

  it('has robots.txt pointing at a sitemap that lists each guide page and the history exactly as their canonical URLs', () => {
    expect(readFileSync(join(dist, 'robots.txt'), 'utf8')).toContain(
      `Sitemap: ${site}${base}sitemap-index.xml`,
    );
    expect(readFileSync(join(dist, 'sitemap-index.xml'), 'utf8')).toContain(
      `<loc>${site}${base}sitemap-0.xml</loc>`,
    );
    const locs = [
      ...readFileSync(join(dist, 'sitemap-0.xml'), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g),
    ].map((m) => m[1]);
    const canonicals = guidePages.map((page) =>
      readPage(dist, page.path).querySelector('link[rel="canonical"]')?.getAttribute('href'),
    );
    expect(canonicals).toEqual(guidePages.map((page) => pageUrl(page.path)));
    expect(locs.sort()).toEqual([...canonicals, pageUrl('history/')].sort());
  });

  it('gives every page Open Graph tags that agree with its description and canonical URL', () => {
    for (const { path, file, title } of guidePages) {
      const head = readPage(dist, path).querySelector('head');
      const meta = (selector: string) => head?.querySelector(selector)?.getAttribute('content');
      expect(meta('meta[property="og:url"]'), file).toBe(pageUrl(path));
      expect(meta('meta[property="og:description"]'), file).toBe(meta('meta[name="description"]'));
      expect(meta('meta[property="og:title"]'), file).toContain(title);
      expect(meta('meta[property="og:type"]'), file).toBe('article');
    }
  });

  it('offers each page as plain Markdown, linked from its <head> and listed in llms.txt', () => {
    const llms = readFileSync(join(dist, 'llms.txt'), 'utf8');
    for (const { path, file, title } of guidePages) {
      const twinPath = `${base}${path}index.md`;
      const alternate = readPage(dist, path).querySelector(
        'link[rel="alternate"][type="text/markdown"]',
      );
      expect(alternate?.getAttribute('href'), file).toBe(twinPath);
      const twin = readFileSync(join(dist, path, 'index.md'), 'utf8');
      expect(twin.split('\n')[0], file).toBe(`# ${title}`);
      expect(twin, file).toContain(`Web page: <${pageUrl(path)}>`);
      // No MDX left outside code: no import or export line, no component tag (components start a
      // line with a capital). A shell example's `export VAR=…` inside a fence is the reader's.
      const prose = twin.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
      expect(prose, file).not.toMatch(/^(import |export |<\/?[A-Z])/m);
      expect(llms, file).toContain(`](${site}${twinPath}): `);
    }
  });

  it('on S3 + CloudFront, the index-rewrite function maps every URL the site links to onto a file the build wrote', () => {
    const rewrite = loadIndexRewrite();
    const urls = [
      ...readFileSync(join(dist, 'sitemap-0.xml'), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g),
    ].map((m) => new URL(m[1] ?? '').pathname);
    // Every other file, except _headers, which the S3 deploy does not upload.
    urls.push(
      `${base}search/`,
      ...files.filter((f) => !f.endsWith('index.html') && f !== '_headers').map((f) => base + f),
    );
    for (const uri of urls) {
      const result = rewrite({ request: { uri, querystring: {} } });
      expect('uri' in result, uri).toBe(true);
      if ('uri' in result) expect(files, uri).toContain(result.uri.slice(base.length));
    }
    // Without the trailing slash, a page redirects to its one URL form.
    const [topic] = guidePages.filter((page) => page.slug);
    const redirect = rewrite({ request: { uri: `${base}${topic?.slug}`, querystring: {} } });
    expect('statusCode' in redirect && redirect.headers['location']?.value).toBe(
      `${base}${topic?.path}`,
    );
  });

  it('serves a 404 page that searches the guide without JavaScript and lists its top-level pages and sections in reading order', () => {
    const notFound = parse(readFileSync(join(dist, '404.html'), 'utf8'));
    const form = notFound.querySelector('main form[role="search"]');
    expect(form?.getAttribute('action')).toBe(`${base}search/`);
    expect(form?.getAttribute('method')).toBe('get');
    expect(form?.querySelector('input[type="search"]')?.getAttribute('name')).toBe('q');
    const links = notFound.querySelectorAll('main a').map((a) => a.getAttribute('href') ?? '');
    // Bounded as the guide grows: a section's own pages are listed on its index page.
    const topLevel = guidePages.filter((page) => !page.path.slice(0, -1).includes('/'));
    const listed = topLevel.map((page) => `${base}${page.path}`);
    expect(links.filter((href) => listed.includes(href))).toEqual(listed);
    for (const page of guidePages.filter((p) => !topLevel.includes(p)))
      expect(links, page.file).not.toContain(`${base}${page.path}`);
  });
});
