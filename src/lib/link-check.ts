import { html as parse5Html, type DefaultTreeAdapterTypes } from 'parse5';
import { find, html, normalize, svg } from 'property-information';
import type { ParsedDocument } from './built-site.ts';
import { safeDecode } from './urls.ts';

/** What the link check needs from one built page, gathered in one walk of its tree. */
export interface PageLinks {
  /** The path the page is served at, e.g. `/docs/data-protection/`. */
  urlPath: string;
  /** Every `id` on the page. */
  ids: ReadonlySet<string>;
  /** The ids inside `<main>`, in page order: what a `#fragment` to the page is written for. */
  contentIds: readonly string[];
  /** Every `href` (a, link, area) and `src` (script, img, source, iframe), in page order. */
  refs: readonly string[];
  /** `<link rel="canonical">`, if the page has one. */
  canonical?: string | undefined;
  /** `<meta property="og:url">`, if the page has one. */
  ogUrl?: string | undefined;
}

const hrefElements = new Set(['a', 'link', 'area']);
const srcElements = new Set(['script', 'img', 'source', 'iframe']);
/** The attributes the link check reads. */
const linkAttributes = new Set(['id', 'href', 'src', 'rel', 'property', 'content']);

/**
 * The ids and links of a parsed page. Looks everywhere a browser would follow a link, `<pre>` and
 * `<noscript>` included (security review I9: a string parser treated them as text). Walks parse5's
 * own tree and reads each attribute as hast would hold it (`hastValue`), without building hast.
 */
export function linksOf(page: { urlPath: string; document: ParsedDocument }): PageLinks {
  const ids = new Set<string>();
  const contentIds: string[] = [];
  const refs: string[] = [];
  let canonical: string | undefined;
  let ogUrl: string | undefined;
  const walk = (node: ParsedNode, inMain: boolean): void => {
    if ('tagName' in node) {
      const { id, href, src, rel, property, content } = linkProperties(node);
      if (typeof id === 'string') {
        ids.add(id);
        if (inMain) contentIds.push(id);
      }
      inMain ||= node.tagName === 'main';
      if (hrefElements.has(node.tagName) && typeof href === 'string') refs.push(href);
      if (srcElements.has(node.tagName) && typeof src === 'string') refs.push(src);
      const isCanonical = Array.isArray(rel) ? rel.includes('canonical') : rel === 'canonical';
      if (node.tagName === 'link' && isCanonical && typeof href === 'string') canonical ??= href;
      if (node.tagName === 'meta' && property === 'og:url' && typeof content === 'string')
        ogUrl ??= content;
    }
    if ('childNodes' in node) for (const child of node.childNodes) walk(child, inMain);
  };
  walk(page.document, false);
  return { urlPath: page.urlPath, ids, contentIds, refs, canonical, ogUrl };
}

type ParsedNode = ParsedDocument | DefaultTreeAdapterTypes.ChildNode;

/** The element's link attributes by hast property name, valued as hast holds them. */
function linkProperties(element: DefaultTreeAdapterTypes.Element): Record<string, HastValue> {
  const properties: Record<string, HastValue> = {};
  const schema = element.namespaceURI === parse5Html.NS.SVG ? svg : html;
  for (const attribute of element.attrs) {
    // parse5 lower-cases attribute names (only SVG's camelCase ones and prefixed ones such as
    // xlink:href differ, and none of those is a link attribute), so the name needs no folding.
    if (attribute.prefix || !linkAttributes.has(attribute.name)) continue;
    const info = find(schema, attribute.name);
    properties[info.property] = hastValue(info, attribute.value);
  }
  return properties;
}

/** An attribute's value as hast holds it. */
type HastValue = string | number | boolean | Array<string | number | boolean>;

/**
 * An attribute's value as hastscript stores it (hast-util-from-parse5 builds hast with it): split
 * into tokens where the schema says the attribute is a list, numbers and booleans recognised.
 */
function hastValue(info: ReturnType<typeof find>, value: string): HastValue {
  const primitive = (item: string) => {
    if (info.number && item && !Number.isNaN(Number(item))) return Number(item);
    const isBoolean = info.boolean || info.overloadedBoolean;
    if (isBoolean && (item === '' || normalize(item) === normalize(info.property))) return true;
    return item;
  };
  if (info.spaceSeparated) return spaceTokens(value).map(primitive);
  if (info.commaSeparated) return commaTokens(value).map(primitive);
  if (info.commaOrSpaceSeparated) return spaceTokens(commaTokens(value).join(' ')).map(primitive);
  return primitive(value);
}

/** space-separated-tokens' `parse`. */
function spaceTokens(value: string): string[] {
  const input = value.trim();
  return input ? input.split(/[ \t\n\r\f]+/g) : [];
}

/** comma-separated-tokens' `parse`: a trailing empty token is dropped, others kept. */
function commaTokens(value: string): string[] {
  const tokens: string[] = [];
  let start = 0;
  for (;;) {
    const index = value.indexOf(',', start);
    const end = index < 0 ? value.length : index;
    const token = value.slice(start, end).trim();
    if (token || index >= 0) tokens.push(token);
    if (index < 0) return tokens;
    start = index + 1;
  }
}

/** A link on a built page that leads nowhere (or to an insecure address). */
export interface BrokenLink {
  /** The page the link is on. */
  page: string;
  /** The link as written in the HTML. */
  href: string;
  /** Why it is broken and how to fix it. */
  reason: string;
}

/** What the site contains besides pages: files such as `/docs/pagefind/pagefind.js` or `/docs/favicon.svg`. */
export interface SiteInventory {
  /** Every non-HTML file's URL path. */
  files: ReadonlySet<string>;
  /** Non-HTML files that list URLs (sitemap, robots.txt, llms.txt, Markdown twins); their URLs are checked too. */
  documents?: readonly LinkDocument[] | undefined;
}

/** A built non-HTML file and the URLs written in it. */
export interface LinkDocument {
  /** The file's URL path, e.g. `/docs/sitemap-0.xml`. */
  path: string;
  /** `sitemap` URLs must also be pages in the one URL form, exactly as their canonical says. */
  kind: 'sitemap' | 'text';
  urls: string[];
}

/** The URLs a sitemap (`<loc>`), Atom feed (`<link href>`), robots.txt (`Sitemap:`) or Markdown file (`[text](url)`, `<url>`) lists. */
export function urlsInDocument(path: string, text: string): LinkDocument {
  if (path.endsWith('.xml')) {
    const urls = [
      ...[...text.matchAll(/<loc>\s*([^<]*?)\s*<\/loc>/g)].map((m) => m[1] ?? ''),
      ...[...text.matchAll(/<link\b[^>]*?\bhref="([^"]*)"/g)].map((m) => m[1] ?? ''),
    ].map(decodeXml);
    // A sitemap index lists sitemap files and a feed lists pages and itself; only a <urlset> lists pages alone.
    return { path, kind: text.includes('<urlset') ? 'sitemap' : 'text', urls };
  }
  const urls = [
    ...[...text.matchAll(/^Sitemap:\s*(\S+)/gim)].map((m) => m[1] ?? ''),
    ...[...text.matchAll(/\]\((<[^>]+>|[^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) =>
      (m[1] ?? '').replace(/^<|>$/g, ''),
    ),
    ...[...text.matchAll(/<(https?:\/\/[^>\s]+)>/g)].map((m) => m[1] ?? ''),
  ];
  return { path, kind: 'text', urls };
}

function decodeXml(text: string): string {
  return text.replace(
    /&(amp|lt|gt|quot|apos);/g,
    (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[name] ?? '',
  );
}

/**
 * Checks every `href` and `src` on every page: same-site links must reach a page (with a trailing
 * slash, the site's one URL form) or a file, `#fragment`s must match an `id` on the target page,
 * and external links must use https. A page's canonical (and `og:url`) must be its own address in
 * that form. The URLs in `inventory.documents` get the same checks, and a sitemap may list only
 * pages, each exactly as its canonical URL.
 */
export function findBrokenLinks(
  pages: readonly PageLinks[],
  inventory: SiteInventory,
  site: string,
): BrokenLink[] {
  const origin = new URL(site).origin;
  const idsByPage = new Map(pages.map((page) => [page.urlPath, page.ids]));
  const broken: BrokenLink[] = [];
  for (const page of pages) {
    const ownUrl = origin + page.urlPath;
    if (page.canonical !== undefined && page.canonical !== ownUrl) {
      broken.push({
        page: page.urlPath,
        href: page.canonical,
        reason: `canonical URL must be the page's own address in the one URL form: ${ownUrl}`,
      });
    }
    if (page.ogUrl !== undefined && page.ogUrl !== (page.canonical ?? ownUrl)) {
      broken.push({
        page: page.urlPath,
        href: page.ogUrl,
        reason: `og:url must equal the canonical URL ${page.canonical ?? ownUrl}`,
      });
    }
  }
  for (const page of pages) {
    for (const href of page.refs) {
      const reason = checkLink(href, page.urlPath, origin, idsByPage, inventory);
      if (reason) broken.push({ page: page.urlPath, href, reason });
    }
  }
  for (const doc of inventory.documents ?? []) {
    for (const href of doc.urls) {
      const reason =
        checkLink(href, doc.path, origin, idsByPage, inventory) ??
        (doc.kind === 'sitemap' ? checkSitemapUrl(href, origin, idsByPage) : undefined);
      if (reason) broken.push({ page: doc.path, href, reason });
    }
  }
  return broken;
}

/** A sitemap lists absolute URLs of pages on this origin, in the trailing-slash form their canonical uses. */
function checkSitemapUrl(
  href: string,
  origin: string,
  idsByPage: ReadonlyMap<string, ReadonlySet<string>>,
): string | undefined {
  const url = new URL(href, origin);
  if (!/^https?:\/\//.test(href) || url.origin !== origin)
    return `sitemap URLs must be absolute on ${origin} (set SITE_URL to where the site is served)`;
  if (
    url.search ||
    url.hash ||
    !idsByPage.has(safeDecodePath(url.pathname)) ||
    !url.pathname.endsWith('/')
  ) {
    return 'sitemap URLs must be pages in the one URL form (trailing slash, no query or #fragment), as their canonical URL';
  }
  return undefined;
}

function checkLink(
  href: string,
  pagePath: string,
  origin: string,
  idsByPage: ReadonlyMap<string, ReadonlySet<string>>,
  inventory: SiteInventory,
): string | undefined {
  if (href.trim() === '') return 'empty link: give it a destination or remove it';
  if (/^(mailto|tel):/i.test(href)) return undefined;
  let url: URL;
  try {
    url = new URL(href, origin + pagePath);
  } catch {
    return 'not a valid URL';
  }
  if (url.origin !== origin) {
    if (url.protocol !== 'https:')
      return `external links must use https: change it to https://${url.host}${url.pathname}`;
    return undefined;
  }
  const path = safeDecodePath(url.pathname);
  const fragment = safeDecode(url.hash.slice(1));
  if (idsByPage.has(path)) {
    if (fragment && !idsByPage.get(path)?.has(fragment)) {
      return `no element with id="${fragment}" on ${path}: link to an existing heading (see that page's "On this page")`;
    }
    return undefined;
  }
  if (inventory.files.has(path)) return undefined;
  if (!path.endsWith('/') && idsByPage.has(`${path}/`))
    return `missing trailing slash: link to ${path}/ (the site's one URL form)`;
  return `no page or file at ${path}`;
}

/** One line per broken link, grouped by page, for build errors and test failures. */
export function formatBrokenLinks(broken: readonly BrokenLink[]): string {
  const byPage = new Map<string, BrokenLink[]>();
  for (const link of broken) byPage.set(link.page, [...(byPage.get(link.page) ?? []), link]);
  const lines = [`${broken.length} broken link(s):`];
  for (const [page, links] of byPage) {
    lines.push(`  ${page}`);
    for (const link of links) lines.push(`    ${link.href}: ${link.reason}`);
  }
  return lines.join('\n');
}

/** A URL path as the file system names it; a malformed `%` escape is kept as written (I9). */
function safeDecodePath(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}
