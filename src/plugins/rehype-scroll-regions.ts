/**
 * Makes wide tables and code blocks scroll inside their own box, so a 375 px screen never scrolls
 * sideways, and makes that box usable without a mouse: it is focusable (arrow keys scroll it) and
 * a named region, so a screen reader says what it is (WCAG 2.1.1, 4.1.2; axe's
 * scrollable-region-focusable). Each name is unique on the page (axe's landmark-unique):
 *
 *   <div class="table-scroll" role="region" aria-label="Table: Encryption at rest" tabindex="0"><table>…
 *   <code-block><pre class="astro-code" role="region" aria-label="JSON example: Key policy" tabindex="0">…
 *
 * <code-block> is the custom element (src/scripts/copy-code.ts) that adds a Copy button when
 * JavaScript runs, outside the scrolling box so it stays in view. Runs after Shiki (Astro's MDX
 * pipeline highlights first).
 */
import type { Element } from 'hast';
import { defineHastPlugin, type HastPluginEntry } from 'satteri';

/** How a code block's language is named in its label. */
const languageNames = new Map([
  ['json', 'JSON'],
  ['sh', 'Shell'],
  ['bash', 'Shell'],
  ['shell', 'Shell'],
  ['yaml', 'YAML'],
  ['ts', 'TypeScript'],
  ['js', 'JavaScript'],
]);

/** A Map, not an object: a fence named ```constructor must not find Object.prototype's. */
function languageName(pre: Readonly<Element>): string {
  return languageNames.get(String(pre.properties['dataLanguage'] ?? '')) ?? 'Code';
}

/** A plugin per document: the labels count the page's sections and repeats. */
export const rehypeScrollRegions: HastPluginEntry = () => {
  let section = '';
  const used = new Map<string, number>();
  /** A label not yet used on this page: "Table: Section", then "Table: Section (2)". */
  const uniqueLabel = (label: string): string => {
    const count = (used.get(label) ?? 0) + 1;
    used.set(label, count);
    return count === 1 ? label : `${label} (${count})`;
  };
  const labelFor = (kind: string): string => uniqueLabel(section ? `${kind}: ${section}` : kind);
  return defineHastPlugin({
    name: 'guardduty-guide:scroll-regions',
    // In document order, so each label names the section its table or code block is in.
    element: {
      filter: ['h2', 'h3', 'h4', 'table', 'pre'],
      visit(node, ctx) {
        if (node.tagName === 'table') {
          ctx.wrapNode(node, {
            type: 'element',
            tagName: 'div',
            properties: {
              className: ['table-scroll'],
              role: 'region',
              ariaLabel: labelFor('Table'),
              tabIndex: 0,
            },
            children: [],
          });
        } else if (node.tagName === 'pre') {
          // Shiki writes `tabindex` as a raw property name; MDX's optimize prints both spellings.
          ctx.setProperty(node, 'tabindex', null);
          ctx.setProperty(node, 'role', 'region');
          ctx.setProperty(node, 'ariaLabel', labelFor(`${languageName(node)} example`));
          ctx.setProperty(node, 'tabIndex', 0);
          ctx.wrapNode(node, {
            type: 'element',
            tagName: 'code-block',
            properties: {},
            children: [],
          });
        } else {
          section = ctx.textContent(node).trim();
        }
      },
    },
  });
};
