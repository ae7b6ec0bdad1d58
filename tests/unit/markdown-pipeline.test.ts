import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { satteri } from '@astrojs/markdown-satteri';
import { parse } from 'node-html-parser';
import { afterAll, describe, expect, it } from 'vitest';
import projectConfig from '../../astro.config.ts';
import { SourceAnchors } from '../../src/lib/source-anchors.ts';
import { markdownPipeline } from '../../src/plugins/markdown-pipeline.ts';
import { twinKey } from '../../src/plugins/remark-markdown-twin.ts';

const contentRoot = mkdtempSync(join(tmpdir(), 'pipeline-'));
afterAll(() => rmSync(contentRoot, { recursive: true, force: true }));
writeFileSync(join(contentRoot, 'other.mdx'), '# Other\n\n## Export\n');

/**
 * Compiles one page of `contentRoot` as the build does: the processor astro.config.ts makes from
 * the shared plugin list, its MDX renderer (with @astrojs/mdx's `optimize`) and the project's
 * Shiki settings.
 */
async function compilePage(file: string, source: string) {
  const anchors = new SourceAnchors();
  const processor = satteri(
    markdownPipeline({ site: 'https://guide.example.com', base: '/docs/', anchors, contentRoot }),
  );
  const { createMdxRenderer } = processor;
  if (!createMdxRenderer) throw new Error('satteri renders no MDX');
  const renderer = await createMdxRenderer(
    { syntaxHighlight: 'shiki', shikiConfig: projectConfig.markdown?.shikiConfig ?? {} },
    { optimize: true },
  );
  const { code } = await renderer.process(source, join(contentRoot, file), { title: 'A page' });
  return { code, anchors };
}

/** The static HTML of a compiled page: the `set:html` strings @astrojs/mdx's optimize makes. */
function staticHtml(code: string) {
  const strings = [...code.matchAll(/"set:html": ("(?:[^"\\]|\\.)*")/g)].map((m) =>
    String(JSON.parse(m[1] ?? '""')),
  );
  // Not pre's default raw-text parsing: the test reads the highlighted tokens inside <pre>.
  return parse(strings.join('\n'), { blockTextElements: { script: true, style: true } });
}

/** The frontmatter the compiled module exports (the plugins' additions included). */
function exportedFrontmatter(code: string): Record<string, unknown> {
  const json = /^export const frontmatter = (.*);$/m.exec(code)?.[1];
  return json ? (JSON.parse(json) as Record<string, unknown>) : {};
}

const page = `import Callout from '../components/Callout.astro';

Intro with "straight quotes", a --flag, ~~gone~~ and https://docs.aws.amazon.com/guardduty/.

## Key policy

See [the export](./other.mdx#export) and [below](#key-policy), <span id="scp" />.

|   | Option A |
| --- | --- |
| Cost | Low |

- [x] done

\`\`\`json
{ "Enable": true, "FindingPublishingFrequency": "SIX_HOURS" }
\`\`\`

<Callout type="note">
### Inside a callout
</Callout>
`;

describe('the shared plugin list compiles a page as the build does', () => {
  it('renders GFM and leaves punctuation as typed', async () => {
    const html = staticHtml((await compilePage('page.mdx', page)).code);
    expect(html.querySelectorAll('.table-scroll > table')).toHaveLength(1);
    expect(html.querySelector('thead td')?.text).toBe('');
    expect(html.querySelector('del')?.text).toBe('gone');
    expect(html.querySelector('a[href="https://docs.aws.amazon.com/guardduty/"]')).not.toBeNull();
    expect(html.querySelector('input[type="checkbox"]')?.hasAttribute('checked')).toBe(true);
    expect(html.text).toContain('"straight quotes", a --flag');
  });

  it('gives headings ids and permalinks, also inside a component', async () => {
    const html = staticHtml((await compilePage('page.mdx', page)).code);
    expect(
      html.querySelectorAll('.heading > .heading-link').map((a) => a.getAttribute('href')),
    ).toEqual(['#key-policy', '#inside-a-callout']);
  });

  it('highlights code with classes, never style="", in a named scroll region', async () => {
    const html = staticHtml((await compilePage('page.mdx', page)).code);
    const pre = html.querySelector('code-block > pre');
    expect(pre?.getAttribute('aria-label')).toBe('JSON example: Key policy');
    expect(pre?.querySelector('span.tok-keyword')?.text).toBe('"Enable"');
    expect(html.querySelectorAll('[style]')).toHaveLength(0);
  });

  it('turns source links into site URLs and records fragment links with their places', async () => {
    const { code, anchors } = await compilePage('page.mdx', page);
    const html = staticHtml(code);
    expect(html.querySelector('a[href="/docs/other/#export"]')?.text).toBe('the export');
    const record = anchors.pages().get('page.mdx');
    expect(record?.links.map(({ href, line, column }) => [href, line, column])).toEqual([
      ['./other.mdx#export', 7, 5],
      ['#key-policy', 7, 42],
    ]);
  });

  it('writes the page’s Markdown twin into its frontmatter', async () => {
    const { code } = await compilePage('page.mdx', page);
    const frontmatter = exportedFrontmatter(code);
    expect(frontmatter['title']).toBe('A page');
    expect(frontmatter[twinKey]).toContain(
      '[the export](https://guide.example.com/docs/other/#export)',
    );
  });

  it('fails on a link to a missing page, at its line and column', async () => {
    const compiling = compilePage('page.mdx', 'Intro.\n\nSee [gone](./gone.mdx).\n');
    await expect(compiling).rejects.toThrow(
      'content/page.mdx:3:5 Broken link "./gone.mdx" in content/page.mdx: ' +
        'there is no content/gone.mdx',
    );
    await expect(compiling).rejects.toMatchObject({ line: 3, column: 5 });
  });
});
