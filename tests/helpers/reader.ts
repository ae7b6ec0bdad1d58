import type { BrowserContext } from 'playwright-core';
import { guidePages } from '../support/guide-pages.ts';

/** A page a reader can land on: a name for messages and its path below the base. */
export interface ReaderPage {
  name: string;
  path: string;
}

/**
 * Every page a reader can land on: the guide's pages, search, the document history, the printable
 * guide and the 404 page.
 */
export const sitePages: readonly ReaderPage[] = [
  ...guidePages.map((page) => ({ name: page.slug || 'home', path: page.path })),
  { name: 'search', path: 'search/' },
  { name: 'history', path: 'history/' },
  { name: 'print', path: 'print/' },
  { name: '404', path: 'no-such-page/' },
];

/** The guide pages only, as paths below the base (`''` for home). */
export const guidePaths: readonly string[] = guidePages.map((page) => page.path);

/** The themes the site offers besides "system", with the page background each must show. */
export const themes = [
  { name: 'light', background: 'rgb(255, 255, 255)' },
  { name: 'dark', background: 'rgb(15, 20, 25)' },
] as const;

/** Makes every page of the context start with `theme` chosen, as if the reader had picked it earlier. */
export async function chooseThemeBeforeLoad(
  context: BrowserContext,
  theme: 'light' | 'dark',
): Promise<void> {
  await context.addInitScript((value) => localStorage.setItem('gd-theme', value), theme);
}
