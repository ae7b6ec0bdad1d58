import { parse } from 'node-html-parser';

/** One built HTML file: its URL path (with base) and its markup. */
export interface BuiltPage {
  /** The path the page is served at, e.g. `/docs/data-protection/`. */
  urlPath: string;
  html: string;
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
  pages: readonly BuiltPage[],
  inventory: SiteInventory,
  site: string,
): BrokenLink[] {
  const idsByPage = new Map<string, Set<string>>();
  const linksByPage = new Map<string, string[]>();
  const origin = new URL(site).origin;
  const broken: BrokenLink[] = [];
  for (const page of pages) {
    const root = parse(page.html);
    idsByPage.set(
      page.urlPath,
      new Set(root.querySelectorAll('[id]').map((el) => el.getAttribute('id') ?? '')),
    );
    const refs = [
      ...root
        .querySelectorAll('a[href], link[href], area[href]')
        .map((el) => el.getAttribute('href') ?? ''),
      ...root
        .querySelectorAll('script[src], img[src], source[src], iframe[src]')
        .map((el) => el.getAttribute('src') ?? ''),
    ];
    linksByPage.set(page.urlPath, refs);
    const canonical = root.querySelector('link[rel="canonical"]')?.getAttribute('href');
    const ownUrl = origin + page.urlPath;
    if (canonical !== undefined && canonical !== ownUrl) {
      broken.push({
        page: page.urlPath,
        href: canonical,
        reason: `canonical URL must be the page's own address in the one URL form: ${ownUrl}`,
      });
    }
    const ogUrl = root.querySelector('meta[property="og:url"]')?.getAttribute('content');
    if (ogUrl !== undefined && ogUrl !== (canonical ?? ownUrl)) {
      broken.push({
        page: page.urlPath,
        href: ogUrl,
        reason: `og:url must equal the canonical URL ${canonical ?? ownUrl}`,
      });
    }
  }
  for (const [pagePath, refs] of linksByPage) {
    for (const href of refs) {
      const reason = checkLink(href, pagePath, origin, idsByPage, inventory);
      if (reason) broken.push({ page: pagePath, href, reason });
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
  idsByPage: ReadonlyMap<string, Set<string>>,
): string | undefined {
  const url = new URL(href, origin);
  if (!/^https?:\/\//.test(href) || url.origin !== origin)
    return `sitemap URLs must be absolute on ${origin} (set SITE_URL to where the site is served)`;
  if (
    url.search ||
    url.hash ||
    !idsByPage.has(decodeURI(url.pathname)) ||
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
  idsByPage: ReadonlyMap<string, Set<string>>,
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
  const path = decodeURI(url.pathname);
  const fragment = decodeURIComponent(url.hash.slice(1));
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
