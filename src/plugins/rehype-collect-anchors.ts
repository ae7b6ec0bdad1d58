/**
 * Records the ids a content page offers to `#fragment` links: every `id` in its compiled content,
 * heading ids (set earlier in the same plugin list by Astro's rehypeHeadingIds) and ids an author
 * set by hand on an element or a JSX tag (`<span id="scp" />`). Produces no HTML. The links are
 * recorded by remark-mdx-links; integrations/post-build.ts checks one against the other once every
 * page is compiled (lib/source-anchors.ts).
 */
import { resolve } from 'node:path';
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { SourceAnchors } from '../lib/source-anchors.ts';
import { contentFileOf } from '../lib/source-problems.ts';
import { siteConfig } from '../site.ts';

export interface RehypeCollectAnchorsOptions {
  anchors: SourceAnchors;
  /** Absolute path of the content folder; defaults to `<cwd>/content`. */
  contentRoot?: string;
}

export function rehypeCollectAnchors({
  anchors,
  contentRoot = resolve(siteConfig.contentDir),
}: RehypeCollectAnchorsOptions) {
  return (tree: Root, file: VFile) => {
    const fromFile = file.path ? contentFileOf(file.path, contentRoot) : undefined;
    if (fromFile === undefined) return;
    const ids: string[] = [];
    visit(tree, (node) => {
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
    });
    anchors.setIds(fromFile, ids);
  };
}
