import { describe, expect, it } from 'vitest';
import {
  compoundParts,
  isIdentifier,
  parseQuery,
  stemPrefix,
  termKey,
} from '../../src/lib/browser/search-query.ts';

describe('parseQuery', () => {
  it('keeps the words that carry the topic and sets the filler aside', () => {
    const parsed = parseQuery('how do I stop someone disabling GuardDuty?');
    expect(parsed.terms.map((t) => t.text)).toEqual([
      'how',
      'do',
      'I',
      'stop',
      'someone',
      'disabling',
      'GuardDuty',
    ]);
    expect(parsed.meaningful.map((t) => t.text)).toEqual(['stop', 'disabling', 'GuardDuty']);
    expect(parsed.phrase).toBe(false);
  });

  it('keeps every word of a query made only of filler, and of a quoted phrase', () => {
    expect(parseQuery('who can').meaningful.map((t) => t.text)).toEqual(['who', 'can']);
    const phrase = parseQuery('"who can disable"');
    expect(phrase.phrase).toBe(true);
    expect(phrase.meaningful.map((t) => t.text)).toEqual(['who', 'can', 'disable']);
  });

  it('drops words that are only punctuation', () => {
    expect(parseQuery('KMS — key').terms.map((t) => t.key)).toEqual(['kms', 'key']);
  });
});

describe('termKey, isIdentifier and compoundParts', () => {
  it('reads a word in the form Pagefind indexes it', () => {
    expect(termKey('AmazonGuardDutyFullAccess_v2')).toBe('amazonguarddutyfullaccessv2');
    expect(termKey('Café')).toBe('cafe');
    expect(termKey('1.3')).toBe('13');
  });

  it('tells identifiers from words', () => {
    for (const id of [
      'guardduty:GetFindings',
      'DeleteDetector',
      'FIFTEEN_MINUTES',
      'GuardDuty.1',
      'SigV4',
    ])
      expect(isIdentifier(id), id).toBe(true);
    for (const word of ['detector', 'KMS', 'Region', '“GuardDuty”'.slice(1, 2)])
      expect(isIdentifier(word), word).toBe(false);
  });

  it('splits compound names into the parts Pagefind also indexes', () => {
    expect(compoundParts('service-linked')).toEqual(['service', 'linked']);
    expect(compoundParts('AWSServiceRoleForAmazonGuardDuty')).toEqual([
      'aws',
      'service',
      'role',
      'for',
      'amazon',
      'guard',
      'duty',
    ]);
  });
});

describe('stemPrefix', () => {
  it('gives inflections of a word one start', () => {
    expect(stemPrefix('disabling')).toBe(stemPrefix('disable'));
    expect(stemPrefix('policies')).toBe(stemPrefix('policy'));
    expect(stemPrefix('roles')).toBe(stemPrefix('role'));
  });

  it('leaves short words and misspellings with no common ending alone', () => {
    expect(stemPrefix('kms')).toBe('kms');
    expect(stemPrefix('cloudtrial')).toBe('cloudtrial');
  });
});
