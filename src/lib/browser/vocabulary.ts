/**
 * The site's vocabulary: every word and identifier the search index holds, written at index time
 * (src/lib/search-vocabulary.ts) as one small JSON file per first character, below the Pagefind
 * bundle. The browser loads only the files for the words a reader typed, to tell a word the guide
 * never uses from one it does, and to suggest the nearest words it does use.
 */
import { stemPrefix, termKey } from './search-query.ts';

/** The vocabulary's folder inside the Pagefind bundle folder. */
export const VOCABULARY_FOLDER = 'vocabulary/';

/** Bumped when the file format changes. */
export const VOCABULARY_FORMAT = 1;

/** One vocabulary file as written: each word as the site writes it, and how often it occurs. */
export interface VocabularyFile {
  format: typeof VOCABULARY_FORMAT;
  /** Sorted by `termKey` of the word; one entry per key. */
  words: Array<[word: string, count: number]>;
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

/** The file (below the bundle folder) that holds the words whose key starts like `key`. */
export function vocabularyFileFor(key: string): string {
  const first = key.charAt(0);
  return `${VOCABULARY_FOLDER}${/^[a-z0-9]$/.test(first) ? first : '_'}.json`;
}

/** A loaded vocabulary file, ready to look words up in. */
export interface VocabularyShard {
  /** `termKey` of each word, sorted. */
  keys: string[];
  /** Each word as the site writes it (identifiers keep their case and punctuation). */
  words: string[];
  /** How often each word occurs in the site. */
  counts: number[];
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
  entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    keys: entries.map((e) => e.key),
    words: entries.map((e) => e.word),
    counts: entries.map((e) => e.count),
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
