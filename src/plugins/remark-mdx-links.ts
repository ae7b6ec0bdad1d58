/**
 * Turns links to source files (`[roles](./service-linked-roles.mdx#deletion)`) into site URLs
 * (`/docs/service-linked-roles/#deletion`), so authors never hand-write URLs and a renamed page
 * breaks the build instead of a link. A link to a missing file fails with its file and line;
 * `#fragment`s are checked after the build, when every heading id exists (integrations/link-check).
 */
import { existsSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { Link, Definition, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { resolveSourceLink } from '../lib/links.ts';
import { siteConfig } from '../site.ts';

interface Options {
  /** The site's base path, e.g. `/` or `/docs/`. */
  base: string;
  /** Absolute path of the content folder; defaults to `<cwd>/content`. */
  contentRoot?: string;
}

export function remarkMdxLinks({ base, contentRoot = resolve(siteConfig.contentDir) }: Options) {
  return (tree: Root, file: VFile) => {
    if (!file.path) return;
    const fromFile = relative(contentRoot, file.path).split(sep).join('/');
    if (fromFile.startsWith('..')) return; // not a content page
    visit(tree, (node) => {
      if (node.type !== 'link' && node.type !== 'definition') return;
      const link = node as Link | Definition;
      const resolved = resolveSourceLink(link.url, fromFile, base);
      if (!resolved) return;
      if (!existsSync(resolve(contentRoot, resolved.targetFile))) {
        file.fail(
          `Broken link "${link.url}" in ${siteConfig.contentDir}/${fromFile}: there is no ${siteConfig.contentDir}/${resolved.targetFile}. ` +
            `Link to an existing page file, e.g. ./data-protection.mdx`,
          link,
          'remark-mdx-links:missing-page',
        );
      }
      link.url = resolved.url;
    });
  };
}
