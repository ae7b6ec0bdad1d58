import { describe, expect, it } from 'vitest';
import {
  excerptSegments,
  resultHref,
  toHits,
  type PagefindResultData,
} from '../../src/lib/browser/search-hits.ts';

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

  it('never returns a path a browser would read as another host (//host or /\\host)', () => {
    // Same origin as written, but the path resolves to //evil.example/, a protocol-relative URL.
    expect(resultHref('/.//evil.example/', link)).toBeUndefined();
    expect(resultHref('/docs/..//evil.example/x', link)).toBeUndefined();
    expect(resultHref('/.\\\\evil.example/', link)).toBeUndefined();
    expect(resultHref('/docs/./resilience/', link)).toBe('/docs/resilience/?highlight=TLS+1.3');
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

  it('matches section words by their start, as Pagefind does, and ignores words of the page title', () => {
    const hits = toHits(
      { ...result, meta: { title: 'Managing access to GuardDuty' } },
      { sectionsPerPage: 1 },
      { pageUrl: 'https://guide.example.com/docs/', query: 'stop someone disabling GuardDuty' },
    );
    // "disabling" finds "disable"; "GuardDuty" is in every section of a page titled with it.
    expect(hits[1]?.title).toBe('Who can disable GuardDuty?');
  });

  it('reads an identifier by its parts too, so a command finds the heading that names its task', () => {
    const hits = toHits(
      {
        url: '/data-protection/',
        excerpt: '',
        meta: { title: 'Data protection' },
        sub_results: [
          {
            title: 'What GuardDuty keeps',
            url: '/data-protection/#keeps',
            excerpt: '',
            anchor: { element: 'h2', id: 'keeps' },
            weighted_locations: [{ weight: 1, balanced_score: 50 }],
          },
          {
            title: 'Create the publishing destination',
            url: '/data-protection/#create',
            excerpt: '',
            anchor: { element: 'h3', id: 'create' },
          },
        ],
      },
      { sectionsPerPage: 1 },
      {
        pageUrl: 'https://guide.example.com/',
        query: 'aws guardduty create-publishing-destination',
      },
    );
    expect(hits[1]?.href).toMatch(/#create$/);
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
