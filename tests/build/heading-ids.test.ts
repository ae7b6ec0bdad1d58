import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { extractAnchors } from '../../src/lib/headings.ts';
import { projectRoot } from '../support/astro-build.ts';
import { guidePages } from '../support/guide-pages.ts';
import { rootBuild } from '../helpers/builds.ts';

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
    const dist = rootBuild.dist;
    for (const { path, file } of guidePages) {
      const html = readFileSync(join(dist, path, 'index.html'), 'utf8');
      const ids = builtHeadingIds(html);
      expect(ids.length, file).toBeGreaterThan(0);
      expect(await sourceHeadingIds(join(projectRoot, 'content', file)), file).toEqual(ids);
    }
  });
});
