import { describe, expect, it } from 'vitest';
import { rootBuild } from '../helpers/builds.ts';
import { skipBrowserTests, useBrowserSite } from '../helpers/browser.ts';

/**
 * The cascade-layer order (src/styles/layers.css) as a reader's browser applies it: generic prose
 * styles sit below components, so a component in a page keeps its own spacing and list styles,
 * and `.not-prose` opts a block out of prose styling altogether.
 */
describe.skipIf(skipBrowserTests)('the order of the site’s CSS layers', () => {
  const site = useBrowserSite(() => ({ dir: rootBuild.dist }));

  it('puts prose below layout and components, in the order a browser applies', async () => {
    const page = await site.browser.newPage();
    await page.goto(site.server.url);
    // A browser orders layers by their first appearance, as a statement or a block (the minifier
    // folds the @layer statement into the blocks, in its order).
    const layers = await page.evaluate(() => {
      const names: string[] = [];
      for (const sheet of document.styleSheets)
        for (const rule of sheet.cssRules) {
          const found =
            rule instanceof CSSLayerStatementRule
              ? [...rule.nameList]
              : rule instanceof CSSLayerBlockRule
                ? [rule.name]
                : [];
          for (const name of found) if (!names.includes(name)) names.push(name);
        }
      return names;
    });
    expect(layers).toEqual([
      'reset',
      'tokens',
      'base',
      'prose',
      'layout',
      'components',
      'utilities',
      'print',
    ]);
    await page.close();
  });

  it('lets a component’s own margin win over the prose spacing between blocks', async () => {
    const page = await site.browser.newPage();
    await page.goto(site.server.url);
    // SharedResponsibilityDiagram.astro sets margin-block: 1.5rem on its figure; the prose
    // spacing between blocks (var(--gd-space-4), 1rem) must not override it.
    const margin = await page.locator('article figure.srd').evaluate((el) => ({
      figure: parseFloat(getComputedStyle(el).marginBlockStart),
      rem: parseFloat(getComputedStyle(document.documentElement).fontSize),
    }));
    expect(margin.figure).toBe(1.5 * margin.rem);
    await page.close();
  });

  it('gives a block marked .not-prose, and what is inside it, none of the prose styles', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}data-protection/`);
    const styles = await page.evaluate(() => {
      // Built with DOM calls, not innerHTML, which a Trusted Types policy may refuse.
      const make = (tag: string, className = '', ...children: Array<Node | string>) => {
        const el = document.createElement(tag);
        if (className) el.className = className;
        el.append(...children);
        return el;
      };
      const items = () => [make('li', '', 'one'), make('li', '', 'two')];
      const article = document.querySelector('article');
      const block = make(
        'div',
        'not-prose',
        make('ul', '', ...items()),
        make('table', '', make('tbody', '', make('tr', '', make('td', '', 'cell')))),
      );
      const list = make('ul', 'not-prose', ...items());
      article?.append(block, list);
      const of = (el: Element | null | undefined) => {
        const second = el?.querySelectorAll('li')[1];
        return { secondItemMargin: second ? getComputedStyle(second).marginBlockStart : '' };
      };
      const cell = block.querySelector('td');
      const proseCell = article?.querySelector('.table-scroll td');
      return {
        prose: of(article?.querySelector(':scope > ul')),
        inside: of(block.querySelector('ul')),
        marked: of(list),
        proseCellBorder: proseCell ? getComputedStyle(proseCell).borderTopWidth : '',
        cellBorder: cell ? getComputedStyle(cell).borderTopWidth : '',
      };
    });
    expect(styles.prose.secondItemMargin).toBe('4px');
    expect(styles.inside.secondItemMargin).toBe('0px');
    expect(styles.marked.secondItemMargin).toBe('0px');
    expect(styles.proseCellBorder).toBe('1px');
    expect(styles.cellBorder).toBe('0px');
    await page.close();
  });
});
