import { describe, expect, it } from 'vitest';
import { findCspBlockedMarkup } from '../../src/lib/csp-audit.ts';

const page = (head: string, body: string) =>
  `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

describe('findCspBlockedMarkup', () => {
  it('accepts same-origin script and stylesheet files and JSON data blocks', () => {
    const html = page(
      '<script src="/_astro/theme.js"></script><link rel="stylesheet" href="/_astro/a.css">',
      '<script type="application/ld+json">{"@type":"WebPage"}</script><p class="x">Text</p>',
    );
    expect(findCspBlockedMarkup(html)).toEqual([]);
  });

  it('finds each kind of inline code the policy blocks', () => {
    const html = page(
      '<style>p{color:red}</style>',
      '<script type="module">console.log(1)</script><span style="color:#E1E4E8">x</span>' +
        '<button onclick="go()">Go</button><a href="javascript:void(0)">x</a>',
    );
    expect(findCspBlockedMarkup(html).map((p) => p.kind)).toEqual([
      'inline <script>',
      'inline <style> element',
      'style="" attribute',
      'onclick="" event handler',
      'javascript: URL',
    ]);
  });

  it('says how to fix each one', () => {
    const [problem] = findCspBlockedMarkup(page('', '<span style="color:red">x</span>'));
    expect(problem?.fix).toMatch(/class/);
    expect(problem?.snippet).toContain('style="color:red"');
  });
});
