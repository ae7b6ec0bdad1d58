/**
 * The site's one Trusted Types policy. The Content-Security-Policy (src/lib/security-headers.ts)
 * sends `require-trusted-types-for 'script'` and `trusted-types default`: a string reaches a script
 * sink (`new Worker(url)`, `script.src`, `innerHTML`, `eval`...) only through the policy named
 * "default", and no other policy can be created. The site's own code has no such sink; Pagefind
 * has one, `new Worker()` for its search worker. So the policy lets through exactly that URL,
 * `<base>pagefind/pagefind-worker.js` on the page's own origin (any query), and refuses everything
 * else; it has no rule for HTML or script text, so those are refused as well.
 *
 * A default policy, not a named one: Pagefind passes a plain string to `new Worker()`, and a named
 * policy would mean patching Pagefind's runtime to call it.
 */

/** The policy name the CSP's `trusted-types` directive allows (a unit test keeps them equal). */
export const POLICY_NAME = 'default';

/** The part of the browser's `trustedTypes` factory this module uses. */
interface TrustedTypesFactory {
  readonly defaultPolicy: unknown;
  createPolicy(name: string, rules: { createScriptURL(input: string): string | null }): unknown;
}

function isTrustedTypesFactory(value: unknown): value is TrustedTypesFactory {
  return (
    typeof value === 'object' &&
    value !== null &&
    'createPolicy' in value &&
    typeof value.createPolicy === 'function' &&
    'defaultPolicy' in value
  );
}

/**
 * Whether `candidate` (as passed to `new Worker()`, resolved against `documentUrl`) is the worker
 * of the Pagefind runtime at `moduleUrl`: same origin, same path, nothing else. `..`, `%2e` and
 * backslashes are resolved first, so they cannot walk out of the folder; blob:, data: and other
 * origins never match.
 */
export function isPagefindWorkerUrl(
  candidate: string,
  moduleUrl: string,
  documentUrl: string,
): boolean {
  try {
    const worker = new URL('pagefind-worker.js', new URL(moduleUrl, documentUrl));
    const url = new URL(candidate, documentUrl);
    return (
      url.origin === worker.origin &&
      url.pathname === worker.pathname &&
      url.username === '' &&
      url.password === ''
    );
  } catch {
    return false;
  }
}

let installed = false;

/**
 * Creates the default policy, allowing only the worker of the Pagefind runtime at `moduleUrl`
 * (`<base>pagefind/pagefind.js?v=...`). Call it before Pagefind starts; later calls do nothing.
 * A refused URL returns null, so the browser reports a `trusted-types` violation and throws.
 * Browsers without Trusted Types ignore the CSP directives, and this does nothing there.
 */
export function allowPagefindWorker(moduleUrl: string): void {
  const factory: unknown = Reflect.get(globalThis, 'trustedTypes');
  if (installed || !isTrustedTypesFactory(factory) || factory.defaultPolicy) return;
  factory.createPolicy(POLICY_NAME, {
    createScriptURL: (input) =>
      isPagefindWorkerUrl(input, moduleUrl, document.baseURI) ? input : null,
  });
  installed = true;
}
