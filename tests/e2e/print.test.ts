import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { skipBrowserTests, useBrowserSite } from '../helpers/browser.ts';
import { guidePages } from '../support/guide-pages.ts';
import { rootBuild } from '../helpers/builds.ts';

/** What paper shows: chrome hidden, colours, wrapping and printed link addresses. */
const printedState = (page: Page) =>
  page.evaluate(() => {
    const shown = (sel: string) =>
      [...document.querySelectorAll(sel)].filter((el) => getComputedStyle(el).display !== 'none')
        .length;
    const link = document.querySelector<HTMLAnchorElement>('main a[href^="https://"]');
    const svgText = document.querySelector('svg text');
    return {
      chromeShown: shown(
        '.skip-link, .site-header, details.drawer, .breadcrumbs, .pagination, .site-footer, .heading-link, .copy-button',
      ),
      text: getComputedStyle(document.body).color,
      background: getComputedStyle(document.body).backgroundColor,
      linkAddress: link ? getComputedStyle(link, '::after').content : 'no external link',
      linkHref: link?.href,
      codeWraps: [...document.querySelectorAll('pre')].every(
        (pre) =>
          getComputedStyle(pre).whiteSpace === 'pre-wrap' && pre.scrollWidth <= pre.clientWidth,
      ),
      svgText: svgText ? getComputedStyle(svgText).fill : 'no diagram',
    };
  });

describe.skipIf(skipBrowserTests)('printing', () => {
  const site = useBrowserSite(() => ({ dir: rootBuild.dist }));

  it('the printable guide holds every page, in reading order, after contents that link to each, and ends with the document history', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}print/`);
    const chapters = await page.locator('article.chapter > h1').allInnerTexts();
    expect(chapters).toEqual(guidePages.map((page) => page.title));
    const contents = page.locator('nav.contents > ol > li > a');
    expect(await contents.allInnerTexts()).toEqual([...chapters, 'Document history']);
    // The audit file ends with the change record, each change linking to its chapter.
    const changes = page.locator('.print-history tbody tr');
    expect(await changes.count()).toBe(
      guidePages.reduce((sum, guidePage) => sum + guidePage.changes.length, 0),
    );
    for (const href of await page
      .locator('.print-history tbody a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? '')))
      expect(await page.locator(`[id="${href.slice(1)}"]`).count(), href).toBe(1);
    for (const link of await page.locator('nav.contents a').all()) {
      const id = decodeURIComponent(((await link.getAttribute('href')) ?? '').slice(1));
      expect(await page.locator(`[id="${id}"]`).count(), id).toBe(1);
    }
    // Each chapter carries the page's body, not only its title: its sources and a sample of its text.
    expect(await page.locator('article.chapter .page-meta').count()).toBe(guidePages.length);
    expect(await page.locator('article.chapter table').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('prints a page black on white, without navigation, with code wrapped and link addresses shown', async () => {
    const page = await site.browser.newPage({
      colorScheme: 'dark',
      viewport: { width: 760, height: 1000 },
    });
    for (const path of ['', 'data-protection/', 'print/']) {
      await page.goto(site.server.url + path);
      await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
      const state = await printedState(page);
      expect(state, `/${path}`).toMatchObject({
        chromeShown: 0,
        text: 'rgb(0, 0, 0)',
        background: 'rgb(255, 255, 255)',
        codeWraps: true,
      });
      expect(state.linkAddress, `/${path}`).toContain(state.linkHref ?? 'an external link');
      if (state.svgText !== 'no diagram')
        expect(state.svgText, `/${path}: diagram text`).toBe('rgb(0, 0, 0)');
      await page.emulateMedia({ media: 'screen' });
    }
    await page.close();
  });

  it('saves the whole guide as a PDF with each chapter starting on a new page', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}print/`);
    await page.emulateMedia({ media: 'print' });
    const breaks = await page
      .locator('article.chapter')
      .evaluateAll((els) => els.map((el) => getComputedStyle(el).breakBefore));
    expect(breaks).toEqual(guidePages.map(() => 'page'));
    const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    const pages = pdf.match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    expect(pages).toBeGreaterThan(guidePages.length + 1);
    await page.close();
  });
});
