import { fromHtml } from 'hast-util-from-html';
import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import {
  findCspBlockedMarkup,
  findCspBlockedMarkupInHtml,
  mayHaveCspBlockedMarkup,
  urlScheme,
} from '../../src/lib/csp-audit.ts';

const page = (head: string, body: string) =>
  `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

const quickLook = (html: string) =>
  mayHaveCspBlockedMarkup(parse(html, { scriptingEnabled: false }));

/** What the audit finds; every page it flags must also fail the post-build pass's quick look. */
const kinds = (body: string, head = '') => {
  const html = page(head, body);
  const found = findCspBlockedMarkupInHtml(html).map((p) => p.kind);
  if (found.length > 0) expect(quickLook(html)).toBe(true);
  return found;
};

describe('findCspBlockedMarkup', () => {
  it('accepts same-origin script and stylesheet files, JSON data blocks and ordinary links', () => {
    const html = page(
      '<script src="/_astro/theme.js"></script><link rel="stylesheet" href="/_astro/a.css">',
      '<script type="application/ld+json">{"@type":"WebPage"}</script><p class="x">Text</p>' +
        '<a href="/docs/">Docs</a><a href="https://docs.aws.amazon.com/">AWS</a>' +
        '<pre><code><span class="line"><span class="tok-k">aws</span></span></code></pre>' +
        '<noscript><a href="/search/">Search</a></noscript>',
    );
    expect(findCspBlockedMarkupInHtml(html)).toEqual([]);
  });

  it('finds each kind of inline code the policy blocks, in document order', () => {
    expect(
      kinds(
        '<script type="module">console.log(1)</script><span style="color:#E1E4E8">x</span>' +
          '<button onclick="go()">Go</button><a href="javascript:void(0)">x</a>',
        '<style>p{color:red}</style>',
      ),
    ).toEqual([
      'inline <style> element',
      'inline <script>',
      'style="" attribute',
      'onclick="" event handler',
      'javascript: URL in href=""',
    ]);
  });

  it('says how to fix each one, with the markup and its line', () => {
    const [problem] = findCspBlockedMarkupInHtml(
      '<!doctype html><html><head></head><body>\n\n<span style="color:red">x</span></body></html>',
    );
    expect(problem?.fix).toMatch(/class/);
    expect(problem?.snippet).toBe('<span style="color:red">x</span>');
    expect(problem?.line).toBe(3);
  });

  it('takes a parsed tree, so a caller that already parsed the page does not parse it again', () => {
    const tree = fromHtml(page('', '<p style="color:red">x</p>'));
    expect(findCspBlockedMarkup(tree).map((p) => p.kind)).toEqual(['style="" attribute']);
  });
});

describe('the audit sees what a browser parses (security review M2)', () => {
  it.each([
    ['<pre><span style="color:#E1E4E8">const</span></pre>', 'style="" attribute'],
    ['<pre><code><script>alert(1)</script></code></pre>', 'inline <script>'],
    ['<pre><img src="/x.svg" onerror="alert(1)"></pre>', 'onerror="" event handler'],
    ['<pre><a href="javascript:alert(1)">x</a></pre>', 'javascript: URL in href=""'],
    ['<pre><style>p{}</style></pre>', 'inline <style> element'],
    ['<noscript><script>alert(1)</script></noscript>', 'inline <script>'],
    ['<noscript><a href="javascript:alert(1)">x</a></noscript>', 'javascript: URL in href=""'],
    ['<noscript><p style="color:red">x</p></noscript>', 'style="" attribute'],
    ['<template><p style="color:red">x</p></template>', 'style="" attribute'],
    ['<svg><style>circle{}</style></svg>', 'inline <style> element'],
    ['<svg><script>alert(1)</script></svg>', 'inline <script>'],
    ['<svg><circle onload="alert(1)"/></svg>', 'onload="" event handler'],
  ])('%s', (body, kind) => {
    expect(kinds(body)).toEqual([kind]);
  });

  it('in <noscript> inside <head>, as a reader without JavaScript gets it', () => {
    expect(kinds('', '<noscript><style>p{}</style></noscript>')).toEqual([
      'inline <style> element',
    ]);
  });

  it('ends a comment at --!> as browsers do, so a script after it is found', () => {
    expect(kinds('<!-- x --!><script>alert(1)</script>')).toEqual(['inline <script>']);
  });

  it('flags a "</noscript" that a browser running scripts would end the <noscript> at', () => {
    expect(kinds('<noscript><!--</noscript><script>alert(1)</script>--></noscript>')).toEqual([
      '"</noscript" inside a comment in <noscript>',
    ]);
    expect(
      kinds('<noscript><p title="</noscript><script>alert(1)</script>"></p></noscript>'),
    ).toEqual(['"</noscript" inside title="" in <noscript>']);
  });

  it('reads a <noscript> held as raw text (a scripting-on parse) as markup too', () => {
    const tree = fromHtml(page('', '<noscript></noscript>'));
    const noscript = tree.children
      .flatMap((n) => (n.type === 'element' ? n.children : []))
      .flatMap((n) => (n.type === 'element' ? n.children : []))
      .find((n) => n.type === 'element' && n.tagName === 'noscript');
    if (noscript?.type !== 'element') throw new Error('no <noscript> in the tree');
    noscript.children = [{ type: 'text', value: '<a href="javascript:x()">x</a>' }];
    expect(findCspBlockedMarkup(tree).map((p) => p.kind)).toEqual(['javascript: URL in href=""']);
  });
});

describe('the audit checks every URL-bearing attribute and markup the policy cannot govern (L1)', () => {
  it.each([
    ['<form action="javascript:alert(1)"></form>', 'javascript: URL in action=""'],
    ['<button formaction="javascript:alert(1)">x</button>', 'javascript: URL in formaction=""'],
    ['<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', 'xlink:href'],
    ['<svg><a href="javascript:alert(1)"><text>x</text></a></svg>', 'javascript: URL in href=""'],
    ['<object data="javascript:alert(1)"></object>', 'javascript: URL in data=""'],
    ['<iframe src="javascript:alert(1)"></iframe>', 'javascript: URL in src=""'],
    ['<video poster="javascript:alert(1)"></video>', 'javascript: URL in poster=""'],
    ['<a ping="/ok javascript:alert(1)" href="/">x</a>', 'javascript: URL in ping=""'],
    ['<a href="java\tscript:alert(1)">x</a>', 'javascript: URL in href=""'],
    ['<a href="java&#9;script:alert(1)">x</a>', 'javascript: URL in href=""'],
    ['<a href="java&#10;script:alert(1)">x</a>', 'javascript: URL in href=""'],
    ['<a href="&#1;javascript:alert(1)">x</a>', 'javascript: URL in href=""'],
    ['<a href=" \u001f JavaScript:alert(1)">x</a>', 'javascript: URL in href=""'],
    ['<a href="&#106;avascript:alert(1)">x</a>', 'javascript: URL in href=""'],
    ['<a href="javascript&colon;alert(1)">x</a>', 'javascript: URL in href=""'],
    ['<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>', 'srcdoc="" attribute'],
    ['<script src="data:text/javascript,alert(1)"></script>', 'data: URL as a script source'],
  ])('%s', (body, kind) => {
    const found = kinds(body);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(kind);
  });

  it('checks both href and src on one element', () => {
    expect(kinds('<img href="/ok" src="javascript:alert(1)">')).toEqual([
      'javascript: URL in src=""',
    ]);
  });

  it('flags a meta refresh and a <base>, which the policy cannot check or base-uri blocks', () => {
    expect(
      kinds('', '<base href="https://evil.example/"><meta http-equiv="Refresh" content="0;url=/">'),
    ).toEqual(['<base> element', '<meta http-equiv="refresh">']);
  });

  it('leaves data blocks and JSON alone, and finds scripts of every executable type', () => {
    expect(
      kinds('<script type="text/plain">x</script><script type="text/x-template">x</script>'),
    ).toEqual([]);
    expect(
      kinds(
        '<script type="text/javascript">x</script><script type="importmap">{}</script>' +
          '<script type=" Module ">x</script>',
      ),
    ).toEqual(['inline <script>', 'inline <script>', 'inline <script>']);
  });
});

describe('mayHaveCspBlockedMarkup', () => {
  it('passes a page of same-origin files, ordinary links and highlighted code', () => {
    const html = page(
      '<meta charset="utf-8"><script type="module" src="/_astro/a.js"></script>' +
        '<link rel="stylesheet" href="/_astro/a.css">',
      '<a href="/docs/#x">Docs</a><pre><code><span class="tok-k">aws</span></code></pre>' +
        '<svg viewBox="0 0 1 1"><use href="#icon"></use></svg>',
    );
    expect(quickLook(html)).toBe(false);
  });

  it('sends every <noscript> and script without a file to the full audit', () => {
    expect(quickLook(page('', '<noscript><a href="/search/">Search</a></noscript>'))).toBe(true);
    expect(quickLook(page('', '<script type="application/ld+json">{}</script>'))).toBe(true);
  });
});

describe('urlScheme', () => {
  it('cleans the value the way the URL parser does before reading the scheme', () => {
    expect(urlScheme('\u0001 java\tscr\nipt:x')).toBe('javascript');
    expect(urlScheme('HTTPS://x')).toBe('https');
    expect(urlScheme('/docs/a:b')).toBeUndefined();
    expect(urlScheme('#x')).toBeUndefined();
  });
});
