/**
 * Search, in the browser: loads Pagefind's API on first use, reads the query
 * (src/lib/browser/search-plan.ts), checks its words against the site's vocabulary (loaded only
 * for the words typed), asks Pagefind, and turns what it finds into `SearchHit`s and a status
 * line. Used by the header dialog and the search page, so both behave the same.
 */
import { EXACT_RERANK_DEPTH, EXCERPT_LENGTH, RANKING } from '../lib/browser/search-options.ts';
import { toHits, type PagefindResultData, type SearchHit } from '../lib/browser/search-hits.ts';
import {
  pagefindQuery,
  planQuery,
  rankByCoverage,
  rankExactFirst,
  type QueryPlan,
  type WordCheck,
} from '../lib/browser/search-plan.ts';
import { parseQuery, type QueryTerm } from '../lib/browser/search-query.ts';
import { statusParts, type SearchNotice, type StatusPart } from '../lib/browser/search-status.ts';
import {
  hasWord,
  inVocabularyScope,
  nearestWords,
  readVocabularyFile,
  vocabularyFileFor,
  type VocabularyShard,
} from '../lib/browser/vocabulary.ts';

/** One result as Pagefind 1.6's `search()` returns it. */
interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}
import { allowPagefindWorker } from './trusted-types.ts';

/** The subset of Pagefind 1.6's `pagefind.js` module this site uses. */
interface PagefindModule {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(query: string): Promise<{ results: PagefindResult[] } | null>;
}

/** Pagefind, loaded, with the folder its bundle (and the vocabulary) lives in. */
export interface SearchIndex {
  pagefind: PagefindModule;
  bundleUrl: string;
}

let loading: Promise<SearchIndex> | undefined;

/**
 * Imports `pagefind.js` once. `moduleUrl` is `<base>pagefind/pagefind.js?v=<runtime key>`; Pagefind
 * loads everything else from that folder, and `baseUrl` puts `<base>` in front of result URLs.
 */
export function loadPagefind(moduleUrl: string, baseUrl: string): Promise<SearchIndex> {
  const bundleUrl = moduleUrl.replace(/pagefind\.js(\?.*)?$/, '');
  // Before Pagefind starts its worker: the CSP enforces Trusted Types (src/scripts/trusted-types.ts).
  allowPagefindWorker(moduleUrl);
  loading ??= (import(/* @vite-ignore */ moduleUrl) as Promise<PagefindModule>)
    .then(async (pagefind) => {
      await pagefind.options({
        basePath: bundleUrl,
        baseUrl,
        ranking: RANKING,
        excerptLength: EXCERPT_LENGTH,
      });
      await pagefind.init();
      return { pagefind, bundleUrl };
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

const shards = new Map<string, Promise<VocabularyShard | undefined>>();

/** A vocabulary file, fetched and read once; `undefined` if it cannot be had. */
function vocabularyFile(url: string): Promise<VocabularyShard | undefined> {
  let shard = shards.get(url);
  if (!shard) {
    shard = fetch(url)
      .then((response): Promise<unknown> | undefined => (response.ok ? response.json() : undefined))
      .then(readVocabularyFile)
      .catch(() => undefined);
    shards.set(url, shard);
  }
  return shard;
}

/**
 * The vocabulary for words starting like `key`: its letter's file, or the two-character file when
 * the letter is split; `undefined` if it cannot be had.
 */
async function vocabularyFor(bundleUrl: string, key: string): Promise<VocabularyShard | undefined> {
  const letter = await vocabularyFile(bundleUrl + vocabularyFileFor(key));
  return letter?.split ? vocabularyFile(bundleUrl + vocabularyFileFor(key, 2)) : letter;
}

/** Looks each word up in the vocabulary; a word that cannot be checked counts as known. */
async function checkWords(bundleUrl: string, terms: readonly QueryTerm[]): Promise<WordCheck[]> {
  return Promise.all(
    terms.map(async (term): Promise<WordCheck> => {
      // A one-character word is being typed; anything in scope of the index matches its start.
      if (term.key.length < 2 || !inVocabularyScope(term.text))
        return { term, known: true, suggestions: [] };
      const shard = await vocabularyFor(bundleUrl, term.key);
      const known = !shard || hasWord(shard, term.key);
      return { term, known, suggestions: known || !shard ? [] : nearestWords(shard, term.key) };
    }),
  );
}

/** Limits for a search. */
export interface SearchLimits {
  /** Pages whose details are loaded and shown. */
  pages: number;
  /** Sections shown under each page. */
  sectionsPerPage: number;
}

/** How to run a query. */
export interface SearchOptions {
  /** Search the words as typed: no spelling correction (suggestions are still offered). */
  verbatim?: boolean;
  /** Whether a newer query is waiting, so this one should stop. */
  isStale?: () => boolean;
}

/** Result of one query: what to list, and what the status line says about it. */
export interface SearchOutcome {
  /** Pages found in total (the list shows the first `limits.pages`). */
  total: number;
  pages: SearchHit[][];
  status: StatusPart[];
}

/**
 * Runs a query; `null` when it became stale before its results were loaded. Pagefind is asked for
 * the query's meaningful words, spelt as the site spells them; when no page has them all, each
 * word is searched alone and the pages with the most of them are listed. A page the query names
 * exactly (alias, title, heading, identifier) goes first.
 */
export async function runSearch(
  { pagefind, bundleUrl }: SearchIndex,
  query: string,
  limits: SearchLimits,
  { verbatim = false, isStale = () => false }: SearchOptions = {},
): Promise<SearchOutcome | null> {
  const parsed = parseQuery(query);
  const ask = (plan: QueryPlan) => (parsed.phrase ? query : pagefindQuery(plan));
  // Most words are in the vocabulary: search as if all were while it is checked, not after.
  const hopeful = planQuery(parsed, []);
  const early = hopeful.required.length > 0 ? searchOnce(pagefind, ask(hopeful)) : undefined;
  early?.catch(() => undefined);
  const checks = parsed.phrase ? [] : await checkWords(bundleUrl, parsed.meaningful);
  // Given up only once Pagefind is done: a search left running would hold up the next one.
  if (isStale())
    return (
      early?.then(
        () => null,
        () => null,
      ) ?? null
    );
  const plan = planQuery(parsed, checks, verbatim);
  const searched = plan.corrected ?? query;
  let found: PagefindResult[] = [];
  let partial = plan.unknown.length > 0;
  if (plan.required.length > 0) {
    const response = await (early && ask(plan) === ask(hopeful)
      ? early
      : searchOnce(pagefind, ask(plan)));
    if (!response || isStale()) return null;
    found = response.results;
    if (found.length === 0 && plan.required.length > 1) {
      found = await pagesWithSomeWords(pagefind, plan.required);
      partial = true;
    }
  }
  // Loading excerpts costs a request per page: not for a query the reader has already typed past.
  if (isStale()) return null;
  const loaded = Math.max(limits.pages, EXACT_RERANK_DEPTH);
  const data = await Promise.all(found.slice(0, loaded).map((r) => r.data()));
  if (isStale()) return null;
  const link = { pageUrl: location.href, query: searched };
  const reranked = [
    ...rankExactFirst(data.slice(0, EXACT_RERANK_DEPTH), searched),
    ...data.slice(EXACT_RERANK_DEPTH),
  ];
  const pages = reranked
    .slice(0, limits.pages)
    .map((d) => toHits(d, { sectionsPerPage: limits.sectionsPerPage }, link))
    .filter((hits) => hits.length > 0);
  const notice: SearchNotice = plan.corrected
    ? { kind: 'corrected', corrected: plan.corrected, original: query }
    : pages.length === 0
      ? { kind: 'none' }
      : partial
        ? { kind: 'partial', words: parsed.meaningful.map((t) => t.text) }
        : { kind: 'all' };
  return {
    total: found.length,
    pages,
    status: statusParts({ query, pages: found.length, notice, didYouMean: plan.didYouMean }),
  };
}

let lastSearch: { query: string; response: ReturnType<PagefindModule['search']> } | undefined;

/**
 * Pagefind's search, but a query asked twice in a row is answered once: typing a space, or a
 * filler word, does not change what Pagefind is asked, and at 10,000 pages a search can take
 * half a second.
 */
function searchOnce(pagefind: PagefindModule, query: string): ReturnType<PagefindModule['search']> {
  if (lastSearch?.query === query) return lastSearch.response;
  const response = pagefind.search(query);
  const search = { query, response };
  lastSearch = search;
  // A failed search is not kept: the next identical query asks again.
  response.catch(() => {
    if (lastSearch === search) lastSearch = undefined;
  });
  return response;
}

/** Each word searched alone; the pages that have the most of them, best first. */
async function pagesWithSomeWords(
  pagefind: PagefindModule,
  words: readonly QueryTerm[],
): Promise<PagefindResult[]> {
  const perWord = await Promise.all(
    words.map(async (word) =>
      ((await pagefind.search(word.text))?.results ?? []).map((result) => ({
        id: result.id,
        score: result.score,
        result,
      })),
    ),
  );
  return rankByCoverage(perWord).map((page) => page.result);
}
