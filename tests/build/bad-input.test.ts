import { describe, expect, it } from 'vitest';
import { astroBuild, outputRoot, projectRoot } from '../helpers/astro-build.ts';

/** Builds the fixture site tests/fixtures/<name> with extra environment; returns the exit code and log. */
function buildFixture(name: string, env: Record<string, string> = {}) {
  return astroBuild({
    cwd: `${projectRoot}tests/fixtures/${name}`,
    outDir: `${outputRoot}fixture-${name}/`,
    env,
  });
}

describe('a deployer’s mistake stops the build with a message that names the value and the fix', () => {
  it('SITE_URL without a scheme', async () => {
    const { code, output } = await buildFixture('deploy-env', { SITE_URL: 'guide.example.com' });
    expect(code).not.toBe(0);
    expect(output).toContain(
      'SITE_URL="guide.example.com" is not an absolute URL. Set it to the origin the site is served from, e.g. SITE_URL=https://guide.example.com',
    );
  });

  it('SITE_URL with a path, which belongs in BASE_PATH', async () => {
    const { code, output } = await buildFixture('deploy-env', {
      SITE_URL: 'https://guide.example.com/docs',
    });
    expect(code).not.toBe(0);
    expect(output).toContain(
      'SITE_URL="https://guide.example.com/docs" must be an origin only. Put the path in BASE_PATH instead, e.g. SITE_URL=https://guide.example.com BASE_PATH=/docs',
    );
  });

  it('BASE_PATH that is not a plain URL path', async () => {
    const { code, output } = await buildFixture('deploy-env', { BASE_PATH: '/my docs/' });
    expect(code).not.toBe(0);
    expect(output).toContain(
      'BASE_PATH="/my docs/" is not a plain URL path. Use segments separated by "/", e.g. BASE_PATH=/docs/',
    );
  });
});

describe('a writer’s mistake about page addresses or markup stops the build, naming the files and the fix', () => {
  it('two source files for one address (content/resilience.mdx and content/resilience/index.mdx)', async () => {
    const { code, output } = await buildFixture('duplicate-slug');
    expect(code).not.toBe(0);
    expect(output).toMatch(
      /multiple entries with the same slug: `resilience`\. Slugs must be unique\./,
    );
    expect(output).toContain('- content/resilience.mdx');
    expect(output).toContain('- content/resilience/index.mdx');
  });

  it('a page at an address the site itself uses (content/search.mdx)', async () => {
    const { code, output } = await buildFixture('reserved-slug');
    expect(code).not.toBe(0);
    expect(output).toContain(
      'content/search.mdx would be served at /search/, which the site itself uses',
    );
    expect(output).toContain('Rename the file.');
  });

  it('inline styling the Content-Security-Policy would block, with the built page and the fix', async () => {
    const { code, output } = await buildFixture('inline-style');
    expect(code).not.toBe(0);
    expect(output).toContain("would be blocked by the site's Content-Security-Policy");
    expect(output).toMatch(
      /index\.html:\d+: style="" attribute: <p style="color:red">Red text<\/p>/,
    );
    expect(output).toContain('fix: style it with a class in a stylesheet instead');
  });

  it('blocked markup hidden where a raw-text parser cannot see it: style="" in <pre>, a javascript: link in <noscript>', async () => {
    const { code, output } = await buildFixture('csp-hidden-markup');
    expect(code).not.toBe(0);
    expect(output).toContain("would be blocked by the site's Content-Security-Policy");
    expect(output).toMatch(
      /index\.html:\d+: style="" attribute: <span style="color:red">aws guardduty list-detectors/,
    );
    expect(output).toMatch(
      /index\.html:\d+: javascript: URL in href="": <a href="javascript:alert\(1\)">Search<\/a>/,
    );
    expect(output).toContain('fix: use a <button> with a listener from a script file');
  });

  it('the same fixture site, without the mistake, builds (so each failure above is the mistake’s doing)', async () => {
    const { code, output } = await buildFixture('deploy-env', {
      SITE_URL: 'https://guide.example.com',
      BASE_PATH: '/docs/',
    });
    expect(code, output).toBe(0);
  });
});
