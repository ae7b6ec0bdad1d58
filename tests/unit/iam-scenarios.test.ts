import { describe, expect, it } from 'vitest';
import { parseScenarios } from '../../src/lib/iam/scenarios.ts';

const block = [
  'policies: [export-key]',
  'scenarios:',
  '  - name: GuardDuty encrypts an export',
  '    principal: guardduty.amazonaws.com',
  '    action: kms:GenerateDataKey',
  '    resource: arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
  '    context:',
  "      aws:SourceAccount: '111122223333'",
  '      aws:CalledVia: [athena.amazonaws.com]',
  '    expect: allowed',
  '  - name: An administrator elsewhere cannot decrypt',
  '    principal: arn:aws:iam::444455556666:role/Admin',
  '    action: kms:Decrypt',
  "    resource: '*'",
  "    resource-account: '111122223333'",
  '    policies: [export-key, AdministratorAccess]',
  '    expect: denied',
].join('\n');

describe('parseScenarios', () => {
  it('reads each scenario with the line it starts on and where each field is written', () => {
    const { block: parsed, problems } = parseScenarios(block);
    expect(problems).toEqual([]);
    expect(parsed.policies).toEqual(['export-key']);
    const [first, second] = parsed.scenarios;
    expect(first).toMatchObject({
      name: 'GuardDuty encrypts an export',
      principal: 'guardduty.amazonaws.com',
      action: 'kms:GenerateDataKey',
      policies: ['export-key'],
      ownPolicies: false,
      expect: 'allowed',
      at: { line: 3, column: 5 },
      context: [
        ['aws:SourceAccount', '111122223333'],
        ['aws:CalledVia', ['athena.amazonaws.com']],
      ],
    });
    expect(first?.fieldAt.action).toEqual({ line: 5, column: 13 });
    expect(first?.contextAt['aws:SourceAccount']).toEqual({ line: 8, column: 7 });
    expect(second).toMatchObject({
      resource: '*',
      resourceAccount: '111122223333',
      policies: ['export-key', 'AdministratorAccess'],
      ownPolicies: true,
      expect: 'denied',
      at: { line: 11, column: 5 },
    });
  });

  it('reports a scenario that names no policy, at its line', () => {
    const { block: parsed, problems } = parseScenarios(
      block.replace('policies: [export-key]\n', ''),
    );
    expect(parsed.scenarios.map((s) => s.name)).toEqual([
      'An administrator elsewhere cannot decrypt',
    ]);
    expect(problems).toEqual([
      {
        point: { line: 2, column: 5 },
        message: 'scenario "GuardDuty encrypts an export" names no policy',
        fix: expect.stringMatching(/^add "policies: \[policy-id\]" at the top of the block/),
      },
    ]);
  });

  it('reports unknown fields and expectations with the nearest valid word', () => {
    const { problems } = parseScenarios(
      block
        .replace('expect: allowed', 'expected: allowed')
        .replace('expect: denied', 'expect: deny'),
    );
    expect(problems.map((p) => [p.point.line, p.message, p.fix])).toEqual([
      [
        10,
        'scenario 1 has an unknown field "expected"',
        expect.stringContaining('did you mean "expect"?'),
      ],
      [
        3,
        'scenario "GuardDuty encrypts an export" has no "expect"',
        expect.stringContaining('add "expect:"'),
      ],
      [
        17,
        'scenario "An administrator elsewhere cannot decrypt" expects "deny"',
        expect.stringContaining('did you mean "denied"?'),
      ],
    ]);
  });

  it('refuses unquoted numbers and booleans, which YAML would change', () => {
    const { problems } = parseScenarios(
      block
        .replace("aws:SourceAccount: '111122223333'", 'aws:SourceAccount: 011122223333')
        .replace("resource-account: '111122223333'", 'resource-account: 111122223333'),
    );
    expect(problems.map((p) => p.message)).toEqual([
      'scenario "GuardDuty encrypts an export" sets context key "aws:SourceAccount" to ' +
        '11122223333, not a string',
      'scenario "An administrator elsewhere cannot decrypt" has "resource-account": ' +
        '111122223333, not a quoted 12-digit account ID',
    ]);
  });

  it('reports invalid YAML and a block without scenarios', () => {
    const invalid = parseScenarios('policies: [a]\nscenarios:\n  - name: x\n   action: y');
    expect(invalid.problems[0]?.message).toMatch(/^invalid YAML in the scenarios block: /);
    expect(invalid.problems[0]?.point.line).toBeGreaterThan(1);
    expect(parseScenarios('policies: [a]').problems.map((p) => p.message)).toEqual([
      'the scenarios block has no "scenarios:" list',
    ]);
    expect(parseScenarios('- a').problems.map((p) => p.message)).toEqual([
      'the scenarios block is not a YAML map',
    ]);
  });
});
