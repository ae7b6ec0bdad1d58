import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { projectRoot } from '../support/astro-build.ts';
import { countProseWords } from '../support/prose-words.ts';
import { guideSlugs, readPage } from '../helpers/dist.ts';

describe('every topic page gives a reader what the guide promises', () => {
  const dist = inject('rootDist');
  const topics = guideSlugs.filter((slug) => slug !== '');

  it('the content folder holds exactly the guide’s pages', () => {
    expect(readdirSync(join(projectRoot, 'content')).sort()).toEqual(
      guideSlugs.map((s) => `${s || 'index'}.mdx`).sort(),
    );
  });

  it.each(topics)(
    '%s: 700 to 1,500 words of prose, a table, a code example and links to the pages before and after it',
    (slug) => {
      const words = countProseWords(
        readFileSync(join(projectRoot, 'content', `${slug}.mdx`), 'utf8'),
      );
      expect(words).toBeGreaterThanOrEqual(700);
      expect(words).toBeLessThanOrEqual(1500);
      const article = readPage(dist, slug).querySelector('article');
      expect(article?.querySelectorAll('table').length).toBeGreaterThan(0);
      expect(article?.querySelectorAll('pre').length).toBeGreaterThan(0);
      const linked = new Set(
        (article?.querySelectorAll('a[href^="/"]') ?? []).map(
          (a) => (a.getAttribute('href') ?? '').split('#')[0],
        ),
      );
      const at = guideSlugs.indexOf(slug);
      const neighbours = [guideSlugs[at - 1], guideSlugs[at + 1]]
        .filter((s) => s !== undefined)
        .map((s) => (s ? `/${s}/` : '/'));
      for (const href of neighbours) expect(linked, `${slug} links to ${href}`).toContain(href);
    },
  );

  it('callouts are notes named by their type and title, never unnamed or landmarks', () => {
    let callouts = 0;
    for (const slug of guideSlugs) {
      for (const callout of readPage(dist, slug).querySelectorAll('article .callout')) {
        callouts += 1;
        expect(callout.getAttribute('role'), slug).toBe('note');
        const title = callout.querySelector('.callout-title')?.text.trim() ?? '';
        expect(callout.getAttribute('aria-label'), slug).toMatch(
          new RegExp(`^(Note|Tip|Warning)(: ${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})?$`),
        );
      }
    }
    expect(callouts).toBeGreaterThan(0);
  });

  it('the overview shows the shared responsibility model as a named, described SVG', () => {
    const svg = readPage(dist, '').querySelector('article svg[role="img"]');
    const title = svg?.querySelector(`#${svg.getAttribute('aria-labelledby') ?? 'missing'}`);
    const desc = svg?.querySelector(`#${svg.getAttribute('aria-describedby') ?? 'missing'}`);
    expect(title?.tagName.toLowerCase()).toBe('title');
    expect(title?.text).toMatch(/shared responsibility/i);
    expect(desc?.tagName.toLowerCase()).toBe('desc');
    expect(desc?.text).toMatch(/customer.*AWS/s);
  });

  it('the overview is shorter than a topic page and links to every topic', () => {
    expect(
      countProseWords(readFileSync(join(projectRoot, 'content', 'index.mdx'), 'utf8')),
    ).toBeLessThan(700);
    const hrefs = readPage(dist, '')
      .querySelectorAll('article a')
      .map((a) => a.getAttribute('href'));
    for (const slug of topics) expect(hrefs).toContain(`/${slug}/`);
  });
});
