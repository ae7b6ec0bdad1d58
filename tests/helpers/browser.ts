import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, type LaunchedBrowser } from '../support/chromium.ts';
import {
  serveStatic,
  type StaticServer,
  type StaticServerOptions,
} from '../support/static-server.ts';

/**
 * Browser tests are skipped only when SKIP_BROWSER_TESTS=1 is set on purpose; a missing Chromium
 * otherwise fails the run with a message saying how to install it.
 */
export const skipBrowserTests = process.env['SKIP_BROWSER_TESTS'] === '1';

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
