/**
 * The `#fragment` check over the authored pages, in the shape of starlight-links-validator: while
 * Astro compiles each page, remark-mdx-links records the links the author wrote, with their
 * positions; the pass over the built site then hands over the ids each target page really has
 * (inside its `<main>`: Astro's heading ids, ids set by hand, the layout's own sections), and
 * `findBrokenFragments` checks every link against them. Nothing is compiled or parsed twice.
 */
import type { SourceProblem } from './source-problems.ts';
import { closestMatches } from './suggest.ts';
import { safeDecode } from './urls.ts';

/** A link written in a page's source whose `#fragment` must exist on the target page. */
export interface SourceFragmentLink {
  /** 1-based position of the link in the source file. */
  line: number;
  column: number;
  /** The link as the author wrote it, e.g. `./other.mdx#export` or `#checklist`. */
  href: string;
  /** Content-relative path of the page that must hold the id, e.g. `other.mdx`. */
  targetFile: string;
  /** The fragment without `#`, as written (percent-encoded or not). */
  fragment: string;
}

/** What one compiled page offers and asks for. */
export interface PageRecord {
  /** Every id in the page's content, in page order. */
  ids: readonly string[];
  links: readonly SourceFragmentLink[];
}

/**
 * The ids and links of every compiled page, keyed by content-relative path. One is made per build
 * in astro.config.ts and handed to the plugins that fill it and the integration that checks it.
 */
export class SourceAnchors {
  readonly #ids = new Map<string, readonly string[]>();
  readonly #links = new Map<string, readonly SourceFragmentLink[]>();

  /** Records the links of a page (a recompiled page replaces its earlier record). */
  setLinks(file: string, links: readonly SourceFragmentLink[]): void {
    this.#links.set(file, links);
  }

  /** Records the ids of a page. */
  setIds(file: string, ids: readonly string[]): void {
    this.#ids.set(file, ids);
  }

  /** The pages some recorded link points into, whose ids the check needs. */
  targetFiles(): string[] {
    const files = new Set<string>();
    for (const links of this.#links.values()) for (const link of links) files.add(link.targetFile);
    return [...files].sort();
  }

  /** Every compiled page with what it recorded, in path order. */
  pages(): Map<string, PageRecord> {
    const files = [...new Set([...this.#ids.keys(), ...this.#links.keys()])].sort();
    return new Map(
      files.map((file) => [
        file,
        { ids: this.#ids.get(file) ?? [], links: this.#links.get(file) ?? [] },
      ]),
    );
  }
}

/**
 * The links whose fragment matches no id of their target, per source file, each with the nearest
 * valid anchors. A target with no recorded ids (no built page) is skipped: a link to a missing
 * file is reported when it is compiled, and the check of the built HTML sees every link again.
 * @param displayPath how a content-relative path is shown, e.g. `content/other.mdx`
 */
export function findBrokenFragments(
  pages: ReadonlyMap<string, PageRecord>,
  displayPath: (file: string) => string,
): Map<string, SourceProblem[]> {
  const problems = new Map<string, SourceProblem[]>();
  const idSets = new Map([...pages].map(([file, page]) => [file, new Set(page.ids)]));
  for (const [file, page] of pages) {
    for (const link of page.links) {
      const ids = idSets.get(link.targetFile);
      if (!ids) continue;
      const fragment = safeDecode(link.fragment);
      if (ids.has(fragment)) continue;
      const target = displayPath(link.targetFile);
      const near = closestMatches(fragment, [...(pages.get(link.targetFile)?.ids ?? [])], 5);
      const list = problems.get(file) ?? [];
      list.push({
        line: link.line,
        column: link.column,
        message: `Broken anchor "${link.href}": ${target} has no heading or id "${fragment}"`,
        fix:
          near.length > 0
            ? `link to one of the nearest valid anchors: ${near.map((id) => `#${id}`).join(', ')}`
            : `${target} has no headings: link to the page without a fragment`,
      });
      problems.set(file, list);
    }
  }
  return problems;
}
