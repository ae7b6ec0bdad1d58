/**
 * The landing highlight's terms: which words of a query to mark on the page a result opens, and
 * where they occur in a text. Used by the search results too, to rank sections.
 */
import { HIGHLIGHT_PARAM } from './search-options.ts';
import { STOP_WORDS, stemPrefix, trimWord } from './search-query.ts';

/** The terms to mark on a landing page, from its `?highlight=` values (at most 10, longest first). */
export function highlightTerms(search: string): string[] {
  const terms = new Set<string>();
  for (const value of new URLSearchParams(search).getAll(HIGHLIGHT_PARAM))
    for (const term of matchTerms(value)) terms.add(term);
  return [...terms].sort((a, b) => b.length - a.length).slice(0, 10);
}

/**
 * A query's words as `findTermRanges` should look for them: a plain word by the start all its
 * inflections share (`disabling` finds `disable`, as Pagefind's stemming does), anything with
 * digits or punctuation as typed.
 */
export function matchTerms(query: string): string[] {
  return markableWords(query).map((word) =>
    /^\p{L}+$/u.test(word) ? stemPrefix(word.toLowerCase()) : word,
  );
}

/** A query's words worth marking: punctuation trimmed from their ends, filler words and single letters left out. */
export function markableWords(query: string): string[] {
  return query
    .split(/\s+/)
    .map(trimWord)
    .filter((term) => term.length >= 2 && !STOP_WORDS.has(term.toLowerCase()));
}

/** A range `[start, end)` of characters in a text. */
export type TextRange = readonly [start: number, end: number];

/**
 * Where the terms occur in a text, case-insensitively: each at the start of a word, and to the end
 * of that word (so `role` marks all of `roles` but nothing in `controle`). Ranges do not overlap
 * and are in order.
 */
export function findTermRanges(text: string, terms: readonly string[]): TextRange[] {
  if (terms.length === 0) return [];
  const pattern = terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const regex = new RegExp(`(?<![\\p{L}\\p{N}])(?:${pattern})[\\p{L}\\p{N}]*`, 'giu');
  const ranges: TextRange[] = [];
  for (const match of text.matchAll(regex))
    ranges.push([match.index, match.index + match[0].length]);
  return ranges;
}
