import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { scenarioTableHast } from '../../src/lib/iam/scenario-table.ts';
import { parseScenarios } from '../../src/lib/iam/scenarios.ts';

const { block } = parseScenarios(
  [
    'policies: [triage, tamper-scp]',
    'scenarios:',
    '  - name: A responder archives findings',
    '    principal: arn:aws:iam::111122223333:role/Responder',
    '    action: guardduty:ArchiveFindings',
    "    resource: '*'",
    '    expect: allowed',
    '  - name: A responder cannot read an export without TLS',
    '    principal: arn:aws:iam::111122223333:role/Responder',
    '    action: s3:GetObject',
    '    resource: arn:aws:s3:::amzn-s3-demo-bucket/a',
    '    context:',
    "      aws:SecureTransport: 'false'",
    '      aws:CalledVia: [athena.amazonaws.com, glue.amazonaws.com]',
    '    policies: [export-bucket, AdministratorAccess]',
    '    expect: explicitly denied',
  ].join('\n'),
);

describe('the scenario table under a policy', () => {
  const html = toHtml(scenarioTableHast(block));

  it('is a real table with a caption that says the rows were checked by simulation', () => {
    expect(html).toMatch(
      /^<table data-pagefind-ignore><caption>Scenarios for <code>triage<\/code> and <code>tamper-scp<\/code>, checked by simulation at build time<\/caption>/,
    );
    expect(html).toContain(
      '<thead><tr><th>Scenario</th><th>Request</th><th>Expected</th></tr></thead>',
    );
  });

  it('names each scenario in a row header, then the request and the expected result', () => {
    expect(html).toContain(
      '<tr><th scope="row">A responder archives ' +
        'findings</th><td><code>arn:aws:iam::111122223333:role/Responder</code> calls ' +
        '<code>guardduty:ArchiveFindings</code> on <code>*</code></td><td>Allowed</td></tr>',
    );
    expect(html).toContain(
      'with <code>aws:SecureTransport</code> = <code>false</code>, <code>aws:CalledVia</code> ' +
        '= <code>athena.amazonaws.com, glue.amazonaws.com</code>; policies: ' +
        '<code>export-bucket</code>, <code>AdministratorAccess</code></td><td>Explicitly ' +
        'denied</td>',
    );
  });

  it('stays lean and CSP-safe: no classes, no style attributes', () => {
    expect(html).not.toMatch(/class=|style=/);
  });
});
