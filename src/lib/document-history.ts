/**
 * The guide's document history: every page records its changes in frontmatter (`changes:`, newest
 * first), and the history page, the Atom feed, each page's "latest change" line, /print/ and
 * llms.txt all list them from here.
 */
import type { DocPage } from './types.ts';
import { absoluteUrl, pageHref } from './urls.ts';

/** What kind of change a page had, as readers of the history and the feed see it. */
export const CHANGE_KINDS = ['correction', 'addition', 'update'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** How each kind is named on the page and in the feed. */
export const CHANGE_KIND_LABELS: Readonly<Record<ChangeKind, string>> = {
  correction: 'Correction',
  addition: 'Addition',
  update: 'Update',
};

/** One entry of a page's `changes:` list. */
export interface PageChange {
  /** The day of the change (midnight UTC). */
  date: Date;
  kind: ChangeKind;
  /** One sentence a reader understands: what changed and, for a correction, what was wrong. */
  summary: string;
}

/** Where the history page, its Markdown twin and the feed are served, below the base. */
export const HISTORY_SLUG = 'history';
export const FEED_FILE = 'feed.xml';

/** One change to one page, ready to list. */
export interface HistoryEntry {
  /** The page that changed. */
  page: Pick<DocPage, 'slug' | 'title' | 'label'>;
  /** The page's path under the site origin, e.g. `/docs/data-protection/`. */
  pageHref: string;
  /** YYYY-MM-DD. */
  dateIso: string;
  kind: ChangeKind;
  kindLabel: string;
  summary: string;
  /**
   * The entry's HTML id on the history page, `change-<date>/<slug>` (`~2`, `~3` for further
   * changes to the page that day): unique, and stable as later changes are added.
   */
  anchor: string;
  /** Counts the page's changes on that day from the oldest: 1 for the first. */
  ordinal: number;
}

/** YYYY-MM-DD of a date, in UTC (dates come from frontmatter at midnight UTC). */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A page's newest change, as the page shows it next to "last reviewed". */
export interface LatestChange extends HistoryEntry {
  /** The day in words, e.g. "1 December 2026". */
  dateText: string;
  /** The change on the history page, e.g. `/docs/history/#change-2026-12-01/resilience`. */
  historyHref: string;
}

/** The newest change of a page (its `changes:` list is newest first), with its dates formatted. */
export function latestChangeOf(
  page: DocPage,
  base: string,
  formatDate: (date: Date) => string,
): LatestChange | undefined {
  const [entry] = buildHistory([page], base);
  const newest = page.changes[0];
  if (!entry || !newest) return undefined;
  return {
    ...entry,
    dateText: formatDate(newest.date),
    historyHref: `${historyHref(base)}#${entry.anchor}`,
  };
}

/**
 * Every change of every page, newest first; changes of one day follow the pages' reading order
 * (pass `pages` in that order), then the page's own order.
 */
export function buildHistory(pages: readonly DocPage[], base: string): HistoryEntry[] {
  const entries = pages.flatMap((page, position) => {
    const perDay = new Map<string, number>();
    // Ordinals count from the oldest entry, so a new change never renumbers an older one.
    const oldestFirst = [...page.changes].reverse().map((change) => {
      const dateIso = isoDay(change.date);
      const ordinal = (perDay.get(dateIso) ?? 0) + 1;
      perDay.set(dateIso, ordinal);
      const entry: HistoryEntry = {
        page: { slug: page.slug, title: page.title, label: page.label },
        pageHref: pageHref(base, page.slug),
        dateIso,
        kind: change.kind,
        kindLabel: CHANGE_KIND_LABELS[change.kind],
        summary: change.summary,
        anchor: `change-${dateIso}/${page.slug}${ordinal > 1 ? `~${ordinal}` : ''}`,
        ordinal,
      };
      return entry;
    });
    return oldestFirst.reverse().map((entry, index) => ({ entry, position, index }));
  });
  entries.sort(
    (a, b) =>
      b.entry.dateIso.localeCompare(a.entry.dateIso) ||
      a.position - b.position ||
      a.index - b.index,
  );
  return entries.map(({ entry }) => entry);
}

/** The history page's path under the origin, e.g. `/docs/history/`. */
export function historyHref(base: string): string {
  return pageHref(base, HISTORY_SLUG);
}

/** The feed's path under the origin, e.g. `/docs/history/feed.xml`. */
export function feedHref(base: string): string {
  return `${historyHref(base)}${FEED_FILE}`;
}

/** Where the site lives, for absolute URLs and tag URIs. */
export interface FeedContext {
  /** Origin, e.g. `https://guide.example.com`. */
  site: string;
  /** Base path, e.g. `/docs/`. */
  base: string;
  siteTitle: string;
}

/**
 * The entry's Atom id: a tag URI (RFC 4151) minted from the site's host, the day of the change and
 * the page's address, so it never changes when summaries are edited or later changes are added.
 */
export function entryTagUri(entry: HistoryEntry, ctx: FeedContext): string {
  const host = new URL(ctx.site).hostname;
  return `tag:${host},${entry.dateIso}:${entry.pageHref}${entry.ordinal > 1 ? `#${entry.ordinal}` : ''}`;
}

/** The Atom feed (RFC 4287) of the history: one entry per change, newest first. */
export function atomFeed(entries: readonly HistoryEntry[], ctx: FeedContext): string {
  const url = (path: string) => absoluteUrl(ctx.site, path);
  const updated = entries[0]?.dateIso ?? '1970-01-01';
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
    `  <id>${xml(url(historyHref(ctx.base)))}</id>`,
    `  <title>${xml(`${ctx.siteTitle}: document history`)}</title>`,
    `  <subtitle>Every correction, addition and update to the guide, newest first.</subtitle>`,
    `  <updated>${updated}T00:00:00Z</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(url(feedHref(ctx.base)))}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(url(historyHref(ctx.base)))}"/>`,
    `  <author><name>${xml(ctx.siteTitle)}</name><uri>${xml(url(ctx.base))}</uri></author>`,
    ...entries.flatMap((entry) => [
      '  <entry>',
      `    <id>${xml(entryTagUri(entry, ctx))}</id>`,
      `    <title>${xml(`${entry.kindLabel}: ${entry.page.title}`)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xml(url(entry.pageHref))}"/>`,
      `    <updated>${entry.dateIso}T00:00:00Z</updated>`,
      `    <category term="${entry.kind}" label="${entry.kindLabel}"/>`,
      `    <summary type="text">${xml(entry.summary)}</summary>`,
      '  </entry>',
    ]),
    '</feed>',
  ];
  return `${lines.join('\n')}\n`;
}

/** The history as Markdown (the history page's twin, listed in llms.txt). */
export function historyMarkdown(entries: readonly HistoryEntry[], ctx: FeedContext): string {
  const url = (path: string) => absoluteUrl(ctx.site, path);
  const rows = entries.map(
    (e) =>
      `| ${e.dateIso} | [${cell(e.page.title)}](${url(e.pageHref)}) | ${e.kindLabel} | ${cell(e.summary)} |`,
  );
  return [
    `# Document history`,
    '',
    `> Every correction, addition and update to the ${ctx.siteTitle}, newest first.`,
    '',
    `Web page: <${url(historyHref(ctx.base))}>. Atom feed: <${url(feedHref(ctx.base))}>.`,
    '',
    '| Date | Page | Kind | Summary |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

/** The section of llms.txt that points at the history, in Markdown and as a feed. */
export function historyLlmsSection(site: string, base: string): string {
  const url = (path: string) => absoluteUrl(site, path);
  return (
    '\n## Document history\n\n' +
    `- [Document history](${url(`${historyHref(base)}index.md`)}): every change to the guide, newest first\n` +
    `- [Atom feed](${url(feedHref(base))}): the same changes, for a feed reader\n`
  );
}

/** Escapes text for XML character data and attribute values. */
function xml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );
}

/** Escapes text for a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/[|\\[\]]/g, '\\$&');
}
