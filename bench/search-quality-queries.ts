/**
 * The search-quality query set (`npm run bench:search-quality`): what a security engineer or an
 * auditor types into the guide's search, and the pages that answer it. Written before any ranking
 * change, from the pages' content, not from what search returned; the benchmark reports how often
 * the first result is one of `pages`.
 *
 * To update when pages change: edit `pages` (slugs as in the URL, `''` for the overview; a first
 * result on any of them counts), and `section` (the heading id of the one section that answers it,
 * when there is one). `newPage` names a page being written this round that should become the
 * answer: when it lands, put its slug first in `pages`.
 */

/** What kind of query a reader typed. */
export type QueryKind =
  'question' | 'identifier' | 'acronym' | 'misspelling' | 'aws-term' | 'cli' | 'error';

export interface QualityQuery {
  /** Exactly what the reader types. */
  query: string;
  kind: QueryKind;
  /** Pages that answer the query; the first result should be one of them. */
  pages: readonly string[];
  /** Heading id, on the first page listed, of the section that answers it. */
  section?: string;
  /** A page being written this round that should become the answer once it exists. */
  newPage?: string;
}

export const qualityQueries: readonly QualityQuery[] = [
  // Questions, as typed: most words are not in the page that answers them.
  {
    query: 'stop someone disabling GuardDuty',
    kind: 'question',
    pages: ['managing-access'],
    section: 'who-can-disable-guardduty',
    newPage: 'multi-account hardening',
  },
  { query: 'who can turn off guardduty', kind: 'question', pages: ['managing-access'] },
  {
    query: 'how long are findings kept',
    kind: 'question',
    pages: ['data-protection', ''],
  },
  {
    query: 'keep findings longer than 90 days',
    kind: 'question',
    pages: ['data-protection'],
    section: 'export-findings-for-longer-retention',
  },
  {
    query: 'can I use my own KMS key to encrypt findings',
    kind: 'question',
    pages: ['data-protection'],
  },
  { query: 'who deleted my detector', kind: 'question', pages: ['cloudtrail-logging'] },
  {
    query: 'alert when GuardDuty is disabled',
    kind: 'question',
    pages: ['cloudtrail-logging'],
    section: 'alert-on-tampering-with-eventbridge',
  },
  {
    query: 'monitor changes to guardduty configuration',
    kind: 'question',
    pages: ['cloudtrail-logging'],
  },
  { query: 'is guardduty regional or global', kind: 'question', pages: ['resilience'] },
  {
    query: 'enable guardduty in all regions',
    kind: 'question',
    pages: ['resilience'],
    section: 'enable-guardduty-in-every-region-of-one-account',
  },
  {
    query: 'turn on guardduty for every account in the organization',
    kind: 'question',
    pages: ['resilience'],
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
    pages: ['managing-access'],
    section: 'resource-level-permissions-then-and-now',
    newPage: 'IAM troubleshooting',
  },
  {
    query: 'what can the service-linked role do',
    kind: 'question',
    pages: ['service-linked-roles'],
    section: 'what-the-main-role-is-allowed-to-do',
  },
  {
    query: 'how to delete the guardduty service-linked role',
    kind: 'question',
    pages: ['service-linked-roles'],
    section: 'delete-the-main-role',
  },
  {
    query: 'where do I download the SOC report',
    kind: 'question',
    pages: ['compliance-validation'],
  },
  {
    query: 'prove to an auditor that guardduty is enabled',
    kind: 'question',
    pages: ['compliance-validation'],
    newPage: 'evidence pack',
  },
  {
    query: 'export findings to S3',
    kind: 'question',
    pages: ['data-protection'],
    section: 'export-findings-for-longer-retention',
  },
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
    pages: ['managing-access'],
    section: 'read-only-analyst',
  },
  { query: 'least privilege guardduty policy', kind: 'question', pages: ['managing-access'] },
  {
    query: 'let responders archive findings but not change the detector',
    kind: 'question',
    pages: ['managing-access'],
    section: 'finding-triage-without-control-of-the-detector',
  },

  // Identifiers: names of policies, roles, actions, settings; the page about them comes first.
  {
    query: 'AmazonGuardDutyFullAccess_v2',
    kind: 'identifier',
    pages: ['managing-access'],
    section: 'aws-managed-policies',
    newPage: 'managed policies',
  },
  {
    query: 'AmazonGuardDutyReadOnlyAccess',
    kind: 'identifier',
    pages: ['managing-access'],
    newPage: 'managed policies',
  },
  {
    query: 'AWSServiceRoleForAmazonGuardDutyMalwareProtection',
    kind: 'identifier',
    pages: ['service-linked-roles'],
  },
  {
    query: 'AmazonGuardDutyServiceRolePolicy',
    kind: 'identifier',
    pages: ['service-linked-roles'],
  },
  {
    query: 'guardduty:SendSecurityTelemetry',
    kind: 'identifier',
    pages: ['infrastructure-security', 'cloudtrail-logging'],
    newPage: 'Runtime Monitoring agent',
  },
  {
    query: 'DisassociateFromAdministratorAccount',
    kind: 'identifier',
    pages: ['managing-access', 'cloudtrail-logging'],
  },
  {
    query: 'guardduty-enabled-centralized',
    kind: 'identifier',
    pages: ['compliance-validation'],
    section: 'keep-checking-with-aws-config-and-security-hub',
  },
  { query: 'GuardDuty.1', kind: 'identifier', pages: ['compliance-validation'] },
  {
    query: 'kms:GenerateDataKey',
    kind: 'identifier',
    pages: ['data-protection'],
    section: 'key-policy-for-the-export-key',
  },
  {
    query: 'iam:CreateServiceLinkedRole',
    kind: 'identifier',
    pages: ['service-linked-roles', 'managing-access'],
  },
  {
    query: 'GuardDutyExcluded',
    kind: 'identifier',
    pages: ['service-linked-roles', 'data-protection'],
  },
  {
    query: 'com.amazonaws.us-east-1.guardduty-data',
    kind: 'identifier',
    pages: ['infrastructure-security'],
    newPage: 'Runtime Monitoring agent',
  },
  {
    query: 'AWS_USE_FIPS_ENDPOINT',
    kind: 'identifier',
    pages: ['infrastructure-security'],
    section: 'call-the-fips-or-dual-stack-endpoint',
  },
  { query: 'FIFTEEN_MINUTES', kind: 'identifier', pages: ['data-protection'] },
  { query: 'CreatePublishingDestination', kind: 'identifier', pages: ['data-protection'] },
  { query: 'aws:SourceArn', kind: 'identifier', pages: ['data-protection'] },
  {
    query: 'GuardDutyScanId',
    kind: 'identifier',
    pages: ['data-protection', 'service-linked-roles'],
  },
  {
    query: 'AmazonGuardDuty-ConfigureRuntimeMonitoringSsmPlugin',
    kind: 'identifier',
    pages: ['service-linked-roles'],
    newPage: 'Runtime Monitoring agent',
  },

  // Acronyms and short forms, most of which the pages spell out or never write.
  { query: 'SLR', kind: 'acronym', pages: ['service-linked-roles'] },
  {
    query: 'SCP',
    kind: 'acronym',
    pages: ['managing-access'],
    section: 'service-control-policy-that-protects-guardduty',
    newPage: 'multi-account hardening',
  },
  { query: 'KMS', kind: 'acronym', pages: ['data-protection'] },
  { query: 'FIPS', kind: 'acronym', pages: ['infrastructure-security', 'data-protection'] },
  { query: 'PFS', kind: 'acronym', pages: ['infrastructure-security'] },
  {
    query: 'ABAC',
    kind: 'acronym',
    pages: ['managing-access'],
    section: 'condition-keys-and-tags',
  },
  { query: 'DR', kind: 'acronym', pages: ['resilience'] },
  { query: 'SigV4', kind: 'acronym', pages: ['infrastructure-security'] },
  { query: 'SSE-KMS', kind: 'acronym', pages: ['data-protection'] },
  { query: 'HIPAA', kind: 'acronym', pages: ['compliance-validation'] },
  { query: 'PCI DSS', kind: 'acronym', pages: ['compliance-validation'] },
  { query: 'VPC endpoint', kind: 'acronym', pages: ['infrastructure-security'] },
  { query: 'AZ', kind: 'acronym', pages: ['resilience'] },

  // Misspellings: one or two letters off, as typed in a hurry.
  { query: 'servce linked role', kind: 'misspelling', pages: ['service-linked-roles'] },
  { query: 'cloudtrial', kind: 'misspelling', pages: ['cloudtrail-logging'] },
  { query: 'privatelnik', kind: 'misspelling', pages: ['infrastructure-security'] },
  { query: 'encyption at rest', kind: 'misspelling', pages: ['data-protection'] },
  { query: 'complience reports', kind: 'misspelling', pages: ['compliance-validation'] },
  { query: 'resiliance', kind: 'misspelling', pages: ['resilience'] },
  { query: 'evnetbridge rule', kind: 'misspelling', pages: ['cloudtrail-logging'] },
  {
    query: 'managed polcies',
    kind: 'misspelling',
    pages: ['managing-access'],
    newPage: 'managed policies',
  },
  { query: 'availabilty zones', kind: 'misspelling', pages: ['resilience'] },
  {
    query: 'delegated adminstrator',
    kind: 'misspelling',
    pages: ['managing-access', 'resilience'],
  },

  // AWS's own terms for a topic, which the page about it may never use.
  { query: 'disaster recovery', kind: 'aws-term', pages: ['resilience'] },
  { query: 'shared responsibility model', kind: 'aws-term', pages: [''] },
  { query: 'high availability', kind: 'aws-term', pages: ['resilience'] },
  { query: 'data retention', kind: 'aws-term', pages: ['data-protection'] },
  {
    query: 'encryption in transit',
    kind: 'aws-term',
    pages: ['data-protection', 'infrastructure-security'],
  },
  {
    query: 'customer managed key',
    kind: 'aws-term',
    pages: ['data-protection', 'service-linked-roles'],
  },
  { query: 'audit trail', kind: 'aws-term', pages: ['cloudtrail-logging'] },
  { query: 'interface endpoint', kind: 'aws-term', pages: ['infrastructure-security'] },
  {
    query: 'multi-account',
    kind: 'aws-term',
    pages: ['resilience', 'compliance-validation'],
    newPage: 'multi-account hardening',
  },
  { query: 'continuous compliance monitoring', kind: 'aws-term', pages: ['compliance-validation'] },
  {
    query: 'break glass role',
    kind: 'aws-term',
    pages: ['managing-access'],
    newPage: 'multi-account hardening',
  },
  {
    query: 'trusted IP list',
    kind: 'aws-term',
    pages: ['managing-access', 'data-protection'],
  },
  {
    query: 'delegated administrator',
    kind: 'aws-term',
    pages: ['managing-access', 'resilience'],
    newPage: 'multi-account hardening',
  },

  // Commands, pasted or half-remembered.
  {
    query: 'aws guardduty create-publishing-destination',
    kind: 'cli',
    pages: ['data-protection'],
    section: 'create-the-publishing-destination',
  },
  { query: 'aws cloudtrail lookup-events', kind: 'cli', pages: ['cloudtrail-logging'] },
  {
    query: 'aws iam delete-service-linked-role',
    kind: 'cli',
    pages: ['service-linked-roles'],
    section: 'delete-the-main-role',
  },
  {
    query: 'aws guardduty list-detectors',
    kind: 'cli',
    pages: ['compliance-validation', 'resilience'],
  },
  {
    query: 'openssl s_client',
    kind: 'cli',
    pages: ['infrastructure-security'],
    section: 'check-the-tls-floor-yourself',
  },
  { query: 'aws ec2 create-vpc-endpoint', kind: 'cli', pages: ['infrastructure-security'] },
  { query: 'enable-organization-admin-account', kind: 'cli', pages: ['resilience'] },
  { query: 'aws configservice put-config-rule', kind: 'cli', pages: ['compliance-validation'] },
  { query: 'update-organization-configuration', kind: 'cli', pages: ['resilience'] },

  // Error messages and codes, copied from a terminal or a console.
  {
    query: 'AccessDeniedException GetFindings',
    kind: 'error',
    pages: ['managing-access'],
    newPage: 'IAM troubleshooting',
  },
  {
    query: 'access denied when calling GetFindings',
    kind: 'error',
    pages: ['managing-access'],
    newPage: 'IAM troubleshooting',
  },
  { query: 'NoSuchEntity', kind: 'error', pages: ['service-linked-roles'] },
  { query: 'tls 1.1 handshake failure', kind: 'error', pages: ['infrastructure-security'] },
  {
    query: 'service-linked role deletion failed',
    kind: 'error',
    pages: ['service-linked-roles'],
  },
  { query: 'NON_COMPLIANT', kind: 'error', pages: ['compliance-validation'] },
];
