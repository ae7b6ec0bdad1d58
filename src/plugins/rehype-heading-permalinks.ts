/**
 * Gives every h2–h4 in a page a permalink a keyboard user can reach and a screen reader can name:
 *
 *   <div class="heading"><h2 id="key-policy">Key policy</h2>
 *     <a class="heading-link" href="#key-policy" data-pagefind-ignore>
 *       <span aria-hidden="true">#</span><span class="sr-only">Permalink to “Key policy”</span></a></div>
 *
 * The link sits after the heading, not inside it, so the heading's text (which feeds the "On this
 * page" list and search results) stays exactly what the author wrote. The id is Astro's: its
 * rehypeHeadingIds runs first in the shared plugin list (plugins/markdown-pipeline.ts), and this
 * plugin only reads `node.properties.id`.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';

const permalinkDepths = new Set(['h2', 'h3', 'h4']);

function isPermalinkHeading(node: RootContent | ElementContent): node is Element {
  return node.type === 'element' && permalinkDepths.has(node.tagName);
}

function permalink(id: string, text: string): Element {
  return {
    type: 'element',
    tagName: 'a',
    properties: { className: ['heading-link'], href: `#${id}`, dataPagefindIgnore: true },
    children: [
      {
        type: 'element',
        tagName: 'span',
        properties: { ariaHidden: 'true' },
        children: [{ type: 'text', value: '#' }],
      },
      {
        type: 'element',
        tagName: 'span',
        properties: { className: ['sr-only'] },
        children: [{ type: 'text', value: `Permalink to “${text}”` }],
      },
    ],
  };
}

export function rehypeHeadingPermalinks() {
  return (tree: Root) => {
    // Also walks into JSX elements (`<Callout>`), whose Markdown children are hast too.
    const walk = (parent: { children: Array<RootContent | ElementContent> }): void => {
      const children = parent.children;
      for (let i = 0; i < children.length; i++) {
        const node = children[i];
        if (!node || !('children' in node)) continue;
        if (!isPermalinkHeading(node)) {
          walk(node);
          continue;
        }
        const id = node.properties['id'];
        if (typeof id !== 'string') continue;
        children[i] = {
          type: 'element',
          tagName: 'div',
          properties: { className: ['heading', `heading-${node.tagName}`] },
          children: [node, permalink(id, toString(node).trim())],
        };
      }
    };
    walk(tree);
  };
}
