/**
 * The one module that runs code from `@cloud-copilot/iam-simulate` and `@cloud-copilot/iam-policy`
 * (AGPL-3.0): the build and the tests call it, nothing shipped to a browser may import it
 * (tests/build/licence-boundary.test.ts checks dist/). Everything around it is pure and MIT-clean.
 */
import {
  validateEndpointPolicy,
  validateIdentityPolicy,
  validateResourceControlPolicy,
  validateResourcePolicy,
  validateServiceControlPolicy,
  validateTrustPolicy,
  type ValidationError,
} from '@cloud-copilot/iam-policy';
import {
  runSimulation,
  type RunSimulationResults,
  type Simulation,
} from '@cloud-copilot/iam-simulate';
import type { JsonPath } from '../json-source.ts';
import type { PolicyKind } from './simulation.ts';

/** Runs one simulation in the simulator's strict mode (the request exactly as written). */
export function simulate(simulation: Simulation): Promise<RunSimulationResults> {
  return runSimulation(simulation, { simulationMode: 'Strict' });
}

/** A simulator validation error, at a path inside the policy. */
export interface PolicyValidationError {
  path: JsonPath;
  message: string;
}

const validators: Record<PolicyKind, (policy: unknown) => ValidationError[]> = {
  identity: validateIdentityPolicy,
  boundary: validateIdentityPolicy,
  resource: validateResourcePolicy,
  trust: validateTrustPolicy,
  scp: validateServiceControlPolicy,
  rcp: validateResourceControlPolicy,
  endpoint: validateEndpointPolicy,
};

/** What the simulator's own validator says about a policy used as `kind`. */
export function validatePolicy(kind: PolicyKind, document: unknown): PolicyValidationError[] {
  return validators[kind](document).map((error) => ({
    path: jsonPathOf(error.path),
    message: error.message,
  }));
}

/** `Statement[0].#Principal` (iam-policy's notation) as `['Statement', 0, 'Principal']`. */
export function jsonPathOf(path: string): JsonPath {
  const segments: JsonPath = [];
  for (const part of path.split('.')) {
    const match = /^#?([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!match) continue;
    if (match[1]) segments.push(match[1]);
    for (const index of (match[2] ?? '').matchAll(/\[(\d+)\]/g)) segments.push(Number(index[1]));
  }
  return segments;
}
