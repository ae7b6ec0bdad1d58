import { describe, expect, it } from 'vitest';
import { llmsTxt, markdownTwin } from '../../src/lib/markdown-twin.ts';
import { docPage } from '../helpers/pages.ts';

const body = `import Something from '../somewhere.astro';

Intro with a [link to roles](./service-linked-roles.mdx#deleting-the-role), [a section here](#retention)
and [AWS](https://docs.aws.amazon.com/guardduty/).

<SharedResponsibilityDiagram />

{/* an author's note */}

<Callout type="warning" title="Deploy the rule in every Region">
EventBridge rules are **Regional**.
</Callout>

| Data | Kept |
| --- | --- |
| Findings | 90 days |

\`\`\`json
{ "Version": "2012-10-17" }
\`\`\`

\`\`\`scenarios
policies: [export-key]
scenarios:
  - name: GuardDuty encrypts an export | for this account
    principal: guardduty.amazonaws.com
    action: kms:GenerateDataKey
    resource: arn:aws:kms:us-east-1:111122223333:key/k
    context:
      aws:SourceAccount: '111122223333'
    expect: allowed
\`\`\`
`;

const page = docPage('data-protection', 1, {
  title: 'Data protection',
  description: 'How GuardDuty protects data.',
});
const twin = markdownTwin(page, body, {
  site: 'https://guide.example.com',
  base: '/docs/',
  sourceFile: 'data-protection.mdx',
});

describe('the Markdown twin of a page', () => {
  it('opens with the title, the summary, the web address, the review date and the latest change', () => {
    expect(twin.split('\n').slice(0, 5)).toEqual([
      '# Data protection',
      '',
      '> How GuardDuty protects data.',
      '',
      'Web page: <https://guide.example.com/docs/data-protection/>. Last reviewed: 2026-11-28. ' +
        'Latest change (2026-11-28, addition): Published data-protection.',
    ]);
  });

  it('turns links into absolute URLs that work outside the site', () => {
    expect(twin).toContain(
      '[link to roles](https://guide.example.com/docs/service-linked-roles/#deleting-the-role)',
    );
    expect(twin).toContain(
      '[a section here](https://guide.example.com/docs/data-protection/#retention)',
    );
    expect(twin).toContain('[AWS](https://docs.aws.amazon.com/guardduty/)');
  });

  it(
    'has no MDX left: imports and comments dropped, a callout becomes a labelled quote, a ' +
      'diagram a pointer',
    () => {
      expect(twin).not.toMatch(/import |<Callout|<Shared|an author's note/);
      expect(twin).toContain(
        '> **Warning: Deploy the rule in every Region**\n>\n> EventBridge rules are **Regional**.',
      );
      expect(twin).toContain(
        '_(The web page shows a shared responsibility diagram here: ' +
          '[https://guide.example.com/docs/data-protection/](https://guide.example.com/docs/data-protection/).)_',
      );
    },
  );

  it('keeps tables and code blocks as Markdown, and ends with the sources', () => {
    expect(twin).toMatch(/\| Data +\| Kept +\|/);
    expect(twin).toContain('```json\n{ "Version": "2012-10-17" }\n```');
    expect(
      twin.trimEnd().endsWith('## Sources\n\n- [Source](https://docs.aws.amazon.com/guardduty/)'),
    ).toBe(true);
  });
});

describe('the scenarios of a policy in the Markdown twin', () => {
  it('become a captioned Markdown table, as on the web page', () => {
    expect(twin).not.toContain('```scenarios');
    expect(twin).toContain('**Scenarios for `export-key`, checked by simulation at build time**');
    const rows = twin.split('\n').filter((line) => line.startsWith('| '));
    expect(rows.find((r) => r.includes('Request'))).toMatch(
      /^\| Scenario +\| Request +\| Expected \|$/,
    );
    expect(rows.find((r) => r.includes('GuardDuty encrypts'))).toMatch(
      /^\| GuardDuty encrypts an export \\\| for this account +\| `guardduty\.amazonaws\.com` calls `kms:GenerateDataKey` on `arn:aws:kms:us-east-1:111122223333:key\/k` with `aws:SourceAccount` = `111122223333` +\| Allowed +\|$/,
    );
  });
});

describe('llms.txt', () => {
  it('names the guide, summarises it and links each page’s Markdown twin with its description', () => {
    const text = llmsTxt('The Guide', 'What it is.', [
      {
        title: 'Data [protection]',
        description: 'How.',
        markdownUrl: 'https://g.example/data-protection/index.md',
      },
    ]);
    expect(text.startsWith('# The Guide\n\n> What it is.\n')).toBe(true);
    expect(text).toContain(
      '## Pages\n\n- [Data \\[protection\\]](https://g.example/data-protection/index.md): How.\n',
    );
  });
});

describe('the twin keeps the author’s Markdown and rewrites only the MDX and the links', () => {
  const body = [
    "import Diagram from '../diagram.astro';",
    '',
    '{/* one note */}',
    '',
    '{/* another */}',
    '',
    'See <Abbr>IAM</Abbr> roles<Marker /> and [the key](./data-protection.mdx#keys "Keys"), a',
    '[reference][roles] and https://docs.aws.amazon.com/guardduty/.',
    '',
    '* First item',
    '  <Callout type="tip">',
    '    Inside a list, with [a link](#retention).',
    '',
    '    ```sh',
    '    aws guardduty list-detectors',
    '',
    '    echo {not an expression}',
    '    ```',
    '  </Callout>',
    '* Second item',
    '',
    '[roles]: ./service-linked-roles.mdx',
  ].join('\n');
  const twin = markdownTwin(page, body, {
    site: 'https://guide.example.com',
    base: '/docs/',
    sourceFile: 'data-protection.mdx',
  });

  it('keeps inline components’ text, drops empty ones, and leaves no run of blank lines', () => {
    expect(twin).toContain('See IAM roles and [the key]');
    expect(twin).not.toMatch(/\n\n\n/);
    expect(twin).not.toMatch(/Marker|Abbr|one note|another/);
  });

  it('rewrites inline links with their titles and reference definitions, and keeps bare URLs', () => {
    expect(twin).toContain(
      '[the key](https://guide.example.com/docs/data-protection/#keys "Keys")',
    );
    expect(twin).toContain('[reference][roles]');
    expect(twin).toContain('[roles]: https://guide.example.com/docs/service-linked-roles/');
    expect(twin).toContain('[roles] and https://docs.aws.amazon.com/guardduty/.');
  });

  it('quotes a callout inside a list item at the item’s indentation, its code block intact', () => {
    expect(twin).toContain(
      [
        '* First item',
        '  > **Tip**',
        '  >',
        '  > Inside a list, with [a link](https://guide.example.com/docs/data-protection/#retention).',
        '  >',
        '  > ```sh',
        '  > aws guardduty list-detectors',
        '  >',
        '  > echo {not an expression}',
        '  > ```',
        '* Second item',
      ].join('\n'),
    );
  });
});
