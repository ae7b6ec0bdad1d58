/**
 * Index-time half of "Did you mean": the site's vocabulary, from exactly the text Pagefind indexed
 * (each page's fragment: its content and its searchable meta fields, aliases included), written
 * as the files src/lib/browser/vocabulary.ts reads. Pure except for `writeSearchVocabulary`, the
 * one entry point that reads and writes the bundle folder.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { compoundParts, isIdentifier, termKey, trimWord } from './browser/search-query.ts';
import {
  VOCABULARY_FOLDER,
  SPLIT_AT,
  VOCABULARY_FORMAT,
  inVocabularyScope,
  vocabularyFileFor,
  type VocabularyFile,
} from './browser/vocabulary.ts';

/** What Pagefind stored for one page (a decoded fragment): the fields that were searched. */
export interface IndexedText {
  content: string;
  meta: Record<string, string>;
}

/** Meta fields that are searched; others (`image`, URLs) are not words a reader types. */
const SEARCHED_META = new Set(['title', 'headings', 'aliases']);

/**
 * Every word of the indexed text with how often it occurs: whole tokens (punctuation trimmed from
 * the ends; identifiers and acronyms kept whole and as written, other words in lower case) and the
 * parts Pagefind also indexes compound words under (`inVocabularyScope` decides what is left out;
 * the parts of what is left out still count). One entry per `termKey`, written the way the
 * site writes it most often. Sorted by key, so the output is the same on every build.
 */
export function collectWords(pages: readonly IndexedText[]): Map<string, [string, number]> {
  // A site repeats its words many times: count each raw token, then work each one out once.
  const tokens = new Map<string, number>();
  for (const page of pages) {
    const texts = [
      page.content,
      ...Object.entries(page.meta)
        .filter(([field]) => SEARCHED_META.has(field))
        .map(([, value]) => value),
    ];
    for (const text of texts) {
      for (const raw of text.split(/\s+/)) tokens.set(raw, (tokens.get(raw) ?? 0) + 1);
    }
  }
  const spellings = new Map<string, Map<string, number>>();
  const add = (word: string, times: number) => {
    const key = termKey(word);
    if (key.length < 2 || !inVocabularyScope(word)) return;
    const forms = spellings.get(key) ?? new Map<string, number>();
    forms.set(word, (forms.get(word) ?? 0) + times);
    spellings.set(key, forms);
  };
  for (const [raw, times] of tokens) {
    const token = trimWord(raw);
    if (!token) continue;
    add(keepsCase(token) ? token : token.toLowerCase(), times);
    if (isIdentifier(token)) for (const part of compoundParts(token)) add(part, times);
  }
  const words = new Map<string, [string, number]>();
  for (const key of [...spellings.keys()].sort()) {
    const forms = [...(spellings.get(key) ?? [])].sort(
      ([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0),
    );
    const [word = key] = forms[0] ?? [];
    words.set(key, [word, forms.reduce((sum, [, n]) => sum + n, 0)]);
  }
  return words;
}

/** Identifiers and acronyms (`IAM`, `SCP`) are suggested as written; other words in lower case. */
function keepsCase(token: string): boolean {
  return isIdentifier(token) || /^\p{Lu}{2,}$/u.test(token);
}

/**
 * The vocabulary files for a site's words: path below the bundle folder, and JSON text. One file
 * per first character; a character with more than `splitAt` words gets one file per first two
 * characters, and its one-letter file only says `split`.
 */
export function vocabularyFiles(
  words: ReadonlyMap<string, [string, number]>,
  splitAt = SPLIT_AT,
): Array<{ path: string; text: string }> {
  const perLetter = new Map<string, Array<[string, [string, number]]>>();
  for (const [key, entry] of words) {
    const path = vocabularyFileFor(key);
    const entries = perLetter.get(path) ?? [];
    entries.push([key, entry]);
    perLetter.set(path, entries);
  }
  const files = new Map<string, VocabularyFile>();
  for (const [path, entries] of perLetter) {
    if (entries.length <= splitAt) {
      files.set(path, { format: VOCABULARY_FORMAT, words: entries.map(([, entry]) => entry) });
      continue;
    }
    files.set(path, { format: VOCABULARY_FORMAT, words: [], split: true });
    for (const [key, entry] of entries) {
      const twoCharacters = vocabularyFileFor(key, 2);
      const file = files.get(twoCharacters) ?? { format: VOCABULARY_FORMAT, words: [] };
      file.words.push(entry);
      files.set(twoCharacters, file);
    }
  }
  return [...files]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([path, file]) => ({ path, text: JSON.stringify(file) }));
}

/** Decodes a Pagefind fragment file (gzip, then `pagefind_dcd` and JSON). */
export function decodeFragment(bytes: Uint8Array): IndexedText {
  const text = gunzipSync(bytes)
    .toString('utf8')
    .replace(/^pagefind_dcd/, '');
  const data: unknown = JSON.parse(text);
  const content =
    typeof data === 'object' && data !== null && 'content' in data ? data.content : undefined;
  const meta = typeof data === 'object' && data !== null && 'meta' in data ? data.meta : undefined;
  if (typeof content !== 'string' || typeof meta !== 'object' || meta === null)
    throw new Error('A Pagefind fragment has no content or meta; did the Pagefind format change?');
  return {
    content,
    meta: Object.fromEntries(
      Object.entries(meta).filter((e): e is [string, string] => typeof e[1] === 'string'),
    ),
  };
}

/**
 * Writes the vocabulary of the index in `bundleDir` (Pagefind's output folder) to
 * `<bundleDir>/vocabulary/`, replacing any older one; returns how many words it holds.
 */
export async function writeSearchVocabulary(bundleDir: string): Promise<number> {
  const fragmentDir = join(bundleDir, 'fragment');
  const pages = await Promise.all(
    (await readdir(fragmentDir))
      .sort()
      .map(async (name) => decodeFragment(await readFile(join(fragmentDir, name)))),
  );
  const words = collectWords(pages);
  const files = vocabularyFiles(words);
  const dir = join(bundleDir, VOCABULARY_FOLDER);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await Promise.all(files.map(({ path, text }) => writeFile(join(bundleDir, path), text)));
  return words.size;
}
