import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { serveStatic, type StaticServer, type StaticServerOptions } from './static-server.ts';

/** Debian's Chromium; override with CHROMIUM_PATH. Browser downloads are not possible here. */
export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * Browser tests are skipped only when SKIP_BROWSER_TESTS=1 is set on purpose; a missing Chromium
 * otherwise fails the run with a message saying how to install it.
 */
export const skipBrowserTests = process.env['SKIP_BROWSER_TESTS'] === '1';

export interface LaunchedBrowser {
  browser: Browser;
  close(): Promise<void>;
}

/** Chromium's command-line flags for every automated run (tests and bench/lighthouse.ts): no background network traffic. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

/** Starts headless Chromium with no background network traffic (Playwright gives each launch a fresh temporary profile). */
export async function launchChromium(): Promise<LaunchedBrowser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium not found at ${chromiumPath}. Install it with "apt-get update && apt-get install -y chromium", ` +
        'set CHROMIUM_PATH to another Chromium, or set SKIP_BROWSER_TESTS=1 to skip browser tests on purpose.',
    );
  }
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [...chromiumArgs],
  });
  return {
    browser,
    close: () => browser.close(),
  };
}

/** A built site served locally and one Chromium, shared by the tests of one file. */
export interface BrowserSite {
  readonly browser: Browser;
  readonly server: StaticServer;
}

/**
 * Serves a built site and starts Chromium before the file's tests, and closes both after them.
 * Read `browser` and `server` inside tests (they exist once `beforeAll` has run).
 */
export function useBrowserSite(options: () => StaticServerOptions): BrowserSite {
  let launched: LaunchedBrowser | undefined;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    server = await serveStatic(options());
    launched = await launchChromium();
  });
  afterAll(async () => {
    await launched?.close();
    await server?.close();
  });
  return {
    get browser() {
      if (!launched)
        throw new Error(
          'Chromium is not running: use `browser` inside a test, not at collection time.',
        );
      return launched.browser;
    },
    get server() {
      if (!server)
        throw new Error(
          'The site is not served: use `server` inside a test, not at collection time.',
        );
      return server;
    },
  };
}
