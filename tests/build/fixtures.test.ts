import { describe, expect, it } from 'vitest';
import { astroBuild, outputRoot, projectRoot } from '../helpers/astro-build.ts';

/** Builds a fixture site under tests/fixtures/<name> and returns the exit code and log. */
function buildFixture(name: string) {
  return astroBuild({
    cwd: `${projectRoot}tests/fixtures/${name}`,
    outDir: `${outputRoot}fixture-${name}/`,
  });
}

describe('a writer’s mistake fails the build with a message that says where and what to fix', () => {
  it('a page without a description names the file, the field and the fix', async () => {
    const { code, output } = await buildFixture('bad-frontmatter');
    expect(code).not.toBe(0);
    expect(output).toMatch(/index\.mdx/);
    expect(output).toMatch(/description/);
    expect(output).toMatch(/add `description:`/);
  });

  it('search aliases written as one string instead of a list name the file, the field and the fix', async () => {
    const { code, output } = await buildFixture('bad-aliases');
    expect(code).not.toBe(0);
    expect(output).toMatch(/index\.mdx/);
    expect(output).toMatch(/aliases/);
    expect(output).toMatch(
      /write `aliases:` as a list, e\.g\. `aliases: \[SLR, service linked role\]`/,
    );
  });

  it('a link to a missing page file names the file, the line and the missing target', async () => {
    const { code, output } = await buildFixture('broken-page-link');
    expect(code).not.toBe(0);
    expect(output).toMatch(/Broken link "\.\/no-such-page\.mdx" in content\/index\.mdx/);
    expect(output).toMatch(/index\.mdx:14:\d+/);
  });
});
