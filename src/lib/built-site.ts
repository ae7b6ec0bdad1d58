/**
 * The one reader of a built site (`dist/`): which files it holds, the URL each is served at, and
 * each HTML page read and parsed once. The post-build steps (link check, search index, CSP audit
 * and meta policy, `_headers`), the build tests and the benchmarks all read the output through it.
 *
 * Pages are parsed with parse5, the parser browsers follow, so what the checks see is what a
 * browser builds: markup inside `<pre>`, `<noscript>` (scripting off, as a reader without
 * JavaScript gets it), `<template>` and SVG included, comments ended where a browser ends them.
 * The checks walk parse5's own tree; the hast tree (the one the Markdown plugins use) is built
 * only when something asks for it. A parsed page is large next to its HTML, so `eachPage` hands
 * them out one at a time and a step keeps only what it needs from each.
 */
import { readdirSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { fromParse5 } from 'hast-util-from-parse5';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';

/** A page as parse5 builds it: the tree the post-build checks walk (no hast conversion). */
export type ParsedDocument = DefaultTreeAdapterTypes.Document;

/** A built site: where it is, its base path and every file in it. */
export interface BuiltSite {
  /** Absolute path of the output folder. */
  outDir: string;
  /** The base path the site was built for, e.g. `/` or `/docs/`. */
  base: string;
  /** Every file, relative to `outDir` with `/` separators, sorted (`a/index.html`, `favicon.svg`). */
  files: readonly string[];
}

/** One HTML page of a built site. */
export interface BuiltPage {
  /** Path relative to the output folder, e.g. `data-protection/index.html`. */
  file: string;
  /** The address it is served at, e.g. `/docs/data-protection/`. */
  urlPath: string;
  /** The page's markup as written. */
  html: string;
  /** The page as parse5 parsed it (as a browser does), the tree the post-build checks walk. */
  document: ParsedDocument;
  /**
   * The same page as hast, without source positions (see `withPositions`); converted from
   * `document` when first read, since the post-build pass needs it only for an error message.
   */
  readonly tree: Root;
}

/** Every file below `outDir`, relative to it with `/` separators, sorted. */
export async function listFiles(outDir: string): Promise<string[]> {
  return relativeFiles(outDir, await readdir(outDir, { recursive: true, withFileTypes: true }));
}

/** `listFiles` for code that cannot wait (a test that measures the site while it is collected). */
export function listFilesSync(outDir: string): string[] {
  return relativeFiles(outDir, readdirSync(outDir, { recursive: true, withFileTypes: true }));
}

function relativeFiles(
  outDir: string,
  entries: ReadonlyArray<{ isFile(): boolean; parentPath: string; name: string }>,
): string[] {
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(outDir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** Lists a built site's files. */
export async function openBuiltSite(outDir: string, base: string): Promise<BuiltSite> {
  return { outDir, base: withTrailingSlash(base), files: await listFiles(outDir) };
}

/**
 * The address a built file is served at under `base`: `index.html` is the base itself,
 * `a/index.html` is `<base>a/`, any other file keeps its name (`<base>404.html`).
 */
export function urlPathOf(file: string, base: string): string {
  const path = file.split('\\').join('/').replace(/^\/+/, '');
  const prefix = withTrailingSlash(base);
  if (path === 'index.html') return prefix;
  if (path.endsWith('/index.html')) return prefix + path.slice(0, -'index.html'.length);
  return prefix + path;
}

/** The site's HTML files (Pagefind's own folder holds none worth reading). */
export function htmlFiles(site: BuiltSite): string[] {
  return site.files.filter((file) => file.endsWith('.html') && !file.startsWith('pagefind/'));
}

/**
 * Parses one page of markup as a browser does with scripting off (so `<noscript>` holds markup),
 * without source positions: they double parse5's time, and only an error message needs them.
 */
export function parsePage(file: string, urlPath: string, html: string): BuiltPage {
  const document = parse(html, { scriptingEnabled: false });
  let tree: Root | undefined;
  return {
    file,
    urlPath,
    html,
    document,
    get tree() {
      tree ??= toHast(file, document);
      return tree;
    },
  };
}

function toHast(file: string, document: ParsedDocument): Root {
  const tree = fromParse5(document);
  // A parsed document is always a root; the check narrows the type hast-util-from-parse5 returns.
  if (tree.type !== 'root') throw new Error(`${file}: parse5 returned no document`);
  return tree;
}

/** The same page parsed again with source positions, for a message that names the line. */
export function withPositions(page: BuiltPage): BuiltPage {
  const { file, urlPath, html, document } = page;
  return { file, urlPath, html, document, tree: fromHtml(html) };
}

/**
 * Reads and parses every HTML page once, in file order, and hands each to `visit` before the next
 * is read; `visit` may be async (it is awaited). Nothing of a page is kept once it is visited, so
 * a large site's pass holds one page at a time. (The build's own pass runs on more than one
 * thread: integrations/page-pass.ts.)
 */
export async function eachPage(
  site: BuiltSite,
  visit: (page: BuiltPage) => void | Promise<void>,
): Promise<void> {
  const files = htmlFiles(site);
  const read = (file: string | undefined) =>
    file === undefined ? undefined : readText(site, file);
  // The next page is read from disk while this one is parsed and visited.
  let reading = read(files[0]);
  for (const [i, file] of files.entries()) {
    const html = (await reading) ?? '';
    reading = read(files[i + 1]);
    await visit(parsePage(file, urlPathOf(file, site.base), html));
  }
}

/** Every page, parsed: for tests and small sites (a large site's trees do not fit in memory). */
export async function readPages(site: BuiltSite): Promise<BuiltPage[]> {
  const pages: BuiltPage[] = [];
  await eachPage(site, (page) => void pages.push(page));
  return pages;
}

/** A text file of the site, by its path relative to the output folder. */
export function readText(site: Pick<BuiltSite, 'outDir'>, file: string): Promise<string> {
  return readFile(join(site.outDir, file), 'utf8');
}

function withTrailingSlash(path: string): string {
  return path.endsWith('/') ? path : `${path}/`;
}
