/**
 * Indexes the built pages with Pagefind's Node API into `<outDir>/pagefind/`, versions the
 * runtime's worker and WebAssembly URLs with the runtime key the pages import, and drops
 * Pagefind's unused prebuilt UIs. Pages are handed over as the post-build pass reads them
 * (integrations/post-build.ts), so dist/ is read once; only pages whose content carries
 * `data-pagefind-body` are sent, since Pagefind leaves the others out of the index anyway.
 * How each of these files may be cached is decided in src/lib/security-headers.ts.
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefindApi from 'pagefind';
import { eachPage, openBuiltSite, urlPathOf, type BuiltPage } from '../../lib/built-site.ts';
import { indexedArticleRange } from '../../lib/indexed-article.ts';
import {
  isRuntimeFile,
  isUnusedUiFile,
  runtimeKey,
  prepareForIndex,
  versionRuntime,
} from '../../lib/search-index.ts';
import { writeSearchVocabulary } from '../../lib/search-vocabulary.ts';
import { failOn } from './fail-on.ts';

/** What Pagefind is sent of one page marked for search. */
export interface SearchRecord {
  /** The page's address without the base: Pagefind resolves results against its bundle's own. */
  url: string;
  /** The part of the page Pagefind reads (`indexedPart`), prepared (`prepareForIndex`). */
  content: string;
}

/** The record of a page marked for indexing (`data-pagefind-body`), or undefined for another. */
export function searchRecordOf(page: Pick<BuiltPage, 'file' | 'html'>): SearchRecord | undefined {
  if (!page.html.includes('data-pagefind-body')) return undefined;
  return { url: urlPathOf(page.file, '/'), content: prepareForIndex(indexedPart(page.html)) };
}

/** An open Pagefind index that pages are added to; `write` or `discard` ends it. */
export interface SearchIndexer {
  /** Adds a page if it is marked for indexing (its addition finishes in the background). */
  add(page: BuiltPage): void;
  /** Adds a page's record (`searchRecordOf`), made by `file`. */
  addRecord(file: string, record: SearchRecord): void;
  /**
   * Starts writing the bundle into `<outDir>/pagefind/` once the last page is added: Pagefind's
   * process writes it while Node goes on with other work (`write` finishes it).
   */
  startWriting(outDir: string): void;
  /** Writes the bundle into `<outDir>/pagefind/` and closes Pagefind. */
  write(outDir: string, expectedKey?: string): Promise<SearchIndexResult>;
  /** Closes Pagefind without writing (a failed build). */
  discard(): Promise<void>;
}

export interface SearchIndexResult {
  pageCount: number;
  bundleDir: string;
  runtimeKey: string;
}

/** Starts an index. Pagefind runs in its own process, so it indexes while Node reads pages. */
export async function openSearchIndex(): Promise<SearchIndexer> {
  const { index, errors } = await pagefindApi.createIndex({});
  failOn('createIndex', errors);
  if (!index) throw new Error('Pagefind returned no index and no error.');
  const pending: Array<Promise<void>> = [];
  let writing: { bundleDir: string; done: Promise<void> } | undefined;
  const startWriting = (outDir: string) => {
    if (writing) return writing;
    const bundleDir = join(outDir, 'pagefind');
    const done = (async () => {
      await Promise.all(pending);
      failOn('writeFiles', (await index.writeFiles({ outputPath: bundleDir })).errors);
    })();
    // Awaited by write or discard; until then a failure must not count as unhandled.
    done.catch(() => undefined);
    writing = { bundleDir, done };
    return writing;
  };
  const addRecord = (file: string, record: SearchRecord) => {
    if (writing)
      throw new Error(
        `${file} is marked for search but came after the index was written: ` +
          'a page finished after the others (the print pages) must not be indexed.',
      );
    pending.push(
      index.addHTMLFile(record).then((added) => failOn(`addHTMLFile (${file})`, added.errors)),
    );
  };
  return {
    add(page) {
      const record = searchRecordOf(page);
      if (record) addRecord(page.file, record);
    },
    addRecord,
    startWriting(outDir) {
      startWriting(outDir);
    },
    async write(outDir, expectedKey) {
      const { bundleDir, done } = startWriting(outDir);
      try {
        await done;
        // "Did you mean": the index's words, written next to it (src/lib/search-vocabulary.ts).
        await writeSearchVocabulary(bundleDir);
      } finally {
        await pagefindApi.close();
      }
      const pageCount = await indexedPageCount(bundleDir);
      if (pageCount === 0) {
        throw new Error(
          `Pagefind found no page with data-pagefind-body in ${outDir}; search would be empty. ` +
            'Check that DocsLayout marks the article.',
        );
      }
      return { pageCount, bundleDir, runtimeKey: await finishBundle(bundleDir, expectedKey) };
    },
    async discard() {
      await Promise.allSettled(pending);
      if (writing) {
        // A failed build leaves no search bundle, as when writing had not started.
        await Promise.allSettled([writing.done]);
        await rm(writing.bundleDir, { recursive: true, force: true });
      }
      await pagefindApi.close();
    },
  };
}

/**
 * What Pagefind reads of a page: its `<head>` and the element marked `data-pagefind-body` (the
 * article DocsLayout writes), without the header, navigation and footer around it. Pagefind
 * indexes only that element, and every `data-pagefind-*` attribute of a page sits inside it, so the
 * index is the same (the build's search bundle is byte-identical either way), but every page is
 * about half as long to encode and send to Pagefind's process and for Pagefind to parse. A page of
 * another shape is sent whole.
 */
export function indexedPart(html: string): string {
  const article = indexedArticleRange(html);
  const body = html.indexOf('<body');
  const bodyOpen = html.indexOf('>', body) + 1;
  if (!article || body < 0 || article.start < bodyOpen) return html;
  return `${html.slice(0, bodyOpen)}${html.slice(article.start, article.end)}</body></html>`;
}

/**
 * Indexes a built site on its own (the search benchmark does): every page read once, then the
 * bundle written and versioned with `expectedKey` (`undefined` takes whatever the installed
 * Pagefind writes).
 */
export async function buildSearchIndex(
  outDir: string,
  expectedKey?: string,
): Promise<SearchIndexResult> {
  const indexer = await openSearchIndex();
  try {
    await eachPage(await openBuiltSite(outDir, '/'), (page) => indexer.add(page));
  } catch (error) {
    await indexer.discard();
    throw error;
  }
  return indexer.write(outDir, expectedKey);
}

async function indexedPageCount(bundleDir: string): Promise<number> {
  const entry: unknown = JSON.parse(await readFile(join(bundleDir, 'pagefind-entry.json'), 'utf8'));
  if (!isEntry(entry)) throw new Error(`${bundleDir}/pagefind-entry.json has no languages`);
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

function isEntry(value: unknown): value is { languages: Record<string, { page_count: number }> } {
  return typeof value === 'object' && value !== null && 'languages' in value;
}

/** Checks the runtime matches the key the pages were built with, versions it, removes unused UIs. */
async function finishBundle(bundleDir: string, expectedKey: string | undefined): Promise<string> {
  const names = await readdir(bundleDir);
  const runtime = await Promise.all(
    names
      .filter(isRuntimeFile)
      .map(async (path) => ({ path, content: await readFile(join(bundleDir, path)) })),
  );
  const written = runtimeKey(runtime);
  const key = expectedKey ?? written;
  if (written !== key) {
    throw new Error(
      `Pagefind wrote a runtime (key ${written}) that differs from the one the pages import ` +
        `(key ${key}). Was the pagefind package changed during the build? Build again.`,
    );
  }
  for (const { path, content } of runtime) {
    if (path.endsWith('.js'))
      await writeFile(join(bundleDir, path), versionRuntime(path, content.toString('utf8'), key));
  }
  await Promise.all(names.filter(isUnusedUiFile).map((name) => rm(join(bundleDir, name))));
  return key;
}
