import { describe, expect, it } from 'vitest';
import { fileFromBlockPoint, readJsonBlock } from '../../src/lib/code-checks.ts';
import { createCatalogLoader } from '../../src/lib/iam/load-catalog.ts';
import { parseJson } from '../../src/lib/json-source.ts';
import { formatSourceProblems, pointAt } from '../../src/lib/source-problems.ts';
import { closestMatches, editDistance } from '../../src/lib/suggest.ts';

const catalog = await createCatalogLoader().load(['guardduty']);

describe('parseJson', () => {
  it('returns the value and finds where any value is written', () => {
    const text = '{\n  "a": [\n    1,\n    "two"\n  ]\n}';
    const parsed = parseJson(text);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.value).toEqual({ a: [1, 'two'] });
    expect(parsed.locate(['a', 1])).toEqual({ line: 4, column: 5 });
    expect(parsed.locate(['a', 7])).toEqual({ line: 2, column: 8 }); // nearest existing parent
    expect(parsed.locate([])).toEqual({ line: 1, column: 1 });
    expect(parsed.locateKey(['a'])).toEqual({ line: 2, column: 3 }); // the key, not its value
  });

  it('gives the parser message and where it stopped, also when V8 names no position', () => {
    const trailingComma = parseJson('{\n  "a": [1,\n    2,\n  ]\n}');
    expect(trailingComma.ok).toBe(false);
    if (trailingComma.ok) return;
    // V8 stops at the "]" and names no position; the point is the trailing comma itself.
    expect(trailingComma.message).toMatch(/^trailing comma before "\]" \(Unexpected token/);
    expect(trailingComma.point).toEqual({ line: 3, column: 6 });

    const comment = parseJson('{\n  // note\n  "a": 1\n}');
    expect(comment.ok || comment.point).toEqual({ line: 2, column: 3 });

    const ellipsis = parseJson('{\n  "a": 1,\n  ...\n}');
    expect(ellipsis.ok || ellipsis.point).toEqual({ line: 3, column: 3 });
  });
});

describe('readJsonBlock', () => {
  it('tells data from a policy: an event pattern is data', () => {
    expect(readJsonBlock('{ "source": ["aws.guardduty"] }').kind).toBe('data');
  });

  it('reports invalid JSON at its place in the block, with the fix', () => {
    const block = readJsonBlock('{\n  "a": 1\n  "b": 2\n}');
    if (block.kind !== 'invalid') throw new Error('expected invalid JSON');
    expect(block.problem.point).toEqual({ line: 3, column: 3 });
    expect(block.problem.message).toMatch(
      /^invalid JSON: Expected ',' or '}' after property value/,
    );
    expect(block.problem.fix).toMatch(/trailing commas/);
  });

  it('reports policy problems at the line of the offending value, a condition key at its key', () => {
    const text = [
      '{',
      '  "Version": "2012-10-17",',
      '  "Statement": [{',
      '    "Effect": "Allow",',
      '    "Action": ["guardduty:GetFindings", "guardduty:GetFinding"],',
      '    "Resource": "*",',
      '    "Condition": { "StringEquals": { "aws:SourceAccounts": "111122223333" } }',
      '  }]',
      '}',
    ].join('\n');
    const block = readJsonBlock(text);
    if (block.kind !== 'policy') throw new Error('expected a policy');
    expect(block.check(catalog).map((p) => [p.point, p.message])).toEqual([
      [{ line: 5, column: 41 }, '"guardduty:GetFinding" is not an IAM action'],
    ]);
    const fixed = readJsonBlock(text.replace('"guardduty:GetFinding"', '"guardduty:ListFindings"'));
    if (fixed.kind !== 'policy') throw new Error('expected a policy');
    const [problem] = fixed.check(catalog);
    expect(problem?.point).toEqual({ line: 7, column: 38 });
    expect(problem?.message).toMatch(/^"aws:SourceAccounts" is not a condition key/);
    expect(problem?.fix).toMatch(/did you mean "aws:SourceAccount"\?/);
  });
});

describe('fileFromBlockPoint', () => {
  it('counts from the line after the fence and keeps the fence indentation', () => {
    expect(fileFromBlockPoint({ line: 10, column: 1 }, { line: 1, column: 1 })).toEqual({
      line: 11,
      column: 1,
    });
    expect(fileFromBlockPoint({ line: 10, column: 4 }, { line: 3, column: 5 })).toEqual({
      line: 13,
      column: 8,
    });
  });
});

describe('formatSourceProblems', () => {
  it('prints one problem as file:line:column, message and fix', () => {
    expect(
      formatSourceProblems('content/a.mdx', [
        { line: 3, column: 2, message: 'bad', fix: 'do this' },
      ]),
    ).toBe('content/a.mdx:3:2 bad\n  Fix: do this');
  });

  it('lists several problems in source order under a count', () => {
    const text = formatSourceProblems('content/a.mdx', [
      { line: 9, column: 1, message: 'second', fix: 'b' },
      { line: 2, column: 5, message: 'first', fix: 'a' },
    ]);
    expect(text.split('\n')).toEqual([
      '2 problems in content/a.mdx:',
      'content/a.mdx:2:5 first',
      '  Fix: a',
      'content/a.mdx:9:1 second',
      '  Fix: b',
    ]);
  });

  it('converts offsets to 1-based lines and columns', () => {
    expect(pointAt('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(pointAt('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});

describe('closestMatches', () => {
  it('ranks names that contain the misspelling first, then by edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    const anchors = [
      'key-policy-for-the-export-key',
      'export-findings-for-longer-retention',
      'lists-you-upload-to-s3',
    ];
    expect(closestMatches('export-findings', anchors, 2)).toEqual([
      'export-findings-for-longer-retention',
      'key-policy-for-the-export-key',
    ]);
    expect(closestMatches('GetFinding', ['GetFindings', 'GetFilter', 'ListFindings'], 1)).toEqual([
      'GetFindings',
    ]);
  });
});
