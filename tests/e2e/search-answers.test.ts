import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { skipBrowserTests } from '../helpers/browser.ts';
import { guidePages } from '../support/guide-pages.ts';
import { launchChromium, type LaunchedBrowser } from '../support/chromium.ts';
import type { StaticServer } from '../support/static-server.ts';
import {
  axeViolations,
  indexedPagesContaining,
  optionHrefs,
  pageOf,
  pagesWithAlias,
  searchBuilds,
  searchInDialog,
  serveBuild,
  waitForDialogResults,
  waitForPageResults,
  watchedPage,
  type WatchedPage,
} from './search-harness.ts';

/**
 * Search for what a reader types, in the header dialog and on /search/?q=: pages with some of the
 * words when none has all, a misspelling corrected (with the original one click away), "Did you
 * mean" as buttons, an alias finding its page, and a search asked for before the page module ran.
 */
describe.skipIf(skipBrowserTests).each(searchBuilds)(
  'search answers what a reader types, built $name',
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
      const problems = watched?.problems ?? [];
      await watched?.close();
      watched = undefined;
      expect(problems).toEqual([]);
    });

    async function dialogOn(path: string, options = {}): Promise<Page> {
      watched = await watchedPage(browser, server, options);
      await watched.page.goto(server.url + path);
      await watched.page.keyboard.press('ControlOrMeta+k');
      return watched.page;
    }

    const statusOf = (page: Page, where: 'dialog' | 'search-page') =>
      page.locator(`${where} [role="status"]`).textContent();
    const pagePaths = (hrefs: string[]) => hrefs.map((href) => href.replace(/[?#].*$/, ''));

    it('lists the pages with some of the words when no page has them all, and says so', async () => {
      // Two words the guide uses on different pages; which pages is read from the index.
      const [first, second] = ['Artifact', 'PrivateLink'] as const;
      const withFirst = indexedPagesContaining(dist, base, first);
      const withSecond = indexedPagesContaining(dist, base, second);
      expect(
        withSecond.filter((url) => withFirst.includes(url)),
        'no page has both',
      ).toEqual([]);
      const withSome = [...new Set([...withFirst, ...withSecond])].sort();
      expect(withSome.length, 'some pages have one of them').toBeGreaterThan(0);

      const page = await dialogOn('');
      await searchInDialog(page, `${first} ${second}`);
      expect(await statusOf(page, 'dialog')).toBe(
        `No page has all of “${first}” and “${second}”; pages with some of them:`,
      );
      const pages = pagePaths(
        await page.$$eval('dialog .hit-page [role="option"]', (os) =>
          os.map((o) => o.getAttribute('href') ?? ''),
        ),
      );
      // The dialog lists up to five pages; the search page lists them all.
      expect(pages.sort()).toEqual(withSome.slice(0, 5));

      await page.goto(`${server.url}search/?q=${encodeURIComponent(`${first} ${second}`)}`);
      await waitForPageResults(page, `${first} ${second}`);
      expect(await statusOf(page, 'search-page')).toBe(
        `No page has all of “${first}” and “${second}”; pages with some of them:`,
      );
      expect(await page.locator('search-page .results > li').count()).toBe(withSome.length);
    });

    it('corrects a clear misspelling, offers the original, and offers the correction back', async () => {
      const page = await dialogOn('resilience/');
      await searchInDialog(page, 'servce linked role');
      expect(await statusOf(page, 'dialog')).toMatch(
        /^Showing results for “service linked role” \(\d+ pages?\); search for “servce linked role” instead\.$/,
      );
      expect((await optionHrefs(page))[0]).toBe(
        `${base}service-linked-roles/?highlight=service+linked+role`,
      );

      // One click searches exactly what was typed: the site has no "servce", so it says so.
      // The results are for the same typed words as before, so wait for the status to change.
      const corrected = await statusOf(page, 'dialog');
      await page.getByRole('button', { name: '“servce linked role”' }).click();
      await page.waitForFunction(
        (before) => document.querySelector('dialog [role="status"]')?.textContent !== before,
        corrected,
      );
      expect(await page.locator('#search-dialog-input').inputValue()).toBe('servce linked role');
      // The likeliest correction first; another word as close to "servce" ("serve") may follow.
      expect(await statusOf(page, 'dialog')).toMatch(
        /^Did you mean “service linked role”( or “[^”]+”)*\? No page has all of “servce”, “linked” and “role”; pages with some of them:$/,
      );
      expect(
        await page.evaluate(() => document.activeElement?.id),
        'focus back in the combobox',
      ).toBe('search-dialog-input');

      await page.getByRole('button', { name: '“service linked role”' }).click();
      await waitForDialogResults(page, 'service linked role');
      expect(await statusOf(page, 'dialog')).toMatch(
        /^\d+ pages? match(es)? “service linked role”\.$/,
      );
    });

    it('corrects a misspelling on /search/?q= too, keeping identifiers whole', async () => {
      watched = await watchedPage(browser, server);
      const { page } = watched;
      await page.goto(`${server.url}search/?q=cloudtrial`);
      await waitForPageResults(page, 'cloudtrial');
      expect(await statusOf(page, 'search-page')).toMatch(/^Showing results for “CloudTrail”/);
      expect(await page.locator('search-page .results > li > a').first().getAttribute('href')).toBe(
        `${base}cloudtrail-logging/?highlight=CloudTrail`,
      );

      await page.locator('#search-page-input').fill('AmazonGuardDutyFullAcess_v2');
      await waitForPageResults(page, 'AmazonGuardDutyFullAcess_v2');
      expect(await statusOf(page, 'search-page')).toMatch(
        /^Showing results for “AmazonGuardDutyFullAccess_v2”/,
      );
      // The corrected identifier opens the page whose writer filed it there (its aliases).
      const first = await page
        .locator('search-page .results > li > a')
        .first()
        .getAttribute('href');
      expect(new URL(first ?? '', server.url).search).toBe(
        '?highlight=AmazonGuardDutyFullAccess_v2',
      );
      expect(pagesWithAlias(base, 'AmazonGuardDutyFullAccess_v2')).toContain(pageOf(first ?? ''));
    });

    it('finds a page by an alias it never shows', async () => {
      watched = await watchedPage(browser, server);
      const { page } = watched;
      await page.goto(`${server.url}resilience/`);
      // The aliases are in the index only: the page carries them once, for Pagefind, and shows none.
      expect(await page.locator('[data-aliases]').count()).toBe(1);
      const shown = (await page.locator('body').innerText()).toLowerCase();
      const resilience = guidePages.find((p) => p.path === 'resilience/');
      const unshown = (resilience?.aliases ?? []).filter((a) => !shown.includes(a.toLowerCase()));
      expect(unshown.length, 'resilience has an alias its text never uses').toBeGreaterThan(0);

      await page.keyboard.press('ControlOrMeta+k');
      for (const alias of [...unshown, 'SLR']) {
        await searchInDialog(page, alias);
        const first = (await optionHrefs(page))[0] ?? '';
        expect(pagesWithAlias(base, alias), `“${alias}” opens a page filed under it`).toContain(
          pageOf(first),
        );
      }
    });

    it('with a suggestion and its buttons, the dialog passes axe', async () => {
      const page = await dialogOn('', { bypassCSP: true });
      await searchInDialog(page, 'servce linked role');
      expect(await page.locator('dialog [role="status"] button').count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
    });

    /** Holds the page module back until `release()`, to act before it has run. */
    async function holdPageModule(page: Page): Promise<() => Promise<void>> {
      let held: Route | undefined;
      let arrived: () => void = () => undefined;
      const requested = new Promise<void>((resolve) => (arrived = resolve));
      await page.route(/\/_astro\/BaseLayout[^/]*\.js$/, (route) => {
        held = route;
        arrived();
      });
      return async () => {
        await requested;
        await held?.continue();
        await page.unroute(/\/_astro\/BaseLayout[^/]*\.js$/);
      };
    }

    it('opens search for a Ctrl+K or a click made before the page module has run', async () => {
      for (const act of ['key', 'click'] as const) {
        watched = await watchedPage(browser, server);
        const { page } = watched;
        const release = await holdPageModule(page);
        await page.goto(`${server.url}managing-access/`, { waitUntil: 'commit' });
        await page.waitForSelector('site-search a.trigger');
        expect(await page.evaluate(() => customElements.get('site-search'))).toBeUndefined();
        if (act === 'key') await page.keyboard.press('ControlOrMeta+k');
        else await page.locator('site-search a.trigger').click();
        await page.waitForSelector('html[data-search-requested]', { state: 'attached' });
        await release();
        await page.waitForFunction(() => document.activeElement?.id === 'search-dialog-input');
        expect(new URL(page.url()).pathname, act).toBe(`${base}managing-access/`);
        await searchInDialog(page, 'Artifact', 'type');
        const first = (await optionHrefs(page))[0] ?? '';
        expect(indexedPagesContaining(dist, base, 'Artifact')).toContain(pageOf(first));
        const problems = watched.problems;
        await watched.close();
        watched = undefined;
        expect(problems, act).toEqual([]);
      }
    });

    it('follows the Search link after all when the page module never loads', async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      let arrived: () => void = () => undefined;
      const requested = new Promise<void>((resolve) => (arrived = resolve));
      let failModule: () => Promise<void> = async () => undefined;
      await page.route(/\/_astro\/BaseLayout[^/]*\.js$/, (route) => {
        failModule = () => route.abort();
        arrived();
      });
      await page.goto(`${server.url}resilience/`, { waitUntil: 'commit' });
      await page.locator('site-search a.trigger').click();
      await requested;
      // The search page is reached (its own copy of the module is held too: commit is enough).
      await Promise.all([
        page.waitForURL(`**${base}search/`, { waitUntil: 'commit' }),
        failModule(),
      ]);
      await context.close();
    });
  },
);
