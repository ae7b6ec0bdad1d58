/**
 * The `#fragment`s a page offers, read from its MDX source with the same parser and the same
 * heading-id plugin Astro's MDX pipeline uses, so a link can be checked before the page is built.
 */
import { parseFrontmatter, rehypeHeadingIds } from '@astrojs/markdown-remark';
import { createProcessor } from '@mdx-js/mdx';
import type { Root } from 'hast';
import remarkGfm from 'remark-gfm';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';

/** A heading as Astro reports it: the id it will carry in the HTML. */
export interface SourceHeading {
  depth: number;
  /** The heading's id, e.g. `who-can-disable-guardduty`. */
  slug: string;
  text: string;
}

/** Every id a reader can link to on a page. */
export interface PageAnchors {
  /** Headings in page order, with the ids Astro gives them. */
  headings: SourceHeading[];
  /** Ids an author set by hand on a JSX element, e.g. `<span id="scp" />`. */
  explicitIds: string[];
}

/**
 * Reads the anchors of an MDX page. Mirrors what Astro 7's MDX pipeline does to a page before
 * ids are set: frontmatter blanked out, GFM (smartypants is off in astro.config.ts, so `'` and `--`
 * reach github-slugger as typed), then `rehypeHeadingIds`. A build test compares
 * the result with the ids in the built HTML, so a change in Astro's pipeline shows up there.
 * @param source the whole file, frontmatter included
 * @param path the file's path; must end in `.mdx` (rehypeHeadingIds reads headings differently otherwise)
 */
export async function extractAnchors(source: string, path = 'page.mdx'): Promise<PageAnchors> {
  const { frontmatter, content } = parseFrontmatter(source, { frontmatter: 'empty-with-spaces' });
  const explicitIds: string[] = [];
  const collectExplicitIds = () => (tree: Root) => {
    visit(tree, (node) => {
      if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
      for (const attribute of node.attributes) {
        if (
          attribute.type === 'mdxJsxAttribute' &&
          attribute.name === 'id' &&
          typeof attribute.value === 'string'
        ) {
          explicitIds.push(attribute.value);
        }
      }
    });
  };
  const processor = createProcessor({
    format: 'mdx',
    jsxImportSource: 'astro',
    remarkPlugins: [remarkGfm],
    rehypePlugins: [rehypeHeadingIds, collectExplicitIds],
  });
  const file = new VFile({ value: content, path, data: { astro: { frontmatter } } });
  await processor.process(file);
  const headings = (file.data.astro?.headings ?? []).map(({ depth, slug, text }) => ({
    depth,
    slug,
    text,
  }));
  return { headings, explicitIds };
}

/** Every id on the page, headings first. */
export function anchorIds(anchors: PageAnchors): string[] {
  return [...anchors.headings.map((h) => h.slug), ...anchors.explicitIds];
}
