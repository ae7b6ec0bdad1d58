import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse, type HTMLElement } from 'node-html-parser';
import { projectRoot } from '../support/astro-build.ts';

/** The eight pages of the guide, in reading order (the product's page list). */
export const guideSlugs = [
  '',
  'data-protection',
  'managing-access',
  'cloudtrail-logging',
  'service-linked-roles',
  'compliance-validation',
  'resilience',
  'infrastructure-security',
] as const;

/** The `title:` a page's source file declares (what its h1 must show). */
export function sourceTitle(slug: string): string {
  const file = join(projectRoot, 'content', `${slug || 'index'}.mdx`);
  const match = /^title:\s*(.+)$/m.exec(readFileSync(file, 'utf8'));
  if (!match?.[1]) throw new Error(`${file} has no title line`);
  return match[1].trim().replace(/^(['"])(.*)\1$/, '$2');
}

/** Reads and parses a built page by slug (`''` for home). */
export function readPage(dist: string, slug: string): HTMLElement {
  return parse(readFileSync(join(dist, slug, 'index.html'), 'utf8'));
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
