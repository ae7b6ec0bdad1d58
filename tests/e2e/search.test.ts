import { brotliCompressSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { skipBrowserTests } from '../helpers/browser.ts';
import { launchChromium, type LaunchedBrowser } from '../support/chromium.ts';
import type { StaticServer } from '../support/static-server.ts';
import { guidePages } from '../support/guide-pages.ts';
import {
  axeViolations,
  indexedPagesContaining,
  optionHrefs,
  pageOf,
  searchBuilds,
  searchInDialog,
  serveBuild,
  waitForDialogResults,
  waitForPageResults,
  watchedPage,
  type WatchedPage,
} from './search-harness.ts';

/** Pagefind loads its WebAssembly on first use; a busy CI machine can take a few seconds. */
const WAIT = { timeout: 15_000 };
const XSS = `"><img src=x onerror="window.__xss=1"><script>window.__xss=2</script>`;

describe.skipIf(skipBrowserTests).each(searchBuilds)(
  'search in Chromium, built $name',
  ({ dist, base }) => {
    let chromium: LaunchedBrowser;
    let browser: Browser;
    let server: StaticServer;
    let watched: WatchedPage | undefined;

    beforeAll(async () => {
      chromium = await launchChromium();
      browser = chromium.browser;
      server = await serveBuild(dist, base);
    });

    afterAll(async () => {
      await chromium?.close();
      await server?.close();
    });

    afterEach(async () => {
      // Every flow below must finish without a failed or cross-origin request, an error or a CSP violation.
      const problems = watched?.problems ?? [];
      await watched?.close();
      watched = undefined;
      expect(problems).toEqual([]);
    });

    async function open(path: string, options = {}): Promise<WatchedPage> {
      watched = await watchedPage(browser, server, options);
      await watched.page.goto(server.url + path);
      return watched;
    }

    it('loads only the page module until search is opened, then Pagefind with the runtime key', async () => {
      const { page, requests } = await open('resilience/');
      await page.waitForLoadState('networkidle');
      expect(
        requests.filter(
          (url) => url.includes('/pagefind/') || /search-(dialog|highlight)/.test(url),
        ),
      ).toEqual([]);
      const scripts = await page.$$eval('script[src]', (elements) =>
        elements.map((s) => (s as HTMLScriptElement).src),
      );
      const bodies = await Promise.all(
        scripts.map(async (src) => (await page.request.get(src)).body()),
      );
      const searchScript = bodies.find((body) => body.includes('site-search'));
      expect(searchScript, 'the page module, which defines <site-search>').toBeDefined();
      expect(
        brotliCompressSync(searchScript ?? Buffer.alloc(0)).length,
        'page module, brotli bytes',
      ).toBeLessThanOrEqual(2048);
      expect(requests.filter((url) => url.includes('/pagefind/vocabulary/'))).toEqual([]);

      await page.keyboard.press('ControlOrMeta+k');
      await page.waitForFunction(() => document.activeElement?.id === 'search-dialog-input');
      // One letter is not searched (it would match nearly every word and hold up the real query).
      await page.keyboard.type('F');
      await waitForDialogResults(page, 'F');
      expect(requests.filter((url) => /\/pagefind\/(index|vocabulary)\//.test(url))).toEqual([]);
      expect(await page.locator('dialog [role="option"]').count()).toBe(0);
      await searchInDialog(page, 'FedRAMP');
      expect(
        requests.some((url) =>
          new RegExp(`${base}pagefind/pagefind\\.js\\?v=[0-9a-f]{12}$`).test(
            new URL(url).pathname + new URL(url).search,
          ),
        ),
      ).toBe(true);
      expect(requests.some((url) => /pagefind-worker\.js\?v=[0-9a-f]{12}$/.test(url))).toBe(true);
    });

    it('Ctrl+K opens a dialog whose combobox lists the page, a marked excerpt and its sections, and announces the count', async () => {
      const { page } = await open('');
      await page.keyboard.press('ControlOrMeta+k');
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.getAttribute('role')), WAIT)
        .toBe('combobox');
      expect(await page.locator('dialog').evaluate((d) => (d as HTMLDialogElement).open)).toBe(
        true,
      );
      await searchInDialog(page, 'TLS 1.3', 'type');

      const input = page.locator('#search-dialog-input');
      expect(await input.getAttribute('aria-expanded')).toBe('true');
      expect(await input.getAttribute('aria-controls')).toBe('search-dialog-results');
      const status = page.locator('dialog [role="status"]');
      expect(await status.textContent()).toMatch(/^\d+ pages? match(es)? “TLS 1\.3”\.$/);

      const first = page.locator('dialog [role="option"]').first();
      expect(await first.getAttribute('href')).toBe(
        `${base}infrastructure-security/?highlight=TLS+1.3`,
      );
      expect(await first.locator('.hit-title').textContent()).toBe(
        'Infrastructure security in Amazon GuardDuty',
      );
      expect(
        (await first.locator('mark.search-term').allTextContents()).map((t) => t.toLowerCase()),
      ).toContain('tls');
      const sections = page.locator('dialog .hit-section [role="option"]');
      expect(await sections.first().getAttribute('href')).toBe(
        `${base}infrastructure-security/?highlight=TLS+1.3#how-clients-must-connect`,
      );
    });

    it('arrow keys move the active result, Enter opens it, and a section result lands on its heading with the terms marked', async () => {
      const { page } = await open('cloudtrail-logging/');
      await page.keyboard.press('/');
      await searchInDialog(page, 'retention', 'type');
      const input = page.locator('#search-dialog-input');
      const active = async () => {
        const id = await input.getAttribute('aria-activedescendant');
        return id ? page.locator(`[id="${id}"]`).getAttribute('href') : null;
      };
      const hrefs = await optionHrefs(page);
      expect(await active()).toBeNull();
      await page.keyboard.press('ArrowDown');
      expect(await active()).toBe(hrefs[0]);
      expect(await page.locator('[role="option"][aria-selected="true"]').count()).toBe(1);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowUp');
      expect(await active()).toBe(hrefs[1]);
      expect(hrefs[1]).toBe(
        `${base}data-protection/?highlight=retention#export-findings-for-longer-retention`,
      );

      await Promise.all([
        page.waitForURL(
          `**${base}data-protection/?highlight=retention#export-findings-for-longer-retention`,
        ),
        page.keyboard.press('Enter'),
      ]);
      const heading = page.locator('#export-findings-for-longer-retention');
      await expect
        .poll(() => heading.evaluate((h) => Math.round(h.getBoundingClientRect().top)), WAIT)
        .toBeLessThan(200);
      expect(await heading.evaluate((h) => h.getBoundingClientRect().top)).toBeGreaterThanOrEqual(
        0,
      );
      await expect.poll(() => heading.locator('mark.search-term').count(), WAIT).toBeGreaterThan(0);
      // Marks stay inside the section the result named.
      const outside = await page.$$eval('mark.search-term', (marks) => {
        const h = document.getElementById('export-findings-for-longer-retention');
        return marks.filter(
          (m) => h && h.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_PRECEDING,
        ).length;
      });
      expect(outside).toBe(0);
    });

    it.each(['light', 'dark'] as const)(
      'the open dialog, with results and an active option, passes axe in the %s scheme',
      async (colorScheme) => {
        const { page } = await open('compliance-validation/', {
          bypassCSP: true,
          colorScheme,
          reducedMotion: 'reduce',
        });
        const background = await page.evaluate(
          () =>
            getComputedStyle(document.body)
              .backgroundColor.match(/\d+/g)
              ?.slice(0, 3)
              .map(Number) ?? [],
        );
        const brightness = background.reduce((sum, c) => sum + c, 0);
        expect(
          colorScheme === 'dark' ? brightness < 200 : brightness > 600,
          `page background ${background.join(',')}`,
        ).toBe(true);
        await page.keyboard.press('ControlOrMeta+k');
        await searchInDialog(page, 'KMS key policy');
        await page.keyboard.press('ArrowDown');
        expect(await page.locator('[role="option"][aria-selected="true"]').count()).toBe(1);
        expect(await axeViolations(page)).toEqual([]);
        // The landing page with its marks, too.
        await page.goto(`${server.url}data-protection/?highlight=KMS+key+policy`);
        await expect.poll(() => page.locator('mark.search-term').count(), WAIT).toBeGreaterThan(0);
        expect(await axeViolations(page)).toEqual([]);
      },
    );

    it('Escape closes the dialog and returns focus to whatever opened it', async () => {
      const { page } = await open('managing-access/');
      const button = page.locator('site-search button.trigger');
      await button.click();
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.id), WAIT)
        .toBe('search-dialog-input');
      await page.keyboard.type('KMS');
      await page.keyboard.press('Escape');
      expect(await page.locator('dialog').evaluate((d) => (d as HTMLDialogElement).open)).toBe(
        false,
      );
      expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);

      const link = page.locator('nav[aria-label="Guide"] a').nth(2);
      await link.focus();
      await page.keyboard.press('/');
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.id), WAIT)
        .toBe('search-dialog-input');
      await page.keyboard.press('Escape');
      expect(await link.evaluate((a) => a === document.activeElement)).toBe(true);
    });

    it('"/" typed into a field is just a character', async () => {
      const { page } = await open('search/');
      await page.locator('#search-page-input').click();
      await page.keyboard.type('a/b');
      expect(await page.locator('#search-page-input').inputValue()).toBe('a/b');
      expect(await page.locator('dialog').evaluate((d) => (d as HTMLDialogElement).open)).toBe(
        false,
      );
    });

    it('Enter with no result chosen opens the search page for the query, which is bookmarkable and follows typing', async () => {
      const { page } = await open('');
      await page.keyboard.press('ControlOrMeta+k');
      // A word one page uses (the build's index says which), typed as a reader types it.
      const word = 'Artifact';
      const using = indexedPagesContaining(dist, base, word);
      expect(using.length, `the guide uses “${word}”`).toBeGreaterThan(0);
      await searchInDialog(page, word, 'type');
      await Promise.all([
        page.waitForURL(`**${base}search/?q=${word}`),
        page.keyboard.press('Enter'),
      ]);
      const status = page.locator('search-page [role="status"]');
      const count = using.length === 1 ? '1 page matches' : `${using.length} pages match`;
      await expect.poll(() => status.textContent(), WAIT).toBe(`${count} “${word}”.`);
      const firstPage = await page
        .locator('search-page .results > li > a')
        .first()
        .getAttribute('href');
      expect(using).toContain(pageOf(firstPage ?? ''));
      expect(await page.locator('search-page .results ul a').first().getAttribute('href')).toMatch(
        new RegExp(`^${pageOf(firstPage ?? '')}\\?highlight=${word}#.`),
      );

      await page.locator('#search-page-input').fill('DeleteDetector');
      await expect.poll(() => status.textContent(), WAIT).toMatch(/“DeleteDetector”/);
      expect(new URL(page.url()).search).toBe('?q=DeleteDetector');
      const nextFirst = await page
        .locator('search-page .results > li > a')
        .first()
        .getAttribute('href');
      expect(indexedPagesContaining(dist, base, 'DeleteDetector')).toContain(
        pageOf(nextFirst ?? ''),
      );

      // A bookmarked URL runs its query on load.
      await page.goto(`${server.url}search/?q=${encodeURIComponent('service-linked role')}`);
      await expect.poll(() => status.textContent(), WAIT).toMatch(/“service-linked role”/);
      expect(await page.locator('#search-page-input').inputValue()).toBe('service-linked role');
      expect(await page.locator('search-page .results > li > a').first().getAttribute('href')).toBe(
        `${base}service-linked-roles/?highlight=service-linked+role`,
      );
    });

    it('shows an HTML and script payload in ?q=, in the dialog and in ?highlight= as text, and never runs it', async () => {
      const { page } = await open(`search/?q=${encodeURIComponent(XSS)}`);
      const status = page.locator('search-page [role="status"]');
      await waitForPageResults(page, XSS);
      // The payload's words come back as quoted text, within 64 characters: no markup, no sentence.
      const echoed = (await status.textContent()) ?? '';
      expect(echoed).toContain('“img”');
      expect(echoed.length).toBeLessThan(160);
      expect(await page.locator('#search-page-input').inputValue()).toBe(XSS);

      await page.keyboard.press('ControlOrMeta+k');
      await searchInDialog(page, XSS);
      expect(await page.locator('dialog [role="status"]').textContent()).toContain('“img”');
      expect(
        await page.locator('main img, dialog img, main script:not([src]), dialog script').count(),
      ).toBe(0);

      await page.goto(`${server.url}managing-access/?highlight=${encodeURIComponent(XSS)}`);
      await page.waitForLoadState('networkidle');
      expect(await page.locator('article img[src="x"], article script:not([src])').count()).toBe(0);
      expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
    });

    it('without JavaScript, the header links to the search page, which says what to do and lists every page', async () => {
      const { page } = await open('resilience/', { javaScriptEnabled: false });
      const link = page.locator('site-search a.trigger');
      expect(await link.isVisible()).toBe(true);
      expect(await link.getAttribute('href')).toBe(`${base}search/`);
      expect(await page.locator('site-search button.trigger').isVisible()).toBe(false);
      await Promise.all([page.waitForURL(`**${base}search/`), link.click()]);
      expect(await page.locator('main').textContent()).toMatch(
        /needs JavaScript, which is turned off/,
      );
      // Every top-level page and section, as the sidebar lists them.
      const topLevel = guidePages.filter((p) => !p.slug.includes('/'));
      expect(await page.locator('.all-pages a').count()).toBe(topLevel.length);
      expect(await page.locator('.all-pages a').first().getAttribute('href')).toBe(base);
    });
  },
);
