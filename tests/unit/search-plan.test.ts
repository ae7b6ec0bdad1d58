import { describe, expect, it } from 'vitest';
import {
  exactness,
  meaningWords,
  pagefindQuery,
  phraseKey,
  planQuery,
  rankByCoverage,
  rankExactFirst,
  type WordCheck,
} from '../../src/lib/browser/search-plan.ts';
import { parseQuery } from '../../src/lib/browser/search-query.ts';
import type { Suggestion } from '../../src/lib/browser/vocabulary.ts';

/** Checks for a parsed query: every word known except those given suggestions here. */
function checks(
  parsed: ReturnType<typeof parseQuery>,
  unknown: Record<string, Suggestion[]>,
): WordCheck[] {
  return parsed.meaningful.map((term) => {
    const suggestions = unknown[term.text];
    return { term, known: suggestions === undefined, suggestions: suggestions ?? [] };
  });
}
const near = (word: string, distance = 1, count = 10): Suggestion => ({ word, distance, count });

describe('planQuery', () => {
  it('asks Pagefind for the meaningful words only', () => {
    const parsed = parseQuery('how do I stop someone disabling GuardDuty');
    const plan = planQuery(parsed, checks(parsed, {}));
    expect(pagefindQuery(plan)).toBe('stop disabling GuardDuty');
    expect(plan).toMatchObject({ unknown: [], didYouMean: [] });
    expect(plan.corrected).toBeUndefined();
  });

  it('corrects a misspelt word when one correction is clear, keeping the rest as typed', () => {
    const parsed = parseQuery('servce linked role');
    const plan = planQuery(parsed, checks(parsed, { servce: [near('service')] }));
    expect(plan.corrected).toBe('service linked role');
    expect(pagefindQuery(plan)).toBe('service linked role');
  });

  it('offers, and does not search, corrections that are not clear or that change a digit', () => {
    const unclear = parseQuery('trial logs');
    const plan = planQuery(unclear, checks(unclear, { trial: [near('trail'), near('triad')] }));
    expect(plan.corrected).toBeUndefined();
    expect(plan.didYouMean).toEqual(['trail logs', 'triad logs']);
    expect(pagefindQuery(plan)).toBe('logs');

    const version = parseQuery('AmazonGuardDutyFullAccess_v3');
    const versioned = planQuery(
      version,
      checks(version, { AmazonGuardDutyFullAccess_v3: [near('AmazonGuardDutyFullAccess_v2')] }),
    );
    expect(versioned.corrected).toBeUndefined();
    expect(versioned.didYouMean).toEqual(['AmazonGuardDutyFullAccess_v2']);
  });

  it('offers, and does not search, a short word one letter from another real word', () => {
    const parsed = parseQuery('entity list stuck in ERROR');
    const plan = planQuery(parsed, checks(parsed, { stuck: [near('stack')] }));
    expect(plan.corrected).toBeUndefined();
    expect(plan.didYouMean).toEqual(['entity list stack in ERROR']);
    expect(pagefindQuery(plan)).toBe('entity list ERROR');

    // A swap of two letters or a dropped one is a slip, whatever the length.
    for (const [typed, word] of [
      ['rlue', 'rule'],
      ['rle', 'role'],
    ] as const) {
      const slip = parseQuery(typed);
      expect(planQuery(slip, checks(slip, { [typed]: [near(word)] })).corrected).toBe(word);
    }
  });

  it('searches what was typed when the reader asks for it (verbatim), still offering the correction', () => {
    const parsed = parseQuery('servce linked role');
    const plan = planQuery(parsed, checks(parsed, { servce: [near('service')] }), true);
    expect(plan.corrected).toBeUndefined();
    expect(plan.unknown.map((t) => t.text)).toEqual(['servce']);
    expect(plan.didYouMean).toEqual(['service linked role']);
  });

  it('offers nothing when a word no page has would be left in the offer', () => {
    const parsed = parseQuery('glacier vault lock');
    const plan = planQuery(
      parsed,
      checks(parsed, { glacier: [], vault: [], lock: [near('look')] }),
    );
    expect(plan.didYouMean).toEqual([]);
  });

  it('looks for an identifier the site writes differently by its parts', () => {
    const parsed = parseQuery('com.amazonaws.us-east-1.guardduty-data');
    const plan = planQuery(
      parsed,
      checks(parsed, { 'com.amazonaws.us-east-1.guardduty-data': [] }),
    );
    expect(pagefindQuery(plan)).toBe('com amazonaws east guardduty data');
    expect(plan.unknown).toHaveLength(1);
  });
});

describe('rankByCoverage', () => {
  it('lists pages with the most of the words first, then by their summed scores', () => {
    const hit = (id: string, score: number) => ({ id, score, result: id });
    const ranked = rankByCoverage([
      [hit('a', 1), hit('b', 9)],
      [hit('a', 1), hit('c', 5)],
      [hit('a', 1), hit('c', 5)],
    ]);
    expect(ranked).toEqual([
      { result: 'a', covered: 3 },
      { result: 'c', covered: 2 },
      { result: 'b', covered: 1 },
    ]);
  });
});

describe('exactness and rankExactFirst', () => {
  const overview = {
    meta: { title: 'Security in Amazon GuardDuty', headings: 'Short answers' },
    content: 'Use AmazonGuardDutyFullAccess_v2 or AmazonGuardDutyFullAccess.',
  };
  const access = {
    meta: {
      title: 'Managing access',
      headings: 'AWS managed policies · Who can disable GuardDuty?',
      aliases: 'break-glass role · attribute-based access control',
      defines: 'AmazonGuardDutyFullAccess_v2 · AmazonGuardDutyFullAccess',
    },
    content: 'AmazonGuardDutyFullAccess_v2 (recommended). Prefer the _v2 policy.',
  };

  it('reads phrases without case, punctuation or hyphens', () => {
    expect(phraseKey('Who can disable GuardDuty?')).toBe('who can disable guardduty');
    expect(phraseKey('break-glass role')).toBe(phraseKey('break glass role'));
  });

  it('ranks an alias, the title, a heading, a contained alias, then an identifier', () => {
    expect(exactness(access, 'break glass role').tier).toBe(4);
    expect(exactness(access, 'Managing access').tier).toBe(4);
    expect(exactness(access, 'who can disable guardduty').tier).toBe(3);
    expect(exactness(access, 'attribute-based access control for findings').tier).toBe(2);
    expect(exactness(access, 'AmazonGuardDutyFullAccess_v2')).toEqual({ tier: 1, occurrences: 2 });
    expect(exactness(access, 'disable')).toEqual({ tier: 0, occurrences: 0 });
  });

  it('compares meaning words: filler, word order and inflections do not count', () => {
    const roles = {
      meta: {
        title: 'Create, suspend or delete the GuardDuty roles',
        headings: 'Delete the GuardDuty service-linked role',
        aliases: 'disable GuardDuty · how long findings are kept',
      },
    };
    expect(meaningWords('How do I delete the GuardDuty service-linked role?')).toEqual(
      meaningWords('Delete the GuardDuty service-linked role'),
    );
    expect(exactness(roles, 'how to delete the guardduty service-linked role').tier).toBe(3);
    expect(exactness(roles, 'how long are findings kept').tier).toBe(4);
    expect(exactness(roles, 'findings kept how long').tier).toBe(4);
    // "who" and "can" say what is asked: an audit question is not the alias's task.
    expect(exactness(roles, 'who disabled GuardDuty').tier).toBe(2);
    expect(exactness(roles, 'disabling guardduty').tier).toBe(4);
  });

  it('counts a held alias only when it is a third of the query or more', () => {
    const trail = { meta: { title: 'CloudTrail', aliases: 'tamper alert' } };
    expect(exactness(trail, 'tamper alerts from members').tier).toBe(2);
    expect(exactness(trail, 'forward tamper alerts from every account to one event bus').tier).toBe(
      0,
    );
  });

  it('puts the page that defines an identifier before one that only mentions it as often', () => {
    expect(rankExactFirst([overview, access], 'AmazonGuardDutyFullAccess_v2')).toEqual([
      access,
      overview,
    ]);
    // A longer name that merely starts the same is not the identifier.
    expect(exactness(overview, 'AmazonGuardDutyFullAccess')).toEqual({ tier: 1, occurrences: 1 });
  });

  it('keeps the given order when nothing is exact', () => {
    expect(rankExactFirst([overview, access], 'findings')).toEqual([overview, access]);
  });
});
