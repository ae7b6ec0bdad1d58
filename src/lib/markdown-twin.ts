/**
 * The plain-Markdown twin of a page (served at `<page>/index.md`, listed in llms.txt), for readers
 * who paste the guide into another tool. It is the authored MDX with the MDX taken out: components
 * become Markdown (a callout becomes a quote with its label, a diagram a pointer to the web page),
 * imports and expressions are dropped, and links become absolute URLs so they work anywhere.
 */
import type { Code, Definition, Link, Yaml } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import {
  mdxToMdast,
  type MdxFlowExpression,
  type MdxJsxFlowElement,
  type MdxJsxTextElement,
  type MdxjsEsm,
  type MdxTextExpression,
} from 'satteri';
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

/** Writes Markdown with GFM (tables): only for the scenario tables the twin makes itself. */
const processor = unified()
  .use(remarkGfm)
  .use(remarkStringify, { bullet: '-', rule: '-' })
  .freeze();

/**
 * The node types the twin changes. The build's plugin (plugins/remark-markdown-twin.ts) visits
 * only these, so the rest of the page never leaves the compiler: the twin keeps the author's
 * Markdown as written and rewrites these spans of it.
 */
export const twinNodeTypes = [
  'yaml',
  'mdxjsEsm',
  'mdxFlowExpression',
  'mdxTextExpression',
  'mdxJsxFlowElement',
  'mdxJsxTextElement',
  'code',
  'link',
  'definition',
] as const;

/** A node of one of `twinNodeTypes`, as a parser or a visitor hands it over (with positions). */
export type TwinNode = Readonly<
  | Yaml
  | MdxjsEsm
  | MdxFlowExpression
  | MdxTextExpression
  | MdxJsxFlowElement
  | MdxJsxTextElement
  | Code
  | Link
  | Definition
>;

/** What the twin does to one span of the source, read off a node while it is at hand. */
export type TwinEdit = { start: number; end: number } & (
  | { kind: 'drop' }
  | {
      kind: 'component';
      name: string | null;
      flow: boolean;
      attributes: Record<string, string>;
      children?: { start: number; end: number };
    }
  | { kind: 'scenarios'; value: string }
  | { kind: 'link'; url: string; title: string | null | undefined; labelEnd: number }
  | { kind: 'definition'; url: string; title: string | null | undefined }
);

/**
 * The edit a node asks for, or undefined for one the twin keeps as written (a code block other
 * than scenarios, an autolink). Reads only the node's own fields and its children's positions.
 */
export function twinEdit(node: TwinNode): TwinEdit | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  switch (node.type) {
    case 'yaml':
    case 'mdxjsEsm':
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      return { start, end, kind: 'drop' };
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement': {
      const attributes: Record<string, string> = {};
      for (const a of node.attributes)
        if (a.type === 'mdxJsxAttribute' && typeof a.value === 'string')
          attributes[a.name] = a.value;
      const first = node.children[0]?.position?.start.offset;
      const last = node.children.at(-1)?.position?.end.offset;
      const flow = node.type === 'mdxJsxFlowElement';
      const base = { start, end, kind: 'component', name: node.name, flow, attributes } as const;
      return first === undefined || last === undefined
        ? base
        : { ...base, children: { start: first, end: last } };
    }
    case 'code':
      return node.lang === 'scenarios'
        ? { start, end, kind: 'scenarios', value: node.value }
        : undefined;
    case 'link': {
      const last = node.children.at(-1)?.position?.end.offset;
      return {
        start,
        end,
        kind: 'link',
        url: node.url,
        title: node.title,
        labelEnd: last ?? start + 1,
      };
    }
    case 'definition':
      return { start, end, kind: 'definition', url: node.url, title: node.title };
  }
}

/**
 * The Markdown twin of one page: title, summary, address and review date, the body, then its
 * sources. Parses the body with the build's parser and features (satteri), as the build does.
 */
export function markdownTwin(page: DocPage, body: string, ctx: TwinContext): string {
  const tree = mdxToMdast(body, { features: markdownFeatures, position: true });
  if (tree.type !== 'root') throw new Error('satteri parsed MDX into something other than a root');
  const edits: TwinEdit[] = [];
  const types: ReadonlySet<string> = new Set(twinNodeTypes);
  visit(tree, (node) => {
    if (!types.has(node.type)) return;
    const edit = twinEdit(node as TwinNode);
    if (edit) edits.push(edit);
  });
  return assembleTwin(page, twinBody(body, edits, ctx), ctx);
}

/**
 * The body of a page's twin: its MDX source with each edit applied (edits in any order, nested
 * ones inside the span of the edit that holds them). The build collects the edits while it
 * compiles the page (plugins/remark-markdown-twin.ts), so nothing is parsed twice.
 */
export function twinBody(source: string, edits: readonly TwinEdit[], ctx: TwinContext): string {
  // The page's address as its links resolve it (lib/links.ts): from the source file's path.
  const canonical = absoluteUrl(ctx.site, pageHref(ctx.base, slugFromEntryId(ctx.sourceFile)));
  const sorted = [...edits].sort((a, b) => a.start - b.start || b.end - a.end);
  /** The source from `from` to `to` with the edits inside it applied; `next` indexes `sorted`. */
  let next = 0;
  const render = (from: number, to: number): string => {
    let out = '';
    let cursor = from;
    while (next < sorted.length && (sorted[next]?.start ?? Infinity) < to) {
      const edit = sorted[next++] as TwinEdit;
      if (edit.start < cursor) continue; // inside a span already written (a dropped node's)
      out += source.slice(cursor, edit.start) + replace(edit);
      cursor = edit.end;
    }
    return out + source.slice(cursor, to);
  };
  const skipInside = (end: number) => {
    while (next < sorted.length && (sorted[next]?.start ?? Infinity) < end) next++;
  };
  const replace = (edit: TwinEdit): string => {
    const prefix = linePrefix(source, edit.start);
    switch (edit.kind) {
      case 'drop':
        skipInside(edit.end);
        return '';
      case 'link': {
        // `[text](url "title")`; an autolink (`<https://…>`) is absolute already and kept.
        const close = source.indexOf('](', edit.labelEnd);
        if (source[edit.start] !== '[' || close < 0 || close >= edit.end) {
          skipInside(edit.end);
          return source.slice(edit.start, edit.end);
        }
        const label = render(edit.start, close);
        skipInside(edit.end);
        return `${label}](${destination(absoluteLink(edit.url, canonical, ctx), edit.title)})`;
      }
      case 'definition': {
        const labelEnd = source.indexOf(']:', edit.start) + 2;
        skipInside(edit.end);
        return `${source.slice(edit.start, labelEnd)} ${destination(absoluteLink(edit.url, canonical, ctx), edit.title)}`;
      }
      case 'scenarios': {
        const parsed = parseScenarios(edit.value);
        if (parsed.problems.length > 0) return source.slice(edit.start, edit.end);
        const [caption, table] = scenarioTableMdast(parsed.block);
        const markdown = String(processor.stringify({ type: 'root', children: [caption, table] }));
        return indent(markdown.trim().split('\n'), prefix);
      }
      case 'component': {
        const inner = edit.children
          ? dedent(render(edit.children.start, edit.children.end))
          : undefined;
        skipInside(edit.end);
        if (edit.name === 'Callout' && edit.flow) {
          const label = calloutLabel(edit.attributes['type'] ?? 'note') ?? 'Note';
          const title = edit.attributes['title'];
          const heading = `**${escapeText(title ? `${label}: ${title}` : label)}**`;
          const lines = [heading, ...(inner === undefined ? [] : ['', ...inner.split('\n')])];
          return indent(
            lines.map((line) => (line ? `> ${line}` : '>')),
            prefix,
          );
        }
        if (inner !== undefined) return indent(inner.split('\n'), prefix);
        if (!edit.flow) return '';
        const what = (edit.name ?? 'figure').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
        return `_(The web page shows a ${what} here: [${canonical}](${canonical}).)_`;
      }
    }
  };
  return tidyBlankLines(render(0, source.length));
}

/** What precedes `offset` on its line when that is only indentation and quote markers, else ''. */
function linePrefix(source: string, offset: number): string {
  const lineStart = source.lastIndexOf('\n', offset - 1) + 1;
  const before = source.slice(lineStart, offset);
  return /^[ \t>]*$/.test(before) ? before : '';
}

/** Lines placed where the first one starts: every later line gets the same container prefix. */
function indent(lines: readonly string[], prefix: string): string {
  return lines
    .map((line, i) => (i === 0 ? line : `${line ? prefix : prefix.trimEnd()}${line}`))
    .join('\n');
}

/** Children of a component without the indentation their lines share (the first line has none). */
function dedent(text: string): string {
  const [first = '', ...rest] = text.split('\n');
  const widths = rest
    .filter((line) => line.trim())
    .map((line) => /^[ \t]*/.exec(line)?.[0].length ?? 0);
  const common = widths.length > 0 ? Math.min(...widths) : 0;
  return [first, ...rest.map((line) => line.slice(common))].join('\n');
}

/** A link destination with its title, as Markdown writes them. */
function destination(url: string, title: string | null | undefined): string {
  const target = /[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url;
  return title ? `${target} "${title.replace(/["\\]/g, '\\$&')}"` : target;
}

/** Text that Markdown must not read as markup (a callout's title in bold). */
function escapeText(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, '\\$&');
}

/**
 * At most one blank line in a row, and none at either end, outside fenced code: a dropped import
 * or comment leaves its blank lines behind.
 */
function tidyBlankLines(markdown: string): string {
  const out: string[] = [];
  let fence: string | undefined;
  for (const line of markdown.split('\n')) {
    const marker = /^[ \t>]*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === undefined && marker) fence = marker;
    else if (fence !== undefined && marker?.startsWith(fence)) fence = undefined;
    const blank = fence === undefined && line.trim() === '';
    if (blank && (out.length === 0 || out.at(-1) === '')) continue;
    out.push(blank ? '' : line);
  }
  while (out.at(-1) === '') out.pop();
  return out.join('\n');
}

/** The twin around a body from `twinBody`: the page's title, summary, address, date and sources. */
export function assembleTwin(page: DocPage, body: string, ctx: TwinContext): string {
  const canonical = absoluteUrl(ctx.site, pageHref(ctx.base, page.slug));
  const reviewed = reviewDate(page.lastReviewed).iso;
  const header = `# ${page.title}\n\n> ${page.description}\n\nWeb page: <${canonical}>. Last reviewed: ${reviewed}.${latestChangeLine(page)}\n\n`;
  const sources = `\n## Sources\n\n${page.sources.map((s) => `- [${escapeLinkText(s.title)}](${s.url})`).join('\n')}\n`;
  return header + body + '\n' + sources;
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
