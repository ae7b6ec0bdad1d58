/**
 * Judges a simulated scenario against what it expects, and explains the simulator's decision in
 * words a writer can act on: which statement of which policy decided, and for the statements that
 * almost applied, which part (action, resource, principal or condition) did not match and why.
 */
import type {
  ConditionExplain,
  EvaluationResult,
  RequestAnalysis,
} from '@cloud-copilot/iam-simulate';
import type { Expectation } from './scenarios.ts';

/** Which simulated results satisfy each expectation. */
const satisfies: Record<Expectation, readonly EvaluationResult[]> = {
  allowed: ['Allowed'],
  denied: ['ExplicitlyDenied', 'ImplicitlyDenied'],
  'explicitly denied': ['ExplicitlyDenied'],
  'implicitly denied': ['ImplicitlyDenied'],
};

/** Whether the simulator's result is what the scenario expects. */
export function meetsExpectation(expect: Expectation, result: EvaluationResult): boolean {
  return satisfies[expect].includes(result);
}

/** A result as a writer reads it: `allowed`, `explicitly denied`, `implicitly denied`. */
export function resultWords(result: EvaluationResult): string {
  return result === 'Allowed'
    ? 'allowed'
    : result === 'ExplicitlyDenied'
      ? 'explicitly denied'
      : 'implicitly denied';
}

/** What the explanation needs to name the policies. */
export interface ExplainContext {
  /** The action, resource and principal of the request. */
  action: string;
  resource: string;
  principal: string;
  /** The id of the scenario's resource or trust policy (the simulator leaves it unnamed). */
  resourcePolicyId: string | undefined;
  /** How each policy the simulation holds is named: `export-key (resource policy)`. */
  describePolicy(id: string): string;
}

type StatementAnalysis = NonNullable<
  RequestAnalysis['identityAnalysis']
>['allowStatements'][number];

/** Where statements were evaluated: the identity policies, the resource policy, an SCP... */
interface Layer {
  statements: {
    allow: StatementAnalysis[];
    deny: StatementAnalysis[];
    unmatched: StatementAnalysis[];
  };
  result: string;
  /** What the layer is called when it allows nothing: "the endpoint policy", "the SCPs". */
  name: string;
  /** Which guardrail, in the simulator's `blockedBy` terms, or 'core'. */
  role: 'core' | 'scp' | 'rcp' | 'vpce' | 'pb';
  policyOf(statement: StatementAnalysis): string;
}

/**
 * Lines explaining a simulated decision: the decisive statements, then (at most a few) near
 * misses: statements of the other effect that did not apply, with the part that did not match.
 */
export function explainDecision(analysis: RequestAnalysis, ctx: ExplainContext): string[] {
  const layers = layersOf(analysis, ctx);
  const lines: string[] = [];
  if (analysis.result === 'ExplicitlyDenied') {
    for (const layer of layers) {
      for (const s of layer.statements.deny) {
        lines.push(`Denied by ${statementName(s, layer)}: ${matchedBecause(s)}.`);
      }
    }
  } else if (analysis.result === 'Allowed') {
    const grants = layers
      .filter((l) => l.role === 'core')
      .flatMap((l) => l.statements.allow.map((s) => statementName(s, l)));
    lines.push(`Allowed by ${grants.join(' and ') || 'the policies'}; no Deny statement applies.`);
    lines.push(...nearMisses(layers, 'Deny', ctx));
  } else {
    const blocked = new Set(analysis.blockedBy ?? []);
    const guardrail = layers.filter((l) => l.role !== 'core' && blocked.has(l.role));
    if (guardrail.length > 0) {
      for (const layer of guardrail) {
        lines.push(
          `The identity and resource policies allow it, but no statement of ${layer.name} does.`,
        );
      }
      lines.push(...nearMisses(guardrail, 'Allow', ctx));
    } else {
      const core = layers.filter((l) => l.role === 'core');
      const names = [...new Set(core.map((l) => l.name))];
      lines.push(`No statement of ${names.join(' or ') || 'the policies'} allows it.`);
      if (!analysis.sameAccount && analysis.identityAnalysis?.result === 'Allowed') {
        lines.push(
          'The request crosses accounts, so the resource policy must allow the principal too.',
        );
      }
      lines.push(...nearMisses(core, 'Allow', ctx));
    }
  }
  return lines;
}

/** The evaluated layers of an analysis, in IAM's order. */
function layersOf(analysis: RequestAnalysis, ctx: ExplainContext): Layer[] {
  const layers: Layer[] = [];
  const simple = (
    part: RequestAnalysis['identityAnalysis'] | RequestAnalysis['resourceAnalysis'],
    name: string,
    role: Layer['role'],
    policyOf: (s: StatementAnalysis) => string,
  ) => {
    if (!part) return;
    const statements = {
      allow: part.allowStatements,
      deny: part.denyStatements,
      unmatched: part.unmatchedStatements,
    };
    if (statements.allow.length + statements.deny.length + statements.unmatched.length === 0)
      return;
    layers.push({ statements, result: part.result, name, role, policyOf });
  };
  const byPolicyId = (s: StatementAnalysis) => ctx.describePolicy(s.policyId);
  simple(analysis.identityAnalysis, 'the identity policies', 'core', byPolicyId);
  const resourceName = ctx.resourcePolicyId
    ? ctx.describePolicy(ctx.resourcePolicyId)
    : 'the resource policy';
  simple(analysis.resourceAnalysis, resourceName, 'core', () => resourceName);
  for (const ou of analysis.scpAnalysis?.ouAnalysis ?? []) {
    simple(ou, `the SCPs attached to ${ou.orgIdentifier}`, 'scp', byPolicyId);
  }
  for (const ou of analysis.rcpAnalysis?.ouAnalysis ?? []) {
    simple(ou, `the RCPs attached to ${ou.orgIdentifier}`, 'rcp', byPolicyId);
  }
  simple(analysis.permissionBoundaryAnalysis, 'the permissions boundary', 'pb', byPolicyId);
  simple(analysis.endpointAnalysis, 'the VPC endpoint policy', 'vpce', byPolicyId);
  return layers;
}

/** `statement 2 "GuardDutyWritesFindings" of export-bucket (resource policy)`. */
function statementName(s: StatementAnalysis, layer: Layer): string {
  const sid = s.statement.sid();
  return `statement ${s.statement.index()}${sid ? ` "${sid}"` : ''} of ${layer.policyOf(s)}`;
}

/** Why a matching statement applied: every part matched, with the conditions that did. */
function matchedBecause(s: StatementAnalysis): string {
  const conditions = (s.explain.conditions ?? []).map(describeCondition);
  return conditions.length > 0
    ? `its action, resource and principal match, and so does its condition ${conditions.join('; ')}`
    : 'its action, resource and principal match, and it has no condition';
}

/**
 * Up to three statements of `effect` that did not apply, each with what did not match: the ones
 * to look at when the result is not the expected one.
 */
function nearMisses(
  layers: readonly Layer[],
  effect: 'Allow' | 'Deny',
  ctx: ExplainContext,
): string[] {
  const lines: string[] = [];
  const candidates = layers.flatMap((layer) =>
    layer.statements.unmatched
      .filter((s) => s.statement.effect() === effect)
      .map((s) => ({ s, layer })),
  );
  // The statements that cover the action are the ones that almost decided; show them first.
  const covering = candidates.filter(({ s }) => s.actionMatch);
  for (const { s, layer } of covering.length > 0 ? covering : candidates) {
    const misses = mismatches(s, ctx);
    if (misses.length === 0) continue;
    lines.push(`${capitalise(statementName(s, layer))} does not apply: ${misses.join('; ')}.`);
  }
  const [first, second, third, ...rest] = lines;
  const shown = [first, second, third].filter((l): l is string => l !== undefined);
  return rest.length > 0
    ? [...shown, `(${rest.length} more ${effect} statements do not apply.)`]
    : shown;
}

/** The parts of a statement that did not match the request, in words. */
function mismatches(s: StatementAnalysis, ctx: ExplainContext): string[] {
  const misses: string[] = [];
  if (!s.actionMatch)
    misses.push(
      `its ${s.statement.isNotActionStatement() ? 'NotAction' : 'Action'} does not cover ` +
        `${ctx.action}`,
    );
  if (!s.resourceMatch) misses.push(`its Resource does not cover ${ctx.resource}`);
  if (s.principalMatch === 'NoMatch') misses.push(`its Principal does not name ${ctx.principal}`);
  if (s.principalMatch === 'AccountLevelMatch' && s.actionMatch && s.resourceMatch) {
    misses.push("its Principal names the account, so the account's IAM policies must allow it too");
  }
  if (s.conditionMatch === 'NoMatch') {
    const failed = (s.explain.conditions ?? []).filter((c) => !c.matches).map(describeCondition);
    misses.push(`its condition ${failed.join('; ')} is not met`);
  }
  return misses;
}

/** `aws:SourceArn StringEquals "arn:…us-east-1…" (the request has "arn:…eu-west-1…")`. */
function describeCondition(c: ConditionExplain): string {
  const values = (Array.isArray(c.values) ? c.values : [c.values]).map((v) => `"${v.value}"`);
  const written = `${c.conditionKeyValue} ${c.operator} ${values.join(', ')}`;
  if (c.failedBecauseMissing || c.matchedBecauseMissing) {
    return `${written} (the request has no ${c.conditionKeyValue})`;
  }
  const actual = c.resolvedConditionKeyValue;
  return actual === undefined ? written : `${written} (the request has "${actual}")`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
