import {
  satteriCreateHighlightFn,
  satteriHeadingIdsPlugin,
  satteriHighlightPlugin,
} from '@astrojs/markdown-satteri';
import { parse } from 'node-html-parser';
import { markdownToHtml, type HastPluginList } from 'satteri';
import { describe, expect, it } from 'vitest';
import { markdownFeatures } from '../../src/lib/markdown-features.ts';
import { rehypeHeadingPermalinks } from '../../src/plugins/rehype-heading-permalinks.ts';
import { rehypeScrollRegions } from '../../src/plugins/rehype-scroll-regions.ts';
import { rehypeTableCornerCells } from '../../src/plugins/rehype-table-corner-cells.ts';
import { styleToClasses } from '../../src/plugins/shiki-token-classes.ts';

/** Markdown compiled by satteri with the given hast plugins, as a parsed HTML fragment. */
async function compile(markdown: string, hastPlugins: HastPluginList) {
  const { html } = await markdownToHtml(markdown, {
    features: markdownFeatures,
    hastPlugins,
  });
  return parse(html);
}

describe('Shiki styles become classes', () => {
  it('maps css-variables theme colours and font styles to classes, and drops what CSS already does', () => {
    expect(styleToClasses('color:var(--astro-code-token-keyword)')).toEqual(['tok-keyword']);
    expect(
      styleToClasses('color: var(--astro-code-token-string-expression); font-style: italic'),
    ).toEqual(['tok-string-expression', 'tok-italic']);
    expect(
      styleToClasses(
        'background-color:var(--astro-code-background);color:var(--astro-code-foreground); overflow-x: auto;',
      ),
    ).toEqual([]);
  });

  it('fails the build on a style it cannot turn into a class, saying what to do', () => {
    expect(() => styleToClasses('color:#ff0000')).toThrow(
      /inline style "color:#ff0000".*shiki-token-classes\.ts.*code\.css/,
    );
  });
});

describe('heading permalinks', () => {
  it('adds a named link after each h2–h4 with the id Astro gave it, and keeps ids set by hand', async () => {
    const page = await compile(
      [
        '## Who can `disable` it?',
        '<h3 id="own">Own id</h3>',
        '##### Deep',
        '## Who can disable it?',
      ].join('\n\n'),
      // As in the shared plugin list (src/plugins/markdown-pipeline.ts): Astro's ids first.
      [satteriHeadingIdsPlugin(), rehypeHeadingPermalinks],
    );
    const wrappers = page.querySelectorAll('div.heading');
    expect(wrappers.map((w) => w.classList.value)).toEqual([
      ['heading', 'heading-h2'],
      ['heading', 'heading-h2'],
    ]);
    const [first, dup] = wrappers;
    expect(first?.firstElementChild?.id).toBe('who-can-disable-it');
    const link = first?.querySelector('a.heading-link');
    expect(link?.getAttribute('href')).toBe('#who-can-disable-it');
    expect(link?.hasAttribute('data-pagefind-ignore')).toBe(true);
    expect(link?.querySelector('[aria-hidden="true"]')?.text).toBe('#');
    expect(link?.querySelector('.sr-only')?.text).toBe('Permalink to “Who can disable it?”');
    expect(page.querySelector('h5')?.closest('.heading')).toBeNull();
    // github-slugger numbers repeats, as Astro does.
    expect(dup?.firstElementChild?.id).toBe('who-can-disable-it-1');
  });
});

describe('scroll regions', () => {
  it('wraps tables and labels code blocks after the section they are in, uniquely', async () => {
    const table = '| A | B |\n| --- | --- |\n| 1 | 2 |';
    const json = '```json\n{}\n```';
    // Shiki first, as Astro runs it: it names the block's language (data-language).
    const highlight = await satteriCreateHighlightFn('shiki', { theme: 'css-variables' });
    if (!highlight) throw new Error('Astro made no Shiki highlighter');
    const page = await compile([table, '## Key policy', json, json, table].join('\n\n'), [
      satteriHighlightPlugin(highlight, undefined),
      rehypeScrollRegions,
    ]);
    const regions = page.querySelectorAll('[role="region"]');
    expect(regions.map((r) => [r.tagName, r.getAttribute('aria-label')])).toEqual([
      ['DIV', 'Table'],
      ['PRE', 'JSON example: Key policy'],
      ['PRE', 'JSON example: Key policy (2)'],
      ['DIV', 'Table: Key policy'],
    ]);
    expect(regions.map((r) => r.getAttribute('tabindex'))).toEqual(['0', '0', '0', '0']);
    expect(page.querySelectorAll('div.table-scroll > table')).toHaveLength(2);
    expect(page.querySelectorAll('code-block > pre')).toHaveLength(2);
  });

  it('turns an empty corner header cell into a data cell and keeps labelled headers', async () => {
    const page = await compile('|   | A trail |\n| --- | --- |\n| x | y |', [
      rehypeTableCornerCells,
    ]);
    const cells = page.querySelectorAll('thead tr > *');
    expect(cells.map((c) => c.tagName)).toEqual(['TD', 'TH']);
    expect(cells[1]?.text).toBe('A trail');
  });
});
