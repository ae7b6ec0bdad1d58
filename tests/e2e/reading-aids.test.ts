import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { skipBrowserTests, useBrowserSite } from '../helpers/browser.ts';
import { rootBuild } from '../helpers/builds.ts';

const desktop = { viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' } as const;

const currentTocLinks = (page: Page) =>
  page
    .locator('toc-spy a[aria-current]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('href')));

describe.skipIf(skipBrowserTests)('reading aids', () => {
  const site = useBrowserSite(() => ({ dir: rootBuild.dist }));

  it('every section heading has a named permalink that the keyboard reaches and follows', async () => {
    const page = await site.browser.newPage(desktop);
    await page.goto(`${site.server.url}data-protection/`);
    const headings = await page.locator('article :is(h2, h3, h4)').evaluateAll((els) =>
      els.map((h) => ({
        id: h.id,
        text: (h.textContent ?? '').trim(),
        href: h.nextElementSibling?.getAttribute('href'),
      })),
    );
    expect(headings.length).toBeGreaterThan(5);
    for (const heading of headings) {
      expect(heading.href, heading.text).toBe(`#${heading.id}`);
      // The accessible name, as a screen reader announces it.
      expect(
        await page
          .getByRole('link', { name: `Permalink to “${heading.text}”`, exact: true })
          .count(),
        heading.text,
      ).toBe(1);
    }
    // Tab from the page's h1 area reaches the first permalink, and Enter follows it.
    await page.locator('.breadcrumbs a').focus();
    let reached = false;
    for (let i = 0; i < 20 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(
        (id) => document.activeElement?.getAttribute('href') === `#${id}`,
        headings[0]?.id,
      );
    }
    expect(reached, 'Tab reaches the first heading permalink').toBe(true);
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe(`#${headings[0]?.id}`);
    // The heading lands below the sticky header, not under it.
    const headerBottom = await page
      .locator('.site-header')
      .evaluate((el) => el.getBoundingClientRect().bottom);
    const top = await page
      .locator(`#${headings[0]?.id}`)
      .evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(headerBottom);
    expect(top).toBeLessThan(headerBottom + 100);
    await page.close();
  });

  it('a Copy button on every code block copies the code and announces "Copied"', async () => {
    const context = await site.browser.newContext({
      ...desktop,
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const page = await context.newPage();
    await page.goto(`${site.server.url}data-protection/export-findings/`);
    const blocks = page.locator('code-block');
    expect(await blocks.count()).toBeGreaterThan(1);
    expect(await page.locator('code-block .copy-button').count()).toBe(await blocks.count());

    const block = blocks.first();
    const label = await block.locator('pre').getAttribute('aria-label');
    const button = page.getByRole('button', { name: `Copy ${label}`, exact: true });
    await button.click();
    // Waits on the page, not a clock: the label says "Copied" once the clipboard write has
    // resolved (and for 2 s after), so check it first, then what the clipboard and the live
    // region hold (neither changes after that).
    await expect.poll(() => button.innerText(), { timeout: 15_000 }).toBe('Copied');
    const expected = await block.locator('pre').evaluate((el) => el.textContent);
    expect(expected).toContain('"Statement"');
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()), { timeout: 15_000 })
      .toBe(expected);
    await expect
      .poll(
        () =>
          page
            .getByRole('status')
            .filter({ hasText: /^Copied$/ })
            .count(),
        { timeout: 15_000 },
      )
      .toBe(1);
    await context.close();
  });

  it('"On this page" marks the section being read while scrolling', async () => {
    const page = await site.browser.newPage(desktop);
    await page.goto(`${site.server.url}data-protection/`);
    expect(await currentTocLinks(page)).toEqual([]);
    for (const id of [
      'export-findings-for-longer-retention',
      'what-guardduty-keeps-and-what-it-discards',
      'lists-you-upload-to-s3',
      'encryption-at-rest-and-in-transit',
    ]) {
      await page.locator(`#${id}`).evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await expect.poll(() => currentTocLinks(page), { message: id }).toEqual([`#${id}`]);
      // The contents and the sidebar stay on screen (sticky) however far the reader scrolls.
      for (const sel of [
        'toc-spy a[aria-current]',
        'nav[aria-label="Guide"] a[aria-current="page"]',
      ]) {
        const box = await page.locator(sel).boundingBox();
        expect(box && box.y >= 0 && box.y + box.height <= 800, `${sel} on screen at #${id}`).toBe(
          true,
        );
      }
    }
    await page.locator('body').evaluate(() => window.scrollTo(0, 0));
    await expect.poll(() => currentTocLinks(page)).toEqual([]);
    await page.close();
  });

  it('highlights code with colours of the chosen theme, from classes rather than inline styles', async () => {
    const colours: Record<string, { keyword: string; string: string; text: string }> = {};
    for (const theme of ['light', 'dark'] as const) {
      const page = await site.browser.newPage({ ...desktop, colorScheme: theme });
      await page.goto(`${site.server.url}data-protection/export-findings/`);
      colours[theme] = await page.evaluate(() => {
        const color = (sel: string) =>
          getComputedStyle(document.querySelector(sel) ?? document.body).color;
        return {
          keyword: color('pre .tok-keyword'),
          string: color('pre .tok-string-expression'),
          text: color('pre'),
        };
      });
      expect(await page.locator('pre [style], pre[style]').count()).toBe(0);
      await page.close();
    }
    const { light, dark } = colours;
    expect(light?.keyword).not.toBe(light?.text);
    expect(light?.string).not.toBe(light?.keyword);
    expect(dark?.keyword).not.toBe(dark?.text);
    expect(dark?.keyword).not.toBe(light?.keyword);
  });
});
