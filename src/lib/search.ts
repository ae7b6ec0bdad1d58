/**
 * Pure search logic shared by the header dialog, the search page and the landing highlight. No DOM
 * and no Pagefind here: these functions take plain data, so unit tests need neither.
 */

/** Query parameter that carries the reader's query to the page a result opens (landing highlight). */
export const HIGHLIGHT_PARAM = 'highlight';

/**
 * Pagefind ranking for a docs site (`pagefind.options({ ranking })`, Pagefind 1.6). A query that
 * names a page's topic should land on that page: title matches weigh more than Pagefind's default
 * (5), and the `headings` meta field (every h2/h3 of the page, set in DocsLayout) adds a boost when
 * the query is a heading. `pageLength` is eased from 0.75 so the short overview does not win queries
 * just for being short. tests/e2e/search-ranking.test.ts fails if a must-find query regresses.
 */
export const RANKING = {
  metaWeights: { title: 8, headings: 3 },
  pageLength: 0.5,
} as const;

/**
 * Shorter queries are not searched: one letter matches nearly every word by prefix, costs the most
 * of any query on a large index (over a second at 10,000 pages, see BENCHMARKS.md) and answers
 * nothing, and it would hold up the query the reader is still typing.
 */
export const MIN_QUERY_LENGTH = 2;

/** Words of context Pagefind puts in each excerpt (its default is 30; results here are compact). */
export const EXCERPT_LENGTH = 24;

/** A run of excerpt text, marked when it is a matched term. */
export interface ExcerptSegment {
  /** Plain text, to be set with `textContent`. */
  text: string;
  /** Whether Pagefind wrapped this run in `<mark>`. */
  mark: boolean;
}

/**
 * Splits a Pagefind excerpt into text runs. Pagefind escapes `<` and `>` in page text and adds only
 * `<mark>` and `</mark>`; everything else is taken as text, so no markup from a page or a query can
 * reach the DOM even if an excerpt were malformed.
 */
export function excerptSegments(excerpt: string): ExcerptSegment[] {
  const segments: ExcerptSegment[] = [];
  let mark = false;
  for (const part of excerpt.split(/(<\/?mark>)/)) {
    if (part === '<mark>') mark = true;
    else if (part === '</mark>') mark = false;
    else if (part) segments.push({ text: part.replace(/&lt;/g, '<').replace(/&gt;/g, '>'), mark });
  }
  return segments;
}

/** One page or section of a Pagefind result, as the UI lists it. */
export interface SearchHit {
  /** `page` for the page itself, `section` for a heading inside it. */
  kind: 'page' | 'section';
  /** Page title or heading text (plain text). */
  title: string;
  /** Title of the page the hit belongs to (plain text). */
  pageTitle: string;
  /** Same-origin link, with the highlight parameter and, for sections, `#heading-id`. */
  href: string;
  /** Pagefind's excerpt (text plus `<mark>`); render with `excerptSegments`. */
  excerpt: string;
}

/** The fields of Pagefind's result data that the UI reads (`(await result.data())`). */
export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  /** The page's indexed text; word positions (`location`) index into it split on whitespace. */
  content?: string;
  sub_results?: PagefindSubResult[];
  /** Every element with an id, in page order (Pagefind splits sub-results on these). */
  anchors?: Array<{ element: string; id: string; location: number }>;
}

/** One sub-result: the page top or a heading with an id. */
export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  /** Present for headings; absent for matches before the first heading. */
  anchor?: { element: string; id: string; location?: number };
  weighted_locations?: Array<{ weight: number; balanced_score: number }>;
}

/** Limits for `toHits`. */
export interface HitLimits {
  /** Sections shown under each page. */
  sectionsPerPage: number;
}

/** Where the UI runs, to keep links on this site. */
export interface LinkContext {
  /** `location.href` of the page showing results. */
  pageUrl: string;
  /** The query, carried to the target page for the landing highlight. */
  query: string;
}

/**
 * Turns one Pagefind result into a page hit followed by its best sections. Pagefind lists
 * sub-results in document order; here they are ranked so the section that answers the query comes
 * first: a heading that contains every query word, then the section whose text contains the most of
 * the query's words, then Pagefind's match score. Results whose URL is not on this site are dropped.
 */
export function toHits(
  result: PagefindResultData,
  limits: HitLimits,
  link: LinkContext,
): SearchHit[] {
  const pageTitle = result.meta.title?.trim() || result.url;
  const pageHref = resultHref(result.url, link);
  if (!pageHref) return [];
  const hits: SearchHit[] = [
    { kind: 'page', title: pageTitle, pageTitle, href: pageHref, excerpt: result.excerpt },
  ];
  const words = highlightWords(link.query);
  const contentWords = result.content?.split(/\s+/) ?? [];
  const starts = (result.anchors ?? []).map((a) => a.location).sort((a, b) => a - b);
  const sections = (result.sub_results ?? [])
    .filter((sub) => sub.anchor)
    .map((sub, order) => ({
      sub,
      order,
      score: sectionScore(sub, words, sectionText(sub, contentWords, starts)),
    }))
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, limits.sectionsPerPage);
  for (const { sub } of sections) {
    const href = resultHref(sub.url, link);
    if (href)
      hits.push({
        kind: 'section',
        title: sub.title.trim() || pageTitle,
        pageTitle,
        href,
        excerpt: sub.excerpt,
      });
  }
  return hits;
}

/** The words of the page from this sub-result's heading up to the next element with an id. */
function sectionText(
  sub: PagefindSubResult,
  contentWords: readonly string[],
  anchorStarts: readonly number[],
): string {
  const start = sub.anchor?.location;
  if (start === undefined || contentWords.length === 0) return sub.title;
  const end = anchorStarts.find((location) => location > start) ?? contentWords.length;
  return contentWords.slice(start, end).join(' ');
}

function sectionScore(sub: PagefindSubResult, words: readonly string[], text: string): number {
  if (words.length === 0) return 0;
  const matchScore = (sub.weighted_locations ?? []).reduce((sum, l) => sum + l.balanced_score, 0);
  const inTitle = words.every((w) => findTermRanges(sub.title, [w]).length > 0);
  const covered = words.filter((w) => findTermRanges(text, [w]).length > 0).length;
  return (inTitle ? 1e6 : 0) + covered * 1e3 + Math.min(matchScore, 999);
}

/**
 * Resolves a result URL against the current page and keeps it only if it is on the same origin and
 * an http(s) URL; adds the query as the highlight parameter (before any `#fragment`).
 */
export function resultHref(url: string, link: LinkContext): string | undefined {
  let here: URL;
  let target: URL;
  try {
    here = new URL(link.pageUrl);
    target = new URL(url, here);
  } catch {
    return undefined;
  }
  if (target.origin !== here.origin || !/^https?:$/.test(target.protocol)) return undefined;
  const query = link.query.trim();
  if (query) target.searchParams.set(HIGHLIGHT_PARAM, query);
  return target.pathname + target.search + target.hash;
}

/** What the live region says once results are shown. */
export function resultCountText(pages: number, query: string): string {
  if (pages === 0) return `No results for “${query}”.`;
  return `${pages} ${pages === 1 ? 'page matches' : 'pages match'} “${query}”.`;
}

/** Words too common to be worth marking on the page a result opens. */
const UNMARKED = new Set([
  'a',
  'an',
  'and',
  'are',
  'can',
  'do',
  'does',
  'for',
  'how',
  'i',
  'in',
  'is',
  'it',
  'of',
  'on',
  'or',
  'the',
  'to',
  'what',
  'who',
  'with',
]);

/** The terms to mark on a landing page, from its `?highlight=` values (at most 10, longest first). */
export function highlightTerms(search: string): string[] {
  const terms = new Set<string>();
  for (const value of new URLSearchParams(search).getAll(HIGHLIGHT_PARAM))
    for (const term of highlightWords(value)) terms.add(term);
  return [...terms].sort((a, b) => b.length - a.length).slice(0, 10);
}

/** A query's words worth matching: punctuation trimmed from their ends, filler words and single letters left out. */
function highlightWords(query: string): string[] {
  return query
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((term) => term.length >= 2 && !UNMARKED.has(term.toLowerCase()));
}

/** A range `[start, end)` of characters in a text. */
export type TextRange = readonly [start: number, end: number];

/**
 * Where the terms occur in a text, case-insensitively, each at the start of a word (so `role` marks
 * `roles` but not `controle`). Ranges do not overlap and are in order.
 */
export function findTermRanges(text: string, terms: readonly string[]): TextRange[] {
  if (terms.length === 0) return [];
  const pattern = terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const regex = new RegExp(`(?<![\\p{L}\\p{N}])(?:${pattern})`, 'giu');
  const ranges: TextRange[] = [];
  for (const match of text.matchAll(regex))
    ranges.push([match.index, match.index + match[0].length]);
  return ranges;
}

/** `pagefind.js` with the runtime key, so a new Pagefind release is never served from an old cache. */
export function pagefindModuleUrl(bundleUrl: string, runtimeKey: string): string {
  return `${bundleUrl}pagefind.js${runtimeKey ? `?v=${encodeURIComponent(runtimeKey)}` : ''}`;
}

/**
 * Wraps an async task so only the newest value runs: while one run is in flight, later calls just
 * replace the value waiting to run next, and the running task can ask `isStale()` to give up early.
 * Typing "retention" then searches for "re" and "retention", not for every prefix one after
 * another, so results for the last keystroke are not stuck behind a queue of stale searches.
 * The task handles its own errors.
 */
export function latestOnly<T>(
  task: (value: T, isStale: () => boolean) => Promise<void>,
): (value: T) => Promise<void> {
  let running: Promise<void> | undefined;
  let next: { value: T } | undefined;
  const isStale = () => next !== undefined;
  const drain = async (): Promise<void> => {
    while (next) {
      const { value } = next;
      next = undefined;
      await task(value, isStale);
    }
    running = undefined;
  };
  return (value) => {
    next = { value };
    running ??= drain();
    return running;
  };
}
