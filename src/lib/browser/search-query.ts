/**
 * How a query is read before Pagefind is asked: its words, the form Pagefind indexes each one in,
 * and which of them are filler. Pagefind requires every word it knows on every result, so "how do
 * I stop someone disabling GuardDuty" finds nothing unless the filler is left out.
 */

/**
 * Filler words: function words, pronouns and question words. Requiring them on a page loses the
 * answer ("who deleted my detector": the page that answers says neither "who" nor "my"), and they
 * carry no topic, so they are neither required nor marked on the page a result opens.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'a',
  'about',
  'after',
  'against',
  'all',
  'am',
  'an',
  'and',
  'any',
  'anybody',
  'anyone',
  'are',
  'as',
  'at',
  'be',
  'been',
  'before',
  'behind',
  'being',
  'between',
  'but',
  'by',
  'can',
  'could',
  'did',
  'do',
  'does',
  'doing',
  'during',
  'each',
  'every',
  'for',
  'from',
  'had',
  'has',
  'have',
  'he',
  'her',
  'here',
  'his',
  'how',
  'i',
  'if',
  'in',
  'into',
  'is',
  'it',
  'its',
  'me',
  'my',
  'not',
  'of',
  'on',
  'or',
  'our',
  'she',
  'should',
  'so',
  'somebody',
  'someone',
  'than',
  'that',
  'the',
  'their',
  'them',
  'then',
  'there',
  'these',
  'they',
  'this',
  'those',
  'through',
  'to',
  'too',
  'until',
  'upon',
  'us',
  'via',
  'was',
  'we',
  'were',
  'what',
  'when',
  'where',
  'which',
  'while',
  'who',
  'whom',
  'whose',
  'why',
  'will',
  'with',
  'would',
  'you',
  'your',
]);

/** One word of a query. */
export interface QueryTerm {
  /** The word as typed, with punctuation trimmed from both ends (`“GuardDuty?”` is `GuardDuty`). */
  text: string;
  /** The form Pagefind indexes a word in: see `termKey`. */
  key: string;
  /** A filler word (`STOP_WORDS`). */
  stop: boolean;
}

/** A query, read. */
export interface ParsedQuery {
  /** Every word, in order. */
  terms: QueryTerm[];
  /** The words a page must have: the non-filler ones, or every word when all are filler. */
  meaningful: QueryTerm[];
  /** Typed in double quotes: the reader wants exactly this phrase, so nothing is left out or corrected. */
  phrase: boolean;
}

/**
 * A word as Pagefind indexes it: accents removed, lower case, letters and digits only. Pagefind
 * indexes `AmazonGuardDutyFullAccess_v2` as `amazonguarddutyfullaccessv2` and `TLS 1.3` as `tls` and
 * `13` (it also indexes the parts of compound words, which `compoundParts` gives).
 */
export function termKey(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Punctuation at the ends of a word, which is never part of what the reader means. */
export function trimWord(word: string): string {
  return word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/** Reads a query into words (see `ParsedQuery`). */
export function parseQuery(query: string): ParsedQuery {
  const phrase = /^\s*".+"\s*$/.test(query);
  const terms = query
    .split(/\s+/)
    .map(trimWord)
    .map((text) => ({ text, key: termKey(text), stop: STOP_WORDS.has(text.toLowerCase()) }))
    .filter((term) => term.key !== '');
  const meaningful = phrase || terms.every((t) => t.stop) ? terms : terms.filter((t) => !t.stop);
  return { terms, meaningful, phrase };
}

/**
 * Whether a word is an identifier rather than a word of prose: it has inner punctuation or
 * capitals, or mixes letters and digits (`guardduty:GetFindings`, `DeleteDetector`,
 * `FIFTEEN_MINUTES`, `GuardDuty.1`). Identifiers are matched and suggested whole, as written.
 */
export function isIdentifier(word: string): boolean {
  const text = trimWord(word);
  return (
    /[\p{L}\p{N}][_:./\\-][\p{L}\p{N}]/u.test(text) ||
    /\p{Ll}\p{Lu}/u.test(text) ||
    (/\p{L}/u.test(text) && /\p{N}/u.test(text))
  );
}

/**
 * The parts Pagefind also indexes a compound word under, lower case, two characters or more:
 * `service-linked` gives service, linked; `AWSServiceRoleForAmazonGuardDuty` gives aws, service,
 * role, for, amazon, guard, duty.
 */
export function compoundParts(word: string): string[] {
  return word
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .split(/[^\p{L}\p{N}]+/u)
    .map(termKey)
    .filter((part) => part.length >= 2);
}

/**
 * The start every inflection of a word shares, about as Pagefind's stemmer would cut it:
 * `disabling` and `disable` both start `disabl`, `policies` and `policy` start `polic`. One common
 * English ending is removed, leaving at least three characters.
 */
export function stemPrefix(key: string): string {
  for (const ending of ENDINGS) {
    if (key.endsWith(ending) && key.length - ending.length >= 3)
      return key.slice(0, -ending.length);
  }
  return key;
}

const ENDINGS = [
  'ations',
  'ation',
  'ments',
  'ment',
  'ings',
  'ions',
  'ing',
  'ion',
  'ies',
  'ied',
  'ers',
  'ed',
  'er',
  'es',
  'ly',
  's',
  'y',
  'e',
];
