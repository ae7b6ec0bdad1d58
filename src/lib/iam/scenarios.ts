/**
 * Reads a ```scenarios block (YAML, docs/content-brief.md has the syntax): the requests a policy
 * example must allow and deny, each with the line it starts on, so a failing scenario is reported
 * as `content/page.mdx:line`.
 */
import {
  isMap,
  isNode,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Pair,
  type YAMLMap,
} from 'yaml';
import type { BlockProblem } from '../code-checks.ts';
import type { Point } from '../source-problems.ts';
import { closestMatches } from '../suggest.ts';

/** What a scenario says the policies decide. */
export const expectations = [
  'allowed',
  'denied',
  'explicitly denied',
  'implicitly denied',
] as const;
export type Expectation = (typeof expectations)[number];

/** The fields a scenario may have. */
const scenarioFields = [
  'name',
  'principal',
  'action',
  'resource',
  'resource-account',
  'context',
  'policies',
  'expect',
] as const;
type ScenarioField = (typeof scenarioFields)[number];
const requiredFields = ['name', 'principal', 'action', 'resource', 'expect'] as const;
const blockFields = ['policies', 'scenarios'] as const;

/** One request and the result the policies must give it. */
export interface Scenario {
  /** One sentence a reader understands: what is tried, by whom. */
  name: string;
  /** A service principal or an IAM ARN. */
  principal: string;
  /** One action, e.g. `kms:GenerateDataKey`. */
  action: string;
  /** One concrete ARN, or `*` for an action without a resource type. */
  resource: string;
  /** The account that owns the resource, when the scenario says so. */
  resourceAccount: string | undefined;
  /** Condition context the scenario sets, in the order written. */
  context: ReadonlyArray<readonly [key: string, value: string | readonly string[]]>;
  /** The policy ids in force: the scenario's own `policies:`, else the block's. */
  policies: readonly string[];
  /** Whether the scenario names its own policies (shown in the table). */
  ownPolicies: boolean;
  expect: Expectation;
  /** Where the scenario starts in the block (its `- name:` line). */
  at: Point;
  /** Where each field's value is written, for problems about one field. */
  fieldAt: Partial<Record<ScenarioField, Point>>;
  /** Where each context key is written. */
  contextAt: Readonly<Record<string, Point>>;
  /** False when a field was left out because it was written wrong (reported): checked, not run. */
  complete: boolean;
}

/** A parsed ```scenarios block. */
export interface ScenarioBlock {
  /** The block's `policies:` (what its scenarios use unless they name their own). */
  policies: readonly string[];
  /** Where the block's `policies:` value is written (the block's start when it has none). */
  policiesAt: Point;
  scenarios: readonly Scenario[];
}

/** A block, or as much as could be read, with what is wrong in it. */
export interface ParsedScenarios {
  block: ScenarioBlock;
  problems: BlockProblem[];
}

/** Parses the text of a ```scenarios block; positions are 1-based in that text. */
export function parseScenarios(text: string): ParsedScenarios {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const point = (offset: number | undefined): Point => {
    const { line, col } = lineCounter.linePos(offset ?? 0);
    return { line: Math.max(line, 1), column: col };
  };
  const at = (node: unknown): Point => point(startOf(node));
  const problems: BlockProblem[] = [];
  const start = { line: 1, column: 1 };
  const empty: ParsedScenarios = {
    block: { policies: [], policiesAt: start, scenarios: [] },
    problems,
  };
  for (const error of doc.errors) {
    problems.push({
      point: point(error.pos[0]),
      message: `invalid YAML in the scenarios block: ${error.message.split('\n')[0] ?? ''}`,
      fix:
        'indent each scenario as "  - name: ..." under "scenarios:", and quote \'*\' and ' +
        'values that contain ": "',
    });
  }
  if (problems.length > 0) return empty;
  const root = doc.contents;
  if (!isMap(root)) {
    problems.push({
      point: at(root),
      message: 'the scenarios block is not a YAML map',
      fix:
        'start the block with "policies: [policy-id]" and "scenarios:", then the list of ' +
        'scenarios',
    });
    return empty;
  }
  problems.push(...unknownKeys(root, blockFields, 'the scenarios block', point));
  const policiesNode = root.get('policies', true);
  const blockPolicies = readPolicies(policiesNode, point, problems);
  const policiesAt = policiesNode === undefined ? start : at(policiesNode);
  const list = root.get('scenarios', true);
  if (!isSeq(list) || list.items.length === 0) {
    problems.push({
      point: at(list ?? root),
      message: 'the scenarios block has no "scenarios:" list',
      fix:
        'add "scenarios:" with at least one "- name: ..." entry: one request the policy ' +
        'allows and one it denies',
    });
    return { block: { policies: blockPolicies ?? [], policiesAt, scenarios: [] }, problems };
  }
  const scenarios: Scenario[] = [];
  list.items.forEach((item, i) => {
    const where = at(item);
    if (!isMap(item)) {
      problems.push({
        point: where,
        message: `scenario ${i + 1} is not a map of fields`,
        fix:
          'write each scenario as "- name: ...", then principal, action, resource and ' +
          'expect on their own lines',
      });
      return;
    }
    const scenario = readScenario(item, i, blockPolicies, point, problems);
    if (scenario) scenarios.push(scenario);
  });
  return { block: { policies: blockPolicies ?? [], policiesAt, scenarios }, problems };
}

function readScenario(
  map: YAMLMap,
  index: number,
  blockPolicies: readonly string[] | undefined,
  point: (offset: number | undefined) => Point,
  problems: BlockProblem[],
): Scenario | undefined {
  const start = point(map.range?.[0]);
  const fieldAt: Partial<Record<ScenarioField, Point>> = {};
  const values: Partial<Record<ScenarioField, unknown>> = {};
  let broken = false;
  let complete = true;
  problems.push(...unknownKeys(map, scenarioFields, `scenario ${index + 1}`, point));
  for (const pair of map.items) {
    const key = keyOf(pair);
    if (!isScenarioField(key)) continue;
    fieldAt[key] = point(startOf(pair.value) ?? startOf(pair.key));
    values[key] = pair.value;
  }
  const title =
    typeof scalarString(values.name) === 'string'
      ? `"${scalarString(values.name)}"`
      : `${index + 1}`;
  const strings: Partial<Record<ScenarioField, string>> = {};
  for (const field of requiredFields) {
    const node = values[field];
    if (node === undefined || node === null) {
      problems.push({
        point: start,
        message: `scenario ${title} has no "${field}"`,
        fix: `add "${field}:" (${fieldHelp[field]})`,
      });
      broken = true;
      continue;
    }
    const text = scalarString(node);
    if (text === undefined) {
      problems.push(notAString(field, node, fieldAt[field] ?? start, title));
      broken = true;
      continue;
    }
    strings[field] = text;
  }
  let resourceAccount: string | undefined;
  if (values['resource-account'] !== undefined) {
    const text = scalarString(values['resource-account']);
    if (text === undefined || !/^\d{12}$/.test(text)) {
      problems.push({
        point: fieldAt['resource-account'] ?? start,
        message:
          `scenario ${title} has "resource-account": ` +
          `${describe(values['resource-account'])}, not a quoted 12-digit account ID`,
        fix: "write it quoted, e.g. resource-account: '111122223333'",
      });
      complete = false;
    } else resourceAccount = text;
  }
  const context: Array<readonly [string, string | readonly string[]]> = [];
  const contextAt: Record<string, Point> = {};
  const contextNode = values.context;
  if (contextNode !== undefined && contextNode !== null) {
    if (!isMap(contextNode)) {
      problems.push({
        point: fieldAt.context ?? start,
        message: `scenario ${title} has a "context" that is not a map`,
        fix: "write one key per line under context:, e.g. aws:SourceAccount: '111122223333'",
      });
      complete = false;
    } else {
      for (const pair of contextNode.items) {
        const key = keyOf(pair);
        const keyPoint = point(startOf(pair.key));
        if (key === undefined) continue;
        contextAt[key] = keyPoint;
        const value = readContextValue(pair.value);
        if (value === undefined) {
          // Reported, and the key left out: the scenario's other fields are still checked.
          complete = false;
          problems.push({
            point: keyPoint,
            message:
              `scenario ${title} sets context key "${key}" to ${describe(pair.value)}, ` +
              `not a string`,
            fix:
              `quote the value (IAM compares context values as text): ${key}: ` +
              `'${isScalar(pair.value) ? String(pair.value.value) : '...'}'`,
          });
          continue;
        }
        context.push([key, value]);
      }
    }
  }
  const own = readPolicies(values.policies, point, problems);
  const policies = own ?? blockPolicies ?? [];
  if (policies.length === 0) {
    problems.push({
      point: start,
      message: `scenario ${title} names no policy`,
      fix:
        'add "policies: [policy-id]" at the top of the block (the id of the ```json ' +
        'policy="..." block it tests), or to this scenario',
    });
    broken = true;
  }
  const expect = strings.expect;
  if (expect !== undefined && !isExpectation(expect)) {
    problems.push({
      point: fieldAt.expect ?? start,
      message: `scenario ${title} expects "${expect}"`,
      fix:
        `use one of ` +
        `${expectations.map((e) => `"${e}"`).join(', ')}${suggestion(expect, expectations)}`,
    });
    broken = true;
  }
  const { name, principal, action, resource } = strings;
  if (broken || !name || !principal || !action || !resource || !expect || !isExpectation(expect))
    return undefined;
  return {
    name,
    principal,
    action,
    resource,
    resourceAccount,
    context,
    policies,
    ownPolicies: own !== undefined,
    expect,
    at: start,
    fieldAt,
    contextAt,
    complete,
  };
}

const fieldHelp: Record<(typeof requiredFields)[number], string> = {
  name: 'one sentence: what is tried, by whom',
  principal:
    'guardduty.amazonaws.com, or an ARN such as arn:aws:iam::111122223333:role/SecurityAnalyst',
  action: 'one action, e.g. kms:GenerateDataKey',
  resource: "one ARN, or '*' for an action that takes no resource type",
  expect: expectations.join(', '),
};

/** `policies:` as a list of ids (a single id is accepted too); undefined when not written. */
function readPolicies(
  node: unknown,
  point: (offset: number | undefined) => Point,
  problems: BlockProblem[],
): string[] | undefined {
  if (node === undefined || node === null) return undefined;
  const single = scalarString(node);
  if (single !== undefined) return [single];
  if (isSeq(node)) {
    const ids = node.items.map(scalarString);
    if (ids.every((id): id is string => id !== undefined)) return ids;
  }
  problems.push({
    point: point(startOf(node)),
    message: `"policies" is ${describe(node)}, not a list of policy ids`,
    fix: 'write policies: [policy-id] or policies: [identity-policy-id, scp-id]',
  });
  return [];
}

/** A context value: text, or a list of texts for multivalued keys (`aws:CalledVia`). */
function readContextValue(node: unknown): string | string[] | undefined {
  const single = scalarString(node);
  if (single !== undefined) return single;
  if (isSeq(node)) {
    const values = node.items.map(scalarString);
    if (values.length > 0 && values.every((v): v is string => v !== undefined)) return values;
  }
  return undefined;
}

/**
 * A scalar written as text. Numbers and booleans are refused on purpose: YAML reads
 * `012345678901` as the number 12345678901 and `true` as a boolean, and an account ID or a
 * context value must reach IAM exactly as written.
 */
function scalarString(node: unknown): string | undefined {
  return isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
}

function notAString(field: string, node: unknown, point: Point, title: string): BlockProblem {
  return {
    point,
    message: `scenario ${title} has "${field}": ${describe(node)}, not text`,
    fix: `quote it, e.g. ${field}: '${isScalar(node) ? String(node.value) : '...'}'`,
  };
}

function unknownKeys(
  map: YAMLMap,
  allowed: readonly string[],
  where: string,
  point: (offset: number | undefined) => Point,
): BlockProblem[] {
  const problems: BlockProblem[] = [];
  for (const pair of map.items) {
    const key = keyOf(pair);
    if (key === undefined || allowed.includes(key)) continue;
    problems.push({
      point: point(startOf(pair.key)),
      message: `${where} has an unknown field "${key}"`,
      fix: `use one of ${allowed.join(', ')}${suggestion(key, allowed)}`,
    });
  }
  return problems;
}

function suggestion(value: string, candidates: readonly string[]): string {
  const [best] = closestMatches(value, candidates, 1);
  return best ? ` (did you mean "${best}"?)` : '';
}

/** Where a YAML node starts (0-based offset in the block), if it is one. */
function startOf(node: unknown): number | undefined {
  return isNode(node) ? node.range?.[0] : undefined;
}

function keyOf(pair: Pair): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

function describe(node: unknown): string {
  if (isScalar(node)) return JSON.stringify(node.value);
  if (isSeq(node)) return 'a list';
  if (isMap(node)) return 'a map';
  return 'nothing';
}

function isScenarioField(key: string | undefined): key is ScenarioField {
  return scenarioFields.some((f) => f === key);
}

function isExpectation(value: string): value is Expectation {
  return expectations.some((e) => e === value);
}
