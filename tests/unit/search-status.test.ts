import { describe, expect, it } from 'vitest';
import {
  ECHO_LIMIT,
  quoted,
  quotedList,
  statusParts,
  statusText,
} from '../../src/lib/browser/search-status.ts';

const none = { didYouMean: [] };

describe('statusParts', () => {
  it('says how many pages matched', () => {
    expect(
      statusText(statusParts({ query: 'FedRAMP', pages: 1, notice: { kind: 'all' }, ...none })),
    ).toBe('1 page matches “FedRAMP”.');
    expect(
      statusText(statusParts({ query: 'KMS', pages: 3, notice: { kind: 'all' }, ...none })),
    ).toBe('3 pages match “KMS”.');
    expect(
      statusText(statusParts({ query: 'zzz', pages: 0, notice: { kind: 'none' }, ...none })),
    ).toBe('No page matches “zzz”.');
  });

  it('says when no page has every word, before listing the pages that have some', () => {
    const parts = statusParts({
      query: 'stop someone disabling GuardDuty',
      pages: 3,
      notice: { kind: 'partial', words: ['stop', 'disabling', 'GuardDuty'] },
      ...none,
    });
    expect(statusText(parts)).toBe(
      'No page has all of “stop”, “disabling” and “GuardDuty”; pages with some of them:',
    );
  });

  it('offers a corrected search, and the original, as buttons', () => {
    const corrected = statusParts({
      query: 'servce linked role',
      pages: 2,
      notice: {
        kind: 'corrected',
        corrected: 'service linked role',
        original: 'servce linked role',
      },
      ...none,
    });
    expect(statusText(corrected)).toBe(
      'Showing results for “service linked role” (2 pages); search for “servce linked role” instead.',
    );
    expect(corrected.filter((p) => 'search' in p)).toEqual([
      { text: '“servce linked role”', search: 'servce linked role', verbatim: true },
    ]);

    const offer = statusParts({
      query: 'trial',
      pages: 0,
      notice: { kind: 'none' },
      didYouMean: ['trail', 'trails', 'triad'],
    });
    expect(statusText(offer)).toBe(
      'Did you mean “trail”, “trails” or “triad”? No page matches “trial”.',
    );
    expect(
      offer.filter((p) => 'search' in p).map((p) => ('search' in p ? p.verbatim : null)),
    ).toEqual([false, false, false]);
  });
});

describe('echoing the reader’s words', () => {
  it('cuts a long query, so a crafted link cannot put a sentence on the page', () => {
    const sentence =
      'GuardDuty is being retired. Move your detectors at https://guardduty-migration.example before 1 May';
    const echo = quoted(sentence);
    expect([...echo].length).toBe(ECHO_LIMIT + 2);
    expect(echo.endsWith('…”')).toBe(true);
    expect(quoted('short')).toBe('“short”');
  });

  it('cuts a long list of words the same way', () => {
    const words = Array.from({ length: 30 }, (_, i) => `word${i}`);
    const list = quotedList(words);
    expect(list.length).toBeLessThan(ECHO_LIMIT * 2);
    expect(list.endsWith('and …')).toBe(true);
  });
});
