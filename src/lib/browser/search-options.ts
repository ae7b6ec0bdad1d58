/**
 * Settings the search UIs share with the build: how Pagefind ranks, how much it returns, and the
 * parameter that carries a query to the page a result opens.
 */

/** Query parameter that carries the reader's query to the page a result opens (landing highlight). */
export const HIGHLIGHT_PARAM = 'highlight';

/**
 * Pagefind ranking for a docs site (`pagefind.options({ ranking })`, Pagefind 1.6). A query that
 * names a page's topic should land on that page: title matches weigh more than Pagefind's default
 * (5); the `headings` meta field (every h2/h3 of the page, set in DocsLayout) adds a boost when the
 * query is a heading; `aliases` (the page's frontmatter `aliases`: acronyms, synonyms and AWS's
 * terms the page may not use) weighs most, because a writer put it there to send that query to
 * this page. `pageLength` is eased from 0.75 so the short overview does not win queries just for
 * being short. bench/search-quality.ts measures the effect; tests/e2e/search-ranking.test.ts fails
 * if a must-find query regresses.
 */
export const RANKING = {
  // `defines` (identifiers the page defines, see src/lib/search-index.ts) only orders ties.
  metaWeights: { title: 8, headings: 3, aliases: 10, defines: 0 },
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

/**
 * How many of Pagefind's results are re-ordered by how exactly they name the query
 * (`rankExactFirst`), whatever a UI lists: the header dialog shows 5 pages and the search page 20,
 * and both must put the same page first. A page that names the query exactly but that Pagefind
 * ranks below this is left where Pagefind put it; each page looked at costs one fragment request.
 */
export const EXACT_RERANK_DEPTH = 10;
