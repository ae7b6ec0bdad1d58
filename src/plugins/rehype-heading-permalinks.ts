/**
 * Gives every h2–h4 in a page a permalink a keyboard user can reach and a screen reader can name:
 *
 *   <div class="heading"><h2 id="key-policy">Key policy</h2>
 *     <a class="heading-link" href="#key-policy" data-pagefind-ignore>
 *       <span aria-hidden="true">#</span><span class="sr-only">Permalink to “Key policy”</span></a></div>
 *
 * The link sits after the heading, not inside it, so the heading's text (which feeds the "On this
 * page" list and search results) stays exactly what the author wrote. The id is Astro's: its
 * heading-ids plugin runs first in the shared plugin list (plugins/markdown-pipeline.ts), and this
 * plugin only reads `node.properties.id`.
 */
import type { Element } from 'hast';
import { defineHastPlugin } from 'satteri';

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

/** Also reaches headings inside JSX elements (`<Callout>`), whose Markdown children are hast too. */
export const rehypeHeadingPermalinks = defineHastPlugin({
  name: 'guardduty-guide:heading-permalinks',
  element: {
    filter: ['h2', 'h3', 'h4'],
    visit(node, ctx) {
      const id = node.properties['id'];
      if (typeof id !== 'string') return;
      // The wrapper's own child (the link) is kept after the heading: div > [h2, a].
      ctx.wrapNode(node, {
        type: 'element',
        tagName: 'div',
        properties: { className: ['heading', `heading-${node.tagName}`] },
        children: [permalink(id, ctx.textContent(node).trim())],
      });
    },
  },
});
