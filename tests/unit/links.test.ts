import { describe, expect, it } from 'vitest';
import { resolveSourceLink, sourceFileCandidates } from '../../src/lib/links.ts';
import { parsePage } from '../../src/lib/built-site.ts';
import { findBrokenLinks, formatBrokenLinks, linksOf } from '../../src/lib/link-check.ts';

describe('resolveSourceLink', () => {
  it('turns a link to a page file into its URL under the base, keeping the fragment', () => {
    expect(resolveSourceLink('./service-linked-roles.mdx#deletion', 'index.mdx', '/docs/')).toEqual(
      {
        targetFile: 'service-linked-roles.mdx',
        slug: 'service-linked-roles',
        fragment: 'deletion',
        url: '/docs/service-linked-roles/#deletion',
      },
    );
  });

  it('maps index.mdx to the home page and resolves folders relative to the linking page', () => {
    expect(resolveSourceLink('./index.mdx', 'data-protection.mdx', '/')?.url).toBe('/');
    expect(resolveSourceLink('../b.mdx', 'guides/a.mdx', '/')?.url).toBe('/b/');
    expect(resolveSourceLink('c.mdx', 'guides/a.mdx', '/')?.url).toBe('/guides/c/');
  });

  it('takes a malformed % escape as written, so the link check can name the missing file', () => {
    expect(resolveSourceLink('./100%.mdx', 'a.mdx', '/')?.targetFile).toBe('100%.mdx');
    expect(resolveSourceLink('./two%20words.mdx', 'a.mdx', '/')?.targetFile).toBe('two words.mdx');
  });

  it('leaves external, absolute and fragment-only links alone', () => {
    for (const href of [
      'https://docs.aws.amazon.com/x.mdx',
      '/data-protection/',
      '#top',
      'mailto:a@b.c',
      '//cdn.example/x.mdx',
    ]) {
      expect(resolveSourceLink(href, 'index.mdx', '/'), href).toBeUndefined();
    }
  });
});

const site = 'https://guide.example.com';
const page = (urlPath: string, body: string) =>
  linksOf(parsePage('page.html', urlPath, `<!doctype html><html><body>${body}</body></html>`));

describe('sourceFileCandidates', () => {
  it('lets a link to a page still find it after the page became a section, and back', () => {
    expect(sourceFileCandidates('data-protection.mdx')).toEqual([
      'data-protection.mdx',
      'data-protection/index.mdx',
    ]);
    expect(sourceFileCandidates('data-protection/index.mdx')).toEqual([
      'data-protection/index.mdx',
      'data-protection.mdx',
    ]);
    expect(sourceFileCandidates('a/b.mdx')).toEqual(['a/b.mdx', 'a/b/index.mdx']);
  });

  it('never offers the home page for a top-level index', () => {
    expect(sourceFileCandidates('index.mdx')).toEqual(['index.mdx', 'index/index.mdx']);
  });
});

describe('findBrokenLinks', () => {
  const pages = [
    page('/docs/', '<h2 id="intro">Intro</h2><a href="/docs/a/#part">A</a>'),
    page('/docs/a/', '<h2 id="part">Part</h2><a href="#intro">x</a>'),
  ];

  it('accepts links to existing pages, fragments and files', () => {
    const ok = [
      ...pages,
      page(
        '/docs/b/',
        '<a href="../a/#part">a</a><a href="/docs/favicon.svg">i</a><a href="https://aws.amazon.com/">aws</a>',
      ),
    ];
    const broken = findBrokenLinks(ok, { files: new Set(['/docs/favicon.svg']) }, site);
    expect(broken.map((b) => `${b.page} ${b.href}`)).toEqual(['/docs/a/ #intro']);
  });

  it('reports a missing page, a missing fragment, a missing trailing slash and plain http', () => {
    const bad = [
      page(
        '/docs/',
        '<h2 id="intro">x</h2><a href="/docs/nope/">1</a><a href="/docs/#gone">2</a><a href="/docs/a">3</a><a href="http://example.com/">4</a>',
      ),
      page('/docs/a/', ''),
    ];
    const reasons = findBrokenLinks(bad, { files: new Set() }, site).map((b) => b.reason);
    expect(reasons).toHaveLength(4);
    expect(reasons[0]).toMatch(/no page or file at \/docs\/nope\//);
    expect(reasons[1]).toMatch(/no element with id="gone"/);
    expect(reasons[2]).toMatch(/trailing slash/);
    expect(reasons[3]).toMatch(/https/);
  });

  it('checks script and image sources too', () => {
    const broken = findBrokenLinks(
      [page('/', '<img src="/missing.png" alt=""><script src="/app.js"></script>')],
      { files: new Set(['/app.js']) },
      site,
    );
    expect(broken.map((b) => b.href)).toEqual(['/missing.png']);
  });
});

describe('formatBrokenLinks', () => {
  it('groups broken links under their page', () => {
    const text = formatBrokenLinks([
      { page: '/a/', href: '/x/', reason: 'no page' },
      { page: '/a/', href: '/y/', reason: 'no page' },
      { page: '/b/', href: '#z', reason: 'no id' },
    ]);
    expect(text).toBe(
      '3 broken link(s):\n  /a/\n    /x/: no page\n    /y/: no page\n  /b/\n    #z: no id',
    );
  });
});
