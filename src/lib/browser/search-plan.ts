/**
 * What to ask Pagefind for a query, and how to order and explain what comes back. Pagefind ranks
 * well among the pages that have every word it is given; these functions decide what it is given
 * (the words that matter, spelt as the site spells them), what to show when no page has them all,
 * and which page a query that names a heading, an alias or an identifier exactly is about.
 */
import {
  compoundParts,
  isIdentifier,
  parseQuery,
  stemPrefix,
  STOP_WORDS,
  termKey,
  type ParsedQuery,
  type QueryTerm,
} from './search-query.ts';
import { isClearCorrection, type Suggestion } from './vocabulary.ts';

/** What the vocabulary says about one meaningful word of a query. */
export interface WordCheck {
  term: QueryTerm;
  /** The site has the word (or its vocabulary could not be loaded, so it is taken as known). */
  known: boolean;
  /** For an unknown word, the site's nearest words, nearest first. */
  suggestions: readonly Suggestion[];
}

/** What to search, worked out from the query and the vocabulary. */
export interface QueryPlan {
  /** The words every result should have, as Pagefind should be asked for them. */
  required: QueryTerm[];
  /**
   * Set when every word the site lacks had one clear correction: the corrected query, which is
   * what gets searched (the reader can still search for what they typed).
   */
  corrected?: string;
  /** Words the site does not have and that were not corrected. */
  unknown: QueryTerm[];
  /** Whole queries to offer as "Did you mean", each with one or more words corrected. */
  didYouMean: string[];
}

/**
 * Plans a query. A word the site lacks is replaced by its nearest word when the correction is
 * clear and `verbatim` is off (the reader has not asked for their own spelling); otherwise it is
 * left out of what Pagefind must match (no page has it) and its nearest words are offered.
 */
export function planQuery(
  parsed: ParsedQuery,
  checks: readonly WordCheck[],
  verbatim = false,
): QueryPlan {
  const lacking = checks.filter((c) => !c.known);
  const correctAll =
    !verbatim &&
    lacking.length > 0 &&
    lacking.every(
      (c) => isClearCorrection(c.suggestions) && keepsDigits(c) && !mayBeAnotherWord(c),
    );
  const replacement = new Map<QueryTerm, string>();
  if (correctAll)
    for (const c of lacking) replacement.set(c.term, c.suggestions[0]?.word ?? c.term.text);
  const required = parsed.meaningful.flatMap((term) => {
    const check = checks.find((c) => c.term === term);
    const fixed = replacement.get(term);
    if (fixed !== undefined) return parseQuery(fixed).terms;
    if (!check || check.known) return [term];
    // An identifier the site writes differently (`com.amazonaws.us-east-1.guardduty-data` where
    // the page has `<region>`) is still found by its parts, which Pagefind indexes too.
    const parts = compoundParts(term.text);
    return parts.length > 1 ? parseQuery(parts.join(' ')).meaningful : [];
  });
  const plan: QueryPlan = {
    required,
    unknown: correctAll ? [] : lacking.map((c) => c.term),
    didYouMean: correctAll ? [] : alternatives(parsed, lacking),
  };
  if (correctAll) plan.corrected = rewrite(parsed, replacement);
  return plan;
}

/**
 * A short word one letter away from the site's word, at the same length and not by swapping two
 * letters, is as likely another real word as a slip (`stuck` and `stack`, `rule` and `role`): it
 * is offered as "Did you mean", never searched in its place. Longer words and dropped, added or
 * swapped letters (`servce`, `cloudtrial`) are corrected.
 */
function mayBeAnotherWord(check: WordCheck): boolean {
  const typed = check.term.key;
  const nearest = termKey(check.suggestions[0]?.word ?? '');
  const letters = (word: string) => [...word].sort().join('');
  return (
    typed.length <= 5 && typed.length === nearest.length && letters(typed) !== letters(nearest)
  );
}

/**
 * A correction that changes a digit is offered, never made without asking: `…FullAccess_v3` or
 * `s4` is not a slip for `…_v2` or `s3`, and searching the other name would show the wrong thing.
 */
function keepsDigits(check: WordCheck): boolean {
  const digits = (text: string) => text.replace(/\D+/g, '');
  return digits(check.suggestions[0]?.word ?? '') === digits(check.term.text);
}

/**
 * Up to three whole queries: every unknown word swapped for its nearest word, then the runners-up.
 * None when some unknown word has no near word: the offer would still hold a word no page has.
 */
function alternatives(parsed: ParsedQuery, lacking: readonly WordCheck[]): string[] {
  const withSuggestions = lacking.filter((c) => c.suggestions.length > 0);
  if (withSuggestions.length === 0 || withSuggestions.length < lacking.length) return [];
  const best = new Map(withSuggestions.map((c) => [c.term, c.suggestions[0]?.word ?? '']));
  const queries = [rewrite(parsed, best)];
  for (const check of withSuggestions)
    for (const other of check.suggestions.slice(1))
      queries.push(rewrite(parsed, new Map([...best, [check.term, other.word]])));
  return [...new Set(queries)].slice(0, 3);
}

/** The query with some words replaced, the rest (filler included) as typed. */
function rewrite(parsed: ParsedQuery, replacement: ReadonlyMap<QueryTerm, string>): string {
  return parsed.terms.map((term) => replacement.get(term) ?? term.text).join(' ');
}

/**
 * What Pagefind is asked for: the required words as typed (or corrected). Pagefind normalises them
 * itself, and its index keeps some characters `termKey` drops (`_` in `FIFTEEN_MINUTES`).
 */
export function pagefindQuery(plan: QueryPlan): string {
  return plan.required.map((term) => term.text).join(' ');
}

/** One page found by a one-word search, for `rankByCoverage`. */
export interface WordMatch<T> {
  /** Pagefind's page id. */
  id: string;
  score: number;
  result: T;
}

/** A page found for some of the words, with how many of them it has. */
export interface CoveredPage<T> {
  result: T;
  /** How many of the query's words the page has. */
  covered: number;
}

/**
 * When no page has every word: the pages that have some of them, most words first, then by the
 * sum of their scores for those words. `perWord` holds one search's results per word; a page's
 * `result` is taken from the search of the word it scored highest on, so its excerpt shows that.
 */
export function rankByCoverage<T>(
  perWord: ReadonlyArray<ReadonlyArray<WordMatch<T>>>,
): Array<CoveredPage<T>> {
  const pages = new Map<string, { covered: number; total: number; best: WordMatch<T> }>();
  for (const matches of perWord) {
    for (const match of matches) {
      const page = pages.get(match.id);
      if (!page) pages.set(match.id, { covered: 1, total: match.score, best: match });
      else {
        page.covered++;
        page.total += match.score;
        if (match.score > page.best.score) page.best = match;
      }
    }
  }
  return [...pages.values()]
    .sort((a, b) => b.covered - a.covered || b.total - a.total)
    .map((page) => ({ result: page.best.result, covered: page.covered }));
}

/** The page fields that say what a page is about. */
export interface PageFacts {
  meta: { title?: string; headings?: string; aliases?: string; defines?: string };
  content?: string;
}

/**
 * Words as a comparable phrase, hyphens read as spaces: `Who can disable GuardDuty?` is
 * `who can disable guardduty`, and `service-linked role` is `service linked role`.
 */
export function phraseKey(text: string): string {
  return text
    .split(/[\s\-‐‑–—]+/)
    .map(termKey)
    .filter(Boolean)
    .join(' ');
}

/**
 * Words that say what a question asks, kept when a query is compared with a page's title, headings
 * and aliases although Pagefind is not asked for them: "who deleted my detector" asks for the
 * audit trail, not for how to delete one, and "who can disable GuardDuty" asks about permissions.
 */
const INTENT_WORDS: ReadonlySet<string> = new Set(['who', 'why', 'when', 'where', 'can']);

/**
 * The words of a phrase that carry its meaning, each cut to the start its inflections share
 * (`stemPrefix`), in no order: filler is left out, so "how do I delete the GuardDuty
 * service-linked role" and the heading "Delete the GuardDuty service-linked role" have the same
 * words, and so do "how long are findings kept" and the alias "how long findings are kept".
 */
export function meaningWords(text: string): Set<string> {
  const words = phraseKey(text).split(' ').filter(Boolean);
  const kept = words.filter((word) => !STOP_WORDS.has(word) || INTENT_WORDS.has(word));
  return new Set((kept.length > 0 ? kept : words).map(stemPrefix));
}

function sameWords(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((word) => b.has(word));
}

function within(part: ReadonlySet<string>, whole: ReadonlySet<string>): boolean {
  return part.size > 0 && [...part].every((word) => whole.has(word));
}

/**
 * How exactly a page is about the query (higher first), comparing meaning words (`meaningWords`):
 * - 4 when the title or an alias has the query's words;
 * - 3 when a heading has them;
 * - 2 when the query holds all the words of an alias and they are at least a third of its own
 *   ("disaster recovery plan" holds the alias "disaster recovery"; "forward tamper alerts from
 *   every account to one event bus" is not about the alias "tamper alert");
 * - 1 when a one-word identifier query occurs on the page as a whole token; `occurrences` is the
 *   whole-token uses, plus one when the page defines the identifier (its `defines` meta field);
 * - 0 otherwise.
 */
export function exactness(page: PageFacts, query: string): { tier: number; occurrences: number } {
  const asked = meaningWords(query);
  if (asked.size === 0) return { tier: 0, occurrences: 0 };
  const list = (value: string | undefined) =>
    (value ?? '')
      .split(' · ')
      .map(meaningWords)
      .filter((words) => words.size > 0);
  const aliases = list(page.meta.aliases);
  const headings = list(page.meta.headings);
  if ([meaningWords(page.meta.title ?? ''), ...aliases].some((words) => sameWords(words, asked)))
    return { tier: 4, occurrences: 0 };
  if (headings.some((words) => sameWords(words, asked))) return { tier: 3, occurrences: 0 };
  if (aliases.some((words) => within(words, asked) && words.size * 3 >= asked.size))
    return { tier: 2, occurrences: 0 };
  const words = query.trim().split(/\s+/);
  const [word] = words;
  if (words.length === 1 && word && isIdentifier(word)) {
    const uses = wholeTokenCount(page.content ?? '', word);
    const defined = (page.meta.defines ?? '').split(' · ');
    const defines = defined.some((id) => id.toLowerCase() === word.toLowerCase()) ? 1 : 0;
    if (uses > 0) return { tier: 1, occurrences: uses + defines };
  }
  return { tier: 0, occurrences: 0 };
}

/** How often `token` occurs in `text` as a whole token (not inside a longer identifier), any case. */
export function wholeTokenCount(text: string, token: string): number {
  const escaped = token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return (
    text.match(new RegExp(`(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])`, 'giu'))?.length ?? 0
  );
}

/**
 * Puts the pages a query names exactly (see `exactness`) first, keeping the given order
 * otherwise. Stable: pages of one tier stay in Pagefind's (or the coverage) order.
 */
export function rankExactFirst<T extends PageFacts>(pages: readonly T[], query: string): T[] {
  return pages
    .map((page, order) => ({ page, order, ...exactness(page, query) }))
    .sort((a, b) => b.tier - a.tier || b.occurrences - a.occurrences || a.order - b.order)
    .map(({ page }) => page);
}
