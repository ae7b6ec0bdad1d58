/**
 * Loads Pagefind's browser API on first use and turns its results into `SearchHit`s. Titles and
 * URLs are only ever set as text or through `href`; an excerpt is rebuilt from text runs and
 * `<mark>` elements, never assigned as HTML.
 */
import {
  EXCERPT_LENGTH,
  RANKING,
  excerptSegments,
  toHits,
  type PagefindResultData,
  type SearchHit,
} from '../lib/search.ts';
import { allowPagefindWorker } from './trusted-types.ts';

/** The subset of Pagefind 1.6's `pagefind.js` module this site uses. */
interface PagefindModule {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(
    query: string,
  ): Promise<{ results: Array<{ data(): Promise<PagefindResultData> }> } | null>;
}

let loading: Promise<PagefindModule> | undefined;

/**
 * Imports `pagefind.js` once. `moduleUrl` is `<base>pagefind/pagefind.js?v=<runtime key>`; Pagefind
 * loads everything else from that folder, and `baseUrl` puts `<base>` in front of result URLs.
 */
export function loadPagefind(moduleUrl: string, baseUrl: string): Promise<PagefindModule> {
  // Before Pagefind starts its worker: the CSP enforces Trusted Types (src/scripts/trusted-types.ts).
  allowPagefindWorker(moduleUrl);
  loading ??= (import(/* @vite-ignore */ moduleUrl) as Promise<PagefindModule>)
    .then(async (pagefind) => {
      await pagefind.options({
        basePath: moduleUrl.replace(/pagefind\.js(\?.*)?$/, ''),
        baseUrl,
        ranking: RANKING,
        excerptLength: EXCERPT_LENGTH,
      });
      await pagefind.init();
      return pagefind;
    })
    .catch((error: unknown) => {
      loading = undefined;
      console.error(
        `Search could not load ${moduleUrl}.` +
          (import.meta.env.DEV
            ? ' In development the search index comes from the last build: run "npm run build" once, then reload.'
            : ''),
        error,
      );
      throw error;
    });
  return loading;
}

/** What the UI shows when Pagefind cannot be loaded. */
export const LOAD_ERROR_TEXT = import.meta.env.DEV
  ? 'Search has no index yet. Run “npm run build” once (the dev server uses the last build’s index), then reload.'
  : 'Search could not load. If the guide was just updated, reload the page.';

/** Limits for a search. */
export interface SearchLimits {
  /** Pages whose details are loaded and shown. */
  pages: number;
  /** Sections shown under each page. */
  sectionsPerPage: number;
}

/** Result of one query: the pages matched in total, and hits for the first `limits.pages`. */
export interface SearchOutcome {
  total: number;
  pages: SearchHit[][];
}

/** Runs a query; `null` when it became stale (`isStale()`) before its results were loaded. */
export async function runSearch(
  pagefind: PagefindModule,
  query: string,
  limits: SearchLimits,
  isStale: () => boolean = () => false,
): Promise<SearchOutcome | null> {
  const response = await pagefind.search(query);
  // Loading excerpts costs a request per page: not for a query the reader has already typed past.
  if (!response || isStale()) return null;
  const data = await Promise.all(response.results.slice(0, limits.pages).map((r) => r.data()));
  const link = { pageUrl: location.href, query };
  const pages = data
    .map((d) => toHits(d, { sectionsPerPage: limits.sectionsPerPage }, link))
    .filter((hits) => hits.length > 0);
  return { total: response.results.length, pages };
}

/** Fills `target` with the hit's title and excerpt (`.hit-title`, `.hit-excerpt`), as text and `<mark>`. */
export function fillHit(
  target: HTMLElement,
  hit: SearchHit,
  titleTag: 'span' | 'a' = 'span',
): void {
  const title = document.createElement(titleTag);
  title.className = 'hit-title';
  title.textContent = hit.title;
  if (title instanceof HTMLAnchorElement) title.href = hit.href;
  const excerpt = document.createElement('span');
  excerpt.className = 'hit-excerpt';
  excerpt.append(...excerptNodes(hit.excerpt));
  // The space keeps title and excerpt apart in the accessible name (both are read as one option).
  target.append(title, ' ', excerpt);
}

function excerptNodes(excerpt: string): Node[] {
  return excerptSegments(excerpt).map(({ text, mark }) => {
    if (!mark) return document.createTextNode(text);
    const element = document.createElement('mark');
    element.className = 'search-term';
    element.textContent = text;
    return element;
  });
}
