import { describe, expect, it } from 'vitest';
import { buildToc } from '../../src/lib/toc.ts';

describe('buildToc', () => {
  it('nests h3s under the h2 before them and drops other levels', () => {
    const toc = buildToc([
      { depth: 1, slug: 'title', text: 'Title' },
      { depth: 2, slug: 'a', text: 'A' },
      { depth: 3, slug: 'a1', text: 'A1' },
      { depth: 4, slug: 'a1x', text: 'A1x' },
      { depth: 2, slug: 'b', text: 'B' },
    ]);
    expect(toc).toEqual([
      {
        depth: 2,
        text: 'A',
        href: '#a',
        children: [{ depth: 3, text: 'A1', href: '#a1', children: [] }],
      },
      { depth: 2, text: 'B', href: '#b', children: [] },
    ]);
  });

  it('keeps an h3 that comes before any h2 at the top level', () => {
    expect(buildToc([{ depth: 3, slug: 'x', text: 'X' }]).map((i) => i.href)).toEqual(['#x']);
  });

  it('is empty for a page without h2 or h3', () => {
    expect(buildToc([{ depth: 1, slug: 't', text: 'T' }])).toEqual([]);
  });
});
