import { describe, expect, it } from 'vitest';
import { skipBrowserTests, useBrowserSite } from '../helpers/browser.ts';
import { runAxe } from '../helpers/axe.ts';
import { chooseThemeBeforeLoad, sitePages, themes } from '../helpers/reader.ts';
import { rootBuild } from '../helpers/builds.ts';

/**
 * axe-core (WCAG 2.0–2.2 A/AA and best practices) on every page, in both themes: zero violations,
 * not only zero "serious" ones. Contrast depends on the theme, so each theme is a separate pass.
 */
describe.skipIf(skipBrowserTests)('accessibility checked by axe-core', () => {
  const site = useBrowserSite(() => ({ dir: rootBuild.dist }));

  describe.each(themes)('in the $name theme', ({ name, background }) => {
    it('finds no violation on any page at desktop width', async () => {
      const context = await site.browser.newContext({
        bypassCSP: true,
        colorScheme: name,
        reducedMotion: 'reduce',
        viewport: { width: 1280, height: 900 },
      });
      await chooseThemeBeforeLoad(context, name);
      const page = await context.newPage();
      const violations: string[] = [];
      for (const { path } of sitePages) {
        await page.goto(site.server.url + path);
        // The theme really is the one under test (contrast is what changes).
        expect(
          await page.evaluate(() => getComputedStyle(document.body).backgroundColor),
          path,
        ).toBe(background);
        violations.push(...(await runAxe(page)).map((v) => `/${path}: ${v}`));
      }
      await context.close();
      expect(violations).toEqual([]);
    });

    it('finds no violation on a phone with the Menu and On this page drawers open', async () => {
      const context = await site.browser.newContext({
        bypassCSP: true,
        colorScheme: name,
        reducedMotion: 'reduce',
        viewport: { width: 375, height: 740 },
        hasTouch: true,
      });
      await chooseThemeBeforeLoad(context, name);
      const page = await context.newPage();
      const violations: string[] = [];
      // The drawers hold the same components on every page (checked above at desktop width): the
      // longest page covers what only phones show, the open drawers and the two-row header.
      for (const path of ['managing-access/']) {
        await page.goto(site.server.url + path);
        for (const summary of await page.locator('details.drawer > summary').all())
          await summary.click();
        expect(await page.locator('details.drawer:not([open])').count(), path).toBe(0);
        violations.push(...(await runAxe(page)).map((v) => `/${path}: ${v}`));
      }
      await context.close();
      expect(violations).toEqual([]);
    });
  });
});
