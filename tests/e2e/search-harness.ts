/**
 * Shared set-up for the search browser tests: the two test builds served the way a static host
 * serves them, under the site's strict Content-Security-Policy, and a page that records anything a
 * reader could notice going wrong (failed or cross-origin requests, errors, CSP violations).
 */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { contentSecurityPolicy } from '../../src/lib/security-headers.ts';
import { readPagefindFragments } from '../helpers/dist.ts';
import { guidePages } from '../support/guide-pages.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

/** The policy the host sends, from its one source (no 'unsafe-inline' anywhere). */
export const STRICT_CSP = contentSecurityPolicy('header');

/** Both test builds from tests/global-setup.ts. */
export { builds as searchBuilds } from '../helpers/builds.ts';

/** Serves a build under the strict policy (on every response, so Pagefind's worker gets it too). */
export function serveBuild(dist: string, base: string): Promise<StaticServer> {
  return serveStatic({ dir: dist, base, headers: { 'content-security-policy': STRICT_CSP } });
}

/** A page plus what went wrong on it. */
export interface WatchedPage {
  page: Page;
  /** One line per failed or cross-origin request, error response, console error, uncaught error or CSP violation. */
  problems: string[];
  /** Every URL the page requested, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** Opens a fresh context and page on `server` that records problems. */
export async function watchedPage(
  browser: Browser,
  server: StaticServer,
  options: BrowserContextOptions = {},
): Promise<WatchedPage> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  // Runs before any page script and is not subject to the page's CSP.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`),
    );
  });
  page.on('request', (request) => {
    requests.push(request.url());
    if (new URL(request.url()).origin !== server.origin)
      problems.push(`request to another origin: ${request.url()}`);
  });
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? 'unknown';
    // The browser cancelled it (the page navigated on while, say, the favicon was still loading
    // on a busy machine): nothing a reader sees fail. Server and network failures still count.
    if (reason === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${request.url()} (${reason})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on('console', (message) => {
    const text = message.text();
    if (
      message.type() === 'error' ||
      (message.type() === 'warning' && /pagefind|content security policy/i.test(text))
    )
      problems.push(`console ${message.type()}: ${text}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  return { page, problems, requests, close: () => context.close() };
}

/**
 * Types a query into the open dialog and waits until its results are for exactly that query (the
 * listbox's `data-for`, set when a search's results and status are shown).
 */
export async function searchInDialog(
  page: Page,
  query: string,
  how: 'type' | 'fill' = 'fill',
): Promise<void> {
  const input = page.locator('#search-dialog-input');
  if (how === 'type') {
    await input.press('ControlOrMeta+a');
    await input.pressSequentially(query);
  } else {
    await input.fill(query);
  }
  await waitForDialogResults(page, query);
}

/** Waits until the dialog shows the results of `query` (after a click on a suggestion, say). */
export async function waitForDialogResults(page: Page, query: string): Promise<void> {
  await page.waitForFunction(
    (q) => document.querySelector('#search-dialog-results')?.getAttribute('data-for') === q,
    query,
  );
}

/** Waits until the search page shows the results of `query`. */
export async function waitForPageResults(page: Page, query: string): Promise<void> {
  await page.waitForFunction(
    (q) => document.querySelector('search-page [data-results]')?.getAttribute('data-for') === q,
    query,
  );
}

/** The hrefs of the dialog's options, in order. */
export function optionHrefs(page: Page): Promise<string[]> {
  return page.$$eval('dialog [role="option"]', (options) =>
    options.map((o) => o.getAttribute('href') ?? ''),
  );
}

/** axe-core on the page as it is now, e.g. with the dialog open (one runner: tests/helpers/axe.ts). */
export { runAxe as axeViolations } from '../helpers/axe.ts';

/**
 * The pages whose indexed text contains `text` (any case), as URLs under `base`: what a search for
 * it must find, read from the build's own index so the expectation follows the content.
 */
export function indexedPagesContaining(dist: string, base: string, text: string): string[] {
  const wanted = text.toLowerCase();
  return readPagefindFragments(dist)
    .filter((fragment) => fragment.content.toLowerCase().includes(wanted))
    .map((fragment) => `${base}${fragment.url.replace(/^\//, '')}`)
    .sort();
}

/**
 * The pages about a name containing `text` (any case): the page's writer filed the name under its
 * aliases, or the page defines it (a heading, a term, a table's first column: the index's
 * `defines`), as URLs under `base`.
 */
export function indexedPagesDefining(dist: string, base: string, text: string): string[] {
  const wanted = text.toLowerCase();
  return readPagefindFragments(dist)
    .filter((fragment) =>
      [fragment.meta['defines'], fragment.meta['aliases']].some((names) =>
        (names ?? '').toLowerCase().includes(wanted),
      ),
    )
    .map((fragment) => `${base}${fragment.url.replace(/^\//, '')}`)
    .sort();
}

/** The pages whose writer gave them `alias` (frontmatter `aliases`), as URLs under `base`. */
export function pagesWithAlias(base: string, alias: string): string[] {
  return guidePages
    .filter((page) => page.aliases.some((a) => a.toLowerCase() === alias.toLowerCase()))
    .map((page) => `${base}${page.path}`);
}

/** An href without its query string or fragment: the page a result opens. */
export const pageOf = (href: string): string => href.replace(/[?#].*$/, '');
