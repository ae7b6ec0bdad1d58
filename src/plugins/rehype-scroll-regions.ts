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
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';

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
function languageName(pre: Element): string {
  return languageNames.get(String(pre.properties['dataLanguage'] ?? '')) ?? 'Code';
}

export function rehypeScrollRegions() {
  return (tree: Root) => {
    let section = '';
    const used = new Map<string, number>();
    /** A label not yet used on this page: "Table: Section", then "Table: Section (2)". */
    const uniqueLabel = (label: string): string => {
      const count = (used.get(label) ?? 0) + 1;
      used.set(label, count);
      return count === 1 ? label : `${label} (${count})`;
    };
    const labelFor = (kind: string): string => uniqueLabel(section ? `${kind}: ${section}` : kind);

    const walk = (parent: { children: Array<RootContent | ElementContent> }): void => {
      const children = parent.children;
      for (let i = 0; i < children.length; i++) {
        const node = children[i];
        if (!node || node.type !== 'element') {
          if (node && 'children' in node) walk(node);
          continue;
        }
        if (/^h[2-4]$/.test(node.tagName)) {
          section = toString(node).trim();
        } else if (node.tagName === 'table') {
          children[i] = {
            type: 'element',
            tagName: 'div',
            properties: {
              className: ['table-scroll'],
              role: 'region',
              ariaLabel: labelFor('Table'),
              tabIndex: 0,
            },
            children: [node],
          };
          continue;
        } else if (node.tagName === 'pre') {
          // Shiki writes `tabindex` as a raw property name; MDX's optimize prints both spellings.
          delete node.properties['tabindex'];
          Object.assign(node.properties, {
            role: 'region',
            ariaLabel: labelFor(`${languageName(node)} example`),
            tabIndex: 0,
          });
          children[i] = {
            type: 'element',
            tagName: 'code-block',
            properties: {},
            children: [node],
          };
          continue;
        }
        walk(node);
      }
    };
    walk(tree);
  };
}
