import { rehypeHeadingIds } from '@astrojs/markdown-remark';
import type { Element, Root } from 'hast';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { rehypeHeadingPermalinks } from '../../src/plugins/rehype-heading-permalinks.ts';
import { rehypeScrollRegions } from '../../src/plugins/rehype-scroll-regions.ts';
import { rehypeTableCornerCells } from '../../src/plugins/rehype-table-corner-cells.ts';
import { styleToClasses } from '../../src/plugins/shiki-token-classes.ts';

const el = (
  tagName: string,
  properties: Element['properties'] = {},
  children: Element['children'] = [],
): Element => ({ type: 'element', tagName, properties, children });
const text = (value: string) => ({ type: 'text' as const, value });
const root = (...children: Element[]): Root => ({ type: 'root', children });

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
  it('adds a named link after each h2–h4 with the id Astro gave it, and keeps ids set by hand', () => {
    const tree = root(
      el('h2', {}, [text('Who can '), el('code', {}, [text('disable')]), text(' it?')]),
      el('h3', { id: 'own' }, [text('Own id')]),
      el('h5', {}, [text('Deep')]),
      el('h2', {}, [text('Who can disable it?')]),
    );
    // As in the shared plugin list (src/plugins/markdown-pipeline.ts): Astro's ids first.
    const file = new VFile({ path: 'page.mdx', data: { astro: { frontmatter: {} } } });
    unified().use(rehypeHeadingIds).use(rehypeHeadingPermalinks).runSync(tree, file);
    const [first, second, deep, dup] = tree.children as Element[];
    expect(first?.properties['className']).toEqual(['heading', 'heading-h2']);
    const [h2, link] = first?.children as Element[];
    expect(h2?.properties['id']).toBe('who-can-disable-it');
    expect(link?.properties['href']).toBe('#who-can-disable-it');
    expect(JSON.stringify(link)).toContain('Permalink to “Who can disable it?”');
    expect((second?.children[0] as Element).properties['id']).toBe('own');
    expect(deep?.tagName).toBe('h5');
    // github-slugger numbers repeats, as Astro does.
    expect((dup?.children[0] as Element).properties['id']).toBe('who-can-disable-it-1');
  });
});

describe('scroll regions', () => {
  it('wraps tables and labels code blocks after the section they are in, uniquely', () => {
    const pre = () => el('pre', { dataLanguage: 'json' }, [el('code', {}, [text('{}')])]);
    const tree = root(el('table'), el('h2', {}, [text('Key policy')]), pre(), pre(), el('table'));
    rehypeScrollRegions()(tree);
    const [table, , code1, code2, table2] = tree.children as Element[];
    expect(table?.properties).toMatchObject({ role: 'region', ariaLabel: 'Table', tabIndex: 0 });
    expect(code1?.tagName).toBe('code-block');
    expect((code1?.children[0] as Element).properties).toMatchObject({
      role: 'region',
      ariaLabel: 'JSON example: Key policy',
      tabIndex: 0,
    });
    expect((code2?.children[0] as Element).properties['ariaLabel']).toBe(
      'JSON example: Key policy (2)',
    );
    expect(table2?.properties['ariaLabel']).toBe('Table: Key policy');
  });

  it('turns an empty corner header cell into a data cell and keeps labelled headers', () => {
    const tree = root(
      el('table', {}, [el('tr', {}, [el('th', {}, [text(' ')]), el('th', {}, [text('A trail')])])]),
    );
    rehypeTableCornerCells()(tree);
    const cells = ((tree.children[0] as Element).children[0] as Element).children as Element[];
    expect(cells.map((c) => c.tagName)).toEqual(['td', 'th']);
  });
});
