import { createReadStream, existsSync, statSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefindApi from 'pagefind';
import {
  isRuntimeFile,
  isUnusedUiFile,
  prepareForIndex,
  runtimeKey,
  urlForHtmlFile,
  versionRuntime,
} from '../lib/search-index.ts';
import { writeSearchVocabulary } from '../lib/search-vocabulary.ts';

/** Components read the runtime key from here: `import { runtimeKey } from 'virtual:guardduty-guide/pagefind'`. */
const VIRTUAL_ID = 'virtual:guardduty-guide/pagefind';

/**
 * Search index and runtime, in three steps:
 *
 * - config: works out the Pagefind runtime's content hash (the "runtime key") and hands it to
 *   components, which import `pagefind.js?v=<key>`.
 * - build: indexes the built pages with Pagefind's Node API into `<outDir>/pagefind/` (only pages whose
 *   content carries `data-pagefind-body`), versions the runtime's worker and WebAssembly URLs with the
 *   same key, and drops Pagefind's unused prebuilt UIs.
 * - dev: serves the last build's `dist/pagefind/` under `<base>pagefind/`, and says plainly, in the
 *   terminal and in the 404 body, when there is none and how to make one.
 *
 * Caching (for `_headers` and CDN rules):
 *   revalidate (`Cache-Control: no-cache`): every HTML page, `pagefind/pagefind-entry.json`.
 *   immutable (`max-age=31536000, immutable`): `pagefind/index/*`, `pagefind/fragment/*`,
 *     `pagefind/filter/*`, `pagefind/*.pf_meta` (content-hashed names), and `pagefind/pagefind.js`,
 *     `pagefind/pagefind-worker.js`, `pagefind/wasm.*.pagefind` *only if the cache key includes the
 *     query string* (they are always requested with `?v=<runtime key>`); otherwise revalidate them too.
 * Pagefind already fetches `pagefind-entry.json?ts=<now>`, and every file the entry names is
 * content-hashed, so an index is never mixed with another deploy's. A tab opened before a deploy
 * keeps asking for the old hashed chunks: keep the previous deploy's `pagefind/index/` and
 * `pagefind/fragment/` files for a day rather than deleting them at once (e.g. no `--delete` there).
 */
export function pagefind(): AstroIntegration {
  let key = '';
  let base = '/';
  let distDir = '';
  return {
    name: 'guardduty-guide:pagefind',
    hooks: {
      'astro:config:setup': async ({ updateConfig }) => {
        key = await currentRuntimeKey();
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'guardduty-guide:pagefind-runtime',
                resolveId: (id: string) => (id === VIRTUAL_ID ? `\0${VIRTUAL_ID}` : undefined),
                load: (id: string) =>
                  id === `\0${VIRTUAL_ID}`
                    ? `export const runtimeKey = ${JSON.stringify(key)};`
                    : undefined,
              },
            ],
          },
        });
      },
      'astro:config:done': ({ config, injectTypes }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        distDir = fileURLToPath(config.outDir);
        injectTypes({
          filename: 'pagefind.d.ts',
          content: `declare module '${VIRTUAL_ID}' {\n  /** Content hash of the Pagefind runtime; import pagefind.js?v=<runtimeKey>. */\n  export const runtimeKey: string;\n}\n`,
        });
      },
      'astro:server:setup': ({ server, logger }) => {
        const bundleDir = join(distDir, 'pagefind');
        announceDevIndex(bundleDir, logger);
        const prefix = `${base}pagefind/`;
        server.middlewares.use((req, res, next) => {
          const path = decodeURIComponent(new URL(req.url ?? '/', 'http://dev.invalid').pathname);
          if (!path.startsWith(prefix)) return next();
          const file = normalize(join(bundleDir, path.slice(prefix.length)));
          if (!file.startsWith(bundleDir + sep)) return next();
          if (existsSync(file) && statSync(file).isFile()) return sendFile(res, file);
          const hasIndex = existsSync(join(bundleDir, 'pagefind-entry.json'));
          res.writeHead(404, {
            'content-type': 'text/plain; charset=utf-8',
            'cache-control': 'no-store',
          });
          res.end(
            `${hasIndex ? `${path} is not in the last build's search index (${bundleDir}); run "npm run build" to rebuild it.` : missingIndexMessage(bundleDir)}\n`,
          );
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { pageCount, bundleDir } = await buildSearchIndex(fileURLToPath(dir), key);
        logger.info(`Pagefind indexed ${pageCount} pages into ${bundleDir} (runtime key ${key})`);
      },
    },
  };
}

/**
 * Indexes a built site into `<outDir>/pagefind/` and versions the runtime with `expectedKey` (the
 * key the pages import; pass `undefined` to take whatever the installed Pagefind writes, as the
 * search benchmark does). Fails when no page is marked for indexing.
 */
export async function buildSearchIndex(
  outDir: string,
  expectedKey?: string,
): Promise<{ pageCount: number; bundleDir: string; runtimeKey: string }> {
  const bundleDir = join(outDir, 'pagefind');
  const pageCount = await indexSite(outDir, bundleDir);
  if (pageCount === 0) {
    throw new Error(
      `Pagefind found no page with data-pagefind-body in ${outDir}; search would be empty. Check that DocsLayout marks the article.`,
    );
  }
  // "Did you mean": the index's words, written next to it (src/lib/search-vocabulary.ts).
  await writeSearchVocabulary(bundleDir);
  return { pageCount, bundleDir, runtimeKey: await finishBundle(bundleDir, expectedKey) };
}

/** Indexes every built HTML file and writes the bundle; returns how many pages were indexed. */
async function indexSite(outDir: string, bundleDir: string): Promise<number> {
  const htmlFiles = (await readdir(outDir, { recursive: true }))
    .filter((f) => f.endsWith('.html') && !f.startsWith(`pagefind${sep}`))
    .sort();
  try {
    const { index, errors } = await pagefindApi.createIndex({});
    failOn('createIndex', errors);
    if (!index) throw new Error('Pagefind returned no index and no error.');
    for (const file of htmlFiles) {
      const html = await readFile(join(outDir, file), 'utf8');
      const added = await index.addHTMLFile({
        url: urlForHtmlFile(file),
        content: prepareForIndex(html),
      });
      failOn(`addHTMLFile (${file})`, added.errors);
    }
    const written = await index.writeFiles({ outputPath: bundleDir });
    failOn('writeFiles', written.errors);
  } finally {
    await pagefindApi.close();
  }
  const entry = JSON.parse(await readFile(join(bundleDir, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
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
      `Pagefind wrote a runtime (key ${written}) that differs from the one the pages import (key ${key}). Was the pagefind package changed during the build? Build again.`,
    );
  }
  for (const { path, content } of runtime) {
    if (path.endsWith('.js'))
      await writeFile(join(bundleDir, path), versionRuntime(path, content.toString('utf8'), key));
  }
  await Promise.all(names.filter(isUnusedUiFile).map((name) => rm(join(bundleDir, name))));
  return key;
}

/** The runtime key of the installed Pagefind: a throwaway one-record index, read back in memory (about 30 ms). */
async function currentRuntimeKey(): Promise<string> {
  try {
    const { index, errors } = await pagefindApi.createIndex({});
    failOn('createIndex', errors);
    if (!index) throw new Error('Pagefind returned no index and no error.');
    failOn(
      'addCustomRecord',
      (await index.addCustomRecord({ url: '/', content: 'runtime key', language: 'en' })).errors,
    );
    const { files, errors: fileErrors } = await index.getFiles();
    failOn('getFiles', fileErrors);
    return runtimeKey(files);
  } finally {
    await pagefindApi.close();
  }
}

function missingIndexMessage(bundleDir: string): string {
  return `No search index at ${bundleDir}. Run "npm run build" once: the dev server serves the last build's index, so search works in dev after that (re-run it to pick up new content).`;
}

function announceDevIndex(bundleDir: string, logger: AstroIntegrationLogger): void {
  const entry = join(bundleDir, 'pagefind-entry.json');
  if (!existsSync(entry)) {
    logger.warn(missingIndexMessage(bundleDir));
    return;
  }
  logger.info(
    `Search uses the index of the last build (${bundleDir}, written ${statSync(entry).mtime.toISOString()}). Run "npm run build" to refresh it.`,
  );
}

const contentTypes: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.css': 'text/css; charset=utf-8',
};

function sendFile(res: ServerResponse, file: string): void {
  res.writeHead(200, {
    'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
    'cache-control': 'no-cache',
  });
  createReadStream(file).pipe(res);
}

function failOn(step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind ${step} failed:\n  ${errors.join('\n  ')}`);
}
