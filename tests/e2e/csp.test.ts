import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headersForPath, parseHeadersFile } from '../../src/lib/security-headers.ts';
import { skipBrowserTests } from '../helpers/browser.ts';
import { launchChromium, type LaunchedBrowser } from '../support/chromium.ts';
import { guidePaths } from '../helpers/reader.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';
import { builds } from '../helpers/builds.ts';

/** What a page did that the policy or the "no other origin" rule forbids. */
interface Findings {
  violations: string[];
  consoleErrors: string[];
  foreignRequests: string[];
}

/**
 * Watches a page the way a reader's browser would report trouble: `securitypolicyviolation` events
 * in the document, CSP and Permissions-Policy messages in the console (workers included, through the
 * DevTools log), and every request that leaves the site's origin.
 */
async function watch(page: Page, origin: string): Promise<{ findings: Findings; cdp: CDPSession }> {
  const findings: Findings = { violations: [], consoleErrors: [], foreignRequests: [] };
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const w = window as unknown as { __csp?: string[] };
      (w.__csp ??= []).push(
        `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber} (${e.sample})`,
      );
    });
  });
  const isPolicyMessage = (text: string) =>
    /Content[- ]Security[- ]Policy|Permissions-Policy|Refused to/i.test(text);
  page.on('console', (msg) => {
    if (isPolicyMessage(msg.text())) findings.consoleErrors.push(`${page.url()}: ${msg.text()}`);
  });
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:'))
      findings.foreignRequests.push(`${page.url()} -> ${url}`);
  });
  const cdp = await page.context().newCDPSession(page);
  cdp.on('Log.entryAdded', ({ entry }) => {
    if (isPolicyMessage(entry.text))
      findings.consoleErrors.push(`${entry.url ?? page.url()}: ${entry.text}`);
  });
  await cdp.send('Log.enable');
  return { findings, cdp };
}

async function collectViolations(page: Page, findings: Findings): Promise<void> {
  findings.violations.push(
    ...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])).map(
      (v) => `${page.url()}: ${v}`,
    ),
  );
}

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

    it('serves the strict policy (not a weaker one) with every response', async () => {
      expect(csp).toMatch(
        /^default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self';/,
      );
      const response = await fetch(`${server.url}search/`);
      expect(response.headers.get('content-security-policy')).toBe(csp);
    });

    it('loads every page and runs searches (header dialog, landing highlight, search page) with zero CSP violations and no request to another origin', async () => {
      const context = await browser.browser.newContext();
      const page = await context.newPage();
      const { findings } = await watch(page, server.origin);
      const paths = [
        ...guidePaths,
        'search/',
        ...(existsSync(join(dist, 'print', 'index.html')) ? ['print/'] : []),
      ];
      for (const path of paths) {
        const response = await page.goto(server.url + path, { waitUntil: 'load' });
        expect(response?.status(), path).toBe(200);
        await collectViolations(page, findings);
      }
      const missing = await page.goto(`${server.url}no-such-page/`, { waitUntil: 'load' });
      expect(missing?.status()).toBe(404);
      expect(await page.locator('h1').first().textContent()).toContain('not found');
      await collectViolations(page, findings);

      // The header search: open the dialog with the keyboard, search, and follow the first result,
      // which lands with the terms highlighted.
      await page.goto(`${server.url}resilience/`, { waitUntil: 'load' });
      // The shortcut works once the header's module script has run: press until the combobox has focus.
      await expect
        .poll(
          async () => {
            await page.keyboard.press('ControlOrMeta+k');
            return page.evaluate(() => document.activeElement?.getAttribute('role'));
          },
          { timeout: 15_000 },
        )
        .toBe('combobox');
      await page.keyboard.type('retention');
      const option = page.locator('dialog [role="option"]').first();
      const dialogSearched = await option.waitFor({ state: 'visible', timeout: 15_000 }).then(
        () => true,
        () => false,
      );
      await collectViolations(page, findings);
      if (dialogSearched) {
        await Promise.all([page.waitForURL(/highlight=/, { timeout: 15_000 }), option.click()]);
        await page.waitForLoadState('load');
        await collectViolations(page, findings);
      }

      // A search from the search page: Pagefind compiles WebAssembly and starts its worker here.
      await page.goto(`${server.url}search/?q=DeleteDetector`, { waitUntil: 'load' });
      const firstResult = page.locator('[data-results] a[href]').first();
      const searched = await firstResult.waitFor({ state: 'visible', timeout: 15_000 }).then(
        () => true,
        () => false,
      );
      const resultHref = searched ? await firstResult.getAttribute('href') : null;
      await page.waitForTimeout(300); // let any late violation report arrive
      await collectViolations(page, findings);
      await context.close();

      // Violations first: when the policy breaks search, they say why.
      expect(findings.violations, findings.violations.join('\n')).toEqual([]);
      expect(findings.consoleErrors, findings.consoleErrors.join('\n')).toEqual([]);
      expect(findings.foreignRequests, findings.foreignRequests.join('\n')).toEqual([]);
      expect(dialogSearched, 'the header search dialog showed a result for "retention"').toBe(true);
      expect(searched, 'the search page showed a result for "DeleteDetector"').toBe(true);
      expect(resultHref).toMatch(new RegExp(`^${base}`));
    });
  },
);
