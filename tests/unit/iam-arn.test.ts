import { describe, expect, it } from 'vitest';
import { arnParts, arnPatternCouldMatch, parsePrincipal } from '../../src/lib/iam/arn.ts';

const detectorArn =
  'arn:aws:guardduty:us-east-1:111122223333:detector/12abc34d567e8fa901bc2d34e56789f0';
const ipSetArn = `${detectorArn}/ipset/0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f`;
const detector = 'arn:${Partition}:guardduty:${Region}:${Account}:detector/${DetectorId}';
const ipset =
  'arn:${Partition}:guardduty:${Region}:${Account}:detector/${DetectorId}/ipset/${IPSetId}';

describe('arnPatternCouldMatch', () => {
  it(
    'matches a concrete ARN against its own resource type, and not a shorter one against a ' +
      'longer',
    () => {
      expect(arnPatternCouldMatch(detector, detectorArn)).toBe(true);
      expect(arnPatternCouldMatch(ipset, detectorArn)).toBe(false);
      expect(arnPatternCouldMatch(ipset, ipSetArn)).toBe(true);
    },
  );

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

  it(
    'lets a placeholder in the resource part hold "/" (object keys, role paths), never an ' +
      'empty string',
    () => {
      const object = 'arn:${Partition}:s3:::${BucketName}/${ObjectName}';
      expect(arnPatternCouldMatch(object, 'arn:aws:s3:::b/guardduty/AWSLogs/1/x.gz')).toBe(true);
      expect(arnPatternCouldMatch(object, 'arn:aws:s3:::b')).toBe(false);
      const role = 'arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}';
      expect(
        arnPatternCouldMatch(
          role,
          'arn:aws:iam::111122223333:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty',
        ),
      ).toBe(true);
      expect(
        arnPatternCouldMatch(detector, 'arn:aws:guardduty:us-east-1:111122223333:detector/'),
      ).toBe(false);
    },
  );

  it(
    'keeps Region and account placeholders within their part, and a whole-part name free of ' +
      'separators',
    () => {
      expect(arnPatternCouldMatch(detector, 'arn:aws:guardduty:us-east-1:1:2:detector/x')).toBe(
        false,
      );
      const topic = 'arn:${Partition}:sns:${Region}:${Account}:${TopicName}';
      expect(arnPatternCouldMatch(topic, 'arn:aws:sns:us-east-1:111122223333:alerts')).toBe(true);
      expect(arnPatternCouldMatch(topic, 'arn:aws:sns:us-east-1:111122223333:a/b')).toBe(false);
    },
  );

  it('compares case-insensitively and rejects another service', () => {
    expect(arnPatternCouldMatch(detector, detectorArn.toUpperCase())).toBe(true);
    expect(arnPatternCouldMatch(detector, 'arn:aws:kms:us-east-1:111122223333:detector/abc')).toBe(
      false,
    );
  });
});

describe('arnParts', () => {
  it('reads the service, Region and account, and refuses what is not an ARN', () => {
    expect(arnParts('arn:aws:s3:::amzn-s3-demo-bucket/x')).toEqual({
      service: 's3',
      region: '',
      account: '',
    });
    expect(arnParts(detectorArn)).toEqual({
      service: 'guardduty',
      region: 'us-east-1',
      account: '111122223333',
    });
    expect(arnParts('amzn-s3-demo-bucket')).toBeUndefined();
    expect(arnParts('arn:aws:s3')).toBeUndefined();
  });
});

describe('parsePrincipal', () => {
  it('tells service principals from IAM principals, and spots service-linked roles', () => {
    expect(parsePrincipal('guardduty.amazonaws.com')).toEqual({
      kind: 'service',
      name: 'guardduty.amazonaws.com',
    });
    expect(parsePrincipal('arn:aws:iam::444455556666:root')).toMatchObject({
      kind: 'iam',
      account: '444455556666',
      serviceLinked: false,
    });
    expect(
      parsePrincipal(
        'arn:aws:iam::111122223333:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty',
      ),
    ).toMatchObject({ kind: 'iam', serviceLinked: true });
  });

  it('gives a role session the role ARN IAM reports as aws:PrincipalArn', () => {
    expect(
      parsePrincipal('arn:aws:sts::111122223333:assumed-role/SecurityAnalyst/jordan'),
    ).toMatchObject({
      kind: 'iam',
      principalArn: 'arn:aws:iam::111122223333:role/SecurityAnalyst',
      account: '111122223333',
    });
  });

  it('refuses anything else', () => {
    expect(parsePrincipal('GuardDuty')).toBeUndefined();
    expect(parsePrincipal('arn:aws:iam::1111:role/x')).toBeUndefined();
    expect(parsePrincipal('*')).toBeUndefined();
  });
});
