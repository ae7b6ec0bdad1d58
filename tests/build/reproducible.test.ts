import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroBuild, outputRoot } from '../support/astro-build.ts';
import { rootBuild, testSiteUrl } from '../helpers/builds.ts';

/** sha256 of every file below `dir`, keyed by its path relative to `dir`. */
function digests(dir: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    result.set(relative(dir, full), createHash('sha256').update(readFileSync(full)).digest('hex'));
  }
  return result;
}

/** Where two versions of a file first differ, with a little context, to find what leaked in. */
function firstDifference(a: string, b: string): string {
  const left = readFileSync(a, 'utf8');
  const right = readFileSync(b, 'utf8');
  let i = 0;
  while (i < left.length && left[i] === right[i]) i++;
  return `at character ${i}: ${JSON.stringify(left.slice(Math.max(0, i - 40), i + 40))} vs ${JSON.stringify(right.slice(Math.max(0, i - 40), i + 40))}`;
}

describe('a build is reproducible', () => {
  it('two builds of the same source and environment are byte-identical, Pagefind index included', async () => {
    const first = rootBuild.dist;
    const second = `${outputRoot}reproducible-root/`;
    // The same environment tests/global-setup.ts gives the build at the domain root.
    const result = await astroBuild({
      outDir: second,
      env: { BASE_PATH: '/', SITE_URL: testSiteUrl },
    });
    expect(result.code, result.output).toBe(0);

    const a = digests(first);
    const b = digests(second);
    expect(
      [...b.keys()].sort(),
      'the second build wrote a different set of files (hashed names differ when content does)',
    ).toEqual([...a.keys()].sort());
    expect(
      [...a.keys()].some((f) => f.startsWith('pagefind/fragment/')),
      'Pagefind output is part of the comparison',
    ).toBe(true);
    const differing = [...a].filter(([file, hash]) => b.get(file) !== hash).map(([file]) => file);
    const report = differing
      .slice(0, 5)
      .map(
        (file) =>
          `${file} ${/\.(html|js|css|json|xml|txt|md)$/.test(file) ? firstDifference(join(first, file), join(second, file)) : '(binary)'}`,
      );
    // (A source file edited while the tests run also shows up here: rerun on an unchanged tree.)
    expect(differing, `files that differ between two builds:\n${report.join('\n')}`).toEqual([]);
  });
});
