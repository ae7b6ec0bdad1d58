import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { skipBrowserTests, useBrowserSite } from '../helpers/browser.ts';
import { themes } from '../helpers/reader.ts';
import { rootBuild } from '../helpers/builds.ts';

const [light, dark] = themes;

const background = (page: Page) =>
  page.evaluate(() => getComputedStyle(document.body).backgroundColor);

/**
 * Records what the first rendered frame showed. requestAnimationFrame callbacks run just before a
 * frame is painted, and never while the document is render-blocked, so the first callback sees the
 * state of the first paint.
 */
async function recordFirstFrame(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    requestAnimationFrame(() => {
      const w = window as unknown as {
        __firstFrame?: { theme: string | null; background: string | null };
      };
      w.__firstFrame = {
        theme: document.documentElement.getAttribute('data-theme'),
        background: document.body ? getComputedStyle(document.body).backgroundColor : null,
      };
    });
  });
}

const firstFrame = (page: Page) =>
  page
    .waitForFunction(
      () =>
        (
          window as unknown as {
            __firstFrame?: { theme: string | null; background: string | null };
          }
        ).__firstFrame,
    )
    .then((h) => h.jsonValue());

/**
 * Holds back every script but the theme boot script while `hold()` is on, as a slow network would,
 * until `release()`: so the first frame can only show a theme the boot script alone set.
 */
async function holdScripts(context: BrowserContext) {
  let holding = false;
  const held: Array<() => void> = [];
  await context.route(/\.js$/, async (route) => {
    if (holding && !/\/theme-boot\.[\w-]+\.js$/.test(route.request().url()))
      await new Promise<void>((resolve) => held.push(resolve));
    await route.continue();
  });
  return {
    hold: () => (holding = true),
    release: () => {
      holding = false;
      for (const resume of held.splice(0)) resume();
    },
  };
}

/** Moves keyboard focus with Tab until the theme control has it; fails if it is not in the tab order. */
async function tabToThemeControl(page: Page): Promise<void> {
  for (let i = 0; i < 15; i++) {
    await page.keyboard.press('Tab');
    if (
      await page.evaluate(() => document.activeElement?.matches('theme-switcher select') ?? false)
    )
      return;
  }
  throw new Error('The theme control is not reachable with Tab from the top of the page.');
}

describe.skipIf(skipBrowserTests)('light, dark and system themes', () => {
  const site = useBrowserSite(() => ({ dir: rootBuild.dist }));

  it('follows the system setting until the reader chooses', async () => {
    for (const { name, background: expected } of themes) {
      const context = await site.browser.newContext({ colorScheme: name });
      const page = await context.newPage();
      await page.goto(`${site.server.url}data-protection/`);
      expect(await page.locator('html').getAttribute('data-theme')).toBeNull();
      expect(await page.locator('theme-switcher select').inputValue()).toBe('system');
      expect(await background(page), `system set to ${name}`).toBe(expected);
      await context.close();
    }
  });

  it('switches by keyboard, and the choice persists across pages and reloads', async () => {
    const context = await site.browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(`${site.server.url}data-protection/`);
    await tabToThemeControl(page);
    // On a closed <select>, arrow keys change the value: System -> Light -> Dark.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('theme-switcher select').inputValue()).toBe('dark');
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    expect(await background(page)).toBe(dark.background);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe(
      'dark',
    );

    await page.getByRole('link', { name: 'Resilience', exact: true }).first().click();
    await page.waitForURL(/resilience\/$/);
    expect(await background(page)).toBe(dark.background);
    expect(await page.locator('theme-switcher select').inputValue()).toBe('dark');
    await page.reload();
    expect(await background(page)).toBe(dark.background);

    // Back to "System": the attribute and the stored choice go, and the system's light applies.
    await page.locator('theme-switcher select').selectOption('system');
    expect(await page.locator('html').getAttribute('data-theme')).toBeNull();
    expect(await page.evaluate(() => localStorage.getItem('gd-theme'))).toBeNull();
    await page.reload();
    expect(await background(page)).toBe(light.background);
    await context.close();
  });

  it('paints the chosen theme in the first frame, even when the other scripts arrive late (no flash)', async () => {
    for (const [system, chosen, path] of [
      [light, dark, 'managing-access/'],
      [dark, light, 'search/'],
    ] as const) {
      const context = await site.browser.newContext({ colorScheme: system.name });
      const scripts = await holdScripts(context);
      const page = await context.newPage();
      await page.goto(`${site.server.url}resilience/`);
      await page.locator('theme-switcher select').selectOption(chosen.name);
      await recordFirstFrame(context);
      scripts.hold();
      // Not waiting for "load": the held module scripts would delay it until release.
      await page.goto(site.server.url + path, { waitUntil: 'commit' });
      const frame = await firstFrame(page);
      scripts.release();
      expect(frame, `/${path} with ${chosen.name} chosen on a ${system.name} system`).toEqual({
        theme: chosen.name,
        background: chosen.background,
      });
      await context.close();
    }
  });

  it('without JavaScript follows the system setting and shows no theme control', async () => {
    for (const { name, background: expected } of themes) {
      const context = await site.browser.newContext({
        colorScheme: name,
        javaScriptEnabled: false,
      });
      const page = await context.newPage();
      await page.goto(`${site.server.url}data-protection/`);
      expect(await background(page)).toBe(expected);
      expect(await page.locator('theme-switcher').isVisible()).toBe(false);
      await context.close();
    }
  });
});
