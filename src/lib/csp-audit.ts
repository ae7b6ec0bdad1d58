import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import type { DefaultTreeAdapterTypes } from 'parse5';
import { find, html as htmlSchema, svg as svgSchema, type Schema } from 'property-information';
import type { ParsedDocument } from './built-site.ts';

/** Markup in a built page that the site's Content-Security-Policy would block. */
export interface CspBlockedMarkup {
  /** What it is, e.g. `inline <style> element`. */
  kind: string;
  /** The start of the offending markup, for the error message. */
  snippet: string;
  /** How to fix it. */
  fix: string;
  /** Line in the page's HTML, where the tree knows it. */
  line?: number;
}

/**
 * `<script type>` values a browser runs (HTML's "JavaScript MIME type essence" list, plus module,
 * import maps and speculation rules, which CSP also governs inline). Any other type is a data block
 * the browser never executes, so CSP does not apply to it. An absent or empty type means JavaScript.
 */
const executableScriptTypes = new Set([
  '',
  'module',
  'importmap',
  'speculationrules',
  'application/ecmascript',
  'application/javascript',
  'application/x-ecmascript',
  'application/x-javascript',
  'text/ecmascript',
  'text/javascript',
  'text/javascript1.0',
  'text/javascript1.1',
  'text/javascript1.2',
  'text/javascript1.3',
  'text/javascript1.4',
  'text/javascript1.5',
  'text/jscript',
  'text/livescript',
  'text/x-ecmascript',
  'text/x-javascript',
]);

/** Attributes whose value the browser resolves as a URL (a `javascript:` one runs as script). */
const urlAttributes = new Set([
  'action',
  'background',
  'cite',
  'codebase',
  'dynsrc',
  'formaction',
  'href',
  'icon',
  'imagesrcset',
  'longdesc',
  'lowsrc',
  'manifest',
  'ping',
  'poster',
  'src',
  'srcset',
  'xlink:href',
]);

/** Elements whose text is raw (no markup inside), where a `</noscript` can hide. */
const rawTextElements = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe']);

const fixes = {
  script:
    'put the code in a .ts file imported from a <script> tag; if Astro inlined a small script, ' +
    'keep vite.build.assetsInlineLimit from inlining .js (astro.config.ts)',
  style:
    "keep build.inlineStylesheets: 'never' in astro.config.ts so Astro links component CSS as files",
  styleAttribute: 'style it with a class in a stylesheet instead',
  handler: 'attach the listener from a script file instead',
  javascriptUrl: 'use a <button> with a listener from a script file',
  dataScript: 'serve the script as a same-origin file',
  srcdoc: 'link to a page of the guide instead of embedding HTML in srcdoc',
  refresh: 'link to the new address instead; a <meta> redirect bypasses the link checker',
  base: 'remove the <base> element: every URL the build writes is already complete',
  noscriptEnd:
    'remove the "</noscript" text: a browser running scripts ends the <noscript> there and ' +
    'parses the rest as markup',
} as const;

/** Where the walk is: SVG attributes have their own names, and `<noscript>` has its own risks. */
interface Context {
  schema: Schema;
  inNoscript: boolean;
  /** Added to each line number (a `<noscript>`'s text parsed on its own starts at line 1). */
  lineOffset: number;
}

/**
 * Finds what the policy (`script-src 'self'`, `style-src 'self'`, no hashes, no 'unsafe-inline',
 * `base-uri 'none'`) blocks or cannot govern, in a page parsed the way a browser parses it:
 * inline `<script>` and `<style>`, `style=""`, `on*=""` handlers, `javascript:` in any URL-bearing
 * attribute (after the URL parser's own clean-up of spaces, tabs and control characters), `data:`
 * script sources, `srcdoc`, `<meta http-equiv="refresh">` and `<base>`. It looks everywhere the
 * browser does: inside `<pre>`, `<noscript>`, `<template>` and SVG.
 *
 * @param tree the page as `hast-util-from-html` parses it (parse5, scripting off, so `<noscript>`
 *   content is markup, as a reader without JavaScript gets it). A `<noscript>` whose content is raw
 *   text (a scripting-on parse) is parsed again as markup.
 */
export function findCspBlockedMarkup(tree: Root): CspBlockedMarkup[] {
  const found: CspBlockedMarkup[] = [];
  const context: Context = { schema: htmlSchema, inNoscript: false, lineOffset: 0 };
  for (const child of tree.children) visit(child, context, found);
  return found;
}

/**
 * A quick look at parse5's own tree (no hast) that says `true` for every page in which
 * {@link findCspBlockedMarkup} finds something, and for a few more: any `<noscript>` and any
 * script without a `src`, every attribute named `style`, `on…` or `srcdoc`, and any attribute
 * value with `javascript:` in it. A page it passes needs no hast tree and no audit.
 */
export function mayHaveCspBlockedMarkup(document: ParsedDocument): boolean {
  const suspect = (node: ParsedNode): boolean => {
    if (node.nodeName === '#comment' && 'data' in node) return /<\/noscript/i.test(node.data);
    if (!('tagName' in node)) return false;
    if (suspectElement(node)) return true;
    if ('content' in node && node.content.childNodes.some(suspect)) return true;
    return node.childNodes.some(suspect);
  };
  return document.childNodes.some(suspect);
}

type ParsedNode = ParsedDocument | DefaultTreeAdapterTypes.ChildNode;

function suspectElement(element: DefaultTreeAdapterTypes.Element): boolean {
  switch (element.tagName) {
    case 'noscript':
    case 'style':
    case 'base':
      return true;
    case 'script': {
      // Safe only with a `src` that is not a data: URL (the audit reads `src` first).
      const src = element.attrs.find((a) => a.name === 'src' && !a.prefix);
      if (src === undefined || urlScheme(src.value) === 'data') return true;
      break;
    }
    case 'meta': {
      const equiv = element.attrs.find((a) => a.name === 'http-equiv' && !a.prefix);
      if (equiv && /refresh/i.test(equiv.value)) return true;
      break;
    }
  }
  return element.attrs.some(({ name, value }) => {
    const lower = name.toLowerCase();
    return (
      lower === 'style' ||
      lower.startsWith('on') ||
      lower === 'srcdoc' ||
      /javascript:/i.test(value.replace(/[\t\n\r]/g, ''))
    );
  });
}

/** {@link findCspBlockedMarkup} for an HTML string (tests, one-off checks). */
export function findCspBlockedMarkupInHtml(html: string): CspBlockedMarkup[] {
  return findCspBlockedMarkup(fromHtml(html));
}

function visit(node: RootContent | ElementContent, context: Context, found: CspBlockedMarkup[]) {
  if (node.type === 'comment') {
    if (context.inNoscript && /<\/noscript/i.test(node.value))
      found.push(
        report(node, '"</noscript" inside a comment in <noscript>', fixes.noscriptEnd, context),
      );
    return;
  }
  if (node.type !== 'element') return;
  const schema = node.tagName === 'svg' ? svgSchema : context.schema;
  const here = { ...context, schema };
  checkElement(node, here, found);
  checkAttributes(node, here, found);
  if (node.tagName === 'noscript') {
    visitNoscript(node, here, found);
    return;
  }
  if (node.tagName === 'template' && node.content) {
    for (const child of node.content.children) visit(child, here, found);
  }
  const inner = node.tagName === 'foreignObject' ? { ...here, schema: htmlSchema } : here;
  for (const child of node.children) visit(child, inner, found);
}

function checkElement(element: Element, context: Context, found: CspBlockedMarkup[]) {
  const add = (kind: string, fix: string) => found.push(report(element, kind, fix, context));
  const text = (name: string) => stringValue(element.properties[name]);
  switch (element.tagName) {
    case 'script': {
      const type = (text('type') ?? '').trim().toLowerCase();
      if (!executableScriptTypes.has(type)) break;
      const src = text('src') ?? text('href') ?? text('xLinkHref');
      if (src === undefined) add('inline <script>', fixes.script);
      else if (urlScheme(src) === 'data') add('data: URL as a script source', fixes.dataScript);
      break;
    }
    case 'style':
      add('inline <style> element', fixes.style);
      break;
    case 'base':
      add('<base> element', fixes.base);
      break;
    case 'meta':
      if ((text('httpEquiv') ?? '').trim().toLowerCase() === 'refresh')
        add('<meta http-equiv="refresh">', fixes.refresh);
      break;
  }
  if (context.inNoscript && rawTextElements.has(element.tagName)) {
    const raw = element.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
    if (/<\/noscript/i.test(raw))
      add(`"</noscript" inside <${element.tagName}> in <noscript>`, fixes.noscriptEnd);
  }
}

function checkAttributes(element: Element, context: Context, found: CspBlockedMarkup[]) {
  for (const [property, value] of Object.entries(element.properties)) {
    if (value === null || value === undefined || value === false) continue;
    const attribute = find(context.schema, property).attribute.toLowerCase();
    const values = Array.isArray(value) ? value.map(String) : [String(value)];
    const add = (kind: string, fix: string) => found.push(report(element, kind, fix, context));
    if (attribute === 'style') add('style="" attribute', fixes.styleAttribute);
    else if (/^on[a-z]+$/.test(attribute)) add(`${attribute}="" event handler`, fixes.handler);
    else if (attribute === 'srcdoc') add('srcdoc="" attribute', fixes.srcdoc);
    const carriesUrl =
      urlAttributes.has(attribute) || (attribute === 'data' && element.tagName === 'object');
    if (carriesUrl && values.some((v) => urlScheme(v) === 'javascript'))
      add(`javascript: URL in ${attribute}=""`, fixes.javascriptUrl);
    if (context.inNoscript && values.some((v) => /<\/noscript/i.test(v)))
      add(`"</noscript" inside ${attribute}="" in <noscript>`, fixes.noscriptEnd);
  }
}

/** Walks a `<noscript>`'s content as markup, whether the tree holds it as elements or as text. */
function visitNoscript(noscript: Element, context: Context, found: CspBlockedMarkup[]) {
  const inside = { ...context, inNoscript: true };
  for (const child of noscript.children) {
    if (child.type !== 'text') {
      visit(child, inside, found);
      continue;
    }
    const fragment = fromHtml(child.value, { fragment: true });
    const lineOffset = context.lineOffset + (child.position?.start.line ?? 1) - 1;
    for (const node of fragment.children) visit(node, { ...inside, lineOffset }, found);
  }
}

/**
 * The scheme the URL parser sees in `value`, lower-cased: it strips leading and trailing C0
 * controls and spaces and removes every tab and newline first, so `java\tscript:` and
 * `\x01javascript:` are `javascript`. Entities are already decoded by the HTML parser.
 */
export function urlScheme(value: string): string | undefined {
  const cleaned = value
    .replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '')
    .replace(/[\t\n\r]/g, '');
  return /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
}

function stringValue(value: Element['properties'][string]): string | undefined {
  if (value === null || value === undefined || value === false) return undefined;
  return Array.isArray(value) ? value.join(' ') : String(value);
}

function report(
  node: Element | RootContent,
  kind: string,
  fix: string,
  context: Context,
): CspBlockedMarkup {
  const html = toHtml(node);
  const snippet = html.length > 80 ? `${html.slice(0, 77)}...` : html;
  const line = node.position ? node.position.start.line + context.lineOffset : undefined;
  return line === undefined ? { kind, snippet, fix } : { kind, snippet, fix, line };
}
