/**
 * Editorial rules: what the guide promises a reader about its content (docs/content-brief.md),
 * derived from content/ so a page added or turned into a section is checked without editing a
 * test. A failure here is for the page's writer, not for the site's code.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteConfig } from '../../src/site.ts';
import { projectRoot } from '../support/astro-build.ts';
import { guidePages, homePage, topicPages, type GuidePage } from '../support/guide-pages.ts';
import { countProseWords } from '../support/prose-words.ts';
import { rootBuild } from '../helpers/builds.ts';
import { readPage } from '../helpers/dist.ts';

const dist = rootBuild.dist;
const proseWords = (page: GuidePage) =>
  countProseWords(readFileSync(join(projectRoot, siteConfig.contentDir, page.file), 'utf8'));
/** Links from a page's article to other pages of the guide, without #fragments. */
const linkedPaths = (page: GuidePage) =>
  new Set(
    readPage(dist, page.path)
      .querySelectorAll('article a[href^="/"]')
      .map((a) => (a.getAttribute('href') ?? '').split('#')[0]),
  );
/** Topic pages: the pages that are neither the overview nor a section's index. */
const topics = topicPages.filter((page) => !page.isSection);

describe('editorial rules: every topic page gives a reader what the guide promises', () => {
  it.each(topics.map((page) => [page.file, page] as const))(
    '%s has 700 to 1,500 words of prose, a table, a code example and links to the pages before and after it',
    (_, page) => {
      const words = proseWords(page);
      expect(words).toBeGreaterThanOrEqual(700);
      expect(words).toBeLessThanOrEqual(1500);
      const article = readPage(dist, page.path).querySelector('article');
      expect(article?.querySelectorAll('table').length).toBeGreaterThan(0);
      expect(article?.querySelectorAll('pre').length).toBeGreaterThan(0);
      const at = guidePages.indexOf(page);
      const neighbours = [guidePages[at - 1], guidePages[at + 1]].filter((p) => p !== undefined);
      const linked = linkedPaths(page);
      for (const neighbour of neighbours)
        expect(linked, `${page.file} links to ${neighbour.file}`).toContain(`/${neighbour.path}`);
    },
  );
});

describe('editorial rules: the overview', () => {
  it('is shorter than a topic page and links to every top-level page and section', () => {
    expect(proseWords(homePage)).toBeLessThan(700);
    const linked = linkedPaths(homePage);
    for (const page of topicPages.filter((p) => !p.slug.includes('/')))
      expect(linked, `the overview links to ${page.file}`).toContain(`/${page.path}`);
  });

  it('shows the shared responsibility model as a named, described SVG', () => {
    const svg = readPage(dist, '').querySelector('article svg[role="img"]');
    const title = svg?.querySelector(`#${svg.getAttribute('aria-labelledby') ?? 'missing'}`);
    const desc = svg?.querySelector(`#${svg.getAttribute('aria-describedby') ?? 'missing'}`);
    expect(title?.tagName.toLowerCase()).toBe('title');
    expect(title?.text).toMatch(/shared responsibility/i);
    expect(desc?.tagName.toLowerCase()).toBe('desc');
    expect(desc?.text).toMatch(/customer.*AWS/s);
  });
});

/** The shell examples of a page's source: each fenced `sh`, `bash` or `shell` block, with its line. */
function shellBlocks(page: GuidePage): { line: number; code: string }[] {
  const source = readFileSync(join(projectRoot, siteConfig.contentDir, page.file), 'utf8');
  const blocks: { line: number; code: string }[] = [];
  for (const match of source.matchAll(/^```(?:sh|bash|shell)\b[^\n]*\n([\s\S]*?)^```/gm))
    blocks.push({ line: source.slice(0, match.index).split('\n').length, code: match[1] ?? '' });
  return blocks;
}

describe('editorial rules: a script example is safe to paste', () => {
  it.each(guidePages.map((page) => [page.file, page] as const))(
    '%s hides no error output and aborts no loop on the first failure',
    (_, page) => {
      const found: string[] = [];
      for (const { line, code } of shellBlocks(page)) {
        // stderr thrown away turns AccessDenied in one Region into silence, or into false evidence.
        if (/(^|[^&])2>\s*\/dev\/null|&>\s*\/dev\/null/m.test(code))
          found.push(`${page.file}:${line}: error output sent to /dev/null; report it instead`);
        // set -e stops a loop over Regions or accounts at the first failure, unreported.
        if (/^\s*set\s+-[a-z]*e/m.test(code) && /^\s*(for|while)\b/m.test(code))
          found.push(`${page.file}:${line}: set -e over a loop; record each failure and go on`);
      }
      expect(found).toEqual([]);
    },
  );
});
