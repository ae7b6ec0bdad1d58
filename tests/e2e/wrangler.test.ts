/**
 * The site on Cloudflare's own runtime: `wrangler pages dev` runs workerd locally and serves the
 * build the way Cloudflare Pages does (its `_headers` parser, its trailing-slash redirects, its
 * 404 lookup), so the checks our own server passes run against the real thing too. Offline: no
 * login, no telemetry, no update check, no fetch of the `Request.cf` object.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipBrowserTests } from '../helpers/browser.ts';
import { builds } from '../helpers/builds.ts';
import { projectRoot } from '../support/astro-build.ts';
import { launchChromium, type LaunchedBrowser } from '../support/chromium.ts';
import { expectSiteRunsUnderPolicy, type ServedSite } from './csp-checks.ts';
import {
  expectHeadersAsBuilt,
  expectNotFoundPage,
  expectTrailingSlashRedirects,
} from './served-site-checks.ts';

/** A port nobody listens on right now (wrangler takes a port number, not 0). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Environment that keeps wrangler off the network and out of the user's own config. */
function offlineEnv(work: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    WRANGLER_SEND_METRICS: 'false',
    WRANGLER_SEND_ERROR_REPORTS: 'false',
    // The banner asks the npm registry for a newer wrangler; miniflare fetches the Request.cf
    // object from workers.cloudflare.com unless told not to.
    WRANGLER_HIDE_BANNER: 'true',
    CLOUDFLARE_CF_FETCH_ENABLED: 'false',
    XDG_CONFIG_HOME: join(work, 'config'),
    WRANGLER_LOG_PATH: join(work, 'logs'),
    CI: 'true',
    NO_COLOR: '1',
  };
}

interface Wrangler extends ServedSite {
  stop(): Promise<void>;
}

/** Starts `wrangler pages dev` on `dir` and resolves once it prints that it is ready. */
async function startWrangler(dir: string, work: string, base: string): Promise<Wrangler> {
  const port = await freePort();
  const inspectorPort = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [
      join(projectRoot, 'node_modules/wrangler/bin/wrangler.js'),
      'pages',
      'dev',
      dir,
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--inspector-port',
      String(inspectorPort),
      '--compatibility-date',
      '2026-11-01',
      '--persist-to',
      join(work, 'state'),
      '--show-interactive-dev-session=false',
      '--log-level',
      'info',
    ],
    { cwd: work, env: offlineEnv(work), stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let output = '';
  const origin = `http://127.0.0.1:${port}`;
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(`Ready on ${origin}`)) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`wrangler pages dev exited (${code}) before it was ready:\n${output}`)),
    );
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    origin,
    url: origin + base,
    stop: async () => {
      // wrangler runs workerd as a child: end the whole group it leads, by its id.
      if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
      await exited;
    },
  };
}

describe.skipIf(skipBrowserTests).each(builds)(
  'on Cloudflare Pages’ runtime (wrangler pages dev), the site built $name',
  ({ dist, base }) => {
    const work = mkdtempSync(join(tmpdir(), 'wrangler-'));
    let wrangler: Wrangler;
    let browser: LaunchedBrowser;

    beforeAll(async () => {
      // Pages serves its output folder at the domain root and reads _headers from there only,
      // so a /docs/ build goes in docs/ with its _headers (already written for /docs/*) on top.
      const site = join(work, 'site');
      cpSync(dist, join(site, base), { recursive: true });
      if (base !== '/') renameSync(join(site, base, '_headers'), join(site, '_headers'));
      wrangler = await startWrangler(site, work, base);
      browser = await launchChromium();
    });

    afterAll(async () => {
      await browser?.close();
      await wrangler?.stop();
      rmSync(work, { recursive: true, force: true });
    });

    it('sends every header _headers gives each file, with the same value', async () => {
      await expectHeadersAsBuilt(wrangler, dist, base);
    });

    it('answers a missing page with the guide’s 404 page and status 404', async () => {
      await expectNotFoundPage(wrangler);
    });

    it('redirects a page without its trailing slash to the slash form, never to another host', async () => {
      await expectTrailingSlashRedirects(wrangler, dist, base);
    });

    it('adds Access-Control-Allow-Origin: * to files, without credentials (kept: docs/deploying.md)', async () => {
      const response = await fetch(`${wrangler.url}pagefind/pagefind-entry.json`);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
      expect(response.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    });

    it('runs every page and search with zero CSP or Trusted Types violations', async () => {
      await expectSiteRunsUnderPolicy(browser.browser, wrangler, dist, base);
    });
  },
);
