import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, inject, it } from 'vitest';
import { countProseWords } from '../../src/lib/prose.ts';
import { astroBuild, outputRoot, projectRoot } from '../helpers/astro-build.ts';
import { guideSlugs, readPage } from '../helpers/dist.ts';

/** Builds a fixture site under tests/fixtures/<name> and returns the exit code, log and output folder. */
async function buildFixture(name: string) {
  const outDir = `${outputRoot}fixture-${name}/`;
  return { ...(await astroBuild({ cwd: `${projectRoot}tests/fixtures/${name}`, outDir })), outDir };
}

/** The ids of the h2 to h6 headings in a built page's article, in page order (the h1 is the layout's title). */
function builtHeadingIds(html: string): string[] {
  return parse(html)
    .querySelectorAll('article h2, article h3, article h4, article h5, article h6')
    .map((h) => h.id);
}

/** What a page's "On this page" links to, and what each h2–h4 permalink links to, in page order. */
function headingLinks(html: string): { toc: string[]; permalinks: string[] } {
  const root = parse(html);
  return {
    toc: root.querySelectorAll('.toc a').map((a) => a.getAttribute('href') ?? ''),
    permalinks: root
      .querySelectorAll('article .heading > .heading-link')
      .map((a) => a.getAttribute('href') ?? ''),
  };
}

describe('a mistake in an example or a link fails the build, naming the file, the line and the fix', () => {
  it('a ```json block that does not parse: the line of the trailing comma, the parser message and the fix', async () => {
    const { code, output } = await buildFixture('invalid-json');
    expect(code).not.toBe(0);
    expect(output).toContain('content/index.mdx:22:23 invalid JSON: trailing comma before "]"');
    expect(output).toMatch(/in the ```json block that starts on line 16, at its line 6, column 23/);
    expect(output).toMatch(/Fix: JSON allows no comments, trailing commas/);
  });

  it('an IAM action that does not exist, with the real name to use', async () => {
    const { code, output } = await buildFixture('unknown-iam-action');
    expect(code).not.toBe(0);
    expect(output).toContain(
      'content/index.mdx:22:9 "guardduty:GetFinding" is not a GuardDuty IAM action',
    );
    expect(output).toMatch(/Fix: did you mean "guardduty:GetFindings"\?/);
  });

  it('actions without a resource type in statements scoped to a detector ARN: the Allow grants and the Deny blocks nothing', async () => {
    const { code, output } = await buildFixture('unscopable-action');
    expect(code).not.toBe(0);
    expect(output).toContain('2 problems in content/index.mdx');
    expect(output).toMatch(
      /content\/index\.mdx:25:9 "guardduty:GetFindings" takes no resource type, .* this statement grants nothing/,
    );
    expect(output).toMatch(
      /content\/index\.mdx:32:17 "guardduty:DisassociateMembers" takes no resource type, .* this Deny blocks nothing/,
    );
    expect(output).toMatch(
      /Fix: move "guardduty:GetFindings" to a statement with "Resource": "\*"/,
    );
    // GetDetector accepts a detector ARN: not reported.
    expect(output).not.toMatch(/"guardduty:GetDetector"/);
  });

  it('an IAM policy without a Version', async () => {
    const { code, output } = await buildFixture('policy-without-version');
    expect(code).not.toBe(0);
    expect(output).toContain('content/index.mdx:15:1 IAM policy example has no "Version"');
    expect(output).toMatch(/Fix: add "Version": "2012-10-17"/);
  });

  it('a #fragment that matches no heading, on another page or the same one, listing the nearest valid anchors', async () => {
    const { code, output } = await buildFixture('broken-anchor');
    expect(code).not.toBe(0);
    expect(output).toContain(
      'content/index.mdx:14:6 Broken anchor "./other.mdx#export-findings": content/other.mdx has no heading or id "export-findings"',
    );
    expect(output).toMatch(
      /Fix: link to one of the nearest valid anchors: #export-findings-for-longer-retention, /,
    );
    expect(output).toContain(
      'content/index.mdx:15:19 Broken anchor "#check-list": content/index.mdx has no heading or id "check-list"',
    );
    expect(output).toMatch(/nearest valid anchors: #checklist/);
  });
});

describe('heading ids come from one place: the links written to them, the contents and the permalinks agree with the build', () => {
  it('for headings with repeats, code, quotes and dashes, ampersands and accents, and ids set by hand', async () => {
    // The fixture links to #example-1, a code heading and a hand-made id: the build checks them.
    const { code, output, outDir } = await buildFixture('anchors-match-build');
    expect(code, output).toBe(0);
    expect(output).toMatch(/Checked [3-9] #fragment links in the sources: none broken/);
    const ids = (page: string) =>
      builtHeadingIds(readFileSync(join(outDir, page, 'index.html'), 'utf8'));
    expect(ids('')).toEqual(['example', 'example-1', 'who-can-disable-guardduty-and-how']);
    expect(ids('other/')).toEqual([
      'dont----stop-guardduty',
      'the-sendsecuritytelemetry-data-event',
      'ellipsis-and-quotes--ampersands',
      'résumé-ünïcode-headings',
    ]);
    expect(
      parse(readFileSync(join(outDir, 'other/index.html'), 'utf8')).querySelector(
        'article #hand-made',
      ),
    ).not.toBeNull();
  });

  it('for every page of the guide', () => {
    const dist = inject('rootDist');
    for (const slug of guideSlugs) {
      const html = readFileSync(join(dist, slug, 'index.html'), 'utf8');
      const ids = builtHeadingIds(html);
      expect(ids.length, slug).toBeGreaterThan(0);
      const { toc, permalinks } = headingLinks(html);
      const h2h3 = parse(html)
        .querySelectorAll('article h2, article h3')
        .map((h) => `#${h.id}`);
      expect(toc, slug).toEqual(h2h3);
      expect(permalinks, slug).toEqual(
        parse(html)
          .querySelectorAll('article h2, article h3, article h4')
          .map((h) => `#${h.id}`),
      );
    }
  });
});

describe('every topic page gives a reader what the guide promises', () => {
  const dist = inject('rootDist');
  const topics = guideSlugs.filter((slug) => slug !== '');

  it('the content folder holds exactly the guide’s pages', () => {
    expect(readdirSync(join(projectRoot, 'content')).sort()).toEqual(
      guideSlugs.map((s) => `${s || 'index'}.mdx`).sort(),
    );
  });

  it.each(topics)(
    '%s: 700 to 1,500 words of prose, a table, a code example and links to the pages before and after it',
    (slug) => {
      const words = countProseWords(
        readFileSync(join(projectRoot, 'content', `${slug}.mdx`), 'utf8'),
      );
      expect(words).toBeGreaterThanOrEqual(700);
      expect(words).toBeLessThanOrEqual(1500);
      const article = readPage(dist, slug).querySelector('article');
      expect(article?.querySelectorAll('table').length).toBeGreaterThan(0);
      expect(article?.querySelectorAll('pre').length).toBeGreaterThan(0);
      const linked = new Set(
        (article?.querySelectorAll('a[href^="/"]') ?? []).map(
          (a) => (a.getAttribute('href') ?? '').split('#')[0],
        ),
      );
      const at = guideSlugs.indexOf(slug);
      const neighbours = [guideSlugs[at - 1], guideSlugs[at + 1]]
        .filter((s) => s !== undefined)
        .map((s) => (s ? `/${s}/` : '/'));
      for (const href of neighbours) expect(linked, `${slug} links to ${href}`).toContain(href);
    },
  );

  it('callouts are notes named by their type and title, never unnamed or landmarks', () => {
    let callouts = 0;
    for (const slug of guideSlugs) {
      for (const callout of readPage(dist, slug).querySelectorAll('article .callout')) {
        callouts += 1;
        expect(callout.getAttribute('role'), slug).toBe('note');
        const title = callout.querySelector('.callout-title')?.text.trim() ?? '';
        expect(callout.getAttribute('aria-label'), slug).toMatch(
          new RegExp(`^(Note|Tip|Warning)(: ${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})?$`),
        );
      }
    }
    expect(callouts).toBeGreaterThan(0);
  });

  it('the overview shows the shared responsibility model as a named, described SVG', () => {
    const svg = readPage(dist, '').querySelector('article svg[role="img"]');
    const title = svg?.querySelector(`#${svg.getAttribute('aria-labelledby') ?? 'missing'}`);
    const desc = svg?.querySelector(`#${svg.getAttribute('aria-describedby') ?? 'missing'}`);
    expect(title?.tagName.toLowerCase()).toBe('title');
    expect(title?.text).toMatch(/shared responsibility/i);
    expect(desc?.tagName.toLowerCase()).toBe('desc');
    expect(desc?.text).toMatch(/customer.*AWS/s);
  });

  it('the overview is shorter than a topic page and links to every topic', () => {
    expect(
      countProseWords(readFileSync(join(projectRoot, 'content', 'index.mdx'), 'utf8')),
    ).toBeLessThan(700);
    const hrefs = readPage(dist, '')
      .querySelectorAll('article a')
      .map((a) => a.getAttribute('href'));
    for (const slug of topics) expect(hrefs).toContain(`/${slug}/`);
  });
});
