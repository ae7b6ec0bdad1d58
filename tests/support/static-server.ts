import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { createBrotliCompress } from 'node:zlib';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

export interface StaticServer {
  /** Origin, e.g. `http://127.0.0.1:41234`. */
  origin: string;
  /** Origin plus base, e.g. `http://127.0.0.1:41234/docs/`. */
  url: string;
  close(): Promise<void>;
}

export interface StaticServerOptions {
  /** The built site. */
  dir: string;
  /** The base path the site was built for. */
  base?: string;
  /** Headers added to every response (e.g. the Content-Security-Policy the host sends). */
  headers?: Record<string, string>;
  /** Brotli-compress text responses for clients that accept it, as a production host does (bench/lighthouse.ts). */
  compress?: boolean;
}

/**
 * Serves a built site on 127.0.0.1 the way a static host does: `/base/page/` maps to
 * `page/index.html`, a missing file gets `404.html` with status 404, and nothing outside the base.
 */
export async function serveStatic({
  dir,
  base = '/',
  headers = {},
  compress = false,
}: StaticServerOptions): Promise<StaticServer> {
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path = decodeURIComponent(url.pathname);
    const send = async (file: string, status: number) => {
      const type = contentTypes[extname(file)] ?? 'application/octet-stream';
      const brotli =
        compress &&
        /^(text\/|application\/(json|xml|manifest)|image\/svg)/.test(type) &&
        /\bbr\b/.test(String(req.headers['accept-encoding']));
      res.writeHead(status, {
        'content-type': type,
        ...(brotli ? { 'content-encoding': 'br', vary: 'accept-encoding' } : {}),
        ...headers,
      });
      const body = createReadStream(file);
      (brotli ? body.pipe(createBrotliCompress()) : body).pipe(res);
    };
    const notFound = async () => {
      const page = join(dir, '404.html');
      if (await isFile(page)) return send(page, 404);
      res.writeHead(404, headers).end('not found');
    };
    if (!path.startsWith(base)) return notFound();
    path = path.slice(base.length);
    const file = normalize(
      join(dir, path.endsWith('/') || path === '' ? join(path, 'index.html') : path),
    );
    if (!file.startsWith(normalize(dir))) return notFound();
    if (await isFile(file)) return send(file, 200);
    return notFound();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: origin + base,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
