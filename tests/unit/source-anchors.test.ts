import { describe, expect, it } from 'vitest';
import { findBrokenFragments, SourceAnchors } from '../../src/lib/source-anchors.ts';

const displayPath = (file: string) => `content/${file}`;

describe('the #fragment check over the compiled sources', () => {
  const anchors = new SourceAnchors();
  anchors.setIds('index.mdx', ['where-to-go-next', 'checklist']);
  anchors.setIds('other.mdx', ['export-findings-for-longer-retention', 'lists-you-upload-to-s3']);
  anchors.setLinks('index.mdx', [
    {
      line: 14,
      column: 6,
      href: './other.mdx#export-findings',
      targetFile: 'other.mdx',
      fragment: 'export-findings',
    },
    { line: 15, column: 19, href: '#check-list', targetFile: 'index.mdx', fragment: 'check-list' },
    { line: 16, column: 1, href: '#checklist', targetFile: 'index.mdx', fragment: 'checklist' },
    { line: 17, column: 1, href: './gone.mdx#x', targetFile: 'gone.mdx', fragment: 'x' },
  ]);

  it('reports each link whose target has no such id, at its place, with the nearest ids', () => {
    const broken = findBrokenFragments(anchors.pages(), displayPath);
    expect([...broken.keys()]).toEqual(['index.mdx']);
    expect(broken.get('index.mdx')).toEqual([
      {
        line: 14,
        column: 6,
        message:
          'Broken anchor "./other.mdx#export-findings": content/other.mdx has no heading or id "export-findings"',
        fix: expect.stringMatching(
          /^link to one of the nearest valid anchors: #export-findings-for-longer-retention/,
        ),
      },
      expect.objectContaining({ line: 15, fix: expect.stringMatching(/#checklist/) }),
    ]);
  });

  it('matches percent-encoded fragments as the browser does, and a recompiled page replaces its record', () => {
    const again = new SourceAnchors();
    again.setIds('a.mdx', ['résumé']);
    again.setLinks('a.mdx', [
      {
        line: 1,
        column: 1,
        href: '#r%C3%A9sum%C3%A9',
        targetFile: 'a.mdx',
        fragment: 'r%C3%A9sum%C3%A9',
      },
    ]);
    expect(findBrokenFragments(again.pages(), displayPath).size).toBe(0);
    again.setIds('a.mdx', []);
    expect(findBrokenFragments(again.pages(), displayPath).get('a.mdx')?.[0]?.fix).toMatch(
      /has no headings/,
    );
  });
});
