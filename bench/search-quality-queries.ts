/**
 * The search-quality query set (`npm run bench:search-quality`): what a security engineer or an
 * auditor types into the guide's search, and the pages that answer it. Chosen from the pages'
 * content, never from what search returned; the benchmark reports how often the first result is
 * one of `pages`, and, for queries with a `section`, whether the first page's first section is it.
 *
 * The set was first written for the eight-page guide and revised when the guide gained sections
 * (data protection, managing access, multi-account hardening, roles, compliance validation) and
 * their pages: each answer is now the most specific page. The queries themselves are unchanged,
 * since they are what readers type; the last few added reach pages no older query did.
 *
 * To update when pages change: edit `pages` (slugs as in the URL without slashes:
 * `content/x/index.mdx` is `x`, `content/x/y.mdx` is `x/y`, `''` is the overview; a first result
 * on any of them counts; most specific first), and `section` (the heading id, as github-slugger
 * makes it from a `##` or `###` heading, of the one section on the first page that answers it,
 * when there is one). `newPage` names a page being written that should become the answer: when
 * it lands, put its slug first in `pages` and drop the field.
 */

/** What kind of query a reader typed. */
export type QueryKind =
  'question' | 'identifier' | 'acronym' | 'misspelling' | 'aws-term' | 'cli' | 'error';

export interface QualityQuery {
  /** Exactly what the reader types. */
  query: string;
  kind: QueryKind;
  /** Pages that answer the query, most specific first; the first result should be one of them. */
  pages: readonly string[];
  /** Heading id, on the first page listed, of the section that answers it. */
  section?: string;
  /** A page being written that should become the answer once it exists. */
  newPage?: string;
  /**
   * Written after the ranking was last tuned and never used to tune it (no alias, heading or
   * rule was changed for it): the benchmark reports these on their own row, as the nearest thing
   * it has to the queries nobody here wrote.
   */
  heldOut?: true;
}

export const qualityQueries: readonly QualityQuery[] = [
  // Questions, as typed: most words are not in the page that answers them.
  {
    query: 'stop someone disabling GuardDuty',
    kind: 'question',
    pages: [
      'multi-account-hardening/service-control-policies',
      'multi-account-hardening',
      'managing-access',
    ],
    section: 'scp-1-guardduty-settings',
  },
  {
    query: 'who can turn off guardduty',
    kind: 'question',
    pages: ['managing-access', 'multi-account-hardening'],
    section: 'who-can-disable-guardduty',
  },
  {
    query: 'how long are findings kept',
    kind: 'question',
    pages: ['data-protection', ''],
    section: 'what-guardduty-keeps-and-what-it-discards',
  },
  {
    query: 'keep findings longer than 90 days',
    kind: 'question',
    pages: ['data-protection', 'data-protection/export-findings'],
    section: 'export-findings-for-longer-retention',
  },
  {
    query: 'can I use my own KMS key to encrypt findings',
    kind: 'question',
    pages: ['data-protection', 'data-protection/export-findings'],
    section: 'encryption-at-rest-and-in-transit',
  },
  {
    query: 'who deleted my detector',
    kind: 'question',
    pages: ['cloudtrail-logging'],
    section: 'search-events-with-the-aws-cli',
  },
  {
    query: 'alert when GuardDuty is disabled',
    kind: 'question',
    pages: ['cloudtrail-logging', 'multi-account-hardening/watching-the-organization'],
    section: 'alert-on-tampering-with-eventbridge',
  },
  {
    query: 'monitor changes to guardduty configuration',
    kind: 'question',
    pages: ['cloudtrail-logging', 'multi-account-hardening/watching-the-organization'],
  },
  {
    query: 'is guardduty regional or global',
    kind: 'question',
    pages: ['resilience'],
    section: 'what-you-control-guardduty-is-regional',
  },
  {
    query: 'enable guardduty in all regions',
    kind: 'question',
    pages: ['resilience'],
    section: 'enable-guardduty-in-every-region-of-one-account',
  },
  {
    query: 'turn on guardduty for every account in the organization',
    kind: 'question',
    pages: ['resilience', 'multi-account-hardening/organization-controls'],
    section: 'enable-it-across-an-organization',
  },
  {
    query: 'which TLS version does GuardDuty require',
    kind: 'question',
    pages: ['infrastructure-security'],
    section: 'how-clients-must-connect',
  },
  {
    query: 'call the GuardDuty API without internet access',
    kind: 'question',
    pages: ['infrastructure-security'],
    section: 'keep-api-traffic-private-with-aws-privatelink',
  },
  {
    query: 'why does my policy with a detector ARN not work',
    kind: 'question',
    pages: ['managing-access/troubleshooting', 'managing-access'],
    section: 'why-is-getfindings-denied',
  },
  {
    query: 'what can the service-linked role do',
    kind: 'question',
    pages: ['service-linked-roles/main-role', 'service-linked-roles'],
    section: 'what-the-role-can-change',
  },
  {
    query: 'how to delete the guardduty service-linked role',
    kind: 'question',
    pages: ['service-linked-roles/lifecycle'],
    section: 'delete-the-guardduty-service-linked-role',
  },
  {
    query: 'where do I download the SOC report',
    kind: 'question',
    pages: ['compliance-validation'],
    section: 'what-aws-has-had-audited',
  },
  {
    query: 'prove to an auditor that guardduty is enabled',
    kind: 'question',
    pages: ['compliance-validation/evidence-pack', 'compliance-validation'],
  },
  { query: 'export findings to S3', kind: 'question', pages: ['data-protection/export-findings'] },
  {
    query: 'does guardduty store my logs',
    kind: 'question',
    pages: ['data-protection'],
    section: 'what-guardduty-keeps-and-what-it-discards',
  },
  {
    query: 'opt out of using my data to improve the service',
    kind: 'question',
    pages: ['data-protection'],
    section: 'opting-out-of-service-improvement',
  },
  {
    query: 'what is AWS responsible for',
    kind: 'question',
    pages: [''],
    section: 'who-is-responsible-for-what',
  },
  {
    query: 'read-only policy for security analysts',
    kind: 'question',
    pages: ['managing-access/policy-examples', 'managing-access/managed-policies'],
    section: 'read-only-analyst',
  },
  {
    query: 'least privilege guardduty policy',
    kind: 'question',
    pages: ['managing-access/policy-examples'],
  },
  {
    query: 'let responders archive findings but not change the detector',
    kind: 'question',
    pages: ['managing-access/policy-examples'],
    section: 'finding-triage-without-control-of-detection',
  },

  // Identifiers: names of policies, roles, actions, settings; the page about them comes first.
  {
    query: 'AmazonGuardDutyFullAccess_v2',
    kind: 'identifier',
    pages: ['managing-access/managed-policies'],
    section: 'what-recommended-means-for-the-v2-policy',
  },
  {
    query: 'AmazonGuardDutyReadOnlyAccess',
    kind: 'identifier',
    pages: ['managing-access/managed-policies', 'managing-access/policy-examples'],
    section: 'the-five-policies',
  },
  {
    query: 'AWSServiceRoleForAmazonGuardDutyMalwareProtection',
    kind: 'identifier',
    pages: ['service-linked-roles/malware-protection-ec2-role', 'service-linked-roles'],
  },
  {
    query: 'AmazonGuardDutyServiceRolePolicy',
    kind: 'identifier',
    pages: ['service-linked-roles/main-role', 'managing-access/managed-policies'],
  },
  {
    query: 'guardduty:SendSecurityTelemetry',
    kind: 'identifier',
    pages: [
      'runtime-monitoring-agent',
      'managing-access/troubleshooting',
      'cloudtrail-logging',
      'infrastructure-security',
    ],
  },
  {
    query: 'DisassociateFromAdministratorAccount',
    kind: 'identifier',
    pages: [
      'multi-account-hardening',
      'multi-account-hardening/organization-controls',
      'multi-account-hardening/service-control-policies',
    ],
    section: 'the-tamper-table',
  },
  {
    query: 'guardduty-enabled-centralized',
    kind: 'identifier',
    pages: ['compliance-validation', 'compliance-validation/evidence-pack'],
    section: 'security-hub-controls-for-guardduty',
  },
  {
    query: 'GuardDuty.1',
    kind: 'identifier',
    pages: ['compliance-validation', 'compliance-validation/evidence-pack'],
    section: 'security-hub-controls-for-guardduty',
  },
  {
    query: 'kms:GenerateDataKey',
    kind: 'identifier',
    pages: ['data-protection/export-findings'],
    section: 'key-policy-for-every-detector-in-the-account',
  },
  {
    query: 'iam:CreateServiceLinkedRole',
    kind: 'identifier',
    pages: ['service-linked-roles/lifecycle', 'managing-access/policy-examples'],
    section: 'create-the-roles-ahead-of-time',
  },
  {
    query: 'GuardDutyExcluded',
    kind: 'identifier',
    pages: [
      'service-linked-roles/malware-protection-ec2-role',
      'data-protection/malware-scan-data',
      'multi-account-hardening',
    ],
    section: 'what-the-guarddutyexcluded-tag-key-really-blocks',
  },
  {
    query: 'com.amazonaws.us-east-1.guardduty-data',
    kind: 'identifier',
    pages: ['runtime-monitoring-agent', 'infrastructure-security'],
    section: 'two-ways-to-reach-guardduty',
  },
  {
    query: 'AWS_USE_FIPS_ENDPOINT',
    kind: 'identifier',
    pages: ['infrastructure-security', 'data-protection'],
    section: 'call-the-fips-or-dual-stack-endpoint',
  },
  {
    query: 'FIFTEEN_MINUTES',
    kind: 'identifier',
    pages: ['data-protection/export-findings'],
    section: 'rules-to-know-before-you-start',
  },
  {
    query: 'CreatePublishingDestination',
    kind: 'identifier',
    pages: ['data-protection/export-findings'],
  },
  {
    query: 'aws:SourceArn',
    kind: 'identifier',
    pages: ['data-protection/export-findings', 'service-linked-roles/malware-protection-s3-role'],
    section: 'key-policy-for-every-detector-in-the-account',
  },
  {
    query: 'GuardDutyScanId',
    kind: 'identifier',
    pages: [
      'data-protection/malware-scan-data',
      'service-linked-roles/malware-protection-ec2-role',
    ],
  },
  {
    query: 'AmazonGuardDuty-ConfigureRuntimeMonitoringSsmPlugin',
    kind: 'identifier',
    pages: ['service-linked-roles/main-role', 'managing-access/managed-policies'],
    section: 'what-the-role-can-change',
  },

  // Acronyms and short forms, most of which the pages spell out or never write.
  {
    query: 'SLR',
    kind: 'acronym',
    pages: ['service-linked-roles', 'service-linked-roles/main-role'],
  },
  {
    query: 'SCP',
    kind: 'acronym',
    pages: ['multi-account-hardening/service-control-policies', 'multi-account-hardening'],
  },
  {
    query: 'KMS',
    kind: 'acronym',
    pages: [
      'data-protection',
      'data-protection/export-findings',
      'data-protection/export-pipeline',
    ],
  },
  { query: 'FIPS', kind: 'acronym', pages: ['infrastructure-security', 'data-protection'] },
  {
    query: 'PFS',
    kind: 'acronym',
    pages: ['infrastructure-security'],
    section: 'how-clients-must-connect',
  },
  {
    query: 'ABAC',
    kind: 'acronym',
    pages: ['managing-access'],
    section: 'how-guardduty-works-with-iam',
  },
  {
    query: 'DR',
    kind: 'acronym',
    pages: ['resilience'],
    section: 'disaster-recovery-for-findings-and-settings',
  },
  {
    query: 'SigV4',
    kind: 'acronym',
    pages: ['infrastructure-security'],
    section: 'how-clients-must-connect',
  },
  {
    query: 'SSE-KMS',
    kind: 'acronym',
    pages: [
      'data-protection/export-findings',
      'data-protection',
      'service-linked-roles/malware-protection-s3-role',
    ],
  },
  {
    query: 'HIPAA',
    kind: 'acronym',
    pages: ['compliance-validation'],
    section: 'what-aws-has-had-audited',
  },
  {
    query: 'PCI DSS',
    kind: 'acronym',
    pages: ['compliance-validation', 'compliance-validation/evidence-pack'],
    section: 'what-aws-has-had-audited',
  },
  {
    query: 'VPC endpoint',
    kind: 'acronym',
    pages: ['infrastructure-security', 'runtime-monitoring-agent'],
    section: 'keep-api-traffic-private-with-aws-privatelink',
  },
  {
    query: 'AZ',
    kind: 'acronym',
    pages: ['resilience'],
    section: 'what-aws-does-regions-and-availability-zones',
  },

  // Misspellings: one or two letters off, as typed in a hurry.
  {
    query: 'servce linked role',
    kind: 'misspelling',
    pages: ['service-linked-roles', 'service-linked-roles/main-role'],
  },
  { query: 'cloudtrial', kind: 'misspelling', pages: ['cloudtrail-logging'] },
  {
    query: 'privatelnik',
    kind: 'misspelling',
    pages: ['infrastructure-security'],
    section: 'keep-api-traffic-private-with-aws-privatelink',
  },
  {
    query: 'encyption at rest',
    kind: 'misspelling',
    pages: ['data-protection'],
    section: 'encryption-at-rest-and-in-transit',
  },
  {
    query: 'complience reports',
    kind: 'misspelling',
    pages: ['compliance-validation'],
    section: 'what-aws-has-had-audited',
  },
  { query: 'resiliance', kind: 'misspelling', pages: ['resilience'] },
  {
    query: 'evnetbridge rule',
    kind: 'misspelling',
    pages: ['cloudtrail-logging', 'multi-account-hardening/watching-the-organization'],
    section: 'alert-on-tampering-with-eventbridge',
  },
  {
    query: 'managed polcies',
    kind: 'misspelling',
    pages: ['managing-access/managed-policies'],
  },
  {
    query: 'availabilty zones',
    kind: 'misspelling',
    pages: ['resilience'],
    section: 'what-aws-does-regions-and-availability-zones',
  },
  {
    query: 'delegated adminstrator',
    kind: 'misspelling',
    pages: [
      'managing-access',
      'multi-account-hardening/organization-controls',
      'multi-account-hardening',
      'resilience',
    ],
    section: 'delegated-administrator-permissions',
  },

  // AWS's own terms for a topic, which the page about it may never use.
  {
    query: 'disaster recovery',
    kind: 'aws-term',
    pages: ['resilience'],
    section: 'disaster-recovery-for-findings-and-settings',
  },
  {
    query: 'shared responsibility model',
    kind: 'aws-term',
    pages: [''],
    section: 'who-is-responsible-for-what',
  },
  {
    query: 'high availability',
    kind: 'aws-term',
    pages: ['resilience'],
    section: 'what-aws-does-regions-and-availability-zones',
  },
  {
    query: 'data retention',
    kind: 'aws-term',
    pages: ['data-protection'],
    section: 'what-guardduty-keeps-and-what-it-discards',
  },
  {
    query: 'encryption in transit',
    kind: 'aws-term',
    pages: ['data-protection', 'infrastructure-security'],
    section: 'encryption-at-rest-and-in-transit',
  },
  {
    query: 'customer managed key',
    kind: 'aws-term',
    pages: [
      'data-protection',
      'data-protection/export-findings',
      'data-protection/malware-scan-data',
    ],
    section: 'encryption-at-rest-and-in-transit',
  },
  {
    query: 'audit trail',
    kind: 'aws-term',
    pages: ['cloudtrail-logging'],
    section: 'event-history-or-a-trail',
  },
  {
    query: 'interface endpoint',
    kind: 'aws-term',
    pages: ['infrastructure-security', 'runtime-monitoring-agent'],
    section: 'keep-api-traffic-private-with-aws-privatelink',
  },
  {
    query: 'multi-account',
    kind: 'aws-term',
    pages: ['multi-account-hardening', 'resilience', 'compliance-validation'],
  },
  {
    query: 'continuous compliance monitoring',
    kind: 'aws-term',
    pages: ['compliance-validation'],
    section: 'security-hub-controls-for-guardduty',
  },
  {
    query: 'break glass role',
    kind: 'aws-term',
    pages: [
      'data-protection/export-pipeline',
      'infrastructure-security',
      'multi-account-hardening/watching-the-organization',
    ],
    section: 'keep-the-key-from-being-disabled-or-deleted',
  },
  {
    query: 'trusted IP list',
    kind: 'aws-term',
    pages: [
      'managing-access/policy-examples',
      'managing-access/troubleshooting',
      'data-protection',
    ],
    section: 'entity-list-maintainer',
  },
  {
    query: 'delegated administrator',
    kind: 'aws-term',
    pages: [
      'managing-access',
      'multi-account-hardening/organization-controls',
      'multi-account-hardening',
      'resilience',
    ],
    section: 'delegated-administrator-permissions',
  },

  // Commands, pasted or half-remembered.
  {
    query: 'aws guardduty create-publishing-destination',
    kind: 'cli',
    pages: ['data-protection/export-findings'],
    section: 'create-the-destination-in-every-region',
  },
  {
    query: 'aws cloudtrail lookup-events',
    kind: 'cli',
    pages: ['cloudtrail-logging'],
    section: 'search-events-with-the-aws-cli',
  },
  {
    query: 'aws iam delete-service-linked-role',
    kind: 'cli',
    pages: ['service-linked-roles/lifecycle'],
    section: 'delete-the-guardduty-service-linked-role',
  },
  {
    query: 'aws guardduty list-detectors',
    kind: 'cli',
    pages: ['compliance-validation/evidence-pack', 'resilience', 'compliance-validation'],
    section: 'the-script',
  },
  {
    query: 'openssl s_client',
    kind: 'cli',
    pages: ['infrastructure-security'],
    section: 'check-the-tls-floor-yourself',
  },
  {
    query: 'aws ec2 create-vpc-endpoint',
    kind: 'cli',
    pages: ['infrastructure-security', 'runtime-monitoring-agent'],
    section: 'keep-api-traffic-private-with-aws-privatelink',
  },
  {
    query: 'enable-organization-admin-account',
    kind: 'cli',
    pages: ['resilience'],
    section: 'enable-it-across-an-organization',
  },
  {
    query: 'aws configservice put-config-rule',
    kind: 'cli',
    pages: ['compliance-validation'],
    section: 'aws-config-rules-that-security-hub-does-not-run',
  },
  {
    query: 'update-organization-configuration',
    kind: 'cli',
    pages: ['resilience', 'multi-account-hardening/organization-controls'],
    section: 'enable-it-across-an-organization',
  },

  // Error messages and codes, copied from a terminal or a console.
  {
    query: 'AccessDeniedException GetFindings',
    kind: 'error',
    pages: ['managing-access/troubleshooting'],
    section: 'why-is-getfindings-denied',
  },
  {
    query: 'access denied when calling GetFindings',
    kind: 'error',
    pages: ['managing-access/troubleshooting'],
    section: 'why-is-getfindings-denied',
  },
  {
    query: 'NoSuchEntity',
    kind: 'error',
    pages: ['service-linked-roles'],
    section: 'find-every-role-guardduty-uses-in-an-account',
  },
  {
    query: 'tls 1.1 handshake failure',
    kind: 'error',
    pages: ['infrastructure-security'],
    section: 'check-the-tls-floor-yourself',
  },
  {
    query: 'service-linked role deletion failed',
    kind: 'error',
    pages: ['service-linked-roles/lifecycle'],
    section: 'delete-the-guardduty-service-linked-role',
  },
  {
    query: 'NON_COMPLIANT',
    kind: 'error',
    pages: ['compliance-validation', 'compliance-validation/evidence-pack'],
    section: 'aws-config-rules-that-security-hub-does-not-run',
  },

  // Added with the sectioned guide, for pages no query above reaches.
  {
    query: 'GuardDutyMalwareScanStatus',
    kind: 'identifier',
    pages: ['service-linked-roles/malware-protection-s3-quarantine'],
  },
  {
    query: 'keep users from downloading unscanned uploads',
    kind: 'question',
    pages: ['service-linked-roles/malware-protection-s3-quarantine'],
    section: 'the-bucket-policy',
  },
  {
    query: 'trust policy for the Malware Protection for S3 role',
    kind: 'question',
    pages: ['service-linked-roles/malware-protection-s3-role'],
    section: 'the-trust-policy',
  },
  {
    query:
      'provided IAM role does not have the required permissions to validate S3 bucket ownership',
    kind: 'error',
    pages: ['service-linked-roles/malware-protection-s3-role'],
    section: 'who-may-hand-the-role-to-guardduty',
  },
  {
    query: 'not authorized to perform: iam:PassRole',
    kind: 'error',
    pages: ['managing-access/troubleshooting', 'service-linked-roles/malware-protection-s3-role'],
    section: 'iampassrole-denied-for-malware-protection',
  },
  {
    query: 'entity list stuck in ERROR',
    kind: 'error',
    pages: ['managing-access/troubleshooting'],
    section: 'lists-in-an-encrypted-bucket',
  },
  {
    query: 'not authorized to perform: guardduty:SendSecurityTelemetry',
    kind: 'error',
    pages: ['managing-access/troubleshooting', 'runtime-monitoring-agent'],
    section: 'the-runtime-monitoring-agent-is-blocked',
  },
  {
    query: 'guardduty-data endpoint policy',
    kind: 'identifier',
    pages: ['runtime-monitoring-agent'],
    section: 'an-endpoint-policy-that-admits-only-your-organization',
  },
  {
    query: 'UNABLE_TO_PUBLISH_FIX_DESTINATION_PROPERTY',
    kind: 'error',
    pages: ['data-protection/export-pipeline'],
    section: 'watch-every-destinations-status',
  },
  {
    query: 'stop someone deleting the export KMS key',
    kind: 'question',
    pages: ['data-protection/export-pipeline'],
    section: 'keep-the-key-from-being-disabled-or-deleted',
  },
  {
    query: 'ModifySnapshotAttribute',
    kind: 'identifier',
    pages: ['data-protection/malware-scan-data'],
    section: 'check-the-sharing-in-cloudtrail',
  },
  {
    query: 'stop member accounts leaving the administrator',
    kind: 'question',
    pages: ['multi-account-hardening/organization-controls', 'multi-account-hardening'],
    section: 'auto-enable-all-as-a-control',
  },
  {
    query: 'forward tamper alerts from every account to one event bus',
    kind: 'question',
    pages: ['multi-account-hardening/watching-the-organization'],
    section: 'one-event-bus-for-the-whole-organization',
  },
  {
    query: 'list-members --only-associated false',
    kind: 'cli',
    pages: [
      'multi-account-hardening/watching-the-organization',
      'compliance-validation/evidence-pack',
    ],
    section: 'compare-the-organization-with-guarddutys-members',
  },
  {
    query: 'collect guardduty audit evidence for every region',
    kind: 'question',
    pages: ['compliance-validation/evidence-pack', 'compliance-validation'],
  },
  // Was held out; it led to more prepositions being filler (STOP_WORDS), so it is tuned now.
  {
    query: 'snapshots left behind after a malware scan',
    kind: 'question',
    pages: [
      'service-linked-roles/malware-protection-ec2-role',
      'data-protection/malware-scan-data',
    ],
  },
  // Held out (2026-12-02): written before that day's alias and matching changes, answers taken
  // from the pages' headings; never used to tune anything. Keep adding new ones here, untuned.
  ...(
    [
      {
        query: 'block unscanned objects in my s3 bucket',
        kind: 'question',
        pages: ['service-linked-roles/malware-protection-s3-quarantine'],
      },
      {
        query: 'does guardduty copy my volume data out of my account',
        kind: 'question',
        pages: ['data-protection/malware-scan-data', 'data-protection'],
      },
      {
        query: 'guardduty minimum tls version',
        kind: 'aws-term',
        pages: ['infrastructure-security'],
      },
      {
        query: 'AWSServiceRoleForAmazonGuardDutyMalwareProtection permissions',
        kind: 'identifier',
        pages: ['service-linked-roles/malware-protection-ec2-role'],
      },
      {
        query: 'findings export stopped working',
        kind: 'error',
        pages: ['data-protection/export-pipeline', 'data-protection/export-findings'],
      },
      {
        query: 'iam:PassRole error malware protection for s3',
        kind: 'error',
        pages: [
          'managing-access/troubleshooting',
          'service-linked-roles/malware-protection-s3-role',
        ],
      },
      {
        query: 'can the management account turn off guardduty',
        kind: 'question',
        pages: ['multi-account-hardening/watching-the-organization', 'multi-account-hardening'],
      },
      {
        query: 'security hub controls for guardduty',
        kind: 'aws-term',
        pages: ['compliance-validation'],
      },
      {
        query: 'soc 2 report',
        kind: 'acronym',
        pages: ['compliance-validation'],
      },
      {
        query: 'who patches the runtime agent',
        kind: 'question',
        pages: ['runtime-monitoring-agent'],
      },
      {
        query: 'GuardDutyManaged tag',
        kind: 'identifier',
        pages: ['runtime-monitoring-agent'],
      },
      {
        query: 'recover guardduty after a region outage',
        kind: 'question',
        pages: ['resilience'],
      },
      {
        query: 'delegated admin permissions',
        kind: 'acronym',
        pages: ['managing-access'],
      },
      {
        query: 'check the default version of AmazonGuardDutyServiceRolePolicy',
        kind: 'question',
        pages: ['service-linked-roles/main-role', 'managing-access/managed-policies'],
      },
      {
        query: 'quarantine infected files',
        kind: 'question',
        pages: ['service-linked-roles/malware-protection-s3-quarantine'],
      },
      {
        query: 'vpc endpoint policy for guardduty',
        kind: 'aws-term',
        pages: ['infrastructure-security', 'runtime-monitoring-agent'],
      },
      {
        query: 'guardduty members missing from the organization',
        kind: 'question',
        pages: ['multi-account-hardening/watching-the-organization'],
      },
      {
        query: 'retention period for audit',
        kind: 'question',
        pages: ['compliance-validation', 'data-protection'],
      },
      {
        query: 'guardrail against disabling guardduty',
        kind: 'aws-term',
        pages: ['multi-account-hardening/service-control-policies', 'multi-account-hardening'],
      },
    ] satisfies QualityQuery[]
  ).map((query) => ({ ...query, heldOut: true as const })),
];
