import { describe, expect, it } from 'vitest';
import { pagefindModuleUrl } from '../../src/lib/pagefind-url.ts';

describe('pagefindModuleUrl', () => {
  it('versions pagefind.js with the runtime key', () => {
    expect(pagefindModuleUrl('/docs/pagefind/', 'abc123')).toBe(
      '/docs/pagefind/pagefind.js?v=abc123',
    );
    expect(pagefindModuleUrl('/pagefind/', '')).toBe('/pagefind/pagefind.js');
  });
});
