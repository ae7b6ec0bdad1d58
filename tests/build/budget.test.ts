/**
 * Page-weight budgets on the built site (bytes are deterministic, so these are tests; timings live
 * in bench/ and BENCHMARKS.md). For every HTML page:
 *
 * 1. First round trip: brotli(HTML) + brotli(every stylesheet it links) <= 14 KiB. A new TCP
 *    connection sends about ten segments (~14 KiB) before it waits for an acknowledgement.
 * 2. At most 3 requests before first paint: the HTML, the stylesheets it links (and any CSS
 *    @import), and classic <script src> in <head> without async/defer/type=module.
 * 3. JavaScript on load: what a page fetches before any interaction is only what must exist before
 *    the first one: a theme script that runs before paint (at most one classic script in <head>,
 *    <= 1 KiB brotli, importing nothing) and one module that wires the controls (search button and
 *    shortcuts, theme switch, copy buttons), <= 2 KiB brotli and importing nothing statically: at
 *    most 4 requests before interaction (HTML, stylesheet, theme script, module). Code the site
 *    splits off to load on use (anything reached through import(): the search dialog, the search
 *    page's code, Pagefind) must not be among it, nor Pagefind's runtime and index.
 *
 * "Fetched on load" = every <script src> and <link rel=modulepreload> and, for modules, all they
 * import statically, transitively. Brotli at quality 11, as when files are compressed ahead of time;
 * on-the-fly compression at quality 5 is about 10% larger (see BENCHMARKS.md, Page weight).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { urlPathOf } from '../../src/lib/built-site.ts';
import { builds } from '../helpers/builds.ts';
import { builtFiles } from '../helpers/dist.ts';
import { sitePages } from '../helpers/reader.ts';

/** 14 KiB: the budget for HTML + CSS, and the figure every page is printed against. */
const firstRoundTrip = 14 * 1024;
const maxRequestsBeforePaint = 3;
const maxThemeScript = 1024;
const maxModule = 2 * 1024;
const maxRequestsBeforeInteraction = 4;
/**
 * The pages exempt from the 14 KiB HTML budget: /print/ (and /print/<section>/ on a large site)
 * holds many pages on one, on purpose, for readers who print it or save it as PDF. Its CSS, requests and scripts are still checked.
 */
const wholeGuidePages = { has: (page: string) => page.startsWith('print/') };

/** What one page costs a reader: the figures the budgets are about. */
interface PageCost {
  /** The page's path in dist, e.g. `managing-access/` or `404.html`. */
  page: string;
  htmlBrotli: number;
  cssBrotli: number;
  /** The HTML and every request that must finish before first paint, as URL paths. */
  beforePaint: string[];
  /** Classic scripts in <head> that block rendering. */
  blockingScripts: string[];
  /** Every script file fetched on load, with its brotli size. */
  jsOnLoad: Map<string, number>;
  /** Module scripts the page names (`<script type="module" src>`, `<link rel="modulepreload">`). */
  modules: string[];
  /** Files fetched on load that should only load on use, with why. */
  loadedTooEarly: string[];
}

/** Reads a built site once and measures every page. */
function measureSite(dist: string, base: string): PageCost[] {
  const brotli = memo(
    (file: string) =>
      brotliCompressSync(readFileSync(file), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
        .length,
  );
  const jsFiles = builtFiles(dist).filter((f) => f.endsWith('.js') && !f.startsWith('pagefind/'));
  // Everything some script loads with import() is meant to load on use, not on load.
  const lazy = new Set(
    jsFiles.flatMap((file) =>
      dynamicImports(readFileSync(join(dist, file), 'utf8')).map((spec) =>
        resolveUrl(spec, urlPathOf(file, base)),
      ),
    ),
  );
  const fileOf = (url: string, page: string): string => {
    if (!url.startsWith(base))
      throw new Error(
        `${page} loads ${url}, outside the site's base ${base}: every asset must come from the site itself`,
      );
    const file = join(dist, decodeURI(url.slice(base.length)));
    if (!existsSync(file)) throw new Error(`${page} loads ${url}, which is not in the build`);
    return file;
  };
  return builtFiles(dist)
    .filter((f) => f.endsWith('.html'))
    .map((page) => {
      const html = readFileSync(join(dist, page), 'utf8');
      const pageUrl = urlPathOf(page, base);
      const root = parse(html);
      const head = root.querySelector('head');
      const stylesheets = root
        .querySelectorAll('link[href]')
        .filter((l) => (l.getAttribute('rel') ?? '').split(/\s+/).includes('stylesheet'))
        .map((l) => resolveUrl(l.getAttribute('href') ?? '', pageUrl));
      const cssImports = stylesheets.flatMap((css) =>
        cssImportsOf(readFileSync(fileOf(css, page), 'utf8')).map((spec) => resolveUrl(spec, css)),
      );
      const blockingScripts = (head?.querySelectorAll('script[src]') ?? [])
        .filter(
          (s) =>
            !s.hasAttribute('async') &&
            !s.hasAttribute('defer') &&
            s.getAttribute('type') !== 'module',
        )
        .map((s) => resolveUrl(s.getAttribute('src') ?? '', pageUrl));
      const entryScripts = [
        ...root.querySelectorAll('script[src]').map((s) => ({
          url: resolveUrl(s.getAttribute('src') ?? '', pageUrl),
          module: s.getAttribute('type') === 'module',
        })),
        ...root
          .querySelectorAll('link[rel="modulepreload"]')
          .map((l) => ({ url: resolveUrl(l.getAttribute('href') ?? '', pageUrl), module: true })),
      ];
      const modules = entryScripts.filter((s) => s.module).map((s) => s.url);
      const jsOnLoad = new Map<string, number>();
      const queue = [...entryScripts];
      for (let next = queue.shift(); next; next = queue.shift()) {
        if (jsOnLoad.has(next.url)) continue;
        const file = fileOf(next.url, page);
        jsOnLoad.set(next.url, brotli(file));
        if (next.module) {
          const from = next.url;
          queue.push(
            ...staticImports(readFileSync(file, 'utf8')).map((spec) => ({
              url: resolveUrl(spec, from),
              module: true,
            })),
          );
        }
      }
      const loadedTooEarly = [...jsOnLoad.keys()].flatMap((url) => [
        ...(lazy.has(url)
          ? [`${url} (the site loads it with import() on use, but this page fetches it on load)`]
          : []),
        ...(url.startsWith(`${base}pagefind/`)
          ? [`${url} (Pagefind loads when the reader searches, never on load)`]
          : []),
      ]);
      return {
        page: page.replace(/(^|\/)index\.html$/, '$1') || '/',
        htmlBrotli: brotli(join(dist, page)),
        cssBrotli: stylesheets.reduce((sum, css) => sum + brotli(fileOf(css, page)), 0),
        beforePaint: [pageUrl, ...stylesheets, ...cssImports, ...blockingScripts],
        blockingScripts,
        jsOnLoad,
        modules,
        loadedTooEarly,
      };
    });
}

describe.each(builds)('page weight of the site built $name', ({ dist, base }) => {
  const costs = measureSite(dist, base);
  const sum = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0);

  it('measures every page a reader can land on, and prints each page’s figures', () => {
    const rows = costs.map((c) => ({
      page: c.page,
      'HTML br': c.htmlBrotli,
      'CSS br': c.cssBrotli,
      'HTML+CSS': c.htmlBrotli + c.cssBrotli,
      'of 14 KiB': `${Math.round(((c.htmlBrotli + c.cssBrotli) / firstRoundTrip) * 100)}%${wholeGuidePages.has(c.page) ? ' (exempt)' : ''}`,
      'before paint': c.beforePaint.length,
      'JS on load br': sum(c.jsOnLoad.values()),
      'JS files': c.jsOnLoad.size,
      'before interaction': c.beforePaint.length + c.modules.length,
    }));
    console.log(
      `Page weight, built ${base === '/' ? 'at /' : `under ${base}`} (bytes, brotli q11):`,
    );
    console.table(rows);
    // The budgets below hold for every page only if every page was measured.
    const measured = new Set(costs.map((c) => c.page));
    const expected = sitePages
      .filter((p) => p.name !== '404')
      .map((p) => p.path || '/')
      .concat('404.html');
    expect(expected.filter((page) => !measured.has(page))).toEqual([]);
  });

  it('sends every page’s HTML and CSS within the first round trip (14 KiB brotli)', () => {
    const over = costs
      .filter(
        (c) =>
          (wholeGuidePages.has(c.page) ? c.cssBrotli : c.htmlBrotli + c.cssBrotli) > firstRoundTrip,
      )
      .map(
        (c) =>
          `${c.page}: HTML ${c.htmlBrotli} + CSS ${c.cssBrotli} = ${c.htmlBrotli + c.cssBrotli} bytes brotli, over ${firstRoundTrip} by ${c.htmlBrotli + c.cssBrotli - firstRoundTrip}`,
      );
    expect(over, `Pages over the first-round-trip budget:\n${over.join('\n')}`).toEqual([]);
  });

  it('needs at most 3 requests before a page can paint', () => {
    const over = costs
      .filter((c) => c.beforePaint.length > maxRequestsBeforePaint)
      .map(
        (c) =>
          `${c.page}: ${c.beforePaint.length} requests before first paint: ${c.beforePaint.join(', ')}`,
      );
    expect(over, `Pages that wait on too many requests:\n${over.join('\n')}`).toEqual([]);
  });

  it('lets later pages paint from the cache: every page links the same stylesheets', () => {
    const sets = new Set(
      costs.map((c) =>
        c.beforePaint
          .slice(1)
          .filter((u) => u.endsWith('.css'))
          .join(' '),
      ),
    );
    expect(
      [...sets],
      'pages link different stylesheets, so moving between them waits for CSS again',
    ).toHaveLength(1);
  });

  it('loads no JavaScript on load beyond the theme script and one small module that wires the controls', () => {
    const problems = costs.flatMap((c) => {
      const found: string[] = [];
      const [theme, ...more] = c.blockingScripts;
      if (more.length > 0)
        found.push(
          `${c.page}: ${c.blockingScripts.length} render-blocking scripts (${c.blockingScripts.join(', ')}); allow one, for the theme`,
        );
      if (theme !== undefined) {
        const size = c.jsOnLoad.get(theme) ?? 0;
        if (size > maxThemeScript)
          found.push(
            `${c.page}: the render-blocking script ${theme} is ${size} bytes brotli, over ${maxThemeScript}`,
          );
        if (staticImports(readFileSync(join(dist, theme.slice(base.length)), 'utf8')).length > 0)
          found.push(`${c.page}: the render-blocking script ${theme} imports other files`);
      }
      const [module, ...otherModules] = c.modules;
      if (otherModules.length > 0)
        found.push(
          `${c.page}: ${c.modules.length} module scripts (${c.modules.join(', ')}); allow one`,
        );
      const moduleFiles = [...c.jsOnLoad.keys()].filter((url) => url !== theme);
      if (moduleFiles.length > c.modules.length)
        found.push(
          `${c.page}: its module imports others statically, fetched on load: ${moduleFiles.join(', ')}`,
        );
      const moduleSize = module === undefined ? 0 : (c.jsOnLoad.get(module) ?? 0);
      if (moduleSize > maxModule)
        found.push(
          `${c.page}: the module ${module} is ${moduleSize} bytes brotli, over ${maxModule}`,
        );
      const requests = c.beforePaint.length + c.modules.length;
      if (requests > maxRequestsBeforeInteraction)
        found.push(
          `${c.page}: ${requests} requests before interaction, over ${maxRequestsBeforeInteraction}`,
        );
      found.push(...c.loadedTooEarly.map((why) => `${c.page}: loads ${why}`));
      return found;
    });
    expect(
      problems,
      `JavaScript loaded before the reader needs it:\n${problems.join('\n')}`,
    ).toEqual([]);
  });
});

function resolveUrl(spec: string, from: string): string {
  const url = new URL(spec, `https://site.invalid${from}`);
  return url.origin === 'https://site.invalid' ? url.pathname : url.href;
}

/** `import ... from "x"`, `import "x"`, `export ... from "x"` in bundled ES modules (not `import("x")`). */
function staticImports(code: string): string[] {
  return [
    ...code.matchAll(
      /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{},\s]*?\s*from\s*)?["'`]([^"'`]+)["'`]/g,
    ),
  ].map((m) => m[1] ?? '');
}

/** `import("x")` with a literal specifier: code loaded on use. */
function dynamicImports(code: string): string[] {
  return [...code.matchAll(/\bimport\(\s*["'`]([^"'`$]+)["'`]\s*\)/g)].map((m) => m[1] ?? '');
}

function cssImportsOf(css: string): string[] {
  return [...css.matchAll(/@import\s+(?:url\()?\s*["']?([^"')\s;]+)/g)].map((m) => m[1] ?? '');
}

function memo<T>(fn: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const value = fn(key);
    cache.set(key, value);
    return value;
  };
}
