import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { guideSlugs } from './dist.ts';

/** Every page a reader can land on: the eight guide pages, search, the printable guide and the 404 page. */
export const sitePages = [
  ...guideSlugs.map((slug) => ({ name: slug || 'home', path: slug ? `${slug}/` : '' })),
  { name: 'search', path: 'search/' },
  { name: 'print', path: 'print/' },
  { name: '404', path: 'no-such-page/' },
] as const;

/** The guide pages only, as paths below the base (`''` for home). */
export const guidePaths = guideSlugs.map((slug) => (slug ? `${slug}/` : ''));

/** The themes the site offers besides "system", with the page background each must show. */
export const themes = [
  { name: 'light', background: 'rgb(255, 255, 255)' },
  { name: 'dark', background: 'rgb(15, 20, 25)' },
] as const;

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** The axe-core rule sets the product bar names: WCAG 2.0–2.2 A and AA, and best practices. */
const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * Runs axe-core on the page and returns one readable line per failing element ("rule: selector:
 * what to fix"), so a failure names what broke. The context must be created with `bypassCSP: true`
 * (the site's strict policy rightly blocks the injected script).
 */
export async function runAxe(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axeSource });
  return page.evaluate(async (tags) => {
    const axe = (
      window as unknown as { axe: { run(ctx: Document, opts: object): Promise<AxeResults> } }
    ).axe;
    interface AxeResults {
      violations: Array<{
        id: string;
        help: string;
        nodes: Array<{ target: string[]; failureSummary?: string }>;
      }>;
    }
    const results = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return results.violations.flatMap((v) =>
      v.nodes.map(
        (n) =>
          `${v.id} (${v.help}): ${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`,
      ),
    );
  }, axeTags);
}

/** Makes every page of the context start with `theme` chosen, as if the reader had picked it earlier. */
export async function chooseThemeBeforeLoad(
  context: BrowserContext,
  theme: 'light' | 'dark',
): Promise<void> {
  await context.addInitScript((value) => localStorage.setItem('gd-theme', value), theme);
}
