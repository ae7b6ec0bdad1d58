/**
 * Pagefind's results as the UI lists them: a page, then the sections inside it that answer the
 * query best, each with a same-origin link and an excerpt that is only ever text and `<mark>`.
 * No DOM and no Pagefind here: these functions take plain data, so unit tests need neither.
 */
import { findTermRanges, matchTerms } from './highlight.ts';
import { compoundParts, stemPrefix } from './search-query.ts';
import { HIGHLIGHT_PARAM } from './search-options.ts';

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
  meta: { title?: string; headings?: string; aliases?: string; defines?: string };
  /** The page's indexed text; word positions (`location`) index into it split on whitespace. */
  content?: string;
  sub_results?: PagefindSubResult[];
  /** Every element with an id, in page order (Pagefind splits sub-results on these). */
  anchors?: Array<{ element: string; id: string; location: number; text?: string }>;
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
 * first (see `sectionScore`), then by Pagefind's match score. Results whose URL is not on this
 * site are dropped.
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
  const words = sectionWords(link.query, pageTitle);
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

/**
 * The query's words that tell one section of a page from another, as `findTermRanges` terms: an
 * identifier counts whole and by its parts (`create-publishing-destination` is about the heading
 * "Create the publishing destination"), and words of the page's title are left out, because every
 * section of that page is about them ("GuardDuty" on "Data protection in Amazon GuardDuty"),
 * unless nothing else is left.
 */
function sectionWords(query: string, pageTitle: string): string[] {
  const words = [
    ...new Set(matchTerms(query).flatMap((w) => [w, ...compoundParts(w).map(stemPrefix)])),
  ];
  const distinctive = words.filter((w) => findTermRanges(pageTitle, [w]).length === 0);
  return distinctive.length > 0 ? distinctive : words;
}

/**
 * How well a section answers the query, by the words of `sectionWords` (matched as Pagefind
 * matches them, by their start: `disabling` finds `disable`): a heading with every word first,
 * then the section whose text (heading included) has the most of the words, then the one whose
 * heading has the most. Pagefind's match score breaks ties.
 */
function sectionScore(sub: PagefindSubResult, words: readonly string[], text: string): number {
  if (words.length === 0) return 0;
  const matchScore = (sub.weighted_locations ?? []).reduce((sum, l) => sum + l.balanced_score, 0);
  const inHeading = words.filter((w) => findTermRanges(sub.title, [w]).length > 0).length;
  const inText = words.filter((w) => findTermRanges(text, [w]).length > 0).length;
  const allInHeading = inHeading === words.length ? 1e6 : 0;
  return allInHeading + inText * 1e4 + inHeading * 1e3 + Math.min(matchScore, 999);
}

/**
 * Resolves a result URL against the current page and keeps it only if it is an http(s) URL on the
 * same origin; adds the query as the highlight parameter (before any `#fragment`). Returns a path,
 * and never one that starts with `//` or `/\`: a browser reads those as another host
 * (`/.//evil.example/` resolves to the path `//evil.example/`), so such URLs are dropped.
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
  if (/^[/\\]{2}/.test(target.pathname)) return undefined;
  const query = link.query.trim();
  if (query) target.searchParams.set(HIGHLIGHT_PARAM, query);
  return target.pathname + target.search + target.hash;
}
