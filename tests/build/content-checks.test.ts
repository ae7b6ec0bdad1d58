import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, inject, it } from 'vitest';
import { extractAnchors } from '../../src/lib/headings.ts';
import { countProseWords } from '../../src/lib/prose.ts';
import { astroBuild, outputRoot, projectRoot } from '../helpers/astro-build.ts';
import { guideSlugs, readPage } from '../helpers/dist.ts';

/** Builds a fixture site under tests/fixtures/<name> and returns the exit code, log and output folder. */
async function buildFixture(name: string) {
  const outDir = `${outputRoot}fixture-${name}/`;
  return { ...(await astroBuild({ cwd: `${projectRoot}tests/fixtures/${name}`, outDir })), outDir };
}

/** The ids of the h2 to h6 headings in a built page's article, in page order (the h1 is the ' +
  'layout's title). */
function builtHeadingIds(html: string): string[] {
  return parse(html)
    .querySelectorAll('article h2, article h3, article h4, article h5, article h6')
    .map((h) => h.id);
}

/** The ids extractAnchors reads from a source file for the same headings (pages start at ##). */
async function sourceHeadingIds(file: string): Promise<string[]> {
  const anchors = await extractAnchors(readFileSync(file, 'utf8'), file);
  return anchors.headings.filter((h) => h.depth >= 2).map((h) => h.slug);
}

describe(
  'a mistake in an example or a link fails the build, naming the file, the line and the ' + 'fix',
  () => {
    it(
      'a ```json block that does not parse: the line of the trailing comma, the parser message ' +
        'and the fix',
      async () => {
        const { code, output } = await buildFixture('invalid-json');
        expect(code).not.toBe(0);
        expect(output).toContain('content/index.mdx:22:23 invalid JSON: trailing comma before "]"');
        expect(output).toMatch(
          /in the ```json block that starts on line 16, at its line 6, column 23/,
        );
        expect(output).toMatch(/Fix: JSON allows no comments, trailing commas/);
      },
    );

    it('an IAM action that does not exist, with the real name to use', async () => {
      const { code, output } = await buildFixture('unknown-iam-action');
      expect(code).not.toBe(0);
      expect(output).toContain(
        'content/index.mdx:22:9 "guardduty:GetFinding" is not an IAM action',
      );
      expect(output).toMatch(/Fix: did you mean "guardduty:GetFindings"\?/);
    });

    it('an action of another service spelt differently from AWS, naming the canonical spelling', async () => {
      const { code, output } = await buildFixture('unknown-action-other-service');
      expect(code).not.toBe(0);
      expect(output).toContain(
        'content/index.mdx:22:17 "kms:GenerateDatakey" is spelt "kms:GenerateDataKey" by AWS',
      );
      expect(output).toMatch(/Fix: write "kms:GenerateDataKey"/);
    });

    it(
      'actions without a resource type in statements scoped to a detector ARN: the Allow grants ' +
        'and the Deny blocks nothing',
      async () => {
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
      },
    );

    it(
      'an ARN of a resource type the action cannot take, in any service, with the form it ' +
        'takes',
      async () => {
        const { code, output } = await buildFixture('wrong-resource-type');
        expect(code).not.toBe(0);
        expect(output).toMatch(
          /content\/index\.mdx:21:17 "kms:Decrypt" applies only to key ARNs, and no Resource in this statement \("arn:aws:kms:us-east-1:111122223333:alias\/guardduty-exports"\) can be one, so this statement grants nothing/,
        );
        expect(output).toContain(
          'Fix: name a matching ARN (arn:${Partition}:kms:${Region}:${Account}:key/${KeyId})',
        );
      },
    );

    it('a condition key no request carries, with the nearest real key', async () => {
      const { code, output } = await buildFixture('unknown-condition-key');
      expect(code).not.toBe(0);
      expect(output).toContain(
        'content/index.mdx:25:27 "aws:SourceAccounts" is not a condition key of ' +
          'kms:GenerateDataKey or a global condition key',
      );
      expect(output).toMatch(/Fix: did you mean "aws:SourceAccount"\?/);
    });

    it('an IAM policy without a Version', async () => {
      const { code, output } = await buildFixture('policy-without-version');
      expect(code).not.toBe(0);
      expect(output).toContain('content/index.mdx:15:1 IAM policy example has no "Version"');
      expect(output).toMatch(/Fix: add "Version": "2012-10-17"/);
    });

    it('a policy the simulator rejects for its kind, at the statement', async () => {
      const { code, output } = await buildFixture('simulator-rejects-policy');
      expect(code).not.toBe(0);
      expect(output).toContain(
        'content/index.mdx:20:20 the simulator rejects policy "read-findings" as an identity ' +
          'policy: Principal is not allowed in an identity policy statement',
      );
    });

    it(
      'a #fragment that matches no heading, on another page or the same one, listing the ' +
        'nearest valid anchors',
      async () => {
        const { code, output } = await buildFixture('broken-anchor');
        expect(code).not.toBe(0);
        expect(output).toContain(
          'content/index.mdx:14:6 Broken anchor "./other.mdx#export-findings": content/other.mdx ' +
            'has no heading or id "export-findings"',
        );
        expect(output).toMatch(
          /Fix: link to one of the nearest valid anchors: #export-findings-for-longer-retention, /,
        );
        expect(output).toContain(
          'content/index.mdx:15:19 Broken anchor "#check-list": content/index.mdx has no heading ' +
            'or id "check-list"',
        );
        expect(output).toMatch(/nearest valid anchors: #checklist/);
      },
    );
  },
);

describe(
  'a policy example is proven by its scenarios, or the build fails at the scenario’s ' + 'line',
  () => {
    it('scenarios that hold: the build passes, logs the simulation and shows them as a table', async () => {
      const { code, output, outDir } = await buildFixture('proven-policy');
      expect(code, output).toBe(0);
      expect(output).toMatch(
        /Simulated 2 policy scenarios in \d+ ms \(checked 1 policies in \d+ ms, with the IAM data of \d+ services, each read once\)/,
      );
      const page = parse(readFileSync(join(outDir, 'index.html'), 'utf8'));
      const caption = page.querySelector('article .table-scroll table caption');
      expect(caption?.text).toBe(
        'Scenarios for triage and AdministratorAccess, checked by simulation at build time',
      );
      expect(page.querySelectorAll('article table tbody tr')).toHaveLength(2);
    });

    it(
      'a scenario the simulator decides otherwise: expected and actual results, the statements ' +
        'that decided, the fix',
      async () => {
        const { code, output } = await buildFixture('scenario-disagrees');
        expect(code).not.toBe(0);
        expect(output).toContain(
          'content/index.mdx:49:5 scenario "A responder cannot send findings to a bucket of ' +
            'their ' +
            'own" expects explicitly denied, but the simulator says allowed.',
        );
        expect(output).toContain(
          'Allowed by statement 1 of AdministratorAccess (identity policy); no Deny statement ' +
            'applies.',
        );
        expect(output).toContain(
          'Statement 2 "NoDetectionChanges" of triage (identity policy) does not apply: its ' +
            'Action ' +
            'does not cover guardduty:CreatePublishingDestination.',
        );
        expect(output).toMatch(
          /Fix: correct the policy \(or, if the policy is right, the page's claim\)/,
        );
        // The scenarios that hold are not reported.
        expect(output).not.toMatch(/scenario "A responder archives findings"/);
      },
    );

    it('a scenario that names no policy', async () => {
      const { code, output } = await buildFixture('scenario-names-no-policy');
      expect(code).not.toBe(0);
      expect(output).toContain(
        'content/index.mdx:34:5 scenario "GuardDuty encrypts findings for this account" names no ' +
          'policy',
      );
      expect(output).toMatch(/Fix: add "policies: \[policy-id\]" at the top of the block/);
    });

    it('a scenario block that names a policy not on the page, with the id it meant', async () => {
      const { code, output } = await buildFixture('unknown-policy-id');
      expect(code).not.toBe(0);
      expect(output).toContain(
        'content/index.mdx:33:11 the scenarios name the policy "export-keys", which is neither ' +
          'on this page nor built in',
      );
      expect(output).toMatch(/Fix: did you mean "export-key"\?/);
    });

    it('a policy without scenarios', async () => {
      const { code, output } = await buildFixture('policy-without-scenarios');
      expect(code).not.toBe(0);
      expect(output).toContain('content/index.mdx:14:9 policy "export-key" has no scenarios');
      expect(output).toMatch(
        /Fix: add a ```scenarios block after it with policies: \[export-key\]/,
      );
    });

    it('scenarios with mistakes of their own: each reported, none lost', async () => {
      const { code, output } = await buildFixture('malformed-scenarios');
      expect(code).not.toBe(0);
      expect(output).toContain('4 problems in content/index.mdx');
      expect(output).toMatch(
        /content\/index\.mdx:34:15 scenario "An administrator cannot delete the detector" has the resource ".*\/filter\/x", which is not an ARN guardduty:DeleteDetector takes \(detector\)/,
      );
      expect(output).toContain(
        `content/index.mdx:41:7 scenario "An administrator still reads findings" sets context ` +
          `key "aws:SourceAccount" to 111122223333, not a string`,
      );
      expect(output).toContain(
        'Fix: quote the value (IAM compares context values as text): aws:SourceAccount: ' +
          "'111122223333'",
      );
      expect(output).toMatch(
        /content\/index\.mdx:42:7 scenario "An administrator still reads findings" sets the context key "aws:SourceAcount", which is not a key of guardduty:GetFindings/,
      );
      expect(output).toMatch(
        /content\/index\.mdx:44:5 scenario "GuardDuty itself is not stopped" names the SCP "tamper-scp", which never applies to the service principal guardduty\.amazonaws\.com/,
      );
    });

    it('an IAM policy whose fence has no policy="id" kind="..."', async () => {
      const { code, output } = await buildFixture('policy-without-id');
      expect(code).not.toBe(0);
      expect(output).toContain(
        'content/index.mdx:14:1 the IAM policy in the ```json block on line 14 has no ' +
          'policy="id" kind="..."',
      );
      expect(output).toMatch(
        /Fix: open the block with ```json policy="short-name" kind="identity\|resource/,
      );
    });
  },
);

describe('heading ids read from the source are the ids the build gives', () => {
  it(
    'for headings with repeats, code, quotes and dashes, ampersands and accents, and ids set ' +
      'by hand',
    async () => {
      const { code, output, outDir } = await buildFixture('anchors-match-build');
      expect(code, output).toBe(0);
      const content = join(projectRoot, 'tests/fixtures/anchors-match-build/content');
      for (const [file, page] of [
        ['index.mdx', ''],
        ['other.mdx', 'other/'],
      ] as const) {
        const html = readFileSync(join(outDir, page, 'index.html'), 'utf8');
        expect(await sourceHeadingIds(join(content, file)), file).toEqual(builtHeadingIds(html));
      }
      const other = await extractAnchors(
        readFileSync(join(content, 'other.mdx'), 'utf8'),
        'other.mdx',
      );
      expect(other.explicitIds).toEqual(['hand-made']);
      expect(
        parse(readFileSync(join(outDir, 'other/index.html'), 'utf8')).querySelector(
          'article #hand-made',
        ),
      ).not.toBeNull();
    },
  );

  it('for every page of the guide', async () => {
    const dist = inject('rootDist');
    for (const slug of guideSlugs) {
      const html = readFileSync(join(dist, slug, 'index.html'), 'utf8');
      const ids = builtHeadingIds(html);
      expect(ids.length, slug).toBeGreaterThan(0);
      expect(
        await sourceHeadingIds(join(projectRoot, 'content', `${slug || 'index'}.mdx`)),
        slug,
      ).toEqual(ids);
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
    '%s: 700 to 1,500 words of prose, a table, a code example and links to the pages before ' +
      'and after it',
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
