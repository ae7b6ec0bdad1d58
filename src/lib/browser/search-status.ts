/**
 * What the search UIs say about a result list, in the live region and on screen. The reader's
 * words are echoed back only in quotes and cut to `ECHO_LIMIT` characters, so a crafted link
 * (`/search/?q=<a whole sentence>`) cannot make the guide appear to state something.
 */

/** The most characters of the reader's query repeated back. */
export const ECHO_LIMIT = 64;

/** How a result list relates to what was typed. */
export type SearchNotice =
  /** Every meaningful word is on every page listed. */
  | { kind: 'all' }
  /** No page has every word; the pages listed have some (`words`: the words typed). */
  | { kind: 'partial'; words: string[] }
  /** No page has any of the words. */
  | { kind: 'none' }
  /** A misspelt word was corrected: `corrected` was searched instead of `original`. */
  | { kind: 'corrected'; corrected: string; original: string };

/** A piece of the status line: text, or a button that runs another search. */
export type StatusPart =
  | { text: string }
  | {
      text: string;
      /** The query the button searches. */
      search: string;
      /** Search it as typed, without correcting its spelling. */
      verbatim: boolean;
    };

/** What a search found, as the status line reports it. */
export interface StatusFacts {
  query: string;
  /** Pages listed. */
  pages: number;
  notice: SearchNotice;
  /** Whole queries to offer as "Did you mean". */
  didYouMean: readonly string[];
}

/** A query in typographic quotes, cut to `ECHO_LIMIT` characters with an ellipsis. */
export function quoted(text: string): string {
  const chars = [...text.trim()];
  return `“${chars.length > ECHO_LIMIT ? `${chars.slice(0, ECHO_LIMIT - 1).join('')}…` : text.trim()}”`;
}

/** Words as a quoted list within `ECHO_LIMIT` characters: “a”, “b” and “c”. */
export function quotedList(words: readonly string[]): string {
  const kept: string[] = [];
  let length = 0;
  for (const word of words) {
    length += [...word].length;
    if (length > ECHO_LIMIT && kept.length > 0) {
      kept.push('…');
      break;
    }
    kept.push(quoted(word));
  }
  const last = kept.pop() ?? '';
  return kept.length > 0 ? `${kept.join(', ')} and ${last}` : last;
}

/** "3 pages match" / "1 page matches". */
function count(pages: number): string {
  return `${pages} ${pages === 1 ? 'page matches' : 'pages match'}`;
}

/** "3 pages" / "1 page". */
function pagesText(pages: number): string {
  return `${pages} ${pages === 1 ? 'page' : 'pages'}`;
}

/** The status line's parts. */
export function statusParts({ query, pages, notice, didYouMean }: StatusFacts): StatusPart[] {
  const offers: StatusPart[] =
    didYouMean.length === 0
      ? []
      : [
          { text: 'Did you mean ' },
          ...didYouMean.flatMap((alternative, i): StatusPart[] => [
            ...(i === 0 ? [] : [{ text: i === didYouMean.length - 1 ? ' or ' : ', ' }]),
            { text: quoted(alternative), search: alternative, verbatim: false },
          ]),
          { text: '? ' },
        ];
  switch (notice.kind) {
    case 'corrected':
      return [
        {
          text: `Showing results for ${quoted(notice.corrected)} (${pagesText(pages)}); search for `,
        },
        { text: quoted(notice.original), search: notice.original, verbatim: true },
        { text: ' instead.' },
      ];
    case 'partial':
      return [
        ...offers,
        { text: `No page has all of ${quotedList(notice.words)}; pages with some of them:` },
      ];
    case 'none':
      return [...offers, { text: `No page matches ${quoted(query)}.` }];
    case 'all':
      return [...offers, { text: `${count(pages)} ${quoted(query)}.` }];
  }
}

/** The status line as plain text (what the live region reads). */
export function statusText(parts: readonly StatusPart[]): string {
  return parts.map((part) => part.text).join('');
}
