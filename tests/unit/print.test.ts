import { describe, expect, it } from 'vitest';
import { buildPrintChapters, rewriteChapterHtml } from '../../src/lib/print.ts';
import { docPage } from '../helpers/pages.ts';

const pages = [docPage('resilience', 3), docPage('', 1), docPage('data-protection', 2)];
const chapters = buildPrintChapters(pages, '/docs/');
const [overview, dataProtection] = chapters;

describe('the printable guide', () => {
  it('orders chapters like the sidebar and names the home page’s chapter "overview"', () => {
    expect(chapters.map((c) => [c.anchor, c.href])).toEqual([
      ['overview', '/docs/'],
      ['data-protection', '/docs/data-protection/'],
      ['resilience', '/docs/resilience/'],
    ]);
  });

  it('prefixes every id, and every attribute that points at one, with the chapter', () => {
    if (!dataProtection) throw new Error('no chapter');
    const html = rewriteChapterHtml(
      '<h2 id="keys">Keys</h2><svg aria-labelledby="t d"><title id="t">T</title><desc id="d">D</desc></svg><label for="q">Q</label><input id="q">',
      dataProtection,
      chapters,
    );
    expect(html).toContain('<h2 id="data-protection--keys">');
    expect(html).toContain('aria-labelledby="data-protection--t data-protection--d"');
    expect(html).toContain('<title id="data-protection--t">');
    expect(html).toContain('for="data-protection--q"');
  });

  it('points links to sections and pages of the guide into the print page, and leaves other links alone', () => {
    if (!overview) throw new Error('no chapter');
    const html = rewriteChapterHtml(
      [
        '<a href="#who">same page</a>',
        '<a href="/docs/data-protection/#export-findings">other page section</a>',
        '<a href="/docs/resilience/">other page</a>',
        '<a href="/docs/search/">search</a>',
        '<a href="https://docs.aws.amazon.com/guardduty/">AWS</a>',
      ].join(''),
      overview,
      chapters,
    );
    expect(html).toContain('href="#overview--who"');
    expect(html).toContain('href="#data-protection--export-findings"');
    expect(html).toContain('href="#resilience"');
    expect(html).toContain('href="/docs/search/"');
    expect(html).toContain('href="https://docs.aws.amazon.com/guardduty/"');
  });

  it('leaves code blocks exactly as they were', () => {
    if (!overview) throw new Error('no chapter');
    const code =
      '<pre class="astro-code" tabindex="0"><code><span class="tok-string">"id": "x"</span> &lt;a href="#y"&gt;</code></pre>';
    expect(rewriteChapterHtml(code, overview, chapters)).toBe(code);
  });
});
