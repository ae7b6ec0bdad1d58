import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse, type HTMLElement } from 'node-html-parser';
import { listFilesSync } from '../../src/lib/built-site.ts';

/**
 * Every file of a built site, as sorted paths below its folder with `/` separators
 * (`index.html`, `history/feed.xml`, `_astro/…`).
 */
export function builtFiles(dist: string): string[] {
  return listFilesSync(dist);
}

/** Every HTML file of a built site (pages, 404.html), as paths below its folder. */
export function builtHtmlFiles(dist: string): string[] {
  return builtFiles(dist).filter((file) => file.endsWith('.html'));
}

/** Reads and parses a built page by its path below the base (`''` for home, `resilience/`). */
export function readPage(dist: string, path: string): HTMLElement {
  return parse(readFileSync(join(dist, path, 'index.html'), 'utf8'));
}

/** One indexed page as Pagefind stored it. */
export interface IndexedFragment {
  url: string;
  content: string;
  meta: Record<string, string>;
}

/** Decodes every Pagefind fragment (gzip, prefixed with `pagefind_dcd`) in a built site. */
export function readPagefindFragments(dist: string): IndexedFragment[] {
  const dir = join(dist, 'pagefind', 'fragment');
  return readdirSync(dir).map((file) => {
    const text = gunzipSync(readFileSync(join(dir, file))).toString('utf8');
    return JSON.parse(text.replace(/^pagefind_dcd/, '')) as IndexedFragment;
  });
}
