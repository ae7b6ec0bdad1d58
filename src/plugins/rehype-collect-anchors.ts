/**
 * Records the ids a content page offers to `#fragment` links: every `id` in its compiled content,
 * heading ids (set earlier in the same plugin list by Astro's heading-ids plugin) and ids an author
 * set by hand on an element or a JSX tag (`<span id="scp" />`). Produces no HTML. The links are
 * recorded by remark-mdx-links; integrations/post-build.ts checks one against the other once every
 * page is compiled (lib/source-anchors.ts).
 */
import { resolve } from 'node:path';
import type { Nodes } from 'hast';
import { defineHastPlugin, type HastPluginEntry } from 'satteri';
import type { SourceAnchors } from '../lib/source-anchors.ts';
import { forContentFiles } from '../lib/source-problems.ts';
import { siteConfig } from '../site.ts';

export interface RehypeCollectAnchorsOptions {
  anchors: SourceAnchors;
  /** Absolute path of the content folder; defaults to `<cwd>/content`. */
  contentRoot?: string;
}

/** A plugin per document: none outside the content folder. */
export function rehypeCollectAnchors({
  anchors,
  contentRoot = resolve(siteConfig.contentDir),
}: RehypeCollectAnchorsOptions): HastPluginEntry {
  return forContentFiles(contentRoot, (fromFile) => {
    return defineHastPlugin({
      name: 'guardduty-guide:collect-anchors',
      // One walk of the finished tree, in document order.
      after(tree) {
        const ids: string[] = [];
        const walk = (node: Readonly<Nodes>): void => {
          if (node.type === 'element') {
            const id = node.properties['id'];
            if (typeof id === 'string') ids.push(id);
          } else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
            for (const attribute of node.attributes) {
              if (
                attribute.type === 'mdxJsxAttribute' &&
                attribute.name === 'id' &&
                typeof attribute.value === 'string'
              )
                ids.push(attribute.value);
            }
          }
          if ('children' in node) node.children.forEach(walk);
        };
        walk(tree);
        anchors.setIds(fromFile, ids);
      },
    });
  });
}
