/**
 * Checks an IAM policy example against GuardDuty's real authorization model (actions and the
 * resource types each accepts, from the Service Authorization Reference), so the guide never
 * shows a policy that looks right but grants or denies nothing.
 */
import type { JsonPath } from './json-source.ts';
import { closestMatches } from './suggest.ts';

/** The parts of `src/data/guardduty-iam-actions.json` the checks read. */
export interface ActionCatalogData {
  actions: ReadonlyArray<{ name: string; resources: readonly string[] }>;
  resource_types: ReadonlyArray<{ name: string; arn: string }>;
}

/** A GuardDuty IAM action and the resource types it can be scoped to (none: only `"Resource": "*"` works). */
export interface CatalogAction {
  /** Canonical spelling, e.g. `GetFindings`. */
  name: string;
  /** Resource type names, e.g. `['ipset']`; empty when the action takes no resource. */
  resourceTypes: readonly string[];
}

/** A GuardDuty resource type and its ARN template, e.g. `arn:${Partition}:guardduty:${Region}:${Account}:detector/${DetectorId}`. */
export interface CatalogResourceType {
  name: string;
  arnTemplate: string;
}

/** Everything the checks know about the `guardduty` service prefix. */
export interface ActionCatalog {
  actions: readonly CatalogAction[];
  resourceTypes: readonly CatalogResourceType[];
}

/** Turns the data file into a catalog. */
export function buildActionCatalog(data: ActionCatalogData): ActionCatalog {
  return {
    actions: data.actions.map((a) => ({ name: a.name, resourceTypes: [...a.resources] })),
    resourceTypes: data.resource_types.map((t) => ({ name: t.name, arnTemplate: t.arn })),
  };
}

/**
 * The actions an IAM action pattern (the part after `guardduty:`) names. IAM compares action names
 * case-insensitively and supports `*` and `?` wildcards.
 */
export function matchActions(pattern: string, catalog: ActionCatalog): CatalogAction[] {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  const regex = new RegExp(`^${source}$`, 'i');
  return catalog.actions.filter((a) => regex.test(a.name));
}

/**
 * Whether a `Resource` value (an ARN that may contain `*` and `?`) could match some ARN built from
 * `template` (whose `${Placeholder}`s stand for one or more characters other than `/` and `:`).
 * Compared case-insensitively, and `*` may cross `/` and `:`, so the answer errs towards "could
 * match": the checks only report statements that certainly match nothing.
 */
export function arnPatternCouldMatch(template: string, pattern: string): boolean {
  type TemplateToken = { kind: 'char'; char: string } | { kind: 'placeholder' };
  const templateTokens: TemplateToken[] = [];
  for (const part of template.toLowerCase().split(/(\$\{[^}]*\})/)) {
    if (part.startsWith('${')) templateTokens.push({ kind: 'placeholder' });
    else for (const char of part) templateTokens.push({ kind: 'char', char });
  }
  const glob = [...pattern.toLowerCase()];
  const seen = new Set<string>();
  const isSeparator = (c: string) => c === '/' || c === ':';

  // Depth-first search over (template position, pattern position, placeholder already has a char).
  const search = (t: number, p: number, started: boolean): boolean => {
    const key = `${t},${p},${started}`;
    if (seen.has(key)) return false;
    seen.add(key);
    const token = templateTokens[t];
    const globChar = glob[p];
    if (token === undefined && globChar === undefined) return true;
    // Moves that consume nothing: a `*` matching the empty string, or a placeholder that has ended.
    if (globChar === '*' && search(t, p + 1, started)) return true;
    if (token?.kind === 'placeholder' && started && search(t + 1, p, false)) return true;
    if (token === undefined || globChar === undefined) return false;
    const nextP = globChar === '*' ? p : p + 1;
    if (token.kind === 'char') {
      const fits = globChar === '*' || globChar === '?' || globChar === token.char;
      return fits && search(t + 1, nextP, false);
    }
    // A placeholder takes any character but a separator; a literal separator in the pattern cannot go in it.
    if (globChar !== '*' && globChar !== '?' && isSeparator(globChar)) return false;
    return search(t, nextP, true);
  };
  return search(0, 0, false);
}

/** The resource types whose ARNs a `Resource` value could match. */
export function resourceTypesMatching(
  resource: string,
  catalog: ActionCatalog,
): CatalogResourceType[] {
  return catalog.resourceTypes.filter((t) => arnPatternCouldMatch(t.arnTemplate, resource));
}

/** Whether a parsed JSON value is meant as an IAM policy document: an object with `Statement` (or a dated `Version`). */
export function isPolicyDocument(value: unknown): value is Record<string, unknown> {
  if (!isObject(value)) return false;
  return (
    'Statement' in value ||
    (typeof value['Version'] === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value['Version']))
  );
}

/** Something wrong with a policy, at a path inside the document. */
export interface PolicyProblem {
  /** Where in the document, e.g. `['Statement', 1, 'Action', 0]`; `[]` for the document itself. */
  path: JsonPath;
  message: string;
  fix: string;
}

const currentVersion = '2012-10-17';
const dataFile = 'src/data/guardduty-iam-actions.json';

/**
 * Checks a policy document: `Version` is `2012-10-17`; `Statement` holds statements with a valid
 * `Effect` and an `Action` or `NotAction`; every `guardduty:` action exists; and every GuardDuty
 * action in a statement with a specific `Resource` can actually apply to one of those resources.
 */
export function checkPolicy(
  policy: Record<string, unknown>,
  catalog: ActionCatalog,
): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const version = policy['Version'];
  if (version === undefined) {
    problems.push({
      path: [],
      message: 'IAM policy example has no "Version"',
      fix: `add "Version": "${currentVersion}" before "Statement"; without it IAM falls back to the 2008-10-17 language, in which policy variables such as \${aws:username} are not replaced`,
    });
  } else if (version !== currentVersion) {
    problems.push({
      path: ['Version'],
      message: `IAM policy example has "Version": ${JSON.stringify(version)}`,
      fix: `use "Version": "${currentVersion}", the current policy language version`,
    });
  }

  const statement = policy['Statement'];
  if (statement === undefined) {
    problems.push({
      path: [],
      message: 'IAM policy example has no "Statement"',
      fix: 'add "Statement": [ { "Effect": ..., "Action": ..., "Resource": ... } ]',
    });
    return problems;
  }
  const statements: Array<{ value: unknown; path: JsonPath }> = Array.isArray(statement)
    ? statement.map((value: unknown, i) => ({ value, path: ['Statement', i] }))
    : [{ value: statement, path: ['Statement'] }];
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
    problems.push(...checkStatement(value, path, catalog));
  }
  return problems;
}

interface Entry {
  value: string;
  path: JsonPath;
}

function checkStatement(
  statement: Record<string, unknown>,
  path: JsonPath,
  catalog: ActionCatalog,
): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const effect = statement['Effect'];
  if (effect === undefined) {
    problems.push({
      path,
      message: `${label(path)} has no "Effect"`,
      fix: 'add "Effect": "Allow" or "Effect": "Deny"',
    });
  } else if (effect !== 'Allow' && effect !== 'Deny') {
    problems.push({
      path: [...path, 'Effect'],
      message: `${label(path)} has "Effect": ${JSON.stringify(effect)}`,
      fix: 'use "Allow" or "Deny" (IAM matches these case-sensitively)',
    });
  }

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

  const actionKey = hasAction ? 'Action' : 'NotAction';
  const actionEntries = stringEntries(
    statement[actionKey],
    [...path, actionKey],
    problems,
    actionKey,
  );
  const guardDutyActions: Array<Entry & { matches: CatalogAction[]; wildcard: boolean }> = [];
  for (const entry of actionEntries) {
    const colon = entry.value.indexOf(':');
    if (colon < 0 || entry.value.slice(0, colon).toLowerCase() !== 'guardduty') continue;
    const name = entry.value.slice(colon + 1);
    const matches = matchActions(name, catalog);
    const wildcard = /[*?]/.test(name);
    if (matches.length === 0) {
      const [best, ...others] = closestMatches(
        name,
        catalog.actions.map((a) => a.name),
        3,
      ).map((s) => `"guardduty:${s}"`);
      problems.push({
        path: entry.path,
        message: wildcard
          ? `"${entry.value}" matches no GuardDuty IAM action`
          : `"${entry.value}" is not a GuardDuty IAM action`,
        fix: `did you mean ${best ?? 'another action'}? Other close names: ${others.join(', ')}. Action names come from ${dataFile} (the Service Authorization Reference)`,
      });
      continue;
    }
    guardDutyActions.push({ ...entry, matches, wildcard });
  }

  // Resource scoping needs an explicit Resource (trust and key policies may omit it; NotResource is
  // left alone). With NotAction the listed names are exceptions, so only the Deny hole is checked.
  if (!('Resource' in statement) || 'NotResource' in statement) return problems;
  const resources = stringEntries(
    statement['Resource'],
    [...path, 'Resource'],
    problems,
    'Resource',
  );
  const shownResources =
    resources
      .map((r) => `"${r.value}"`)
      .slice(0, 2)
      .join(', ') + (resources.length > 2 ? ', ...' : '');
  for (const resource of resources) {
    if (
      !isGuardDutyArn(resource.value) ||
      resourceTypesMatching(resource.value, catalog).length > 0
    )
      continue;
    const near = closestMatches(
      resource.value,
      catalog.resourceTypes.map((t) => t.arnTemplate),
      3,
    );
    problems.push({
      path: resource.path,
      message: `"${resource.value}" is not the ARN of any GuardDuty resource type`,
      fix: `write it in one of these forms: ${near.join('; ')} (all forms: ${dataFile}, "resource_types")`,
    });
  }
  if (resources.some((r) => r.value === '*')) return problems;
  const deny = effect === 'Deny';
  if (!hasAction) {
    // "Deny everything except ..." on a specific GuardDuty ARN leaves every action without a
    // resource type (findings, members, invitations) untouched: a hole readers would copy.
    const namesGuardDuty = resources.some((r) => isGuardDutyArn(r.value));
    const untouched = catalog.actions.filter((a) => a.resourceTypes.length === 0);
    const example = untouched.find((a) => a.name === 'ArchiveFindings') ?? untouched[0];
    if (deny && namesGuardDuty && example) {
      problems.push({
        path: [...path, 'Resource'],
        message: `${label(path)} is a Deny with "NotAction" on Resource ${shownResources}, so it never covers the ${untouched.length} GuardDuty actions that take no resource type, such as "guardduty:${example.name}"`,
        fix: 'use "Resource": "*" in this Deny (narrow it with a Condition if needed), or add a second Deny with "Resource": "*" for those actions',
      });
    }
    return problems;
  }

  const canApply = (action: CatalogAction) =>
    resources.some((r) =>
      action.resourceTypes.some((typeName) => {
        const type = catalog.resourceTypes.find((t) => t.name === typeName);
        return type !== undefined && arnPatternCouldMatch(type.arnTemplate, r.value);
      }),
    );
  for (const action of guardDutyActions) {
    if (action.matches.some(canApply)) continue;
    const outcome = deny
      ? 'this Deny blocks nothing: the action stays allowed wherever another policy allows it'
      : 'this statement grants nothing for it';
    const single = action.matches.length === 1 ? action.matches[0] : undefined;
    if (single && single.resourceTypes.length === 0) {
      problems.push({
        path: action.path,
        message: `"guardduty:${single.name}" takes no resource type, so with Resource ${shownResources} ${outcome}`,
        fix: `move "guardduty:${single.name}" to a statement with "Resource": "*" (actions without a resource type only match "*")`,
      });
    } else if (single) {
      const types = single.resourceTypes.join(', ');
      problems.push({
        path: action.path,
        message: `"guardduty:${single.name}" applies only to ${types} ARNs, and no Resource in this statement (${shownResources}) can be one, so ${outcome}`,
        fix: `name a matching ARN (${catalog.resourceTypes
          .filter((t) => single.resourceTypes.includes(t.name))
          .map((t) => t.arnTemplate)
          .join('; ')}) or use "Resource": "*"`,
      });
    } else {
      problems.push({
        path: action.path,
        message: `none of the ${action.matches.length} actions "${action.value}" matches can apply to Resource ${shownResources}, so ${outcome}`,
        fix: `name the actions that accept these ARNs, or move "${action.value}" to a statement with "Resource": "*"`,
      });
    }
  }
  return problems;
}

/** A string or list of strings (Action, NotAction, Resource) as entries with their paths; reports anything else. */
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

function isGuardDutyArn(value: string): boolean {
  const [arn, , service] = value.split(':');
  return arn === 'arn' && service?.toLowerCase() === 'guardduty';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `Statement 2` (1-based, as a reader counts) or `The statement` for a single object. */
function label(path: JsonPath): string {
  const index = path[1];
  return typeof index === 'number' ? `Statement ${index + 1}` : 'The statement';
}
