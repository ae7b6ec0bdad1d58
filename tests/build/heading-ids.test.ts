import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, inject, it } from 'vitest';
import { extractAnchors } from '../../src/lib/headings.ts';
import { projectRoot } from '../support/astro-build.ts';
import { guideSlugs } from '../helpers/dist.ts';

/** The ids of the h2 to h6 headings in a built page's article, in page order (the h1 is the layout's title). */
function builtHeadingIds(html: string): string[] {
  return parse(html)
    .querySelectorAll('article h2, article h3, article h4, article h5, article h6')
    .map((h) => h.id);
}

/** The ids extractAnchors reads from a source file for the same headings (pages start at ##). */
async function sourceHeadingIds(file: string): Promise<string[]> {
  const anchors = await extractAnchors(readFileSync(file, 'utf8'), file);
  return anchors.headings.filter((h) => h.depth >= 2).map((h) => h.slug);
}

describe('heading ids read from the source are the ids the build gives', () => {
  it('for every page of the guide', async () => {
    const dist = inject('rootDist');
    for (const slug of guideSlugs) {
      const html = readFileSync(join(dist, slug, 'index.html'), 'utf8');
      const ids = builtHeadingIds(html);
      expect(ids.length, slug).toBeGreaterThan(0);
      expect(
        await sourceHeadingIds(join(projectRoot, 'content', `${slug || 'index'}.mdx`)),
        slug,
      ).toEqual(ids);
    }
  });
});
