import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/astro-build.ts';

/** `import … from 'x'`, `import 'x'`, `export … from 'x'` and `import('x')` specifiers in a source file. */
function importsOf(source: string): string[] {
  const from =
    /^(?:import|export)\s+(?:type\s+)?(?:\{[^}]*\}|\*(?:\s+as\s+\w+)?|\w+(?:\s*,\s*\{[^}]*\})?)\s+from\s+['"]([^'"]+)['"]/gm;
  const bare = /^import\s+['"]([^'"]+)['"]/gm;
  const dynamic = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
  return [...source.matchAll(from), ...source.matchAll(bare), ...source.matchAll(dynamic)].map(
    (m) => m[1] ?? '',
  );
}

function sources(folder: string): Array<{ file: string; source: string }> {
  const dir = join(projectRoot, folder);
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.[jt]s$/.test(f))
    .map((f) => ({
      file: relative(projectRoot, join(dir, f)),
      source: readFileSync(join(dir, f), 'utf8'),
    }));
}

describe('code that ships to the browser', () => {
  it('src/lib/browser/ imports nothing from Node or from outside the folder', () => {
    const found = sources('src/lib/browser').flatMap(({ file, source }) =>
      importsOf(source)
        .filter((spec) => !/^\.\/[\w-]+\.ts$/.test(spec))
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(found).toEqual([]);
  });

  it('src/scripts/ takes library code only from src/lib/browser/', () => {
    const found = sources('src/scripts').flatMap(({ file, source }) =>
      importsOf(source)
        .filter(
          (spec) =>
            !/^\.\/[\w-]+\.ts$/.test(spec) && !/^\.\.\/lib\/browser\/[\w-]+\.ts$/.test(spec),
        )
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(found).toEqual([]);
  });

  it('the checks see the imports they are about (this file would pass vacuously otherwise)', () => {
    expect(importsOf(readFileSync(join(projectRoot, 'src/scripts/page.ts'), 'utf8'))).toEqual(
      expect.arrayContaining(['./site-search.ts', './toc-spy.ts']),
    );
    expect(importsOf("import { x } from 'node:fs';\nconst y = import('./z.ts');")).toEqual([
      'node:fs',
      './z.ts',
    ]);
  });
});
