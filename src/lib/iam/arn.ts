/**
 * ARNs and principals as IAM reads them: which resource type an ARN in a policy or a scenario can
 * be, and what kind of caller a scenario's principal is.
 */

/**
 * Whether a `Resource` value (an ARN that may contain `*` and `?`) could match some ARN built from
 * a Service Authorization Reference template such as
 * `arn:${Partition}:s3:::${BucketName}/${ObjectName}`.
 *
 * A placeholder stands for one or more characters. In the partition, service, Region and account
 * it never holds `:` or `/`; in the resource part it may, unless it is the whole resource part
 * (`arn:…:sns:${Region}:${Account}:${TopicName}`), because object keys and role paths contain
 * `/` (`${ObjectName}`, `${RoleNameWithPath}`). Compared case-insensitively, and `*` may cross
 * separators, so the answer errs towards "could match": checks built on it only report what
 * certainly matches nothing.
 */
export function arnPatternCouldMatch(template: string, pattern: string): boolean {
  if (!/[*?]/.test(pattern)) return templateRegex(template).test(pattern);
  type Token = { kind: 'char'; char: string } | { kind: 'placeholder'; crossesSeparators: boolean };
  const tokens: Token[] = [];
  const [head, resourcePart] = splitAtResource(template.toLowerCase());
  const push = (text: string, inResource: boolean) => {
    const parts = text.split(/(\$\{[^}]*\})/).filter((part) => part !== '');
    const wholePlaceholder = parts.length === 1 && parts[0]?.startsWith('${') === true;
    for (const part of parts) {
      if (part.startsWith('${')) {
        tokens.push({ kind: 'placeholder', crossesSeparators: inResource && !wholePlaceholder });
      } else for (const char of part) tokens.push({ kind: 'char', char });
    }
  };
  push(head, false);
  if (resourcePart !== undefined) push(resourcePart, true);

  const glob = [...pattern.toLowerCase()];
  const seen = new Set<string>();
  const isSeparator = (c: string) => c === '/' || c === ':';

  // Depth-first search over (template position, pattern position, placeholder already has a char).
  const search = (t: number, p: number, started: boolean): boolean => {
    const key = `${t},${p},${started}`;
    if (seen.has(key)) return false;
    seen.add(key);
    const token = tokens[t];
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
    const literal = globChar !== '*' && globChar !== '?';
    if (literal && isSeparator(globChar) && !token.crossesSeparators) return false;
    return search(t, nextP, true);
  };
  return search(0, 0, false);
}

/**
 * The template as a regular expression, for ARNs without wildcards (a scenario's resource): the
 * same placeholder rules as the search above, much faster. V8 caches the compiled expression.
 */
function templateRegex(template: string): RegExp {
  const [head, resourcePart] = splitAtResource(template);
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const compile = (text: string, inResource: boolean) => {
    const parts = text.split(/(\$\{[^}]*\})/).filter((part) => part !== '');
    const wholePlaceholder = parts.length === 1 && parts[0]?.startsWith('${') === true;
    return parts
      .map((part) =>
        part.startsWith('${') ? (inResource && !wholePlaceholder ? '.+' : '[^:/]+') : escape(part),
      )
      .join('');
  };
  const source =
    compile(head, false) + (resourcePart === undefined ? '' : compile(resourcePart, true));
  return new RegExp(`^${source}$`, 'i');
}

/** `arn:p:s:r:a:` and the resource part after the fifth colon (undefined when there is none). */
function splitAtResource(arn: string): [string, string | undefined] {
  let at = -1;
  for (let colons = 0; colons < 5; colons++) {
    at = arn.indexOf(':', at + 1);
    if (at < 0) return [arn, undefined];
  }
  return [arn.slice(0, at + 1), arn.slice(at + 1)];
}

/** The parts of an ARN a scenario or a check needs. */
export interface ArnParts {
  /** The service prefix, e.g. `kms`, `iam`, `s3`. */
  service: string;
  /** The Region; `''` for global resources (IAM, S3 buckets). */
  region: string;
  /** The owning account; `''` when the ARN has none (S3). */
  account: string;
}

/** The service, Region and account of an ARN, or undefined if the value is not an ARN. */
export function arnParts(value: string): ArnParts | undefined {
  const parts = value.split(':');
  const [scheme, partition, service, region, account] = parts;
  if (scheme !== 'arn' || !partition || !service || region === undefined || account === undefined)
    return undefined;
  if (parts.length < 6) return undefined;
  return { service, region, account };
}

/** Who makes a scenario's request. */
export type ScenarioPrincipal =
  | {
      kind: 'service';
      /** The service principal, e.g. `guardduty.amazonaws.com`. */
      name: string;
    }
  | {
      kind: 'iam';
      /** The principal as written: a role, user, assumed-role session or account root ARN. */
      arn: string;
      /** What IAM puts in `aws:PrincipalArn`: the role ARN for a role session. */
      principalArn: string;
      /** The principal's account. */
      account: string;
      /** A service-linked role (`role/aws-service-role/...`): SCPs and RCPs do not apply to it. */
      serviceLinked: boolean;
    };

const servicePrincipal = /^[a-z0-9][a-z0-9.-]*\.amazonaws\.com(\.cn)?$/;
const iamPrincipal = /^arn:aws[a-z-]*:iam::(\d{12}):(root|user\/.+|role\/.+)$/;
const rolePrincipal = /^arn:aws[a-z-]*:sts::(\d{12}):assumed-role\/([^/]+)\/.+$/;

/** Reads a scenario's `principal`, or returns undefined when it is neither form IAM knows. */
export function parsePrincipal(value: string): ScenarioPrincipal | undefined {
  if (servicePrincipal.test(value)) return { kind: 'service', name: value };
  const iam = iamPrincipal.exec(value);
  if (iam?.[1] && iam[2]) {
    return {
      kind: 'iam',
      arn: value,
      principalArn: value,
      account: iam[1],
      serviceLinked: iam[2].startsWith('role/aws-service-role/'),
    };
  }
  const session = rolePrincipal.exec(value);
  if (session?.[1] && session[2]) {
    const partition = value.split(':')[1] ?? 'aws';
    return {
      kind: 'iam',
      arn: value,
      // IAM reports the role without its path for a session: the path is not in the session ARN.
      principalArn: `arn:${partition}:iam::${session[1]}:role/${session[2]}`,
      account: session[1],
      serviceLinked: false,
    };
  }
  return undefined;
}
