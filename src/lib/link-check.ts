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
}

/**
 * Checks every `href` and `src` on every page: same-site links must reach a page (with a trailing
 * slash, the site's one URL form) or a file, `#fragment`s must match an `id` on the target page,
 * and external links must use https.
 */
export function findBrokenLinks(pages: readonly BuiltPage[], inventory: SiteInventory, site: string): BrokenLink[] {
  const idsByPage = new Map<string, Set<string>>();
  const linksByPage = new Map<string, string[]>();
  for (const page of pages) {
    const root = parse(page.html);
    idsByPage.set(page.urlPath, new Set(root.querySelectorAll('[id]').map((el) => el.getAttribute('id') ?? '')));
    const refs = [
      ...root.querySelectorAll('a[href], link[href], area[href]').map((el) => el.getAttribute('href') ?? ''),
      ...root.querySelectorAll('script[src], img[src], source[src], iframe[src]').map((el) => el.getAttribute('src') ?? ''),
    ];
    linksByPage.set(page.urlPath, refs);
  }
  const origin = new URL(site).origin;
  const broken: BrokenLink[] = [];
  for (const [pagePath, refs] of linksByPage) {
    for (const href of refs) {
      const reason = checkLink(href, pagePath, origin, idsByPage, inventory);
      if (reason) broken.push({ page: pagePath, href, reason });
    }
  }
  return broken;
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
    if (url.protocol !== 'https:') return `external links must use https: change it to https://${url.host}${url.pathname}`;
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
  if (!path.endsWith('/') && idsByPage.has(`${path}/`)) return `missing trailing slash: link to ${path}/ (the site's one URL form)`;
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
