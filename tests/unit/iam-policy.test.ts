import { describe, expect, it } from 'vitest';
import actionData from '../../src/data/guardduty-iam-actions.json' with { type: 'json' };
import {
  arnPatternCouldMatch,
  buildActionCatalog,
  checkPolicy,
  isPolicyDocument,
  matchActions,
  resourceTypesMatching,
} from '../../src/lib/iam-policy.ts';

const catalog = buildActionCatalog(actionData);
const detectorArn =
  'arn:aws:guardduty:us-east-1:111122223333:detector/12abc34d567e8fa901bc2d34e56789f0';
const ipSetArn = `${detectorArn}/ipset/0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f`;

/** A one-statement policy; `version: null` leaves Version out. */
function policy(statement: Record<string, unknown>, version: string | null = '2012-10-17') {
  return { ...(version === null ? {} : { Version: version }), Statement: [statement] };
}

describe('the action catalog', () => {
  it('holds every action of the data file, with the resource types each accepts', () => {
    expect(catalog.actions).toHaveLength(actionData.actions.length);
    expect(catalog.actions.find((a) => a.name === 'GetIPSet')?.resourceTypes).toEqual(['ipset']);
    expect(catalog.actions.find((a) => a.name === 'GetFindings')?.resourceTypes).toEqual([]);
  });

  it('matches action names case-insensitively and with IAM wildcards, returning canonical spellings', () => {
    expect(matchActions('getfindings', catalog).map((a) => a.name)).toEqual(['GetFindings']);
    expect(matchActions('Get*', catalog).map((a) => a.name)).toContain('GetDetector');
    expect(matchActions('Get*', catalog).every((a) => a.name.startsWith('Get'))).toBe(true);
    expect(matchActions('?etIPSet', catalog).map((a) => a.name)).toEqual(['GetIPSet']);
    expect(matchActions('*', catalog)).toHaveLength(actionData.actions.length);
    expect(matchActions('GetFinding', catalog)).toEqual([]);
  });
});

describe('arnPatternCouldMatch', () => {
  const detector = 'arn:${Partition}:guardduty:${Region}:${Account}:detector/${DetectorId}';
  const ipset =
    'arn:${Partition}:guardduty:${Region}:${Account}:detector/${DetectorId}/ipset/${IPSetId}';

  it('matches a concrete ARN only against its own resource type', () => {
    expect(arnPatternCouldMatch(detector, detectorArn)).toBe(true);
    expect(arnPatternCouldMatch(ipset, detectorArn)).toBe(false);
    expect(arnPatternCouldMatch(ipset, ipSetArn)).toBe(true);
    expect(arnPatternCouldMatch(detector, ipSetArn)).toBe(false);
  });

  it('lets * stand for several path segments, as IAM does, and ? for one character', () => {
    expect(arnPatternCouldMatch(ipset, 'arn:aws:guardduty:us-east-1:111122223333:detector/*')).toBe(
      true,
    );
    expect(arnPatternCouldMatch(detector, 'arn:aws:guardduty:*:*:detector/*')).toBe(true);
    expect(
      arnPatternCouldMatch(detector, 'arn:aws:guardduty:us-east-1:111122223333:detector/?'),
    ).toBe(true);
    expect(arnPatternCouldMatch(ipset, 'arn:aws:guardduty:us-east-1:111122223333:detector/?')).toBe(
      false,
    );
  });

  it('never fills a placeholder with a path separator or leaves it empty', () => {
    expect(
      arnPatternCouldMatch(detector, 'arn:aws:guardduty:us-east-1:111122223333:detector/a/b'),
    ).toBe(false);
    expect(
      arnPatternCouldMatch(detector, 'arn:aws:guardduty:us-east-1:111122223333:detector/'),
    ).toBe(false);
  });

  it('maps ARNs to resource types, including the ones not under a detector', () => {
    expect(resourceTypesMatching(detectorArn, catalog).map((t) => t.name)).toEqual(['detector']);
    expect(
      resourceTypesMatching(`${detectorArn}/publishingdestination/abc`, catalog).map((t) => t.name),
    ).toEqual(['publishingDestination']);
    expect(
      resourceTypesMatching(
        'arn:aws:guardduty:us-east-1:111122223333:malware-protection-plan/p1',
        catalog,
      ).map((t) => t.name),
    ).toEqual(['malwareprotectionplan']);
    expect(
      resourceTypesMatching('arn:aws:guardduty::aws:detection-rule/custom/r1', catalog).map(
        (t) => t.name,
      ),
    ).toEqual(['customdetectionrule']);
    expect(
      resourceTypesMatching('arn:aws:guardduty:us-east-1:111122223333:detectors/x', catalog),
    ).toEqual([]);
  });
});

describe('isPolicyDocument', () => {
  it('recognises policies by Statement or a dated Version, and nothing else', () => {
    expect(isPolicyDocument({ Statement: [] })).toBe(true);
    expect(isPolicyDocument({ Version: '2012-10-17' })).toBe(true);
    expect(isPolicyDocument({ eventVersion: '1.09', eventName: 'DeleteDetector' })).toBe(false);
    expect(isPolicyDocument({ Version: 3 })).toBe(false);
    expect(isPolicyDocument([{ Statement: [] }])).toBe(false);
  });
});

describe('checkPolicy', () => {
  const allow = (Action: unknown, Resource: unknown = '*') =>
    policy({ Effect: 'Allow', Action, Resource });

  it('accepts correct policies: actions on "*", scoped actions on their own ARNs, wildcards and any letter case', () => {
    expect(
      checkPolicy(
        allow(['guardduty:GetFindings', 'guardduty:listfindings', 'guardduty:Get*']),
        catalog,
      ),
    ).toEqual([]);
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
    expect(checkPolicy(allow('guardduty:Get*', detectorArn), catalog)).toEqual([]);
    expect(checkPolicy(allow('iam:PassRole', 'arn:aws:iam::111122223333:role/x'), catalog)).toEqual(
      [],
    );
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
    expect(checkPolicy(allow('guardduty:GetFindings'), catalog)).toEqual([]);
    const missing = checkPolicy(
      policy({ Effect: 'Allow', Action: 'guardduty:GetFindings', Resource: '*' }, null),
      catalog,
    );
    expect(missing).toEqual([
      expect.objectContaining({ path: [], message: 'IAM policy example has no "Version"' }),
    ]);
    expect(missing[0]?.fix).toContain('"Version": "2012-10-17"');
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

  it('reports an action that does not exist, with its place and the nearest real names', () => {
    const problems = checkPolicy(
      allow(['guardduty:ListFindings', 'guardduty:GetFinding']),
      catalog,
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toEqual(['Statement', 0, 'Action', 1]);
    expect(problems[0]?.message).toBe('"guardduty:GetFinding" is not a GuardDuty IAM action');
    expect(problems[0]?.fix).toMatch(/did you mean "guardduty:GetFindings"/);
  });

  it('reports a wildcard that matches no action, also inside NotAction', () => {
    const problems = checkPolicy(
      policy({ Effect: 'Deny', NotAction: ['guardduty:Fetch*'], Resource: '*' }),
      catalog,
    );
    expect(problems.map((p) => [p.path, p.message])).toEqual([
      [['Statement', 0, 'NotAction', 0], '"guardduty:Fetch*" matches no GuardDuty IAM action'],
    ]);
  });

  it('reports an action without a resource type in a statement scoped to a detector ARN, by its canonical name', () => {
    const problems = checkPolicy(
      allow(['guardduty:GetDetector', 'guardduty:getfindings'], detectorArn),
      catalog,
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toEqual(['Statement', 0, 'Action', 1]);
    expect(problems[0]?.message).toMatch(
      /^"guardduty:GetFindings" takes no resource type, so .* grants nothing/,
    );
    expect(problems[0]?.fix).toContain('"Resource": "*"');
  });

  it('reports an action scoped to an ARN of another resource type', () => {
    const problems = checkPolicy(allow('guardduty:GetIPSet', detectorArn), catalog);
    expect(problems[0]?.message).toMatch(/"guardduty:GetIPSet" applies only to ipset ARNs/);
    expect(problems[0]?.fix).toContain('/ipset/${IPSetId}');
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

  it('flags a Deny with NotAction on a GuardDuty ARN, which leaves actions without a resource type allowed', () => {
    const problems = checkPolicy(
      policy({ Effect: 'Deny', NotAction: 'guardduty:Get*', Resource: detectorArn }),
      catalog,
    );
    expect(problems.map((p) => p.path)).toEqual([['Statement', 0, 'Resource']]);
    expect(problems[0]?.message).toMatch(
      /never covers the \d+ GuardDuty actions that take no resource type/,
    );
    expect(
      checkPolicy(
        policy({ Effect: 'Allow', NotAction: 'guardduty:Delete*', Resource: detectorArn }),
        catalog,
      ),
    ).toEqual([]);
    expect(
      checkPolicy(policy({ Effect: 'Deny', NotAction: 'guardduty:Get*', Resource: '*' }), catalog),
    ).toEqual([]);
  });

  it('reports a GuardDuty ARN that fits no resource type', () => {
    const problems = checkPolicy(
      allow('guardduty:GetDetector', 'arn:aws:guardduty:us-east-1:111122223333:detectors/abc'),
      catalog,
    );
    expect(problems.map((p) => p.path)).toEqual([
      ['Statement', 0, 'Resource'],
      ['Statement', 0, 'Action'],
    ]);
    expect(problems[0]?.message).toBe(
      '"arn:aws:guardduty:us-east-1:111122223333:detectors/abc" is not the ARN of any GuardDuty resource type',
    );
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
});
