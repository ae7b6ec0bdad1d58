/**
 * Turns links to source files (`[roles](./service-linked-roles.mdx#deleting-the-role)`) into site
 * URLs (`/docs/service-linked-roles/#deleting-the-role`), so authors never hand-write URLs and a
 * renamed page or heading breaks the build instead of a link. A link to a missing file fails the
 * compile at once (also in `astro dev`) with `file:line:column`, the link and the fix. Every link
 * with a `#fragment` (also `#fragment` alone, on the same page) is recorded with its position in
 * `anchors`; once the site is built, integrations/post-build.ts checks it against the ids the
 * target's built page really has (lib/source-anchors.ts), so heading ids are made in one place.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Definition, Link } from 'mdast';
import { defineMdastPlugin, type MdastPluginEntry, type MdastVisitorContext } from 'satteri';
import { resolveSourceLink, sourceFileCandidates } from '../lib/links.ts';
import type { SourceAnchors, SourceFragmentLink } from '../lib/source-anchors.ts';
import { forContentFiles, failWith, type SourceProblem } from '../lib/source-problems.ts';
import { siteConfig } from '../site.ts';

export interface RemarkMdxLinksOptions {
  /** The site's base path, e.g. `/` or `/docs/`. */
  base: string;
  /** Where the links with a `#fragment` are recorded for the check after the compile. */
  anchors?: SourceAnchors | undefined;
  /** Absolute path of the content folder; defaults to `<cwd>/content`. */
  contentRoot?: string;
}

/** A plugin per document (it gathers the page's problems and links): none outside the content. */
export function remarkMdxLinks({
  base,
  anchors,
  contentRoot = resolve(siteConfig.contentDir),
}: RemarkMdxLinksOptions): MdastPluginEntry {
  return forContentFiles(contentRoot, (fromFile) => {
    const displayPath = (contentFile: string) => `${siteConfig.contentDir}/${contentFile}`;
    const problems: SourceProblem[] = [];
    const fragments: SourceFragmentLink[] = [];

    const check = (link: Readonly<Link | Definition>, ctx: MdastVisitorContext): void => {
      const href = link.url;
      const at = start(link);
      if (href.startsWith('#')) {
        if (href.length > 1)
          fragments.push({ ...at, href, targetFile: fromFile, fragment: href.slice(1) });
        return;
      }
      const resolved = resolveSourceLink(href, fromFile, base);
      if (!resolved) return;
      const targetFile = sourceFileCandidates(resolved.targetFile).find((candidate) =>
        existsSync(resolve(contentRoot, candidate)),
      );
      if (targetFile === undefined) {
        problems.push({
          ...at,
          message:
            `Broken link "${href}" in ${displayPath(fromFile)}: ` +
            `there is no ${displayPath(resolved.targetFile)}`,
          fix: 'link to an existing page file, e.g. ./data-protection.mdx',
        });
      } else if (resolved.fragment) {
        fragments.push({
          ...at,
          href,
          targetFile,
          fragment: resolved.fragment,
        });
      }
      ctx.setProperty(link, 'url', resolved.url);
    };

    return defineMdastPlugin({
      name: 'guardduty-guide:mdx-links',
      // The problems and the recorded links name the line and column of each link.
      options: { position: true },
      link: check,
      definition: check,
      after() {
        anchors?.setLinks(fromFile, fragments);
        failWith(displayPath(fromFile), problems, 'remark-mdx-links');
      },
    });
  });
}

function start(node: Readonly<Link | Definition>): { line: number; column: number } {
  return { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
}
