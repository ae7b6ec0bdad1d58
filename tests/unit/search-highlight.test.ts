import { describe, expect, it } from 'vitest';
import { findTermRanges, highlightTerms, matchTerms } from '../../src/lib/browser/highlight.ts';

describe('highlightTerms and findTermRanges', () => {
  it('takes the words of every highlight value, without punctuation or filler words, longest first', () => {
    // Plain words by their stem: "guarddut" marks GuardDuty, "disabl" marks disable and disabling.
    expect(highlightTerms('?highlight=who+can+disable+GuardDuty%3F')).toEqual([
      'guarddut',
      'disabl',
    ]);
    expect(highlightTerms('?highlight=TLS%201.3&highlight=x')).toEqual(['tls', '1.3']);
    expect(highlightTerms('?q=other')).toEqual([]);
  });

  it('looks for a plain word by its stem, and for an identifier or a number as typed', () => {
    expect(matchTerms('disabling policies AmazonGuardDutyFullAccess_v2 1.3')).toEqual([
      'disabl',
      'polic',
      'AmazonGuardDutyFullAccess_v2',
      '1.3',
    ]);
  });

  it('marks whole words that start with a term, case-insensitively, treating regex characters literally', () => {
    const text = 'Roles and service-linked roles; controle. TLS 1.3 not 123; disable, Disabling';
    const found = findTermRanges(text, ['role', '1.3', 'disabl']).map(([s, e]) => text.slice(s, e));
    expect(found).toEqual(['Roles', 'roles', '1.3', 'disable', 'Disabling']);
  });

  it('finds nothing without terms', () => {
    expect(findTermRanges('anything', [])).toEqual([]);
  });
});
