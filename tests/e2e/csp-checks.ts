/**
 * The Chromium check of the site under its real policy, shared by every host the tests serve it
 * from (tests/e2e/csp.test.ts: our static server sending `_headers`; tests/e2e/wrangler.test.ts:
 * Cloudflare's own runtime reading `_headers`). One copy, so both hosts pass the same check.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { guidePaths } from '../helpers/reader.ts';

/** A built site as a host serves it. */
export interface ServedSite {
  /** Origin, e.g. `http://127.0.0.1:41234`. */
  origin: string;
  /** Origin plus base, e.g. `http://127.0.0.1:41234/docs/`. */
  url: string;
}

/** What a page did that the policy or the "no other origin" rule forbids. */
interface Findings {
  violations: string[];
  consoleErrors: string[];
  foreignRequests: string[];
  /** Every dedicated worker a page started, by URL. */
  workers: string[];
}

/**
 * Watches a page the way a reader's browser would report trouble: `securitypolicyviolation` events
 * in the document (Trusted Types violations included), CSP and Permissions-Policy messages in the
 * console (workers included, through the DevTools log), and every request that leaves the site's
 * origin.
 */
async function watch(page: Page, origin: string): Promise<Findings> {
  const findings: Findings = {
    violations: [],
    consoleErrors: [],
    foreignRequests: [],
    workers: [],
  };
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const w = window as unknown as { __csp?: string[] };
      (w.__csp ??= []).push(
        `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber} (${e.sample})`,
      );
    });
  });
  const isPolicyMessage = (text: string) =>
    /Content[- ]Security[- ]Policy|Permissions-Policy|Trusted ?Type|Refused to/i.test(text);
  page.on('console', (msg) => {
    if (isPolicyMessage(msg.text())) findings.consoleErrors.push(`${page.url()}: ${msg.text()}`);
  });
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(`${origin}/`)) findings.foreignRequests.push(`${page.url()} -> ${url}`);
  });
  page.on('worker', (worker) => findings.workers.push(worker.url()));
  const cdp = await page.context().newCDPSession(page);
  cdp.on('Log.entryAdded', ({ entry }) => {
    if (isPolicyMessage(entry.text))
      findings.consoleErrors.push(`${entry.url ?? page.url()}: ${entry.text}`);
  });
  await cdp.send('Log.enable');
  return findings;
}

async function collectViolations(page: Page, findings: Findings): Promise<void> {
  findings.violations.push(
    ...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])).map(
      (v) => `${page.url()}: ${v}`,
    ),
  );
}

/**
 * Loads every page, the 404 page, the header search dialog (keyboard, search, follow a result to
 * its highlighted landing page) and the search page, and expects zero CSP and Trusted Types
 * violations, no request to another origin, and Pagefind's worker started through the site's
 * Trusted Types policy (not refused and replaced by Pagefind's main-thread fallback).
 */
export async function expectSiteRunsUnderPolicy(
  browser: Browser,
  site: ServedSite,
  dist: string,
  base: string,
): Promise<void> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const findings = await watch(page, site.origin);
  const paths = [
    ...guidePaths,
    'search/',
    ...(existsSync(join(dist, 'print', 'index.html')) ? ['print/'] : []),
  ];
  for (const path of paths) {
    const response = await page.goto(site.url + path, { waitUntil: 'load' });
    expect(response?.status(), path).toBe(200);
    await collectViolations(page, findings);
  }
  const missing = await page.goto(`${site.url}no-such-page/`, { waitUntil: 'load' });
  expect(missing?.status()).toBe(404);
  expect(await page.locator('h1').first().textContent()).toContain('not found');
  await collectViolations(page, findings);

  // The header search: open the dialog with the keyboard, search, and follow the first result,
  // which lands with the terms highlighted.
  await page.goto(`${site.url}resilience/`, { waitUntil: 'load' });
  // Once the header's module script has run, one press opens the dialog with the combobox focused.
  await page.waitForFunction(() => customElements.get('site-search') !== undefined);
  await page.keyboard.press('ControlOrMeta+k');
  await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'combobox');
  await page.keyboard.type('retention');
  const option = page.locator('dialog [role="option"]').first();
  const dialogSearched = await option.waitFor({ state: 'visible', timeout: 15_000 }).then(
    () => true,
    () => false,
  );
  const dialogPolicy = await page.evaluate(
    () => Reflect.get(globalThis, 'trustedTypes')?.defaultPolicy?.name ?? null,
  );
  await collectViolations(page, findings);
  let highlighted = 0;
  if (dialogSearched) {
    await Promise.all([page.waitForURL(/highlight=/, { timeout: 15_000 }), option.click()]);
    await page.waitForLoadState('load');
    highlighted = await page
      .locator('mark.search-term')
      .first()
      .waitFor({ state: 'attached', timeout: 15_000 })
      .then(
        () => page.locator('mark.search-term').count(),
        () => 0,
      );
    await collectViolations(page, findings);
  }

  // A search from the search page: Pagefind compiles WebAssembly and starts its worker here.
  await page.goto(`${site.url}search/?q=DeleteDetector`, { waitUntil: 'load' });
  const firstResult = page.locator('[data-results] a[href]').first();
  const searched = await firstResult.waitFor({ state: 'visible', timeout: 15_000 }).then(
    () => true,
    () => false,
  );
  const resultHref = searched ? await firstResult.getAttribute('href') : null;
  // Results come back from the worker after its violations (if any) were queued, so by now every
  // report for this page has been delivered.
  await collectViolations(page, findings);
  await context.close();

  // Violations first: when the policy breaks search, they say why.
  expect(findings.violations, findings.violations.join('\n')).toEqual([]);
  expect(findings.consoleErrors, findings.consoleErrors.join('\n')).toEqual([]);
  expect(findings.foreignRequests, findings.foreignRequests.join('\n')).toEqual([]);
  expect(dialogSearched, 'the header search dialog showed a result for "retention"').toBe(true);
  expect(dialogPolicy, 'the site created its Trusted Types policy before Pagefind started').toBe(
    'default',
  );
  expect(highlighted, 'the landing page highlighted the search terms').toBeGreaterThan(0);
  expect(searched, 'the search page showed a result for "DeleteDetector"').toBe(true);
  expect(resultHref).toMatch(new RegExp(`^${base}`));
  // Pagefind searched in its worker (a refused Worker URL would fall back to the main thread).
  expect(findings.workers.length, 'Pagefind started its worker').toBeGreaterThan(0);
  for (const worker of findings.workers)
    expect(worker).toMatch(new RegExp(`^${site.url}pagefind/pagefind-worker\\.js(\\?|$)`));
}
