import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { guidePages } from '../support/guide-pages.ts';
import { rootBuild } from '../helpers/builds.ts';

/** The ids of the h2 to h6 headings in a built page's article, in page order (the h1 is the layout's title). */
function builtHeadingIds(html: string): string[] {
  return parse(html)
    .querySelectorAll('article h2, article h3, article h4, article h5, article h6')
    .map((h) => h.id);
}

/** What a page's "On this page" links to, and what each h2–h4 permalink links to, in page order. */
function headingLinks(html: string): { toc: string[]; permalinks: string[] } {
  const root = parse(html);
  return {
    toc: root.querySelectorAll('.toc a').map((a) => a.getAttribute('href') ?? ''),
    permalinks: root
      .querySelectorAll('article .heading > .heading-link')
      .map((a) => a.getAttribute('href') ?? ''),
  };
}

describe('heading ids come from one place: the contents and the permalinks agree with the build', () => {
  it('for every page of the guide', () => {
    for (const { path, file } of guidePages) {
      const html = readFileSync(join(rootBuild.dist, path, 'index.html'), 'utf8');
      expect(builtHeadingIds(html).length, file).toBeGreaterThan(0);
      const { toc, permalinks } = headingLinks(html);
      const ids = (selector: string) =>
        parse(html)
          .querySelectorAll(selector)
          .map((h) => `#${h.id}`);
      expect(toc, file).toEqual(ids('article h2, article h3'));
      expect(permalinks, file).toEqual(ids('article h2, article h3, article h4'));
    }
  });
});
