/**
 * Loads Pagefind on first use, from `<base>pagefind/` (Pagefind computes result URLs from there),
 * and runs queries. Titles and URLs are rendered as text; only Pagefind's excerpt is markup.
 */

/** The subset of Pagefind's browser API this site uses. */
interface PagefindModule {
  options(opts: { baseUrl?: string }): Promise<void>;
  search(query: string): Promise<{ results: Array<{ id: string; data(): Promise<PagefindResult> }> }>;
}

/** One search result as Pagefind returns it. */
export interface PagefindResult {
  url: string;
  excerpt: string;
  meta: { title?: string };
  sub_results?: Array<{ title: string; url: string; excerpt: string }>;
}

let loading: Promise<PagefindModule> | undefined;

/** Imports `pagefind.js` once; `bundleUrl` is e.g. `/docs/pagefind/`. */
export function loadPagefind(bundleUrl: string, baseUrl: string): Promise<PagefindModule> {
  loading ??= import(/* @vite-ignore */ `${bundleUrl}pagefind.js`).then(async (mod: PagefindModule) => {
    await mod.options({ baseUrl });
    return mod;
  });
  return loading;
}

/** Runs a query and resolves the first `limit` results' data. */
export async function searchSite(pagefind: PagefindModule, query: string, limit = 8): Promise<PagefindResult[]> {
  const response = await pagefind.search(query);
  return Promise.all(response.results.slice(0, limit).map((r) => r.data()));
}

/** Only same-origin result URLs are followed; anything else becomes the site root. */
export function safeHref(url: string, fallback: string): string {
  try {
    const resolved = new URL(url, location.href);
    return resolved.origin === location.origin ? resolved.pathname + resolved.search + resolved.hash : fallback;
  } catch {
    return fallback;
  }
}

/** Builds the result list: title as text, Pagefind's excerpt (with <mark>) as markup. */
export function renderResults(list: HTMLElement, results: PagefindResult[], fallbackHref: string): void {
  list.replaceChildren(
    ...results.map((result) => {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = safeHref(result.url, fallbackHref);
      link.textContent = result.meta.title ?? result.url;
      const excerpt = document.createElement('p');
      excerpt.innerHTML = result.excerpt; // Pagefind escapes page text and adds only <mark>.
      item.append(link, excerpt);
      return item;
    }),
  );
}
