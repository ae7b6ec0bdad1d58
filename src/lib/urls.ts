/** URL helpers. One URL form everywhere: `<base><slug>/`, always with a trailing slash. */

/** The page's path on the site, e.g. `pageHref('/docs/', 'data-protection')` is `/docs/data-protection/`. */
export function pageHref(base: string, slug: string): string {
  const cleanSlug = slug.replace(/^\/+|\/+$/g, '');
  return cleanSlug ? `${ensureTrailingSlash(base)}${cleanSlug}/` : ensureTrailingSlash(base);
}

/** The path of a page's plain-Markdown twin: its own address plus `index.md`. */
export function markdownTwinHref(base: string, slug: string): string {
  return `${pageHref(base, slug)}index.md`;
}

/** The absolute URL of a page, for canonical and Open Graph tags. */
export function absoluteUrl(site: string, path: string): string {
  return new URL(path, site.endsWith('/') ? site : `${site}/`).href;
}

/** Maps a content file's id (`index`, `data-protection`, `section/index`) to its slug. */
export function slugFromEntryId(id: string): string {
  const withoutExt = id.replace(/\.mdx?$/, '');
  if (withoutExt === 'index') return '';
  return withoutExt.replace(/\/index$/, '');
}

/** Joins a base with an asset path inside it, e.g. `assetHref('/docs/', 'pagefind/pagefind.js')`. */
export function assetHref(base: string, path: string): string {
  return `${ensureTrailingSlash(base)}${path.replace(/^\/+/, '')}`;
}

function ensureTrailingSlash(path: string): string {
  return path.endsWith('/') ? path : `${path}/`;
}

/** A URL-encoded fragment or path segment decoded; a malformed `%` escape is kept as written. */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
