/**
 * Gives every h2–h4 in a page a permalink a keyboard user can reach and a screen reader can name:
 *
 *   <div class="heading"><h2 id="key-policy">Key policy</h2>
 *     <a class="heading-link" href="#key-policy" data-pagefind-ignore>
 *       <span aria-hidden="true">#</span><span class="sr-only">Permalink to “Key policy”</span></a></div>
 *
 * The link sits after the heading, not inside it, so the heading's text (which feeds its id, the
 * "On this page" list and search results) stays exactly what the author wrote. Ids are assigned
 * here with github-slugger over the heading's text, the way Astro's rehypeHeadingIds does (it runs
 * after user plugins and keeps an id that is already set), so links to existing ids keep working.
 */
import GithubSlugger from 'github-slugger';
import type { Element, ElementContent, Root, RootContent } from 'hast';

const permalinkDepths = new Set(['h2', 'h3', 'h4']);

/** The text of a node and its descendants, as Astro's heading-id plugin reads it in .mdx files. */
export function textOf(node: Root | RootContent | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'raw') return /^\n?<.*>\n?$/.test(node.value) ? '' : node.value;
  if (node.type === 'mdxTextExpression') return node.value;
  return 'children' in node ? node.children.map((child) => textOf(child)).join('') : '';
}

function isHeading(node: RootContent | ElementContent): node is Element {
  return node.type === 'element' && /^h[1-6]$/.test(node.tagName);
}

function permalink(id: string, text: string): Element {
  return {
    type: 'element',
    tagName: 'a',
    properties: { className: ['heading-link'], href: `#${id}`, dataPagefindIgnore: '' },
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
    const slugger = new GithubSlugger();
    const walk = (
      parent: Root | Element | { children: Array<RootContent | ElementContent> },
    ): void => {
      const children = parent.children as Array<RootContent | ElementContent>;
      for (let i = 0; i < children.length; i++) {
        const node = children[i];
        if (!node) continue;
        if (!isHeading(node)) {
          if ('children' in node) walk(node);
          continue;
        }
        const text = textOf(node);
        // Same order and slugger as Astro's rehypeHeadingIds, so every heading keeps its id.
        const id =
          typeof node.properties['id'] === 'string' ? node.properties['id'] : slugger.slug(text);
        node.properties['id'] = id;
        if (!permalinkDepths.has(node.tagName)) continue;
        const wrapper: Element = {
          type: 'element',
          tagName: 'div',
          properties: { className: ['heading', `heading-${node.tagName}`] },
          children: [node, permalink(id, text.trim())],
        };
        children[i] = wrapper;
      }
    };
    walk(tree);
  };
}
