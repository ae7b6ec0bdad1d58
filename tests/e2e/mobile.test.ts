import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { skipBrowserTests, useBrowserSite } from '../helpers/browser.ts';
import { guidePaths, sitePages } from '../helpers/reader.ts';
import { rootBuild } from '../helpers/builds.ts';

const phone = {
  viewport: { width: 375, height: 740 },
  hasTouch: true,
  isMobile: true,
  reducedMotion: 'reduce',
} as const;

/** Elements wider than the viewport that make the page scroll sideways (the first few, for the message). */
const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    return [...document.querySelectorAll('body *')]
      .filter(
        (el) => el.getBoundingClientRect().right > width + 0.5 && !el.closest('.table-scroll, pre'),
      )
      .slice(0, 5)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}.${el.className} (right edge ${Math.round(el.getBoundingClientRect().right)}px)`,
      );
  });

describe.skipIf(skipBrowserTests)('on a 375 px phone', () => {
  const site = useBrowserSite(() => ({ dir: rootBuild.dist }));

  it('no page scrolls sideways, with the drawers closed or open', async () => {
    const page = await site.browser.newPage(phone);
    const problems: string[] = [];
    for (const { path } of sitePages) {
      await page.goto(site.server.url + path);
      problems.push(...(await sidewaysOverflow(page)).map((p) => `/${path}: ${p}`));
      for (const summary of await page.locator('details.drawer > summary').all())
        await summary.click();
      problems.push(...(await sidewaysOverflow(page)).map((p) => `/${path} (drawers open): ${p}`));
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      if (scrollWidth > 375) problems.push(`/${path}: the page is ${scrollWidth}px wide`);
    }
    await page.close();
    expect(problems).toEqual([]);
  });

  it('wide tables and code scroll inside their own labelled, keyboard-scrollable box', async () => {
    const page = await site.browser.newPage(phone);
    let overflowing = 0;
    for (const path of guidePaths) {
      await page.goto(site.server.url + path);
      const boxes = await page.locator('.table-scroll, pre').evaluateAll((els) =>
        els.map((el) => ({
          role: el.getAttribute('role'),
          label: el.getAttribute('aria-label'),
          tabIndex: (el as HTMLElement).tabIndex,
          overflows: el.scrollWidth > el.clientWidth,
          right: el.getBoundingClientRect().right,
        })),
      );
      for (const box of boxes) {
        expect(box, `/${path}`).toMatchObject({
          role: 'region',
          tabIndex: 0,
          label: expect.stringMatching(/\S/),
        });
        expect(box.right, `/${path}: ${box.label}`).toBeLessThanOrEqual(375);
        if (box.overflows) overflowing++;
      }
      const labels = boxes.map((b) => b.label);
      expect(new Set(labels).size, `/${path}: region labels must be unique`).toBe(labels.length);
    }
    // The guide really has content wider than a phone, and it scrolls in its box.
    expect(overflowing).toBeGreaterThan(3);

    await page.goto(`${site.server.url}data-protection/export-findings/`);
    const wide = page
      .locator('pre[role="region"]')
      .filter({ hasText: 'create-publishing-destination' })
      .first();
    await wide.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => wide.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    await page.close();
  });

  it('the header fits: the site name stays readable and every control is on screen', async () => {
    const page = await site.browser.newPage(phone);
    for (const path of ['', 'managing-access/', 'search/']) {
      await page.goto(site.server.url + path);
      const name = await page.locator('.site-name').boundingBox();
      const lineHeight = await page
        .locator('.site-name')
        .evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
      expect(name, `/${path}`).not.toBeNull();
      // At most two lines of text (the broken header wrapped it onto four).
      expect(name?.height ?? Infinity, `/${path}`).toBeLessThanOrEqual(2 * lineHeight + 16 + 1);
      for (const control of await page
        .locator('header a, header button, header input, header select')
        .all()) {
        if (!(await control.isVisible())) continue;
        const box = await control.boundingBox();
        expect(
          (box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= 375,
          `/${path}: ${await control.evaluate((el) => el.outerHTML.slice(0, 80))}`,
        ).toBe(true);
      }
    }
    await page.close();
  });

  it('the Menu and On this page drawers open with a tap and lead to pages and sections', async () => {
    const page = await site.browser.newPage(phone);
    await page.goto(`${site.server.url}data-protection/`);
    const menu = page.locator('details.nav-drawer');
    const sidebarLink = menu.getByRole('link', { name: 'Resilience', exact: true });
    expect(await sidebarLink.isVisible()).toBe(false);
    await menu.locator('summary').tap();
    expect(await sidebarLink.isVisible()).toBe(true);

    const toc = page.locator('details.toc-drawer');
    await toc.locator('summary').tap();
    await toc.getByRole('link', { name: 'Lists you upload to S3' }).tap();
    await page.waitForURL(/#lists-you-upload-to-s3$/);
    await expect
      .poll(() =>
        page.locator('#lists-you-upload-to-s3').evaluate((el) => el.getBoundingClientRect().top),
      )
      .toBeLessThan(200);

    await sidebarLink.tap();
    await page.waitForURL(/\/resilience\/$/);
    await page.close();
  });

  it('tap targets are at least 24 px, and navigation targets 44 px tall', async () => {
    const page = await site.browser.newPage(phone);
    const small: string[] = [];
    for (const path of guidePaths) {
      await page.goto(site.server.url + path);
      for (const summary of await page.locator('details.drawer > summary').all())
        await summary.click();
      const targets = await page
        .locator(
          'header a, header button, header select, summary, nav a, .pagination a, .heading-link, .copy-button, .page-meta a, .site-footer a',
        )
        .evaluateAll((els) =>
          els
            .filter((el) => el.getClientRects().length > 0 && !el.closest('.breadcrumbs, .sr-only'))
            .map((el) => {
              const r = el.getBoundingClientRect();
              const isNav = el.matches('summary, nav[aria-label="Guide"] a');
              return {
                what: `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}"`,
                width: r.width,
                height: r.height,
                min: isNav ? 44 : 24,
              };
            }),
        );
      for (const t of targets) {
        if (t.width < 24 || t.height < t.min)
          small.push(
            `/${path}: ${t.what} is ${Math.round(t.width)}x${Math.round(t.height)} (needs ${t.min}px)`,
          );
      }
    }
    await page.close();
    expect(small).toEqual([]);
  });
});
