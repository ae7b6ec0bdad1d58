import { describe, expect, it } from 'vitest';
import {
  excerptSegments,
  findTermRanges,
  highlightTerms,
  latestOnly,
  pagefindModuleUrl,
  resultCountText,
  resultHref,
  toHits,
  type PagefindResultData,
} from '../../src/lib/search.ts';
import { isSearchShortcut } from '../../src/lib/search-shortcut.ts';

const link = { pageUrl: 'https://guide.example.com/docs/resilience/', query: 'TLS 1.3' };

describe('excerptSegments', () => {
  it('keeps Pagefind’s <mark> runs and turns its escaped brackets back into text', () => {
    expect(excerptSegments('Clients use <mark>TLS</mark> 1.2; &lt;script&gt; stays text')).toEqual([
      { text: 'Clients use ', mark: false },
      { text: 'TLS', mark: true },
      { text: ' 1.2; <script> stays text', mark: false },
    ]);
  });

  it('treats any other tag as text, so a malformed excerpt cannot inject markup', () => {
    const segments = excerptSegments('<img src=x onerror=alert(1)><mark>x</mark>');
    expect(segments).toEqual([
      { text: '<img src=x onerror=alert(1)>', mark: false },
      { text: 'x', mark: true },
    ]);
  });
});

describe('resultHref', () => {
  it('keeps a same-origin path, adds the query for the landing highlight before the #fragment', () => {
    expect(resultHref('/docs/infrastructure-security/#how-clients-must-connect', link)).toBe(
      '/docs/infrastructure-security/?highlight=TLS+1.3#how-clients-must-connect',
    );
  });

  it('drops URLs on another origin and non-http schemes', () => {
    expect(resultHref('https://evil.example/', link)).toBeUndefined();
    expect(resultHref('//evil.example/x/', link)).toBeUndefined();
    expect(resultHref('javascript:alert(1)', link)).toBeUndefined();
    expect(resultHref('data:text/html,<script>alert(1)</script>', link)).toBeUndefined();
  });

  it('leaves the URL without a highlight parameter when the query is blank', () => {
    expect(resultHref('/docs/', { ...link, query: '  ' })).toBe('/docs/');
  });
});

describe('toHits', () => {
  const result: PagefindResultData = {
    url: '/docs/managing-access/',
    excerpt: 'page <mark>disable</mark>',
    meta: { title: 'Managing access' },
    sub_results: [
      { title: 'Managing access', url: '/docs/managing-access/', excerpt: 'top' },
      {
        title: 'AWS managed policies',
        url: '/docs/managing-access/#aws-managed-policies',
        excerpt: 'a',
        anchor: { element: 'h2', id: 'aws-managed-policies' },
        weighted_locations: [
          { weight: 1, balanced_score: 9 },
          { weight: 1, balanced_score: 9 },
        ],
      },
      {
        title: 'Who can disable GuardDuty?',
        url: '/docs/managing-access/#who-can-disable-guardduty',
        excerpt: 'b',
        anchor: { element: 'h2', id: 'who-can-disable-guardduty' },
        weighted_locations: [{ weight: 6, balanced_score: 3 }],
      },
      {
        title: 'Condition keys',
        url: '/docs/managing-access/#condition-keys',
        excerpt: 'c',
        anchor: { element: 'h2', id: 'condition-keys' },
        weighted_locations: [{ weight: 1, balanced_score: 1 }],
      },
    ],
  };

  it('lists the page, then its sections: a heading with every query word first, then by score', () => {
    const hits = toHits(
      result,
      { sectionsPerPage: 2 },
      { pageUrl: 'https://guide.example.com/docs/', query: 'who can disable GuardDuty' },
    );
    expect(hits.map((h) => [h.kind, h.title])).toEqual([
      ['page', 'Managing access'],
      ['section', 'Who can disable GuardDuty?'],
      ['section', 'AWS managed policies'],
    ]);
    expect(hits[1]?.href).toBe(
      '/docs/managing-access/?highlight=who+can+disable+GuardDuty#who-can-disable-guardduty',
    );
  });

  it('puts the section whose text holds every query word before one that only repeats a word more often', () => {
    const words =
      'Intro. How clients must connect TLS 1.2 minimum, TLS 1.3 recommended. Check the TLS floor TLS 1.2 TLS 1.1 TLS TLS'.split(
        ' ',
      );
    const tls: PagefindResultData = {
      url: '/infrastructure-security/',
      excerpt: '',
      meta: { title: 'Infrastructure security' },
      content: words.join(' '),
      anchors: [
        { element: 'h2', id: 'how-clients-must-connect', location: 1 },
        { element: 'h2', id: 'check-the-tls-floor', location: 11 },
      ],
      sub_results: [
        {
          title: 'How clients must connect',
          url: '/infrastructure-security/#how-clients-must-connect',
          excerpt: '',
          anchor: { element: 'h2', id: 'how-clients-must-connect', location: 1 },
          weighted_locations: [
            { weight: 1, balanced_score: 2 },
            { weight: 1, balanced_score: 2 },
          ],
        },
        {
          title: 'Check the TLS floor',
          url: '/infrastructure-security/#check-the-tls-floor',
          excerpt: '',
          anchor: { element: 'h2', id: 'check-the-tls-floor', location: 11 },
          weighted_locations: Array.from({ length: 6 }, () => ({ weight: 5, balanced_score: 9 })),
        },
      ],
    };
    const hits = toHits(
      tls,
      { sectionsPerPage: 3 },
      { pageUrl: 'https://guide.example.com/', query: 'TLS 1.3' },
    );
    expect(hits.map((h) => h.href.split('#')[1])).toEqual([
      undefined,
      'how-clients-must-connect',
      'check-the-tls-floor',
    ]);
  });

  it('drops a result whose URL leaves the site', () => {
    expect(
      toHits({ ...result, url: 'https://evil.example/' }, { sectionsPerPage: 3 }, link),
    ).toEqual([]);
  });

  it('falls back to the URL when a page has no title', () => {
    expect(
      toHits({ url: '/docs/x/', excerpt: '', meta: {} }, { sectionsPerPage: 3 }, link)[0]?.title,
    ).toBe('/docs/x/');
  });
});

describe('resultCountText', () => {
  it('says how many pages matched, or that none did', () => {
    expect(resultCountText(0, 'zzz')).toBe('No results for “zzz”.');
    expect(resultCountText(1, 'FedRAMP')).toBe('1 page matches “FedRAMP”.');
    expect(resultCountText(3, 'KMS')).toBe('3 pages match “KMS”.');
  });
});

describe('isSearchShortcut', () => {
  const key = (
    k: string,
    mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {},
  ) => ({
    key: k,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    ...mods,
  });

  it('opens on Ctrl+K or Cmd+K, even while typing in a field', () => {
    expect(isSearchShortcut(key('k', { ctrlKey: true }), false)).toBe(true);
    expect(isSearchShortcut(key('K', { metaKey: true }), true)).toBe(true);
  });

  it('opens on / only outside fields', () => {
    expect(isSearchShortcut(key('/'), false)).toBe(true);
    expect(isSearchShortcut(key('/', { shiftKey: true }), false)).toBe(true);
    expect(isSearchShortcut(key('/'), true)).toBe(false);
  });

  it('ignores plain k, Alt combinations and Ctrl+Shift+K', () => {
    expect(isSearchShortcut(key('k'), false)).toBe(false);
    expect(isSearchShortcut(key('k', { ctrlKey: true, altKey: true }), false)).toBe(false);
    expect(isSearchShortcut(key('k', { ctrlKey: true, shiftKey: true }), false)).toBe(false);
    expect(isSearchShortcut(key('/', { ctrlKey: true }), false)).toBe(false);
  });
});

describe('highlightTerms and findTermRanges', () => {
  it('takes the words of every highlight value, without punctuation or filler words, longest first', () => {
    expect(highlightTerms('?highlight=who+can+disable+GuardDuty%3F')).toEqual([
      'GuardDuty',
      'disable',
    ]);
    expect(highlightTerms('?highlight=TLS%201.3&highlight=x')).toEqual(['TLS', '1.3']);
    expect(highlightTerms('?q=other')).toEqual([]);
  });

  it('finds terms at the start of words, case-insensitively, treating regex characters literally', () => {
    const text = 'Roles and service-linked roles; controle. TLS 1.3 not 123';
    const found = findTermRanges(text, ['role', '1.3']).map(([s, e]) => text.slice(s, e));
    expect(found).toEqual(['Role', 'role', '1.3']);
  });

  it('finds nothing without terms', () => {
    expect(findTermRanges('anything', [])).toEqual([]);
  });
});

describe('pagefindModuleUrl', () => {
  it('versions pagefind.js with the runtime key', () => {
    expect(pagefindModuleUrl('/docs/pagefind/', 'abc123')).toBe(
      '/docs/pagefind/pagefind.js?v=abc123',
    );
    expect(pagefindModuleUrl('/pagefind/', '')).toBe('/pagefind/pagefind.js');
  });
});

describe('latestOnly', () => {
  it('runs the first value at once and, of the values given while it runs, only the last', async () => {
    const ran: string[] = [];
    let release: () => void = () => undefined;
    const staleSeen: boolean[] = [];
    const run = latestOnly(async (value: string, isStale) => {
      ran.push(value);
      if (value === 'r') await new Promise<void>((resolve) => (release = resolve));
      staleSeen.push(isStale());
    });
    const first = run('r');
    void run('re');
    void run('ret');
    const last = run('retention');
    release();
    await Promise.all([first, last]);
    expect(ran).toEqual(['r', 'retention']);
    // 'r' learned it was stale once newer input waited; 'retention' did not.
    expect(staleSeen).toEqual([true, false]);
    await run('x');
    expect(ran).toEqual(['r', 'retention', 'x']);
  });
});
