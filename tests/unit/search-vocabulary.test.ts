import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  boundedEditDistance,
  hasWord,
  isClearCorrection,
  nearestWords,
  readVocabularyFile,
  vocabularyFileFor,
  type VocabularyShard,
} from '../../src/lib/browser/vocabulary.ts';
import { collectWords, decodeFragment, vocabularyFiles } from '../../src/lib/search-vocabulary.ts';

const page = (content: string, meta: Record<string, string> = {}) => ({ content, meta });

/** The vocabulary of some pages, as the browser reads it back, for the file of `key`. */
function shardFor(pages: ReturnType<typeof page>[], key: string): VocabularyShard {
  const file = vocabularyFiles(collectWords(pages)).find((f) => f.path === vocabularyFileFor(key));
  const shard = file && readVocabularyFile(JSON.parse(file.text));
  if (!shard) throw new Error(`no vocabulary file for ${key}`);
  return shard;
}

describe('the vocabulary written at index time', () => {
  it('holds each word once, with its count, identifiers whole and as written, and their parts', () => {
    const words = collectWords([
      page('The service-linked role. The service-linked IAM: `AmazonGuardDutyFullAccess_v2`', {
        title: 'Service-linked roles',
        aliases: 'SLR · disaster recovery',
        url: '/ignored-field/',
      }),
    ]);
    expect(words.get('the')).toEqual(['the', 2]);
    // The most used spelling wins: twice in the text, once (capitalised) in the title.
    expect(words.get('servicelinked')).toEqual(['service-linked', 3]);
    expect(words.get('iam')).toEqual(['IAM', 1]);
    expect(words.get('role')).toEqual(['role', 1]);
    expect(words.get('amazonguarddutyfullaccessv2')).toEqual(['AmazonGuardDutyFullAccess_v2', 1]);
    expect(words.get('access')?.[1]).toBe(1);
    expect(words.get('slr')).toEqual(['SLR', 1]);
    expect(words.get('recovery')).toEqual(['recovery', 1]);
    expect(words.has('ignoredfield')).toBe(false);
  });

  it('leaves out IDs, dates and long tokens, but keeps their parts', () => {
    const words = collectWords([
      page(
        'detector 12abc34d567e8fa901bc2d34e56789f0 on 2026-11-28 in arn:aws:iam::111122223333:role/Ops',
      ),
    ]);
    expect([...words.keys()].filter((k) => /\d{4}/.test(k))).toEqual([]);
    expect(words.has('ops')).toBe(true);
    expect(words.has('arn')).toBe(true);
  });

  it('writes one sorted file per first character, the same on every build', () => {
    const pages = [page('zebra apple Apple 42 éclair')];
    const files = vocabularyFiles(collectWords(pages));
    expect(files.map((f) => f.path)).toEqual([
      'vocabulary/4.json',
      'vocabulary/a.json',
      'vocabulary/e.json',
      'vocabulary/z.json',
    ]);
    expect(JSON.parse(files[1]?.text ?? '')).toEqual({ format: 1, words: [['apple', 2]] });
    expect(vocabularyFiles(collectWords(pages))).toEqual(files);
  });

  it('splits a letter with too many words into files per first two characters', () => {
    const files = vocabularyFiles(collectWords([page('apple apricot axe bee')]), 2);
    expect(files.map((f) => f.path)).toEqual([
      'vocabulary/a.json',
      'vocabulary/ap.json',
      'vocabulary/ax.json',
      'vocabulary/b.json',
    ]);
    const letter = readVocabularyFile(JSON.parse(files[0]?.text ?? ''));
    expect(letter).toMatchObject({ split: true, keys: [] });
    const ap = readVocabularyFile(JSON.parse(files[1]?.text ?? ''));
    expect(ap).toMatchObject({ split: false, keys: ['apple', 'apricot'] });
    expect(files[1]?.path).toBe(vocabularyFileFor('apricots', 2));
  });

  it('decodes a Pagefind fragment, and says so when the format is not one', () => {
    const fragment = gzipSync(
      `pagefind_dcd${JSON.stringify({ url: '/a/', content: 'Words here', meta: { title: 'A' } })}`,
    );
    expect(decodeFragment(fragment)).toEqual({ content: 'Words here', meta: { title: 'A' } });
    expect(() => decodeFragment(gzipSync('pagefind_dcd{}'))).toThrow(/Pagefind format/);
  });
});

describe('looking words up in the browser', () => {
  const pages = [
    page(
      'service service services serve disable disabled policy policies CloudTrail cloudtrail-logging ' +
        'AmazonGuardDutyFullAccess_v2 '.repeat(3) +
        'resilience resilient',
    ),
  ];

  it('knows a word in any inflection, and the start of a longer word', () => {
    expect(hasWord(shardFor(pages, 'disabling'), 'disabling')).toBe(true);
    expect(hasWord(shardFor(pages, 'polic'), 'polic')).toBe(true);
    expect(hasWord(shardFor(pages, 'servce'), 'servce')).toBe(false);
    expect(hasWord(shardFor(pages, 'cloudtrial'), 'cloudtrial')).toBe(false);
  });

  it('suggests the nearest words, nearest and most used first, identifiers whole', () => {
    expect(nearestWords(shardFor(pages, 'servce'), 'servce').map((s) => s.word)).toEqual([
      'service',
      'serve',
    ]);
    expect(nearestWords(shardFor(pages, 'cloudtrial'), 'cloudtrial')[0]?.word).toBe('CloudTrail');
    expect(
      nearestWords(shardFor(pages, 'amazonguarddutyfullacessv2'), 'amazonguarddutyfullacessv2')[0]
        ?.word,
    ).toBe('AmazonGuardDutyFullAccess_v2');
    // Under four characters, too many words are one letter apart to guess.
    expect(nearestWords(shardFor(pages, 'sla'), 'sla')).toEqual([]);
  });

  it('calls a correction clear only when nothing else is as near and about as common', () => {
    const s = (word: string, distance: number, count: number) => ({ word, distance, count });
    expect(isClearCorrection([s('service', 1, 90)])).toBe(true);
    expect(isClearCorrection([s('service', 1, 90), s('serve', 2, 90)])).toBe(true);
    expect(isClearCorrection([s('service', 1, 90), s('serves', 1, 10)])).toBe(true);
    expect(isClearCorrection([s('trail', 1, 5), s('trial', 1, 4)])).toBe(false);
    expect(isClearCorrection([])).toBe(false);
  });

  it('measures edits with a swap of neighbours as one, and stops past the limit', () => {
    expect(boundedEditDistance('cloudtrial', 'cloudtrail', 2)).toBe(1);
    expect(boundedEditDistance('servce', 'service', 2)).toBe(1);
    expect(boundedEditDistance('kitten', 'sitting', 3)).toBe(3);
    expect(boundedEditDistance('abc', 'xyzxyz', 2)).toBe(3);
  });

  it('takes a malformed vocabulary file as none', () => {
    expect(readVocabularyFile({ words: 'no' })).toBeUndefined();
    expect(readVocabularyFile(null)).toBeUndefined();
    expect(
      readVocabularyFile({
        words: [
          ['ok', 1],
          [2, 'bad'],
        ],
      })?.words,
    ).toEqual(['ok']);
  });
});
