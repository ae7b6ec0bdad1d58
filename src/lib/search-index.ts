/**
 * Build-time search logic: what the Pagefind integration feeds the indexer and how it versions the
 * Pagefind runtime. Pure functions over strings and bytes, unit-tested without a build.
 */
import { createHash } from 'node:crypto';

/**
 * Pagefind 1.6 does not treat `th`, `dt` and `dd` as blocks, so adjacent cells written without
 * whitespace (as remark-gfm emits them) index as one word: `<th>Used by</th><th>Role</th>` becomes
 * "Used byRole", and a role name in a table header cannot be found. A space between such siblings
 * changes nothing on screen and gives the indexer its word boundary. Only the copy handed to the
 * indexer is changed; the served HTML is untouched.
 */
export function separateAdjacentCells(html: string): string {
  return html.replace(/<\/(th|td|dt|dd)>(?=<(?:th|td|dt|dd)[\s>])/g, '</$1> ');
}

/**
 * Identifiers a page defines rather than mentions: inline code in a heading, a definition term, a
 * table's header row or the first cell of a table row (the row's subject, as in "AWS managed
 * policies": one row per policy). In built HTML order, each once.
 */
export function definedIdentifiers(html: string): string[] {
  const places = [
    ...html.matchAll(/<(h[1-6]|dt)[\s>][\s\S]*?<\/\1>/g),
    ...html.matchAll(/<thead[\s>][\s\S]*?<\/thead>/g),
    ...[...html.matchAll(/<tbody[\s>][\s\S]*?<\/tbody>/g)].flatMap((body) =>
      [...body[0].matchAll(/<tr[\s>]\s*(<t[dh][\s>][\s\S]*?<\/t[dh]>)/g)].map((row) => [
        row[1] ?? '',
      ]),
    ),
  ].map((match) => match[0] ?? '');
  const found = new Set<string>();
  for (const place of places)
    for (const code of place.matchAll(/<code[^>]*>([^<]+)<\/code>/g))
      found.add(decodeEntities(code[1] ?? '').trim());
  return [...found].filter(Boolean);
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * The copy of a built page that Pagefind indexes: cells kept apart (`separateAdjacentCells`) and,
 * when the page defines identifiers, a `defines` meta field listing them (an empty element just
 * inside the indexed body, so nothing on screen changes). Search puts the page that defines an
 * identifier before pages that only mention it as often (src/lib/browser/search-plan.ts).
 */
export function prepareForIndex(html: string): string {
  const separated = separateAdjacentCells(html);
  const defined = definedIdentifiers(separated).filter((id) => !/[·,]/.test(id));
  if (defined.length === 0) return separated;
  const value = defined.join(' · ').replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return separated.replace(
    /(<[a-z]+\s[^>]*\bdata-pagefind-body\b[^>]*>)/,
    `$1<span data-pagefind-meta="defines:${value}"></span>`,
  );
}

/** Files of Pagefind's bundle that are code (same bytes for one Pagefind release), not index data. */
export function isRuntimeFile(path: string): boolean {
  return (
    path === 'pagefind.js' || path === 'pagefind-worker.js' || /^wasm\.[\w-]+\.pagefind$/.test(path)
  );
}

/** Pagefind's prebuilt UIs; this site uses its own dialog, so they are not deployed. */
export function isUnusedUiFile(path: string): boolean {
  return /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/.test(path);
}

/** Bumped whenever `versionRuntime` changes what it writes, so the key changes with it. */
const RUNTIME_PATCH_REVISION = '1';

/**
 * A short content hash of the Pagefind runtime (script, worker, WebAssembly). Pages import
 * `pagefind.js?v=<key>`, and the runtime loads its worker and WebAssembly with the same key, so a
 * browser or CDN cache can never pair an old runtime with a new index.
 */
export function runtimeKey(files: ReadonlyArray<{ path: string; content: Uint8Array }>): string {
  const runtime = files
    .filter((f) => isRuntimeFile(f.path))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (
    !runtime.some((f) => f.path === 'pagefind.js') ||
    !runtime.some((f) => f.path === 'pagefind-worker.js')
  ) {
    throw new Error(
      'Pagefind wrote no pagefind.js or pagefind-worker.js; is the pagefind package installed completely?',
    );
  }
  const hash = createHash('sha256').update(RUNTIME_PATCH_REVISION);
  for (const file of runtime) hash.update(`\0${file.path}\0`).update(file.content);
  return hash.digest('hex').slice(0, 12);
}

/** The template literals in Pagefind 1.6's runtime that name the worker and the WebAssembly. */
const WORKER_URL = '`${basePath}pagefind-worker.js`';
const WASM_URL = '`${this.basePath}wasm.${language}.pagefind`';

/**
 * Adds `?v=<key>` to the worker and WebAssembly URLs inside Pagefind's runtime. Pagefind loads them
 * from fixed names, and a cached old worker next to a new index breaks search silently
 * (Pagefind/pagefind#597, #814; seen in the wild as saicaca/fuwari#774). Throws, naming the file,
 * when a Pagefind upgrade changed those lines, so the versioning can never quietly stop working.
 */
export function versionRuntime(path: string, source: string, key: string): string {
  const patches: Array<[string, string]> =
    path === 'pagefind.js'
      ? [
          [WORKER_URL, `\`\${basePath}pagefind-worker.js?v=${key}\``],
          [WASM_URL, `\`\${this.basePath}wasm.\${language}.pagefind?v=${key}\``],
        ]
      : path === 'pagefind-worker.js'
        ? [[WASM_URL, `\`\${this.basePath}wasm.\${language}.pagefind?v=${key}\``]]
        : [];
  let out = source;
  for (const [from, to] of patches) {
    const count = out.split(from).length - 1;
    if (count !== 1) {
      throw new Error(
        `pagefind/${path}: expected the line ${from} exactly once, found it ${count} times. A Pagefind upgrade changed how it ` +
          'loads its worker or WebAssembly; update versionRuntime() in src/lib/search-index.ts to match, so cached runtimes stay versioned.',
      );
    }
    out = out.replace(from, to);
  }
  return out;
}

/** A heading as "On this page" lists it (structurally a TocItem). */
interface HeadingEntry {
  text: string;
  children: readonly HeadingEntry[];
}

/**
 * A page's h2 and h3 texts as one string, for Pagefind's `headings` meta field
 * (`data-pagefind-meta="headings[data-headings]"` on the article). `RANKING.metaWeights.headings`
 * boosts a page whose headings contain the query, so "who can disable GuardDuty" finds the page with
 * that heading rather than the page that says "disable" most often.
 */
export function headingsMeta(toc: readonly HeadingEntry[]): string {
  const texts: string[] = [];
  const visit = (items: readonly HeadingEntry[]): void => {
    for (const item of items) {
      texts.push(item.text.trim());
      visit(item.children);
    }
  };
  visit(toc);
  return texts.filter(Boolean).join(' · ');
}

/**
 * The attributes that give Pagefind a page's searchable meta fields, for the indexed `<article>`:
 * `headings` (see `headingsMeta`) and, when the page has any, `aliases` (its frontmatter `aliases`,
 * weighted by `RANKING.metaWeights.aliases` and shown nowhere). Both are joined with ` · `.
 */
export function searchMetaAttributes(
  toc: readonly HeadingEntry[],
  aliases: readonly string[],
): Record<string, string> {
  const attributes: Record<string, string> = {
    'data-pagefind-meta': 'headings[data-headings]',
    'data-headings': headingsMeta(toc),
  };
  if (aliases.length > 0) {
    attributes['data-pagefind-meta'] += ', aliases[data-aliases]';
    attributes['data-aliases'] = aliases.join(' · ');
  }
  return attributes;
}
