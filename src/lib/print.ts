import { HTMLElement, parse } from 'node-html-parser';
import { indexedArticleRange } from './indexed-article.ts';
import { ancestorsOf, isSection, type SiteIndex } from './navigation.ts';
import { reviewDate, type ReviewDate } from './review-date.ts';
import type { TocItem } from './toc.ts';
import type { DocPage, Source } from './types.ts';
import { pageHref, safeDecode } from './urls.ts';

/**
 * Above this many pages a print page is split: /print/ keeps the top-level pages and links to one
 * print page per section (/print/<section>/), and a section that is itself larger splits the same
 * way. 100 pages of the guide print to about 1.5 MB of HTML (about 250 KB compressed): the real
 * guide and a few sections fit in one page to print or save as one PDF, and no page grows with the
 * whole site (at 1,000 pages one print page was 14.7 MiB).
 */
export const PRINT_PAGE_LIMIT = 100;

/** One page of the guide as a chapter of a print page. */
export interface PrintChapter {
  slug: string;
  title: string;
  /** Id of the chapter on the print page; every id inside the chapter is prefixed with it and `--`. */
  anchor: string;
  /** The page's own URL, for "Online at ..." and for links the print page cannot hold. */
  href: string;
  reviewed: ReviewDate;
  sources: Source[];
}

/** A section left out of a print page because it has a print page of its own. */
export interface PrintPart {
  title: string;
  href: string;
  /** Pages in the section, its index page included. */
  pages: number;
}

/** One print page: `/print/` or `/print/<section>/`. */
export interface PrintPage {
  /** The route's slug below the base: `print` or `print/<section>`. */
  slug: string;
  href: string;
  /** The section's slug (`''` for the whole guide). */
  section: string;
  /** The section's title, or `undefined` for /print/. */
  title: string | undefined;
  /** The pages it holds, in reading order. */
  chapters: PrintChapter[];
  /** The sections it leaves to their own print pages, in reading order. */
  parts: PrintPart[];
}

/** Attributes that hold id references, separated by spaces. */
const idRefAttributes = [
  'aria-labelledby',
  'aria-describedby',
  'aria-controls',
  'aria-owns',
  'for',
  'headers',
  'list',
];

/** Pages a folder prints: its index page and everything below it (`''`: the whole site). */
function folderSize(site: SiteIndex, folder: string): number {
  return (site.sizes.get(folder) ?? 0) + (folder === '' ? 0 : 1);
}

/** The print page's slug for a section (`''`: the whole guide). */
function printSlug(section: string): string {
  return section === '' ? 'print' : `print/${section}`;
}

function chapterOf(page: DocPage, base: string): PrintChapter {
  return {
    slug: page.slug,
    title: page.title,
    anchor: page.slug === '' ? 'overview' : page.slug.replaceAll('/', '-'),
    href: pageHref(base, page.slug),
    reviewed: reviewDate(page.lastReviewed),
    sources: page.sources,
  };
}

/**
 * The print pages of a site, /print/ first, each with its chapters in reading order (the sidebar's).
 * A folder of at most `limit` pages (its index and everything below it) prints on one page;
 * a larger one prints its index and loose pages there and gives each sub-folder its own page.
 * The home page's chapter is `overview`.
 */
export function planPrintPages(
  site: SiteIndex,
  base: string,
  limit = PRINT_PAGE_LIMIT,
): PrintPage[] {
  const pages: PrintPage[] = [];
  const sizeOf = (folder: string) => folderSize(site, folder);
  const subtree = (folder: string, into: PrintChapter[]): void => {
    for (const page of site.children.get(folder) ?? []) {
      into.push(chapterOf(page, base));
      if (isSection(site, page.slug)) subtree(page.slug, into);
    }
  };
  const plan = (folder: string): void => {
    const head = site.bySlug.get(folder);
    const chapters: PrintChapter[] = folder !== '' && head ? [chapterOf(head, base)] : [];
    const parts: PrintPart[] = [];
    const split: string[] = [];
    if (sizeOf(folder) <= limit) subtree(folder, chapters);
    else {
      for (const page of site.children.get(folder) ?? []) {
        if (!isSection(site, page.slug)) chapters.push(chapterOf(page, base));
        else {
          parts.push({
            title: page.title,
            href: pageHref(base, printSlug(page.slug)),
            pages: sizeOf(page.slug),
          });
          split.push(page.slug);
        }
      }
    }
    const slug = printSlug(folder);
    pages.push({
      slug,
      href: pageHref(base, slug),
      section: folder,
      title: folder === '' ? undefined : head?.title,
      chapters,
      parts,
    });
    for (const section of split) plan(section);
  };
  plan('');
  return pages;
}

/**
 * The address of the print page that holds a page, the same one `planPrintPages` puts it on,
 * found from the folder sizes alone (no plan needed, so every page can link to it cheaply).
 */
export function printHrefFor(
  site: SiteIndex,
  slug: string,
  base: string,
  limit = PRINT_PAGE_LIMIT,
): string {
  const folders = ['', ...ancestorsOf(slug), ...(isSection(site, slug) ? [slug] : [])];
  const fits = folders.find((folder) => folderSize(site, folder) <= limit) ?? folders.at(-1) ?? '';
  return pageHref(base, printSlug(fits));
}

/** The print page that holds each page, by slug. */
export function printPageOf(pages: readonly PrintPage[]): Map<string, string> {
  const where = new Map<string, string>();
  for (const page of pages) for (const chapter of page.chapters) where.set(chapter.slug, page.href);
  return where;
}

/** A chapter's "On this page" entries as links into the print page (`#<anchor>--<id>`). */
export function chapterToc(chapter: PrintChapter, toc: readonly TocItem[]): TocItem[] {
  return toc.map((item) => ({
    ...item,
    href: `#${chapter.anchor}--${item.href.slice(1)}`,
    children: chapterToc(chapter, item.children),
  }));
}

/** What the rewrite of a chapter needs to know about it and the chapters next to it. */
export type ChapterPlace = Pick<PrintChapter, 'title' | 'anchor' | 'href'>;

/**
 * The names of the scrolling regions on one print page (tables and code blocks, named by
 * plugins/rehype-scroll-regions.ts): unique on their own page, but two pages often both have a
 * "Table: Permissions you need". On the print page each name starts with its chapter's title,
 * and a name still taken gets " (2)", " (3)"... (axe's landmark-unique).
 */
export class RegionNames {
  readonly #used = new Map<string, number>();

  /** The name on the print page for a region named `label` (as written in HTML) in `chapter`. */
  take(chapter: ChapterPlace, label: string): string {
    const name = `${escapeAttribute(chapter.title)}: ${label}`;
    const count = (this.#used.get(name) ?? 0) + 1;
    this.#used.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  }
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

/**
 * Rewrites one rendered page so it can sit next to the others on the print page: every `id` (and
 * every attribute pointing at one) gets the chapter's prefix, so ids stay unique, every link to
 * a page on the same print page, or a section of one, points into it instead, and every scrolling
 * region's name starts with the chapter's title (`RegionNames`).
 * @param html the page's rendered content
 * @param chapter the chapter this HTML belongs to
 * @param chapters all chapters of the print page, to resolve links between them
 * @param regions the region names already given on this print page
 */
export function rewriteChapterHtml(
  html: string,
  chapter: ChapterPlace,
  chapters: readonly ChapterPlace[],
  regions: RegionNames = new RegionNames(),
): string {
  const root = parse(html, { comment: true });
  const local = (id: string): string => `${chapter.anchor}--${id}`;
  const byHref = new Map(chapters.map((c) => [c.href, c]));
  // One walk in document order, each element's attributes rewritten in the order the rules are
  // listed (ids, id references, region names, links): the same markup as one query per rule,
  // without walking every chapter's tree ten times. node-html-parser keeps <pre>, <script>,
  // <style> and <noscript> as text, so nothing inside them is rewritten.
  const visit = (element: HTMLElement): void => {
    const id = element.getAttribute('id');
    if (id !== undefined) element.setAttribute('id', local(id));
    for (const name of idRefAttributes) {
      const value = element.getAttribute(name);
      if (value === undefined) continue;
      const refs = value.split(/\s+/).filter(Boolean);
      element.setAttribute(name, refs.map(local).join(' '));
    }
    if (
      element.getAttribute('role') === 'region' &&
      element.getAttribute('aria-label') !== undefined
    ) {
      const label = element.rawAttributes['aria-label'] ?? '';
      element.setAttribute('aria-label', regions.take(chapter, label));
    }
    const href =
      element.rawTagName.toLowerCase() === 'a' ? element.getAttribute('href') : undefined;
    if (href !== undefined) rewriteLink(element, href, local, byHref);
    for (const child of element.childNodes) if (child instanceof HTMLElement) visit(child);
  };
  for (const child of root.childNodes) if (child instanceof HTMLElement) visit(child);
  return root.toString();
}

/** Points a link to a chapter of the same print page (or a section of one) into the page. */
function rewriteLink(
  link: HTMLElement,
  href: string,
  local: (id: string) => string,
  byHref: ReadonlyMap<string, ChapterPlace>,
): void {
  if (href.startsWith('#')) {
    if (href.length > 1) link.setAttribute('href', `#${local(safeDecode(href.slice(1)))}`);
    return;
  }
  const hashAt = href.indexOf('#');
  const path = hashAt >= 0 ? href.slice(0, hashAt) : href;
  const target = byHref.get(path);
  if (!target) return;
  const fragment = hashAt >= 0 ? safeDecode(href.slice(hashAt + 1)) : '';
  link.setAttribute('href', `#${fragment ? `${target.anchor}--${fragment}` : target.anchor}`);
}

/*
 * A built site's print pages are put together after the build, from the pages as built: the print
 * route writes a shell (contents, each chapter's title and page meta, the document history) with a
 * placeholder where each chapter's content goes, and the post-build pass (integrations/post-build.ts)
 * fills each placeholder with the content of the chapter's built page, rewritten by
 * `rewriteChapterHtml`. Every page's MDX is rendered once, and the largest pages of the site are
 * never rendered by Astro nor held by it. The dev server (no post-build pass) renders the chapters
 * in the route instead; both give the same markup.
 */

/** A chapter's placeholder: its place as JSON, then its page meta, until the closing comment. */
const placeholder = /<!--print-chapter (\{.*?\})-->([\s\S]*?)<!--\/print-chapter-->/g;

/**
 * Where a chapter's content goes on a print page's shell, followed by `after` (its page meta, which
 * is rewritten with it). `<`, `>` and `&` are escaped in the JSON, so it cannot end the comment.
 */
export function chapterPlaceholder(chapter: ChapterPlace, after: string): string {
  const place = JSON.stringify({
    title: chapter.title,
    anchor: chapter.anchor,
    href: chapter.href,
  });
  const safe = place.replace(
    /[<>&]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `<!--print-chapter ${safe}-->${after}<!--/print-chapter-->`;
}

/** Whether a built page is a print page's shell, to be assembled by `assemblePrintPage`. */
export function isPrintShell(html: string): boolean {
  return html.includes('<!--print-chapter {');
}

/**
 * The content of a built guide page, as a print chapter holds it: what follows the `<h1>` of the
 * article DocsLayout writes (`data-pagefind-body`), up to the section's list of pages
 * (SectionIndex, which print leaves out) or the end of the article. `undefined` for any other page.
 */
export function printableContentOf(html: string): string | undefined {
  const article = indexedArticleRange(html);
  if (!article) return undefined;
  const start = html.indexOf('</h1>', article.start);
  const end = article.end - '</article>'.length;
  if (start < 0 || end < start) return undefined;
  const sectionIndex = html.lastIndexOf('<nav class="section-index', end);
  return html.slice(start + '</h1>'.length, sectionIndex > start ? sectionIndex : end);
}

/** The addresses of the pages a print page's shell holds, in its order. */
export function chapterHrefsOf(shell: string): string[] {
  return [...shell.matchAll(placeholder)].map(
    (match) => (JSON.parse(match[1] ?? '{}') as Partial<ChapterPlace>).href ?? '',
  );
}

/**
 * A print page from its shell: each chapter's placeholder replaced by the built content of its page
 * (`contentOf(href)`, from `printableContentOf`) and its page meta, rewritten for the print page.
 * @param file the shell's path in the site, for the error message
 */
export function assemblePrintPage(
  file: string,
  shell: string,
  contentOf: (href: string) => string | undefined,
): string {
  const found = [...shell.matchAll(placeholder)];
  const chapters = found.map((match) => JSON.parse(match[1] ?? '{}') as ChapterPlace);
  const regions = new RegionNames();
  let html = '';
  let at = 0;
  found.forEach((match, i) => {
    const chapter = chapters[i];
    const content = chapter && contentOf(chapter.href);
    if (!chapter || content === undefined)
      throw new Error(
        `${file}: no built page at ${chapter?.href ?? '?'} to print as the chapter ` +
          `"${chapter?.title ?? '?'}": its page must be written by DocsLayout (src/lib/print.ts).`,
      );
    html += shell.slice(at, match.index);
    html += rewriteChapterHtml(content + (match[2] ?? ''), chapter, chapters, regions);
    at = match.index + match[0].length;
  });
  return html + shell.slice(at);
}
