/**
 * The licence boundary: `@cloud-copilot/iam-simulate`, `iam-policy` and `iam-utils` are AGPL-3.0,
 * so the build and the tests may run them but no file shipped to a browser may contain them.
 * Minifiers rename functions but keep string literals, so each package is recognised by strings
 * of its own (checked against the package first, so the test cannot pass by looking for nothing).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/astro-build.ts';
import { builds } from '../helpers/builds.ts';

const agplPackages = [
  {
    name: '@cloud-copilot/iam-simulate',
    markers: ['Key value is not an array, this is a bug.', 'wildcardOnlyActionSpecificResource'],
  },
  { name: '@cloud-copilot/iam-policy', markers: ['Effect must be present and exactly'] },
  { name: '@cloud-copilot/iam-utils', markers: ['Unable to split resource '] },
];

/** Every JavaScript file under `dir`, with its text. */
function scripts(dir: string): Array<{ file: string; text: string }> {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.m?js$/.test(file))
    .map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') }));
}

describe('the AGPL policy simulator stays out of what browsers download', () => {
  it.each(agplPackages)('$name is recognisable by its markers', ({ name, markers }) => {
    const own = scripts(join(projectRoot, 'node_modules', name, 'dist', 'esm'));
    for (const marker of markers) {
      expect(
        own.some((s) => s.text.includes(marker)),
        `${name} no longer contains "${marker}": pick another marker`,
      ).toBe(true);
    }
  });

  it.each(builds)('no script in the site built $name contains any of them', ({ dist }) => {
    const shipped = scripts(dist);
    expect(shipped.length).toBeGreaterThan(0);
    const leaks = shipped.flatMap(({ file, text }) =>
      agplPackages.flatMap(({ name, markers }) =>
        markers.filter((m) => text.includes(m)).map(() => `${file} contains ${name}`),
      ),
    );
    expect(leaks).toEqual([]);
    expect(
      shipped.filter(({ text }) => text.includes('@cloud-copilot')).map((s) => s.file),
    ).toEqual([]);
  });
});
