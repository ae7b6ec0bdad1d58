import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openBuiltSite } from '../../src/lib/built-site.ts';
import {
  examineSite,
  passWorkerCount,
  type PageFindings,
} from '../../src/integrations/page-pass.ts';

const dirs: string[] = [];
const ignore = { found: () => undefined, held: () => undefined };
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A built site of `count` pages, each linking to the next, and one print shell. */
function builtSite(count: number, extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'page-pass-'));
  dirs.push(dir);
  const page = (i: number) =>
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>P</title></head><body>' +
    `<main><h1 id="p${i}">Page ${i}</h1><a href="/p${i + 1}/">next</a></main></body></html>`;
  const files: Record<string, string> = {
    'print/index.html': page(0).replace('<main>', '<main><!--print-chapter {"title":"x"}-->'),
    ...extra,
  };
  for (let i = 0; i < count; i++) files[`p${i}/index.html`] = page(i);
  for (const [file, html] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), html);
  }
  return dir;
}

describe('the post-build pass on more than one thread', () => {
  it('hands over every page in file order, whichever thread read it, and holds the print shells', async () => {
    const dir = builtSite(40);
    const found: PageFindings[] = [];
    const held: string[] = [];
    await examineSite(
      await openBuiltSite(dir, '/'),
      { found: (page) => found.push(page), held: (shell) => held.push(shell.file) },
      1,
    );
    const files = found.map((p) => p.file);
    expect(files).toHaveLength(40);
    expect(files).toEqual([...files].sort());
    expect(held).toEqual(['print/index.html']);
    const p7 = found.find((p) => p.file === 'p7/index.html');
    expect(p7?.links.contentIds).toEqual(['p7']);
    expect(p7?.links.refs).toEqual(['/p8/']);
  });

  it('writes each page back with the Content-Security-Policy <meta> after <meta charset>', async () => {
    const dir = builtSite(3);
    await examineSite(await openBuiltSite(dir, '/'), ignore, 1);
    const html = readFileSync(join(dir, 'p1/index.html'), 'utf8');
    expect(html).toMatch(
      /^<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="[^"]+">/,
    );
  });

  it('fails with the page and the fix when a page on the worker cannot take the policy', async () => {
    const bad = '<!doctype html><html><head><title>No charset</title></head><body></body></html>';
    const dir = builtSite(30, { 'zz-bad/index.html': bad });
    await expect(examineSite(await openBuiltSite(dir, '/'), ignore, 1)).rejects.toThrow(
      /zz-bad\/index\.html has no <meta charset="utf-8">.*render it through BaseLayout/,
    );
  });

  it('uses a worker per spare core and per 250 pages, at most two, none for a small site', () => {
    expect([1, 2, 4, 16].map((cores) => passWorkerCount(1000, cores))).toEqual([0, 1, 2, 2]);
    expect([100, 249, 250, 600].map((pages) => passWorkerCount(pages, 8))).toEqual([0, 0, 1, 2]);
  });
});
