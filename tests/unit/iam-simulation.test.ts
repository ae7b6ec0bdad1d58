import { describe, expect, it } from 'vitest';
import { parsePrincipal, type ScenarioPrincipal } from '../../src/lib/iam/arn.ts';
import type { Scenario } from '../../src/lib/iam/scenarios.ts';
import { simulate } from '../../src/lib/iam/simulate.ts';
import {
  buildSimulation,
  builtInPolicies,
  impliedAdministratorAccess,
  type PolicyExample,
} from '../../src/lib/iam/simulation.ts';
import { explainDecision, meetsExpectation } from '../../src/lib/iam/verdict.ts';

const keyArn = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const detectorArn =
  'arn:aws:guardduty:us-east-1:111122223333:detector/12abc34d567e8fa901bc2d34e56789f0';

function scenario(fields: Partial<Scenario>): Scenario {
  return {
    name: 'a request',
    principal: 'arn:aws:iam::111122223333:role/Analyst',
    action: 'guardduty:GetFindings',
    resource: '*',
    resourceAccount: undefined,
    context: [],
    policies: [],
    ownPolicies: false,
    expect: 'allowed',
    at: { line: 1, column: 1 },
    fieldAt: {},
    contextAt: {},
    complete: true,
    ...fields,
  };
}

function principal(value: string): ScenarioPrincipal {
  const parsed = parsePrincipal(value);
  if (!parsed) throw new Error(value);
  return parsed;
}

const keyPolicy: PolicyExample = {
  id: 'export-key',
  kind: 'resource',
  document: {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'KeyAdministrationThroughIam',
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::111122223333:root' },
        Action: 'kms:*',
        Resource: '*',
      },
      {
        Sid: 'GuardDutyEncrypts',
        Effect: 'Allow',
        Principal: { Service: 'guardduty.amazonaws.com' },
        Action: 'kms:GenerateDataKey',
        Resource: '*',
        Condition: {
          StringEquals: {
            'aws:SourceArn': 'arn:aws:guardduty:us-east-1:111122223333:detector/abc',
          },
        },
      },
    ],
  },
};
const scp: PolicyExample = {
  id: 'tamper-scp',
  kind: 'scp',
  document: {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'ProtectGuardDuty',
        Effect: 'Deny',
        Action: ['guardduty:DeleteDetector'],
        Resource: '*',
        Condition: {
          ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/GuardDutySecurityAdmin' },
        },
      },
    ],
  },
};
const endpoint: PolicyExample = {
  id: 'read-only-endpoint',
  kind: 'endpoint',
  document: {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: '*',
        Action: 'guardduty:GetFindings',
        Resource: '*',
        Condition: { StringEquals: { 'aws:PrincipalAccount': '111122223333' } },
      },
    ],
  },
};
const admin = builtInPolicies.get('AdministratorAccess');

function plan(s: Scenario, policies: PolicyExample[]) {
  const built = buildSimulation(s, principal(s.principal), policies);
  if (!built.ok) throw new Error(built.problem.message);
  return built;
}

describe('buildSimulation', () => {
  it('derives the context IAM always sends, and lets the scenario override it', () => {
    const iam = plan(scenario({ action: 'kms:Decrypt', resource: keyArn }), [keyPolicy]);
    expect(iam.simulation.request.contextVariables).toEqual({
      'aws:SecureTransport': 'true',
      'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/Analyst',
      'aws:PrincipalAccount': '111122223333',
      'aws:PrincipalIsAWSService': 'false',
      'aws:RequestedRegion': 'us-east-1',
      'aws:ResourceAccount': '111122223333',
    });
    const service = plan(
      scenario({
        principal: 'guardduty.amazonaws.com',
        action: 'kms:GenerateDataKey',
        resource: keyArn,
        context: [['aws:securetransport', 'false']],
      }),
      [keyPolicy],
    );
    expect(service.simulation.request.contextVariables).toEqual({
      'aws:securetransport': 'false',
      'aws:PrincipalServiceName': 'guardduty.amazonaws.com',
      'aws:PrincipalIsAWSService': 'true',
      'aws:RequestedRegion': 'us-east-1',
      'aws:ResourceAccount': '111122223333',
    });
  });

  it(
    'gives an IAM principal under guardrails only an implied AdministratorAccess, and none ' +
      'beside a resource policy',
    () => {
      const guarded = plan(scenario({}), [scp]);
      expect(guarded.impliedAdministrator).toBe(true);
      expect(guarded.simulation.identityPolicies.map((p) => p.name)).toEqual([
        impliedAdministratorAccess,
      ]);
      const withKey = plan(scenario({ action: 'kms:Decrypt', resource: keyArn }), [keyPolicy]);
      expect(withKey.simulation.identityPolicies).toEqual([]);
      expect(withKey.simulation.resourcePolicy).toBe(keyPolicy.document);
    },
  );

  it('puts FullAWSAccess beside every SCP and at the root', () => {
    const { simulation } = plan(scenario({}), [scp]);
    expect(
      simulation.serviceControlPolicies.map((level) => [
        level.orgIdentifier,
        level.policies.map((p) => p.name),
      ]),
    ).toEqual([
      ['root', ['FullAWSAccess']],
      ['111122223333', ['FullAWSAccess', 'tamper-scp']],
    ]);
  });

  it(
    'puts a resource without a type ("*") in the caller’s own account, an S3 ARN in the ' +
      'reader’s',
    () => {
      const other = plan(scenario({ principal: 'arn:aws:iam::444455556666:role/Admin' }), [
        endpoint,
      ]);
      expect(other.simulation.request.resource.accountId).toBe('444455556666');
      const bucket = plan(
        scenario({
          principal: 'arn:aws:iam::444455556666:role/Admin',
          action: 's3:GetObject',
          resource: 'arn:aws:s3:::amzn-s3-demo-bucket/x',
        }),
        admin ? [admin] : [],
      );
      expect(bucket.simulation.request.resource.accountId).toBe('111122223333');
    },
  );

  it('refuses combinations IAM never evaluates', () => {
    const service = principal('guardduty.amazonaws.com');
    const problem = (s: Scenario, p: ScenarioPrincipal, policies: PolicyExample[]) => {
      const built = buildSimulation(s, p, policies);
      return built.ok ? undefined : built.problem.message;
    };
    expect(problem(scenario({ principal: 'guardduty.amazonaws.com' }), service, [scp])).toMatch(
      /SCP "tamper-scp", which never applies to the service principal guardduty\.amazonaws\.com/,
    );
    const slr =
      'arn:aws:iam::111122223333:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty';
    expect(problem(scenario({ principal: slr }), principal(slr), [scp])).toMatch(
      /SCPs and RCPs never restrict a service-linked role/,
    );
    expect(
      problem(scenario({}), principal('arn:aws:iam::111122223333:role/A'), [
        keyPolicy,
        { ...keyPolicy, id: 'other-key' },
      ]),
    ).toMatch(/a request reaches one resource, which has one resource policy/);
    expect(
      problem(scenario({ action: 'kms:Decrypt' }), principal('arn:aws:iam::111122223333:role/A'), [
        { ...keyPolicy, id: 'role-trust', kind: 'trust' },
      ]),
    ).toMatch(/a trust policy only decides who may assume the role/);
  });
});

describe('the simulated decision, judged and explained', () => {
  const run = async (s: Scenario, policies: PolicyExample[]) => {
    const { simulation } = plan(s, policies);
    const response = await simulate(simulation);
    if (response.resultType !== 'single') throw new Error(JSON.stringify(response));
    const explained = explainDecision(response.result.analysis, {
      action: s.action,
      resource: s.resource,
      principal: s.principal,
      resourcePolicyId: policies.find((p) => p.kind === 'resource')?.id,
      describePolicy: (id) => `${id} (${policies.find((p) => p.id === id)?.kind ?? 'built in'})`,
    });
    return { result: response.overallResult, explained };
  };

  it('names the condition that kept a service out, with the value the request had', async () => {
    const { result, explained } = await run(
      scenario({
        principal: 'guardduty.amazonaws.com',
        action: 'kms:GenerateDataKey',
        resource: keyArn,
        context: [['aws:SourceArn', 'arn:aws:guardduty:eu-west-1:111122223333:detector/abc']],
      }),
      [keyPolicy],
    );
    expect(result).toBe('ImplicitlyDenied');
    expect(meetsExpectation('denied', result)).toBe(true);
    expect(meetsExpectation('allowed', result)).toBe(false);
    expect(explained).toEqual([
      'No statement of export-key (resource) allows it.',
      'Statement 1 "KeyAdministrationThroughIam" of export-key (resource) does not apply: its ' +
        'Principal does not name guardduty.amazonaws.com.',
      'Statement 2 "GuardDutyEncrypts" of export-key (resource) does not apply: its condition ' +
        'aws:SourceArn StringEquals "arn:aws:guardduty:us-east-1:111122223333:detector/abc" ' +
        '(the request has "arn:aws:guardduty:eu-west-1:111122223333:detector/abc") is not met.',
    ]);
  });

  it('names the Deny that decided, and the Deny that did not cover an action that got through', async () => {
    const denied = await run(
      scenario({ action: 'guardduty:DeleteDetector', resource: detectorArn }),
      [scp],
    );
    expect(denied.result).toBe('ExplicitlyDenied');
    expect(meetsExpectation('explicitly denied', denied.result)).toBe(true);
    expect(denied.explained[0]).toMatch(
      /^Denied by statement 1 "ProtectGuardDuty" of tamper-scp \(scp\): its action, resource and principal match, and so does its condition aws:PrincipalArn ArnNotLike/,
    );
    const allowed = await run(
      scenario({ action: 'guardduty:UpdateDetector', resource: detectorArn }),
      [scp],
    );
    expect(allowed.result).toBe('Allowed');
    expect(allowed.explained).toEqual([
      `Allowed by statement 1 of ${impliedAdministratorAccess} (built in); no Deny statement ` +
        `applies.`,
      'Statement 1 "ProtectGuardDuty" of tamper-scp (scp) does not apply: its Action does not ' +
        'cover guardduty:UpdateDetector.',
    ]);
  });

  it('says which guardrail allowed nothing when the identity policy did', async () => {
    const { result, explained } = await run(
      scenario({ principal: 'arn:aws:iam::444455556666:role/Admin' }),
      [endpoint],
    );
    expect(result).toBe('ImplicitlyDenied');
    expect(explained[0]).toBe(
      'The identity and resource policies allow it, but no statement of the VPC endpoint ' +
        'policy does.',
    );
    expect(explained[1]).toMatch(
      /^Statement 1 of read-only-endpoint \(endpoint\) does not apply: its condition aws:PrincipalAccount StringEquals "111122223333" \(the request has "444455556666"\) is not met\.$/,
    );
  });
});
