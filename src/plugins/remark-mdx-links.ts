/**
 * Turns links to source files (`[roles](./service-linked-roles.mdx#deleting-the-role)`) into site
 * URLs (`/docs/service-linked-roles/#deleting-the-role`), so authors never hand-write URLs and a
 * renamed page or heading breaks the build instead of a link. A link to a missing file, or a
 * `#fragment` (also `#fragment` alone, on the same page) that matches no heading id and no explicit
 * `id` of the target, fails the build with `file:line:column`, the link, the valid anchors nearest
 * to it and the fix. Heading ids are read from the target's source the way Astro makes them
 * (lib/headings.ts); the built site is checked again after the build (integrations/link-check).
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { Definition, Link, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { anchorIds, extractAnchors, type PageAnchors } from '../lib/headings.ts';
import { resolveSourceLink } from '../lib/links.ts';
import { formatSourceProblems, sortProblems, type SourceProblem } from '../lib/source-problems.ts';
import { closestMatches } from '../lib/suggest.ts';
import { siteConfig } from '../site.ts';

interface Options {
  /** The site's base path, e.g. `/` or `/docs/`. */
  base: string;
  /** Absolute path of the content folder; defaults to `<cwd>/content`. */
  contentRoot?: string;
}

/** A link whose fragment still has to be checked once the target's anchors are known. */
interface PendingFragment {
  node: Link | Definition;
  href: string;
  /** Content-relative path of the file that must hold the anchor. */
  targetFile: string;
  fragment: string;
}

export function remarkMdxLinks({ base, contentRoot = resolve(siteConfig.contentDir) }: Options) {
  // Anchors per file, reused while the file's text is unchanged (one processor serves a whole build).
  const anchorsByFile = new Map<string, { source: string; anchors: Promise<PageAnchors> }>();
  const anchorsOf = (absolutePath: string, source: string): Promise<PageAnchors> => {
    const known = anchorsByFile.get(absolutePath);
    if (known?.source === source) return known.anchors;
    const anchors = extractAnchors(source, absolutePath);
    anchorsByFile.set(absolutePath, { source, anchors });
    return anchors;
  };

  return async (tree: Root, file: VFile) => {
    if (!file.path) return;
    const fromFile = relative(contentRoot, file.path).split(sep).join('/');
    if (fromFile.startsWith('..')) return; // not a content page
    const displayPath = (contentFile: string) => `${siteConfig.contentDir}/${contentFile}`;
    const problems: SourceProblem[] = [];
    const pending: PendingFragment[] = [];

    visit(tree, (node) => {
      if (node.type !== 'link' && node.type !== 'definition') return;
      const link = node as Link | Definition;
      const href = link.url;
      if (href.startsWith('#')) {
        if (href.length > 1)
          pending.push({ node: link, href, targetFile: fromFile, fragment: href.slice(1) });
        return;
      }
      const resolved = resolveSourceLink(href, fromFile, base);
      if (!resolved) return;
      if (!existsSync(resolve(contentRoot, resolved.targetFile))) {
        problems.push({
          ...start(link),
          message: `Broken link "${href}" in ${displayPath(fromFile)}: there is no ${displayPath(resolved.targetFile)}`,
          fix: 'link to an existing page file, e.g. ./data-protection.mdx',
        });
      } else if (resolved.fragment) {
        pending.push({
          node: link,
          href,
          targetFile: resolved.targetFile,
          fragment: resolved.fragment,
        });
      }
      link.url = resolved.url;
    });

    for (const link of pending) {
      const absolute = resolve(contentRoot, link.targetFile);
      const source =
        link.targetFile === fromFile ? String(file.value) : readFileSync(absolute, 'utf8');
      let ids: string[];
      try {
        ids = anchorIds(await anchorsOf(absolute, source));
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        problems.push({
          ...start(link.node),
          message: `Could not read the headings of ${displayPath(link.targetFile)} to check "${link.href}": ${reason}`,
          fix: `fix the MDX in ${displayPath(link.targetFile)} first`,
        });
        continue;
      }
      const fragment = safeDecode(link.fragment);
      if (ids.includes(fragment)) continue;
      const near = closestMatches(fragment, ids, 5).map((id) => `#${id}`);
      problems.push({
        ...start(link.node),
        message: `Broken anchor "${link.href}": ${displayPath(link.targetFile)} has no heading or id "${fragment}"`,
        fix:
          near.length > 0
            ? `link to one of the nearest valid anchors: ${near.join(', ')}`
            : `${displayPath(link.targetFile)} has no headings: link to the page without a fragment`,
      });
    }

    const first = sortProblems(problems)[0];
    if (first) {
      const place = { line: first.line, column: first.column };
      file.fail(formatSourceProblems(displayPath(fromFile), problems), {
        place,
        source: 'remark-mdx-links',
      });
    }
  };
}

function start(node: Link | Definition): { line: number; column: number } {
  return { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
}

function safeDecode(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
