import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  headersForPath,
  parseHeadersFile,
  securityHeaders,
} from '../../src/lib/security-headers.ts';
import { skipBrowserTests } from '../helpers/browser.ts';
import { builds } from '../helpers/builds.ts';
import { launchChromium, type LaunchedBrowser } from '../support/chromium.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';
import { expectSiteRunsUnderPolicy } from './csp-checks.ts';
import { expectNotFoundPage } from './served-site-checks.ts';

describe.skipIf(skipBrowserTests).each(builds)(
  'under the policy the _headers file sends, the site built $name',
  ({ dist, base }) => {
    let browser: LaunchedBrowser;
    let server: StaticServer;
    let csp: string;

    beforeAll(async () => {
      const headers = headersForPath(
        parseHeadersFile(readFileSync(join(dist, '_headers'), 'utf8')),
        base,
      );
      csp = headers['Content-Security-Policy'] ?? '';
      server = await serveStatic({ dir: dist, base, headers });
      browser = await launchChromium();
    });

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('serves the strict policy (not a weaker one), Trusted Types enforced, with every response', async () => {
      expect(csp).toMatch(
        /^default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self';/,
      );
      expect(csp).toMatch(/; require-trusted-types-for 'script'; trusted-types default$/);
      const response = await fetch(`${server.url}search/`);
      expect(response.headers.get('content-security-policy')).toBe(csp);
    });

    it('sends no referrer from any page, also where the host sends no headers (a <meta> in each page)', () => {
      for (const file of readdirSync(dist, { recursive: true, encoding: 'utf8' })) {
        if (!file.endsWith('.html')) continue;
        const html = readFileSync(join(dist, file), 'utf8');
        expect(html, file).toContain('<meta name="referrer" content="no-referrer">');
      }
      expect(securityHeaders()['Referrer-Policy']).toBe('no-referrer');
    });

    it('answers a missing page with the guide’s 404 page and status 404', async () => {
      await expectNotFoundPage(server);
    });

    it('loads every page and runs searches (header dialog, landing highlight, search page) with zero CSP or Trusted Types violations and no request to another origin', async () => {
      await expectSiteRunsUnderPolicy(browser.browser, server, dist, base);
    });
  },
);
