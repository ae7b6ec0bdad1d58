import { describe, expect, it } from 'vitest';
import { anchorIds, extractAnchors } from '../../src/lib/headings.ts';

const page = (body: string) =>
  `---\ntitle: A page\ndescription: Only here to be skipped, not read as a heading.\n---\n\n${body}`;

describe('extractAnchors', () => {
  it('gives headings the ids Astro gives them: github-slugger over the text, punctuation dropped', async () => {
    const { headings } = await extractAnchors(
      page('## Who can disable GuardDuty?\n\n### The `SendSecurityTelemetry` data event\n'),
    );
    expect(headings).toEqual([
      { depth: 2, slug: 'who-can-disable-guardduty', text: 'Who can disable GuardDuty?' },
      {
        depth: 3,
        slug: 'the-sendsecuritytelemetry-data-event',
        text: 'The SendSecurityTelemetry data event',
      },
    ]);
  });

  it('numbers repeated headings and slugs quotes and dashes as typed (no smartypants), as the build does', async () => {
    const anchors = await extractAnchors(page("## Example\n\n## Example\n\n## Don't -- wait\n"));
    expect(anchors.headings.map((h) => h.slug)).toEqual(['example', 'example-1', 'dont----wait']);
  });

  it('does not read frontmatter as a heading and collects ids set on JSX elements', async () => {
    const anchors = await extractAnchors(
      page(
        'Text <span id="scp-example" />.\n\n<div id="figure-1">\n\nA figure.\n\n</div>\n\n## Only heading\n',
      ),
    );
    expect(anchors.headings.map((h) => h.slug)).toEqual(['only-heading']);
    expect(anchors.explicitIds).toEqual(['scp-example', 'figure-1']);
    expect(anchorIds(anchors)).toEqual(['only-heading', 'scp-example', 'figure-1']);
  });

  it('fails on MDX that does not parse, naming the problem', async () => {
    await expect(extractAnchors(page('## Broken {\n'))).rejects.toThrow();
  });
});
