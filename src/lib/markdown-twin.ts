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
import remarkStringify from 'remark-stringify';
import { mdxToMdast } from 'satteri';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { calloutLabel } from './callouts.ts';
import { isoDay } from './document-history.ts';
import { markdownFeatures } from './markdown-features.ts';
import { scenarioTableMdast } from './iam/scenario-table.ts';
import { parseScenarios } from './iam/scenarios.ts';
import { resolveSourceLink } from './links.ts';
import { reviewDate } from './review-date.ts';
import type { DocPage } from './types.ts';
import { absoluteUrl, pageHref, slugFromEntryId } from './urls.ts';

/** Where the page lives, to turn its links into absolute URLs. */
export interface TwinContext {
  /** Origin, e.g. `https://guide.example.com`. */
  site: string;
  /** Base path, e.g. `/docs/`. */
  base: string;
  /** The page's source file relative to the content folder, e.g. `data-protection.mdx`. */
  sourceFile: string;
}

/** Writes Markdown with GFM (tables) and MDX's syntax known. */
const processor = unified()
  .use(remarkMdx)
  .use(remarkGfm)
  .use(remarkStringify, { bullet: '-', emphasis: '_', rule: '-' })
  .freeze();

/**
 * The Markdown twin of one page: title, summary, address and review date, the body, then its
 * sources. Parses the body with the build's parser and features (satteri), as the build does.
 */
export function markdownTwin(page: DocPage, body: string, ctx: TwinContext): string {
  const tree = mdxToMdast(body, { features: markdownFeatures, position: false });
  if (tree.type !== 'root') throw new Error('satteri parsed MDX into something other than a root');
  return assembleTwin(page, twinBody(tree, ctx), ctx);
}

/**
 * The body of a page's twin from its parsed MDX, which is left as it was: the build computes it
 * while it compiles the page (plugins/remark-markdown-twin.ts), from the tree it parsed anyway,
 * instead of parsing every page a second time.
 */
export function twinBody(tree: Readonly<Root>, ctx: TwinContext): string {
  const copy = copyTree(tree);
  // The page's address as its links resolve it (lib/links.ts): from the source file's path.
  const canonical = absoluteUrl(ctx.site, pageHref(ctx.base, slugFromEntryId(ctx.sourceFile)));
  simplify(copy, canonical, ctx);
  return String(processor.stringify(copy)).trim();
}

/**
 * A copy of every node and child list, which `simplify` may change without touching the compile's
 * tree; positions and parser data (MDX's estree), which writing Markdown never reads, are left out
 * (a structuredClone of them cost a tenth of the whole twin).
 */
function copyTree<T extends Root | RootContent>(node: T): T {
  const { position: _position, data: _data, ...rest } = node;
  if (!('children' in node)) return { ...rest } as T;
  return { ...rest, children: node.children.map((child) => copyTree(child)) } as T;
}

/** The twin around a body from `twinBody`: the page's title, summary, address, date and sources. */
export function assembleTwin(page: DocPage, body: string, ctx: TwinContext): string {
  const canonical = absoluteUrl(ctx.site, pageHref(ctx.base, page.slug));
  const reviewed = reviewDate(page.lastReviewed).iso;
  const header = `# ${page.title}\n\n> ${page.description}\n\nWeb page: <${canonical}>. Last reviewed: ${reviewed}.${latestChangeLine(page)}\n\n`;
  const sources = `\n## Sources\n\n${page.sources.map((s) => `- [${escapeLinkText(s.title)}](${s.url})`).join('\n')}\n`;
  return header + body + '\n' + sources;
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
    const label = calloutLabel(attr('type') ?? 'note') ?? 'Note';
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

/** ` Latest change (2026-12-01, correction): …`, after the review date. */
function latestChangeLine(page: DocPage): string {
  const [latest] = page.changes;
  return latest ? ` Latest change (${isoDay(latest.date)}, ${latest.kind}): ${latest.summary}` : '';
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
