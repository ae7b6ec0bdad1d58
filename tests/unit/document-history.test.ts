import { describe, expect, it } from 'vitest';
import {
  atomFeed,
  buildHistory,
  entryTagUri,
  latestChangeOf,
  type PageChange,
} from '../../src/lib/document-history.ts';
import { findBrokenLinks, urlsInDocument } from '../../src/lib/link-check.ts';
import { formatDate } from '../../src/lib/review-date.ts';
import { docsSchema } from '../../src/lib/schema.ts';
import { docPage } from '../helpers/pages.ts';
import { parseXml, childrenNamed } from '../support/xml.ts';

const change = (date: string, kind: PageChange['kind'], summary: string): PageChange => ({
  date: new Date(`${date}T00:00:00Z`),
  kind,
  summary,
});
const ctx = { site: 'https://guide.example.com', base: '/docs/', siteTitle: 'Guide' };

describe('buildHistory', () => {
  const home = docPage('', 0, {
    changes: [change('2026-11-28', 'addition', 'Published the overview.')],
  });
  const access = docPage('access', 1, {
    title: 'Access',
    changes: [
      change('2026-12-03', 'correction', 'Second fix that day.'),
      change('2026-12-03', 'correction', 'First fix that day.'),
      change('2026-11-28', 'addition', 'Published access.'),
    ],
  });
  const logging = docPage('section/logging', 0, {
    changes: [change('2026-12-03', 'update', 'Followed an AWS change.')],
  });

  it('lists every change newest first; one day’s changes follow reading order, then each page’s own order', () => {
    const history = buildHistory([home, access, logging], '/docs/');
    expect(history.map((e) => [e.dateIso, e.page.slug, e.summary])).toEqual([
      ['2026-12-03', 'access', 'Second fix that day.'],
      ['2026-12-03', 'access', 'First fix that day.'],
      ['2026-12-03', 'section/logging', 'Followed an AWS change.'],
      ['2026-11-28', '', 'Published the overview.'],
      ['2026-11-28', 'access', 'Published access.'],
    ]);
    expect(history[0]).toMatchObject({ pageHref: '/docs/access/', kindLabel: 'Correction' });
  });

  it('gives each change an anchor and a tag URI that a later change on the same page and day does not renumber', () => {
    const before = buildHistory([access], '/docs/');
    const later = docPage('access', 1, {
      changes: [change('2026-12-03', 'update', 'A third change that day.'), ...access.changes],
    });
    const after = buildHistory([later], '/docs/');
    const bySummary = (entries: typeof before) =>
      Object.fromEntries(entries.map((e) => [e.summary, [e.anchor, entryTagUri(e, ctx)]]));
    expect(bySummary(after)).toMatchObject(bySummary(before));
    expect(bySummary(before)).toEqual({
      'Second fix that day.': [
        'change-2026-12-03/access~2',
        'tag:guide.example.com,2026-12-03:/docs/access/#2',
      ],
      'First fix that day.': [
        'change-2026-12-03/access',
        'tag:guide.example.com,2026-12-03:/docs/access/',
      ],
      'Published access.': [
        'change-2026-11-28/access',
        'tag:guide.example.com,2026-11-28:/docs/access/',
      ],
    });
  });

  it('names the latest change of a page with the anchor of its row in the history', () => {
    expect(latestChangeOf(access, '/docs/', formatDate)).toMatchObject({
      dateIso: '2026-12-03',
      dateText: '3 December 2026',
      kind: 'correction',
      summary: 'Second fix that day.',
      historyHref: '/docs/history/#change-2026-12-03/access~2',
    });
  });
});

describe('atomFeed', () => {
  it('escapes titles and summaries, and is well-formed Atom with absolute links under the base', () => {
    const page = docPage('a', 1, {
      title: 'Keys & <roles>',
      changes: [change('2026-12-01', 'update', 'Quoted "aws:SourceVpce" & <tags>.')],
    });
    const feed = parseXml(atomFeed(buildHistory([page], '/docs/'), ctx));
    const [entry] = childrenNamed(feed, 'entry');
    expect(childrenNamed(entry ?? feed, 'title')[0]?.text).toBe('Update: Keys & <roles>');
    expect(childrenNamed(entry ?? feed, 'summary')[0]?.text).toBe(
      'Quoted "aws:SourceVpce" & <tags>.',
    );
    expect(childrenNamed(entry ?? feed, 'link')[0]?.attributes['href']).toBe(
      'https://guide.example.com/docs/a/',
    );
    expect(childrenNamed(feed, 'updated')[0]?.text).toBe('2026-12-01T00:00:00Z');
  });
});

describe('the link check reads the feed', () => {
  it('checks the feed’s links like llms.txt’s, so an entry for a page that is not built fails', () => {
    const page = docPage('gone', 1, { changes: [change('2026-12-01', 'update', 'Updated.')] });
    const feed = urlsInDocument(
      '/docs/history/feed.xml',
      atomFeed(buildHistory([page], '/docs/'), ctx),
    );
    expect(feed.kind).toBe('text');
    expect(feed.urls).toEqual([
      'https://guide.example.com/docs/history/feed.xml',
      'https://guide.example.com/docs/history/',
      'https://guide.example.com/docs/gone/',
    ]);
    const built = (urlPath: string) => ({
      urlPath,
      ids: new Set<string>(),
      contentIds: [],
      refs: [],
    });
    const broken = findBrokenLinks(
      [built('/docs/history/')],
      { files: new Set(['/docs/history/feed.xml']), documents: [feed] },
      ctx.site,
    );
    expect(broken.map((b) => [b.page, b.href])).toEqual([
      ['/docs/history/feed.xml', 'https://guide.example.com/docs/gone/'],
    ]);
  });
});

describe('the changes frontmatter field', () => {
  const valid = {
    title: 'A page title',
    description: 'A description that is long enough to pass the schema rule of fifty characters.',
    sidebar: { order: 1 },
    lastReviewed: new Date('2026-12-01'),
    sources: [{ title: 'AWS documentation', url: 'https://docs.aws.amazon.com/guardduty/' }],
    changes: [
      { date: new Date('2026-12-01'), kind: 'correction', summary: 'Fixed the key policy.' },
      { date: '2026-11-28', kind: 'addition', summary: 'First published.' },
    ],
  };
  const problems = (changes: unknown, lastReviewed: Date = valid.lastReviewed) => {
    const result = docsSchema.safeParse({ ...valid, changes, lastReviewed });
    return result.success
      ? []
      : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('accepts dates written as YAML dates or as quoted YYYY-MM-DD, newest first', () => {
    const parsed = docsSchema.parse(valid);
    expect(parsed.changes.map((c) => c.date.toISOString())).toEqual([
      '2026-12-01T00:00:00.000Z',
      '2026-11-28T00:00:00.000Z',
    ]);
  });

  it('is required, with at least one entry', () => {
    expect(problems(undefined)).toEqual([
      'changes: add `changes:`, the page\'s document history, newest first, e.g. - { date: 2026-12-01, kind: addition, summary: "First published." }',
    ]);
    expect(problems([])).toEqual([
      'changes: list at least one entry under `changes` (a new page starts with its addition)',
    ]);
  });

  it('names the entry and field of a wrong date, kind or summary, with the fix', () => {
    expect(problems([{ date: '2026-12-1', kind: 'fixed', summary: 'Short' }])).toEqual([
      'changes.0.date: give each entry in `changes` a `date:` as YYYY-MM-DD (e.g. date: 2026-12-01)',
      "changes.0.kind: set each change's `kind:` to correction (something was wrong), addition (new content) or update (changed to follow AWS)",
      'changes.0.summary: write a `summary` of at least 10 characters that says what changed',
    ]);
    expect(
      problems([
        { date: new Date('2026-11-28T10:00:00Z'), kind: 'update', summary: 'Updated a table.' },
      ]),
    ).toEqual([
      'changes.0.date: write the `date:` of a change as a day, YYYY-MM-DD, without a time',
    ]);
  });

  it('wants changes newest first, and none after the page was last reviewed', () => {
    expect(
      problems([
        { date: '2026-11-28', kind: 'addition', summary: 'First published.' },
        { date: '2026-12-01', kind: 'correction', summary: 'Fixed the key policy.' },
      ]),
    ).toEqual([
      'changes.1.date: list `changes` newest first: entry 2 (2026-12-01) is newer than entry 1 (2026-11-28)',
    ]);
    expect(problems(valid.changes, new Date('2026-11-30'))).toEqual([
      "changes.0.date: the newest change (2026-12-01) is after `lastReviewed` (2026-11-30): set `lastReviewed:` to the day you checked the page against its sources, or correct the change's date",
    ]);
  });
});
