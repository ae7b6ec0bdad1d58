import { afterEach, describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from '../../src/lib/security-headers.ts';
import {
  POLICY_NAME,
  allowPagefindWorker,
  isPagefindWorkerUrl,
} from '../../src/scripts/trusted-types.ts';

const page = 'https://guide.example.com/docs/resilience/';
const moduleUrl = '/docs/pagefind/pagefind.js?v=abc123';

describe('the Trusted Types policy', () => {
  it('is the one policy the CSP allows, enforced for script sinks, in the header and the meta copy', () => {
    for (const delivery of ['header', 'meta'] as const) {
      const directives = contentSecurityPolicy(delivery).split('; ');
      expect(directives).toContain("require-trusted-types-for 'script'");
      expect(directives).toContain(`trusted-types ${POLICY_NAME}`);
    }
  });

  it('allows Pagefind’s worker on the page’s own origin, with or without its version query', () => {
    for (const url of [
      '/docs/pagefind/pagefind-worker.js?v=abc123',
      '/docs/pagefind/pagefind-worker.js',
      'https://guide.example.com/docs/pagefind/pagefind-worker.js?v=other',
      '../pagefind/pagefind-worker.js',
    ])
      expect(isPagefindWorkerUrl(url, moduleUrl, page), url).toBe(true);
  });

  it('refuses every other script URL: other files, folders, origins and schemes', () => {
    for (const url of [
      '/docs/pagefind/pagefind.js',
      '/pagefind/pagefind-worker.js',
      '/docs/_astro/search.js',
      '/docs/pagefind/../evil/pagefind-worker.js',
      '/docs/pagefind/%2e%2e/x/pagefind-worker.js',
      '//evil.example/docs/pagefind/pagefind-worker.js',
      'https://evil.example/docs/pagefind/pagefind-worker.js',
      'http://guide.example.com/docs/pagefind/pagefind-worker.js',
      'https://user@guide.example.com/docs/pagefind/pagefind-worker.js',
      'blob:https://guide.example.com/6a1d6f1e-0000-4000-8000-000000000000',
      'data:text/javascript,postMessage(1)',
      'javascript:alert(1)',
      'http://[::1',
    ])
      expect(isPagefindWorkerUrl(url, moduleUrl, page), url).toBe(false);
  });

  describe('allowPagefindWorker', () => {
    afterEach(() => vi.unstubAllGlobals());

    it('creates the default policy once, and that policy returns null (a reported violation) for a refused URL', () => {
      const created: Array<{ name: string; rules: { createScriptURL(u: string): string | null } }> =
        [];
      vi.stubGlobal('document', { baseURI: page });
      vi.stubGlobal('trustedTypes', {
        defaultPolicy: null,
        createPolicy: (name: string, rules: { createScriptURL(u: string): string | null }) => {
          created.push({ name, rules });
          return {};
        },
      });
      allowPagefindWorker(moduleUrl);
      allowPagefindWorker(moduleUrl);
      expect(created.map((c) => c.name)).toEqual(['default']);
      const policy = created[0]?.rules;
      expect(policy?.createScriptURL('/docs/pagefind/pagefind-worker.js?v=abc123')).toBe(
        '/docs/pagefind/pagefind-worker.js?v=abc123',
      );
      expect(policy?.createScriptURL('https://evil.example/x.js')).toBeNull();
    });
  });
});
