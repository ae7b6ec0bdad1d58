/**
 * The site's vocabulary: every word and identifier the search index holds, written at index time
 * (src/lib/search-vocabulary.ts) as one small JSON file per first character, below the Pagefind
 * bundle; on a large site a letter with more than `SPLIT_AT` words gets one file per first two
 * characters instead, and its one-letter file says so. The browser loads only the files for the
 * words a reader typed, to tell a word the guide never uses from one it does, and to suggest the
 * nearest words it does use. A slip in a word's first character (or, on a split letter, its first
 * two) gets no suggestion, as in most spelling checkers (Lucene's DirectSpellChecker has the same
 * rule): that is what keeps each file small.
 */
import { stemPrefix, termKey } from './search-query.ts';

/** The vocabulary's folder inside the Pagefind bundle folder. */
export const VOCABULARY_FOLDER = 'vocabulary/';

/** Bumped when the file format changes. */
export const VOCABULARY_FORMAT = 1;

/** A letter with more words than this is split into one file per first two characters. */
export const SPLIT_AT = 4000;

/** One vocabulary file as written: each word as the site writes it, and how often it occurs. */
export interface VocabularyFile {
  format: typeof VOCABULARY_FORMAT;
  /** Sorted by `termKey` of the word; one entry per key. */
  words: Array<[word: string, count: number]>;
  /** In a one-letter file: the letter's words are in its two-character files instead. */
  split?: true;
}

/**
 * Whether a word belongs in the vocabulary: not anything longer than 64 characters (ARNs, encoded
 * blobs) nor anything with a run of four digits or more (account and detector IDs, dates). Such
 * tokens are not typed from memory and not worth suggesting; a query word like them is searched
 * as typed, without a spelling check.
 */
export function inVocabularyScope(word: string): boolean {
  return word.length <= 64 && !/\d{4}/.test(word);
}

/**
 * The file (below the bundle folder) that holds the words whose key starts like `key`: by its
 * first character, or by its first two (`characters: 2`) when that letter is split.
 */
export function vocabularyFileFor(key: string, characters: 1 | 2 = 1): string {
  const name = [...key.slice(0, characters)].map((c) => (/^[a-z0-9]$/.test(c) ? c : '_')).join('');
  return `${VOCABULARY_FOLDER}${name}.json`;
}

/** A loaded vocabulary file, ready to look words up in. */
export interface VocabularyShard {
  /** `termKey` of each word, sorted. */
  keys: string[];
  /** Each word as the site writes it (identifiers keep their case and punctuation). */
  words: string[];
  /** How often each word occurs in the site. */
  counts: number[];
  /** A one-letter file whose words are in two-character files instead (`vocabularyFileFor(key, 2)`). */
  split: boolean;
}

/** Reads a vocabulary file's JSON; `undefined` when it is not one (the search then works without it). */
export function readVocabularyFile(json: unknown): VocabularyShard | undefined {
  if (typeof json !== 'object' || json === null || !('words' in json)) return undefined;
  const { words } = json;
  if (!Array.isArray(words)) return undefined;
  const entries: Array<{ key: string; word: string; count: number }> = [];
  for (const entry of words) {
    if (!Array.isArray(entry)) continue;
    const [word, count] = entry;
    if (typeof word === 'string' && typeof count === 'number')
      entries.push({ key: termKey(word), word, count });
  }
  // Written sorted; sorted here only if it is not, since a large site's file holds tens of thousands.
  if (entries.some((e, i) => i > 0 && (entries[i - 1]?.key ?? '') > e.key))
    entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    keys: entries.map((e) => e.key),
    words: entries.map((e) => e.word),
    counts: entries.map((e) => e.count),
    split: 'split' in json && json.split === true,
  };
}

/**
 * Whether the site has this word, in any inflection, or a word it begins (Pagefind matches the
 * start of words, so `encrypt` finds `encryption`).
 */
export function hasWord(shard: VocabularyShard, key: string): boolean {
  const start = stemPrefix(key);
  const at = lowerBound(shard.keys, start);
  return shard.keys[at]?.startsWith(start) ?? false;
}

/** A word the site uses that is near one it does not. */
export interface Suggestion {
  /** As the site writes it. */
  word: string;
  /** Edits (insert, delete, substitute, swap two neighbours) from the typed word. */
  distance: number;
  /** How often the site uses it. */
  count: number;
}

/**
 * How many edits a word of this length may be from a suggestion: none under four characters
 * (too many short words are one letter apart), one up to seven, two from eight.
 */
export function maxEdits(length: number): number {
  return length < 4 ? 0 : length < 8 ? 1 : 2;
}

/**
 * The site's words nearest to `key` (a `termKey`), nearest first, then the most used; words
 * made only of digits are never suggested. Identifiers come back whole, as the site writes them.
 */
export function nearestWords(shard: VocabularyShard, key: string, limit = 3): Suggestion[] {
  const max = maxEdits(key.length);
  if (max === 0) return [];
  const found: Suggestion[] = [];
  shard.keys.forEach((candidate, i) => {
    if (Math.abs(candidate.length - key.length) > max || /^\d+$/.test(candidate)) return;
    const distance = boundedEditDistance(key, candidate, max);
    if (distance <= max)
      found.push({ word: shard.words[i] ?? candidate, distance, count: shard.counts[i] ?? 0 });
  });
  return found
    .sort((a, b) => a.distance - b.distance || b.count - a.count || (a.word < b.word ? -1 : 1))
    .slice(0, limit);
}

/**
 * Whether the first suggestion is clearly the word meant, so search can use it without asking:
 * nothing else is as near, or what is as near is used far less (a quarter as often or less).
 */
export function isClearCorrection(suggestions: readonly Suggestion[]): boolean {
  const [best, next] = suggestions;
  if (!best) return false;
  return !next || next.distance > best.distance || next.count * 4 <= best.count;
}

/**
 * Optimal string alignment distance (Levenshtein plus the swap of two neighbouring letters, the
 * commonest typing slip: `cloudtrial`), or `max + 1` as soon as it must exceed `max`.
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, (before[j - 2] ?? 0) + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    before = previous;
    previous = current;
  }
  return Math.min(previous[b.length] ?? max + 1, max + 1);
}

/** The first index in sorted `keys` whose key is not less than `key`. */
function lowerBound(keys: readonly string[], key: string): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((keys[mid] ?? '') < key) low = mid + 1;
    else high = mid;
  }
  return low;
}
