/**
 * The plain-Markdown twin of a page (served at `<page>/index.md`, listed in llms.txt), for readers
 * who paste the guide into another tool. It is the authored MDX with the MDX taken out: components
 * become Markdown (a callout becomes a quote with its label, a diagram a pointer to the web page),
 * imports and expressions are dropped, and links become absolute URLs so they work anywhere.
 */
import type { Blockquote, Link, Paragraph, Root, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { scenarioTableMdast } from './iam/scenario-table.ts';
import { parseScenarios } from './iam/scenarios.ts';
import { resolveSourceLink } from './links.ts';
import type { DocPage } from './types.ts';
import { absoluteUrl, pageHref } from './urls.ts';

/** Where the page lives, to turn its links into absolute URLs. */
export interface TwinContext {
  /** Origin, e.g. `https://guide.example.com`. */
  site: string;
  /** Base path, e.g. `/docs/`. */
  base: string;
  /** The page's source file relative to the content folder, e.g. `data-protection.mdx`. */
  sourceFile: string;
}

const calloutLabels: Record<string, string> = { note: 'Note', tip: 'Tip', warning: 'Warning' };

/** The Markdown twin of one page: title, summary, address and review date, the body, then its sources. */
export function markdownTwin(page: DocPage, body: string, ctx: TwinContext): string {
  const canonical = absoluteUrl(ctx.site, pageHref(ctx.base, page.slug));
  const processor = unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkGfm)
    .use(remarkStringify, { bullet: '-', emphasis: '_', rule: '-' });
  const tree = processor.parse(body);
  simplify(tree, canonical, ctx);
  const reviewed = page.lastReviewed.toISOString().slice(0, 10);
  const header =
    `# ${page.title}\n\n> ${page.description}\n\nWeb page: <${canonical}>. Last ` +
    `reviewed: ${reviewed}.\n\n`;
  const sources =
    `\n## ` +
    `Sources\n\n${page.sources.map((s) => `- [${escapeLinkText(s.title)}](${s.url})`).join('\n')}\n`;
  return header + String(processor.stringify(tree)).trim() + '\n' + sources;
}

function simplify(tree: Root, canonical: string, ctx: TwinContext): void {
  // Drop imports/exports and {expressions} (including {/* comments */}).
  visit(tree, (node, index, parent) => {
    if (!parent || index === undefined) return;
    if (
      node.type === 'mdxjsEsm' ||
      node.type === 'mdxFlowExpression' ||
      node.type === 'mdxTextExpression'
    ) {
      parent.children.splice(index, 1);
      return index;
    }
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      parent.children.splice(
        index,
        1,
        ...(replaceComponent(node, canonical) as typeof parent.children),
      );
      return index;
    }
    return undefined;
  });
  // A policy's scenarios, as on the web page: a table the build has checked by simulation.
  visit(tree, 'code', (node, index, parent) => {
    if (node.lang !== 'scenarios' || !parent || index === undefined) return undefined;
    const parsed = parseScenarios(node.value);
    if (parsed.problems.length > 0) return undefined;
    const [caption, table] = scenarioTableMdast(parsed.block);
    parent.children.splice(index, 1, caption, table);
    return index + 2;
  });
  visit(tree, ['link', 'definition'], (node) => {
    const link = node as Link;
    link.url = absoluteLink(link.url, canonical, ctx);
  });
}

/** A component as plain Markdown: a Callout as a labelled quote, anything else as its children or a pointer. */
function replaceComponent(
  node: MdxJsxFlowElement | MdxJsxTextElement,
  canonical: string,
): RootContent[] {
  const attr = (name: string) => {
    const found = node.attributes.find(
      (a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name === name,
    );
    return typeof found?.value === 'string' ? found.value : undefined;
  };
  if (node.name === 'Callout') {
    const label = calloutLabels[attr('type') ?? 'note'] ?? 'Note';
    const title = attr('title');
    const heading: Paragraph = {
      type: 'paragraph',
      children: [
        {
          type: 'strong',
          children: [{ type: 'text', value: title ? `${label}: ${title}` : label }],
        },
      ],
    };
    const quote: Blockquote = {
      type: 'blockquote',
      children: [heading, ...(node.children as Blockquote['children'])],
    };
    return [quote];
  }
  if (node.children.length > 0) return node.children as RootContent[];
  if (node.type === 'mdxJsxTextElement') return [];
  const what = (node.name ?? 'figure').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  const pointer: Paragraph = {
    type: 'paragraph',
    children: [
      {
        type: 'emphasis',
        children: [
          { type: 'text', value: `(The web page shows a ${what} here: ` },
          { type: 'link', url: canonical, children: [{ type: 'text', value: canonical }] },
          { type: 'text', value: '.)' },
        ],
      },
    ],
  };
  return [pointer];
}

/** `./page.mdx#x` and `#x` become absolute page URLs; site paths become absolute; others are kept. */
function absoluteLink(url: string, canonical: string, ctx: TwinContext): string {
  const source = resolveSourceLink(url, ctx.sourceFile, ctx.base);
  if (source) return absoluteUrl(ctx.site, source.url);
  if (url.startsWith('#')) return canonical + url;
  if (url.startsWith('/')) return absoluteUrl(ctx.site, url);
  return url;
}

function escapeLinkText(text: string): string {
  return text.replace(/[[\]\\]/g, '\\$&');
}

/** One page's entry in llms.txt. */
export interface LlmsEntry {
  title: string;
  description: string;
  /** Absolute URL of the Markdown twin. */
  markdownUrl: string;
}

/** llms.txt (https://llmstxt.org): the guide's name, summary, and a link to each page's Markdown twin. */
export function llmsTxt(siteTitle: string, summary: string, entries: readonly LlmsEntry[]): string {
  const list = entries
    .map((e) => `- [${escapeLinkText(e.title)}](${e.markdownUrl}): ${e.description}`)
    .join('\n');
  return (
    `# ${siteTitle}\n\n> ${summary}\n\n` +
    'Each page below is the plain Markdown version of a page of the guide, with absolute links ' +
    'and its official sources.\n\n' +
    `## Pages\n\n${list}\n`
  );
}
