/** How much a page says in prose: the words a reader reads, without code examples or markup. */
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { createProcessor } from '@mdx-js/mdx';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import { visit, SKIP } from 'unist-util-visit';

/**
 * Counts the words of an MDX page's prose: headings, paragraphs, lists, tables and callout text,
 * including inline code such as `guardduty:GetFindings`; not frontmatter, code blocks, link
 * targets, JSX tag names or expressions.
 */
export function countProseWords(source: string): number {
  const { content } = parseFrontmatter(source, { frontmatter: 'empty-with-spaces' });
  const tree = createProcessor({ format: 'mdx', remarkPlugins: [remarkGfm] }).parse(
    content,
  ) as Root;
  let words = 0;
  visit(tree, (node) => {
    if (
      node.type === 'code' ||
      node.type === 'mdxjsEsm' ||
      node.type === 'mdxFlowExpression' ||
      node.type === 'mdxTextExpression'
    )
      return SKIP;
    if (node.type === 'text' || node.type === 'inlineCode') {
      words += node.value.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    }
    return undefined;
  });
  return words;
}
