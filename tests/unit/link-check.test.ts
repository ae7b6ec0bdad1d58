import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/lib/built-site.ts';
import { findBrokenLinks, linksOf, urlsInDocument } from '../../src/lib/link-check.ts';

const site = 'https://guide.example.com';
const page = (urlPath: string, head: string, body = '') =>
  linksOf(
    parsePage(
      'page.html',
      urlPath,
      `<!doctype html><html><head>${head}</head><body>${body}</body></html>`,
    ),
  );
const canonical = (path: string) =>
  `<link rel="canonical" href="${site}${path}"><meta property="og:url" content="${site}${path}">`;
const pages = [
  page('/docs/', canonical('/docs/'), '<h2 id="two-halves">Two halves</h2>'),
  page(
    '/docs/data-protection/',
    canonical('/docs/data-protection/'),
    '<h2 id="retention">Retention</h2>',
  ),
  page('/docs/404.html', ''),
];
const files = new Set(['/docs/sitemap-0.xml', '/docs/data-protection/index.md', '/docs/llms.txt']);

describe('the link checker, beyond the HTML links', () => {
  it('accepts canonical and og:url that are the page’s own address in the trailing-slash form', () => {
    expect(findBrokenLinks(pages, { files }, site)).toEqual([]);
  });

  it('reports a canonical URL that is not the page’s own address', () => {
    const head = `<link rel="canonical" href="${site}/docs/"><meta property="og:url" content="${site}/docs/data-protection/">`;
    expect(
      findBrokenLinks(
        [...pages.slice(0, 1), page('/docs/data-protection/', head)],
        { files },
        site,
      ),
    ).toMatchObject([
      {
        page: '/docs/data-protection/',
        href: `${site}/docs/`,
        reason: expect.stringMatching(/canonical URL must be .*\/docs\/data-protection\/$/),
      },
      {
        page: '/docs/data-protection/',
        href: `${site}/docs/data-protection/`,
        reason: `og:url must equal the canonical URL ${site}/docs/`,
      },
    ]);
  });

  it('reports sitemap URLs without the trailing slash, on another origin, or to no page', () => {
    const xml = (locs: string[]) =>
      `<urlset>${locs.map((l) => `<url><loc>${l}</loc></url>`).join('')}</urlset>`;
    const sitemap = urlsInDocument(
      '/docs/sitemap-0.xml',
      xml([
        `${site}/docs/`,
        `${site}/docs/data-protection`,
        'https://other.example/docs/',
        `${site}/docs/gone/`,
      ]),
    );
    const broken = findBrokenLinks(pages, { files, documents: [sitemap] }, site);
    expect(broken.map((b) => [b.href, b.reason.slice(0, 40)])).toEqual([
      [`${site}/docs/data-protection`, 'missing trailing slash: link to /docs/da'],
      ['https://other.example/docs/', 'sitemap URLs must be absolute on https:/'],
      [`${site}/docs/gone/`, 'no page or file at /docs/gone/'],
    ]);
  });

  it('lets a sitemap index list sitemap files, and robots.txt point at it', () => {
    const index = urlsInDocument(
      '/docs/sitemap-index.xml',
      `<sitemapindex><sitemap><loc>${site}/docs/sitemap-0.xml</loc></sitemap></sitemapindex>`,
    );
    const robots = urlsInDocument(
      '/docs/robots.txt',
      `User-agent: *\nAllow: /\n\nSitemap: ${site}/docs/sitemap-0.xml\n`,
    );
    expect(robots.urls).toEqual([`${site}/docs/sitemap-0.xml`]);
    expect(findBrokenLinks(pages, { files, documents: [index, robots] }, site)).toEqual([]);
    const badRobots = urlsInDocument('/docs/robots.txt', `Sitemap: ${site}/sitemap-index.xml\n`);
    expect(findBrokenLinks(pages, { files, documents: [badRobots] }, site)).toMatchObject([
      { page: '/docs/robots.txt', reason: 'no page or file at /sitemap-index.xml' },
    ]);
  });

  it('checks the links and #fragments in llms.txt and the Markdown twins', () => {
    const llms = urlsInDocument(
      '/docs/llms.txt',
      `# Guide\n\n- [Data protection](${site}/docs/data-protection/index.md): summary\n- [Old](${site}/docs/old/index.md): gone\n`,
    );
    const twin = urlsInDocument(
      '/docs/data-protection/index.md',
      `See the [overview](${site}/docs/#two-halves), [a gone heading](${site}/docs/#no-such-heading) and <http://insecure.example/>.`,
    );
    const broken = findBrokenLinks(pages, { files, documents: [llms, twin] }, site);
    expect(broken.map((b) => `${b.page} ${b.href}`)).toEqual([
      `/docs/llms.txt ${site}/docs/old/index.md`,
      `/docs/data-protection/index.md ${site}/docs/#no-such-heading`,
      '/docs/data-protection/index.md http://insecure.example/',
    ]);
    expect(broken[1]?.reason).toMatch(/no element with id="no-such-heading" on \/docs\//);
  });
});

describe('linksOf', () => {
  it('reads the same links as the page’s hast tree holds, SVG and attribute lists included', () => {
    const html =
      '<!doctype html><html><head><link rel="alternate canonical" href="/a/">' +
      '<meta property="og:url" content="/b/"></head><body><h2 id="x">X</h2>' +
      '<main><h2 id="in-main">In main</h2></main>' +
      '<svg><a href="/svg/" xlink:href="/xlink/"><link rel="a,canonical" href="/c/"></a></svg>' +
      '<template><a href="/inside-template/">t</a></template><pre><a href="/pre/">p</a></pre>' +
      '<img src="/i.png"></body></html>';
    expect(linksOf(parsePage('page.html', '/p/', html))).toEqual({
      urlPath: '/p/',
      ids: new Set(['x', 'in-main']),
      contentIds: ['in-main'],
      refs: ['/a/', '/svg/', '/c/', '/pre/', '/i.png'],
      canonical: '/a/',
      ogUrl: '/b/',
    });
  });
});
