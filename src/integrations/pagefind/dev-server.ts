/**
 * `astro dev` has no build of its own to search, so the dev server serves the last build's
 * `dist/pagefind/` under `<base>pagefind/`, and says plainly, in the terminal and in the 404 body,
 * when there is none and how to make one.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import type { ViteDevServer } from 'vite';

/** Adds the middleware that serves `bundleDir` at `<base>pagefind/`. */
export function serveLastIndex(
  server: ViteDevServer,
  bundleDir: string,
  base: string,
  logger: AstroIntegrationLogger,
): void {
  announceDevIndex(bundleDir, logger);
  const prefix = `${base}pagefind/`;
  server.middlewares.use((req, res, next) => {
    const path = safeDecodePath(new URL(req.url ?? '/', 'http://dev.invalid').pathname);
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
      `${
        hasIndex
          ? `${path} is not in the last build's search index (${bundleDir}); ` +
            'run "npm run build" to rebuild it.'
          : missingIndexMessage(bundleDir)
      }\n`,
    );
  });
}

function missingIndexMessage(bundleDir: string): string {
  return (
    `No search index at ${bundleDir}. Run "npm run build" once: the dev server serves the last ` +
    "build's index, so search works in dev after that (re-run it to pick up new content)."
  );
}

function announceDevIndex(bundleDir: string, logger: AstroIntegrationLogger): void {
  const entry = join(bundleDir, 'pagefind-entry.json');
  if (!existsSync(entry)) {
    logger.warn(missingIndexMessage(bundleDir));
    return;
  }
  logger.info(
    `Search uses the index of the last build (${bundleDir}, written ` +
      `${statSync(entry).mtime.toISOString()}). Run "npm run build" to refresh it.`,
  );
}

const contentTypes = new Map([
  ['.js', 'text/javascript; charset=utf-8'],
  ['.json', 'application/json'],
  ['.css', 'text/css; charset=utf-8'],
]);

function sendFile(res: ServerResponse, file: string): void {
  res.writeHead(200, {
    'content-type': contentTypes.get(extname(file)) ?? 'application/octet-stream',
    'cache-control': 'no-cache',
  });
  createReadStream(file).pipe(res);
}

/** A malformed `%` escape leaves the path as written (it then matches no file). */
function safeDecodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
