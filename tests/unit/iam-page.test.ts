import { describe, expect, it } from 'vitest';
import { createCatalogLoader } from '../../src/lib/iam/load-catalog.ts';
import {
  judgeRun,
  planPage,
  readPageCode,
  type CodeBlock,
  type PageCode,
} from '../../src/lib/iam/page.ts';
import { simulate, validatePolicy } from '../../src/lib/iam/simulate.ts';
import { sortProblems } from '../../src/lib/source-problems.ts';

const loader = createCatalogLoader();

/** The fenced blocks of a Markdown text, with their positions, as the remark plugin finds them. */
function codeBlocks(page: string): CodeBlock[] {
  const lines = page.split('\n');
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w+)(?: (.*))?$/.exec(lines[i] ?? '');
    if (!open) continue;
    const end = lines.findIndex((line, j) => j > i && line === '```');
    const meta = open[2];
    blocks.push({
      lang: open[1],
      meta,
      value: lines.slice(i + 1, end).join('\n'),
      fence: { line: i + 1, column: 1 },
      metaAt: { line: i + 1, column: meta ? (lines[i] ?? '').indexOf(meta) + 1 : 1 },
    });
    i = end;
  }
  return blocks;
}

/** Reads, checks and simulates a page: every problem as `line:column message`. */
async function problemsOf(page: string): Promise<string[]> {
  const code: PageCode = readPageCode(codeBlocks(page));
  const plan = planPage(code, await loader.load(code.services), validatePolicy);
  const problems = [...plan.problems];
  for (const run of plan.runs)
    problems.push(...judgeRun(run, await simulate(run.simulation)).problems);
  return sortProblems(problems).map((p) => `${p.line}:${p.column} ${p.message}`);
}

const triage = `
\`\`\`json policy="triage" kind="identity"
{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "guardduty:ArchiveFindings", "Resource": "*" },
    { "Effect": "Deny", "Action": "guardduty:DeleteDetector", "Resource": "*" }
  ]
}
\`\`\`

\`\`\`scenarios
policies: [triage]
scenarios:
  - name: A responder archives findings
    principal: arn:aws:iam::111122223333:role/Responder
    action: guardduty:ArchiveFindings
    resource: '*'
    expect: allowed
  - name: A responder with AdministratorAccess cannot delete the detector
    principal: arn:aws:iam::111122223333:role/Responder
    action: guardduty:DeleteDetector
    resource: arn:aws:guardduty:us-east-1:111122223333:detector/12abc34d567e8fa901bc2d34e56789f0
    policies: [triage, AdministratorAccess]
    expect: explicitly denied
\`\`\`
`;

const trust = `
\`\`\`json policy="forwarder-trust" kind="trust"
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": { "Service": "events.amazonaws.com" },
      "Action": "sts:AssumeRole"
    }
  ]
}
\`\`\`

\`\`\`scenarios
policies: [forwarder-trust]
scenarios:
  - name: EventBridge assumes the role
    principal: events.amazonaws.com
    action: sts:AssumeRole
    resource: arn:aws:iam::111122223333:role/Forwarder
    expect: allowed
  - name: Another service cannot assume it
    principal: lambda.amazonaws.com
    action: sts:AssumeRole
    resource: arn:aws:iam::111122223333:role/Forwarder
    expect: denied
\`\`\`
`;

describe('the IAM data a page is checked with', () => {
  it('includes the services of its resources and context keys, whatever other pages read', async () => {
    // sts:AssumeRole acts on an iam role: the page needs iam's resource types, though no policy
    // or action on it names iam.
    const code = readPageCode(codeBlocks(trust));
    expect([...code.services].sort()).toEqual(['iam', 'sts']);
    const fresh = createCatalogLoader();
    const plan = planPage(code, await fresh.load(code.services), validatePolicy);
    expect(plan.problems).toEqual([]);
  });

  it('holds exactly the services asked for, so a result never depends on compile order', async () => {
    const fresh = createCatalogLoader();
    await fresh.load(['iam', 'kms']);
    expect([...(await fresh.load(['sts'])).services.keys()]).toEqual(['sts']);
    expect(fresh.servicesRead()).toBe(3);
  });
});

describe('a page’s policies and scenarios', () => {
  it('pass when every scenario gets the result it expects and each policy has both kinds', async () => {
    expect(await problemsOf(triage)).toEqual([]);
    const code = readPageCode(codeBlocks(triage));
    expect([...code.policies.keys()]).toEqual(['triage']);
    expect([...code.services]).toEqual(['guardduty']);
  });

  it(
    'fail on a scenario the simulator decides otherwise, at its line, with the deciding ' +
      'statements',
    async () => {
      const [coverage, problem, ...rest] = await problemsOf(
        triage.replace('expect: explicitly denied', 'expect: allowed'),
      );
      expect(rest).toEqual([]);
      // Counted from what the scenarios expect: the policy now claims no denial at all.
      expect(coverage).toBe(
        '2:9 policy "triage" needs at least one allowed and one denied scenario (it has 2 ' +
          'allowed, 0 denied)',
      );
      expect(problem?.split('\n    ')).toEqual([
        '20:5 scenario "A responder with AdministratorAccess cannot delete the detector" expects ' +
          'allowed, but the simulator says explicitly denied.',
        'Denied by statement 2 of triage (identity policy): its action, resource and principal ' +
          'match, and it has no condition.',
      ]);
    },
  );

  it('fail on an IAM policy without policy="id" kind="...", and on policy= on other JSON', async () => {
    expect(await problemsOf('```json\n{ "Version": "2012-10-17", "Statement": [] }\n```')).toEqual([
      '1:1 the IAM policy in the ```json block on line 1 has no policy="id" kind="..."',
      '2:41 IAM policy example has an empty "Statement" list (in the ```json block that starts ' +
        'on line 1)',
    ]);
    expect(
      await problemsOf(
        '```json policy="pattern" kind="identity"\n{ "source": ["aws.guardduty"] }\n```',
      ),
    ).toEqual([
      '1:9 the ```json block on line 1 carries policy=/kind=, but it is not an IAM policy (it ' +
        'has no "Statement")',
    ]);
  });

  it('fail on a bad kind, a repeated id and a policy without scenarios', async () => {
    const page =
      `${triage}\n\`\`\`json policy="triage" kind="scpp"\n{ "Version": ` +
      `"2012-10-17", "Statement": [{ "Effect": "Deny", "Action": "guardduty:DeleteDetector", ` +
      `"Resource": "*" }] }\n\`\`\``;
    expect(await problemsOf(page)).toEqual([
      '28:9 policy id "triage" is already used on this page',
      '28:25 policy "triage" has kind="scpp"',
    ]);
    const lonely =
      '```json policy="lonely" kind="identity"\n{ "Version": "2012-10-17", "Statement": [{ ' +
      '"Effect": "Allow", "Action": "guardduty:GetFindings", "Resource": "*" }] }\n```';
    expect(await problemsOf(lonely)).toEqual(['1:9 policy "lonely" has no scenarios']);
  });

  it('fail on a scenario that names an unknown policy or a miscased action', async () => {
    const problems = await problemsOf(
      triage
        .replace(
          'policies: [triage, AdministratorAccess]',
          'policies: [triages, AdministratorAccess]',
        )
        .replace('action: guardduty:ArchiveFindings', 'action: guardduty:archivefindings'),
    );
    expect(problems).toEqual([
      '2:9 policy "triage" needs at least one allowed and one denied scenario (it has 1 ' +
        'allowed, 0 denied)',
      '17:13 scenario "A responder archives findings" has the action ' +
        '"guardduty:archivefindings", which AWS spells "guardduty:ArchiveFindings"',
      '24:15 scenario "A responder with AdministratorAccess cannot delete the detector" names ' +
        'the policy "triages", which is neither on this page nor built in',
    ]);
  });

  it('fail on a resource of the wrong type, a wildcard resource and an unknown context key', async () => {
    const problems = await problemsOf(
      triage
        .replace(
          'resource: ' +
            'arn:aws:guardduty:us-east-1:111122223333:detector/12abc34d567e8fa901bc2d34e56789f0',
          'resource: arn:aws:guardduty:us-east-1:111122223333:detector/12abc/filter/x\n    ' +
            "context:\n      aws:SourceAccounts: '111122223333'",
        )
        .replace("resource: '*'", 'resource: arn:aws:guardduty:us-east-1:111122223333:detector/*'),
    );
    expect(problems).toEqual([
      '18:15 scenario "A responder archives findings" has the resource ' +
        '"arn:aws:guardduty:us-east-1:111122223333:detector/*", with a wildcard: a request is ' +
        'for one resource',
      '23:15 scenario "A responder with AdministratorAccess cannot delete the detector" has ' +
        'the resource "arn:aws:guardduty:us-east-1:111122223333:detector/12abc/filter/x", ' +
        'which is not an ARN guardduty:DeleteDetector takes (detector)',
      '25:7 scenario "A responder with AdministratorAccess cannot delete the detector" sets ' +
        'the context key "aws:SourceAccounts", which is not a key of guardduty:DeleteDetector, ' +
        'of its resource types, or a global key: IAM never puts it in this request',
    ]);
  });
});
