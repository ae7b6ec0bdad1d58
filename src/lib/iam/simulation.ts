/**
 * Turns a scenario and the policies it names into the input of `@cloud-copilot/iam-simulate`,
 * applying the defaults docs/content-brief.md promises writers, so a scenario states only what
 * matters: derived context keys, an implied AdministratorAccess beside guardrails, and
 * FullAWSAccess beside every SCP. Pure; the simulator itself runs in simulate.ts.
 */
import type { Simulation } from '@cloud-copilot/iam-simulate';
import { arnParts, type ScenarioPrincipal } from './arn.ts';
import type { Scenario } from './scenarios.ts';

/** What a policy example is attached to, which decides how IAM evaluates it. */
export const policyKinds = [
  'identity',
  'resource',
  'trust',
  'scp',
  'rcp',
  'endpoint',
  'boundary',
] as const;
export type PolicyKind = (typeof policyKinds)[number];

/** How each kind is named in messages and on the page. */
export const kindNames: Record<PolicyKind, string> = {
  identity: 'identity policy',
  resource: 'resource policy',
  trust: 'trust policy',
  scp: 'SCP',
  rcp: 'RCP',
  endpoint: 'VPC endpoint policy',
  boundary: 'permissions boundary',
};

/** A policy a scenario can name: an example on the page, or a built-in one. */
export interface PolicyExample {
  /** `policy="id"` of its block, or a built-in name. */
  id: string;
  kind: PolicyKind;
  document: Record<string, unknown>;
}

/** Allows every action on every resource (AWS managed AdministratorAccess, FullAWSAccess). */
const allowEverything = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
};

/** Policies a scenario may name without a block on the page. */
export const builtInPolicies: ReadonlyMap<string, PolicyExample> = new Map([
  [
    'AdministratorAccess',
    { id: 'AdministratorAccess', kind: 'identity', document: allowEverything },
  ],
]);

/** The name the simulation gives the identity policy a guardrail-only scenario implies. */
export const impliedAdministratorAccess = 'AdministratorAccess (implied)';

/** Guardrails: they only ever take permissions away. */
const guardrails: readonly PolicyKind[] = ['scp', 'rcp', 'endpoint', 'boundary'];

/** The reader's account in every example; resources without an owner default to it. */
export const readerAccount = '111122223333';

/** A scenario that cannot be simulated as written, and why. */
export interface SimulationProblem {
  /** The scenario field the problem is about. */
  field: 'policies' | 'action' | 'principal';
  message: string;
  fix: string;
}

/** The simulator's input for one scenario, or why there is none. */
export type SimulationPlan =
  | { ok: true; simulation: Simulation; impliedAdministrator: boolean }
  | { ok: false; problem: SimulationProblem };

/**
 * Builds the simulation of a scenario under `policies` (in the order it names them).
 *
 * Defaults, each as IAM behaves: context the request always carries is derived unless the
 * scenario sets it (`aws:SecureTransport` true; `aws:PrincipalArn`, `aws:PrincipalAccount` and
 * `aws:PrincipalIsAWSService` for every caller, `aws:PrincipalServiceName` for a service;
 * `aws:RequestedRegion` from the resource ARN; `aws:ResourceAccount` from the resource's owner).
 * An IAM principal under guardrails only gets an allow-everything identity policy, so the question
 * is what the guardrail stops. Every SCP has FullAWSAccess beside it and at the root, as AWS
 * Organizations attaches it. A resource named `*` (an action without a resource type) belongs to
 * the caller's own account.
 */
export function buildSimulation(
  scenario: Scenario,
  principal: ScenarioPrincipal,
  policies: readonly PolicyExample[],
): SimulationPlan {
  const ofKind = (kind: PolicyKind) => policies.filter((p) => p.kind === kind);
  const named = (list: readonly PolicyExample[]) =>
    list.map((p) => ({ name: p.id, policy: p.document }));
  const problem = checkCombination(scenario, principal, policies);
  if (problem) return { ok: false, problem };

  const resourcePolicy = [...ofKind('resource'), ...ofKind('trust')][0];
  let identity = named(ofKind('identity'));
  const impliedAdministrator =
    identity.length === 0 &&
    principal.kind === 'iam' &&
    resourcePolicy === undefined &&
    policies.some((p) => guardrails.includes(p.kind));
  if (impliedAdministrator)
    identity = [{ name: impliedAdministratorAccess, policy: allowEverything }];

  const arn = arnParts(scenario.resource);
  const ownAccount = principal.kind === 'iam' ? principal.account : readerAccount;
  const resourceAccount =
    scenario.resourceAccount ??
    (arn?.account || (scenario.resource === '*' ? ownAccount : readerAccount));
  const scps = ofKind('scp');
  const rcps = ofKind('rcp');
  const endpoints = ofKind('endpoint');
  const boundaries = ofKind('boundary');
  const simulation: Simulation = {
    request: {
      principal: principal.kind === 'service' ? principal.name : principal.arn,
      action: scenario.action,
      resource: { resource: scenario.resource, accountId: resourceAccount },
      contextVariables: contextFor(scenario, principal, resourceAccount),
    },
    identityPolicies: identity,
    serviceControlPolicies:
      scps.length === 0
        ? []
        : [
            { orgIdentifier: 'root', policies: [fullAwsAccess] },
            { orgIdentifier: ownAccount, policies: [fullAwsAccess, ...named(scps)] },
          ],
    resourceControlPolicies:
      rcps.length === 0 ? [] : [{ orgIdentifier: resourceAccount, policies: named(rcps) }],
    ...(resourcePolicy ? { resourcePolicy: resourcePolicy.document } : {}),
    ...(endpoints.length ? { vpcEndpointPolicies: named(endpoints) } : {}),
    ...(boundaries.length ? { permissionBoundaryPolicies: named(boundaries) } : {}),
  };
  return { ok: true, simulation, impliedAdministrator };
}

const fullAwsAccess = { name: 'FullAWSAccess', policy: allowEverything };

/** The context IAM would put in the request, then what the scenario sets (which wins). */
function contextFor(
  scenario: Scenario,
  principal: ScenarioPrincipal,
  resourceAccount: string,
): Record<string, string | string[]> {
  const context: Record<string, string | string[]> = { 'aws:SecureTransport': 'true' };
  if (principal.kind === 'iam') {
    context['aws:PrincipalArn'] = principal.principalArn;
    context['aws:PrincipalAccount'] = principal.account;
    context['aws:PrincipalIsAWSService'] = 'false';
  } else {
    context['aws:PrincipalServiceName'] = principal.name;
    context['aws:PrincipalIsAWSService'] = 'true';
  }
  const region = arnParts(scenario.resource)?.region;
  if (region) context['aws:RequestedRegion'] = region;
  context['aws:ResourceAccount'] = resourceAccount;
  // Context keys are case-insensitive: the scenario's spelling replaces a derived key.
  for (const [key, value] of scenario.context) {
    for (const derived of Object.keys(context)) {
      if (derived.toLowerCase() === key.toLowerCase()) delete context[derived];
    }
    context[key] = typeof value === 'string' ? value : [...value];
  }
  return context;
}

/** A combination IAM never evaluates, which would make the simulation answer another question. */
function checkCombination(
  scenario: Scenario,
  principal: ScenarioPrincipal,
  policies: readonly PolicyExample[],
): SimulationProblem | undefined {
  const onResource = policies.filter((p) => p.kind === 'resource' || p.kind === 'trust');
  if (onResource.length > 1) {
    return {
      field: 'policies',
      message:
        `names ${onResource.map((p) => `"${p.id}"`).join(' and ')}, but a request ` +
        `reaches one resource, which has one resource policy`,
      fix:
        'keep one resource or trust policy in this scenario; test the other in a scenario ' +
        'of its own',
    };
  }
  const trust = policies.find((p) => p.kind === 'trust');
  if (trust && !scenario.action.toLowerCase().startsWith('sts:')) {
    return {
      field: 'action',
      message:
        `uses the trust policy "${trust.id}" with ${scenario.action}, but a trust ` +
        `policy only decides who may assume the role`,
      fix:
        'use sts:AssumeRole (or another sts: action) on the role ARN, or give the policy ' +
        'another kind',
    };
  }
  if (principal.kind === 'service') {
    const ignored = policies.find((p) =>
      ['identity', 'boundary', 'scp', 'endpoint'].includes(p.kind),
    );
    if (ignored) {
      return {
        field: 'policies',
        message:
          `names the ${kindNames[ignored.kind]} "${ignored.id}", which never applies to ` +
          `the service principal ${principal.name}: AWS evaluates only the resource policy and ` +
          `RCPs for a service calling on its own behalf`,
        fix: 'remove it from this scenario, or make the principal an IAM role or user',
      };
    }
  }
  if (principal.kind === 'iam' && principal.serviceLinked) {
    const ignored = policies.find((p) => p.kind === 'scp' || p.kind === 'rcp');
    if (ignored) {
      return {
        field: 'policies',
        message:
          `names the ${kindNames[ignored.kind]} "${ignored.id}", but SCPs and RCPs ` +
          `never restrict a service-linked role (${principal.arn})`,
        fix: 'remove it from this scenario, or use an ordinary role as the principal',
      };
    }
  }
  return undefined;
}
