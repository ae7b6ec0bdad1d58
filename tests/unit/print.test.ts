import { describe, expect, it } from 'vitest';
import { indexSite } from '../../src/lib/navigation.ts';
import {
  assemblePrintPage,
  chapterPlaceholder,
  chapterToc,
  isPrintShell,
  planPrintPages,
  printHrefFor,
  printableContentOf,
  printPageOf,
  RegionNames,
  rewriteChapterHtml,
} from '../../src/lib/print.ts';
import { docPage } from '../helpers/pages.ts';

const pages = [docPage('resilience', 3), docPage('', 1), docPage('data-protection', 2)];
const chapters = planPrintPages(indexSite(pages), '/docs/')[0]?.chapters ?? [];
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

  it('names each scrolling region after its chapter, so no two regions of a print page share a name', () => {
    if (!overview || !dataProtection) throw new Error('no chapter');
    const table = '<div class="table-scroll" role="region" aria-label="Table: Keys" tabindex="0">';
    const regions = new RegionNames();
    const html = [overview, dataProtection, { ...dataProtection, title: 'A & "B"' }]
      .map((chapter) =>
        rewriteChapterHtml(`${table}${table}</div></div>`, chapter, chapters, regions),
      )
      .join('');
    const names = [...html.matchAll(/aria-label="([^"]*)"/g)].map((m) => m[1]);
    expect(names).toEqual([
      `${overview.title}: Table: Keys`,
      `${overview.title}: Table: Keys (2)`,
      `${dataProtection.title}: Table: Keys`,
      `${dataProtection.title}: Table: Keys (2)`,
      'A &amp; &quot;B&quot;: Table: Keys',
      'A &amp; &quot;B&quot;: Table: Keys (2)',
    ]);
  });

  it('leaves code blocks exactly as they were', () => {
    if (!overview) throw new Error('no chapter');
    const code =
      '<pre class="astro-code" tabindex="0"><code><span class="tok-string">"id": "x"</span> &lt;a href="#y"&gt;</code></pre>';
    expect(rewriteChapterHtml(code, overview, chapters)).toBe(code);
  });
});

describe('print pages as the site grows', () => {
  // Two top-level pages and two sections: `a` holds 3 pages with its index, `b` 4 with a sub-folder.
  const site = indexSite([
    docPage('', 0),
    docPage('a', 1),
    docPage('a/one', 1),
    docPage('a/two', 2),
    docPage('b', 2),
    docPage('b/one', 1),
    docPage('b/deep', 2),
    docPage('b/deep/leaf', 1),
    docPage('last', 3),
  ]);

  it('keeps the whole guide on /print/ while it fits the limit, in the sidebar’s order', () => {
    const [print, ...others] = planPrintPages(site, '/', 9);
    expect(others).toEqual([]);
    expect(print?.href).toBe('/print/');
    expect(print?.chapters.map((c) => c.slug)).toEqual(site.ordered.map((p) => p.slug));
  });

  it('beyond the limit, gives each section its own print page, and a larger section splits again', () => {
    const plan = planPrintPages(site, '/', 3);
    expect(plan.map((p) => [p.href, p.chapters.map((c) => c.slug)])).toEqual([
      ['/print/', ['', 'last']],
      ['/print/a/', ['a', 'a/one', 'a/two']],
      ['/print/b/', ['b', 'b/one']],
      ['/print/b/deep/', ['b/deep', 'b/deep/leaf']],
    ]);
    expect(plan[0]?.parts).toEqual([
      { title: 'Title of a', href: '/print/a/', pages: 3 },
      { title: 'Title of b', href: '/print/b/', pages: 4 },
    ]);
  });

  it('every page links to the print page that holds it', () => {
    for (const limit of [3, 9, 100]) {
      const where = printPageOf(planPrintPages(site, '/docs/', limit));
      for (const page of site.ordered)
        expect(printHrefFor(site, page.slug, '/docs/', limit), `${page.slug} at ${limit}`).toBe(
          where.get(page.slug),
        );
    }
  });

  it('points a chapter’s contents into the print page', () => {
    if (!dataProtection) throw new Error('no chapter');
    const toc = [{ depth: 2 as const, text: 'Keys', href: '#keys', children: [] }];
    expect(chapterToc(dataProtection, toc)[0]?.href).toBe('#data-protection--keys');
  });

  it('carries each chapter’s review date in both forms', () => {
    expect(overview?.reviewed).toEqual({ iso: '2026-11-28', text: '28 November 2026' });
  });
});

describe('print pages put together from the built pages', () => {
  const built = (content: string, after = '') =>
    `<main><article class="prose astro-x" data-pagefind-body data-headings="A"><h1 class="astro-x">T</h1>${content}${after}</article><section class="page-meta">…</section></main><footer></footer>`;

  it('takes a guide page’s content from between its title and the section’s list of pages', () => {
    expect(printableContentOf(built('<p>Body</p>'))).toBe('<p>Body</p>');
    expect(
      printableContentOf(built('<p>Body</p>', '<nav class="section-index astro-y">…</nav>')),
    ).toBe('<p>Body</p>');
    expect(printableContentOf('<main><h1>Search</h1></main>')).toBeUndefined();
  });

  it('puts each chapter’s content before its page meta and rewrites both, as the route would', () => {
    if (!overview || !dataProtection) throw new Error('no chapter');
    const meta =
      '<section aria-labelledby="sources-heading"><h2 id="sources-heading">S</h2></section>';
    const shell = `<body><h1>Print</h1>${chapterPlaceholder(overview, meta)}<hr>${chapterPlaceholder(
      { ...dataProtection, title: 'Keys --> <b> & more' },
      meta,
    )}</body>`;
    expect(isPrintShell(shell)).toBe(true);
    const contents = new Map([
      [overview.href, '<h2 id="who">Who</h2><a href="/docs/data-protection/#keys">keys</a>'],
      [dataProtection.href, '<h2 id="keys">Keys</h2>'],
    ]);
    const html = assemblePrintPage('print/index.html', shell, (href) => contents.get(href));
    const regions = new RegionNames();
    expect(html).toBe(
      `<body><h1>Print</h1>${rewriteChapterHtml(`${contents.get(overview.href)}${meta}`, overview, chapters, regions)}<hr>${rewriteChapterHtml(`${contents.get(dataProtection.href)}${meta}`, dataProtection, chapters, regions)}</body>`,
    );
    expect(html).toContain('href="#data-protection--keys"');
    expect(isPrintShell(html)).toBe(false);
  });

  it('names the chapter whose page was not built', () => {
    if (!overview) throw new Error('no chapter');
    expect(() =>
      assemblePrintPage('print/index.html', chapterPlaceholder(overview, ''), () => undefined),
    ).toThrow(/print\/index.html: no built page at \/docs\/ to print as the chapter/);
  });
});
