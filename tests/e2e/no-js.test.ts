import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipBrowserTests, useBrowserSite } from '../helpers/browser.ts';
import { guidePages } from '../support/guide-pages.ts';
import { sitePages } from '../helpers/reader.ts';
import { builds, rootBuild } from '../helpers/builds.ts';

/** A JavaScript-off reader: every page must read and navigate completely; only search degrades. */
describe.skipIf(skipBrowserTests).each(builds)(
  'with JavaScript off, the site built $name',
  ({ dist, base }) => {
    const site = useBrowserSite(() => ({ dir: dist, base }));
    let context: BrowserContext;

    beforeAll(async () => {
      context = await site.browser.newContext({
        javaScriptEnabled: false,
        viewport: { width: 1280, height: 900 },
      });
    });

    afterAll(() => context?.close());

    it('shows every page in full, with no control that needs JavaScript', async () => {
      const page = await context.newPage();
      for (const { path, name } of sitePages) {
        const response = await page.goto(site.server.url + path);
        expect(response?.status(), name).toBe(name === '404' ? 404 : 200);
        expect(await page.locator('h1').first().isVisible(), name).toBe(true);
        expect(await page.locator('main').innerText(), name).not.toBe('');
        const guidePage = guidePages.find((p) => p.path === path);
        if (guidePage)
          expect(await page.locator('article h1').innerText(), name).toBe(guidePage.title);
        // Copy buttons and the theme control work only with JavaScript, so they are not there at all.
        expect(await page.locator('.copy-button').count(), name).toBe(0);
        expect(await page.locator('theme-switcher').isVisible(), name).toBe(false);
        // Search degrades to a way to the search page.
        const toSearch = page.locator(
          `header a[href="${base}search/"]:visible, header form[action="${base}search/"]`,
        );
        expect(await toSearch.count(), name).toBeGreaterThan(0);
      }
      await page.close();
    });

    it('reads from the first page to the last through Next links, and back through the sidebar', async () => {
      const page = await context.newPage();
      await page.goto(site.server.url);
      const visited = [new URL(page.url()).pathname];
      for (let i = 1; i < guidePages.length; i++) {
        await page.locator('.pagination a[rel="next"]').click();
        await page.waitForLoadState();
        visited.push(new URL(page.url()).pathname);
      }
      expect(visited).toEqual(guidePages.map((p) => `${base}${p.path}`));
      expect(await page.locator('.pagination a[rel="next"]').count()).toBe(0);
      await page
        .locator('nav[aria-label="Guide"]')
        .getByRole('link', { name: 'Data protection' })
        .click();
      await page.waitForURL(`${site.server.url}data-protection/`);
      await page.close();
    });
  },
);

/** Drawers, permalinks and the print link do not depend on the base: checked once, at the domain root. */
describe.skipIf(skipBrowserTests)(
  'with JavaScript off, on the site built at the domain root',
  () => {
    const site = useBrowserSite(() => ({ dir: rootBuild.dist }));
    let context: BrowserContext;

    beforeAll(async () => {
      context = await site.browser.newContext({
        javaScriptEnabled: false,
        viewport: { width: 1280, height: 900 },
      });
    });

    afterAll(() => context?.close());

    it('opens the Menu and On this page drawers on a phone, and their links work', async () => {
      const page = await site.browser.newPage({
        javaScriptEnabled: false,
        viewport: { width: 375, height: 740 },
      });
      await page.goto(`${site.server.url}managing-access/`);
      await page.locator('details.toc-drawer > summary').click();
      const tocLink = page.locator('details.toc-drawer a').nth(1);
      const hash = new URL((await tocLink.getAttribute('href')) ?? '', page.url()).hash;
      await tocLink.click();
      expect(new URL(page.url()).hash).toBe(hash);
      await page.locator('details.nav-drawer > summary').click();
      await page.locator('details.nav-drawer').getByRole('link', { name: 'Resilience' }).click();
      await page.waitForURL(`${site.server.url}resilience/`);
      await page.close();
    });

    it('keeps heading permalinks and the printable guide working', async () => {
      const page = await context.newPage();
      await page.goto(`${site.server.url}data-protection/`);
      await page.getByRole('link', { name: 'Permalink to “Lists you upload to S3”' }).click();
      expect(new URL(page.url()).hash).toBe('#lists-you-upload-to-s3');
      await page
        .locator('.site-footer')
        .getByRole('link', { name: 'the guide as one page' })
        .click();
      await page.waitForURL(`${site.server.url}print/`);
      expect(await page.locator('article.chapter > h1').count()).toBe(guidePages.length);
      await page.close();
    });
  },
);
