import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPage, readPagefindFragments } from '../helpers/dist.ts';
import { guidePaths } from '../helpers/reader.ts';
import { builds } from '../helpers/builds.ts';

describe.each(builds)('the search index built $name', ({ dist, base }) => {
  it('keeps the words of adjacent table header cells apart, so a role name in a header is findable', () => {
    const fragments = readPagefindFragments(dist);
    let pairs = 0;
    for (const slug of guidePaths) {
      const content = fragments.find((f) => f.url === `/${slug}`)?.content ?? '';
      for (const row of readPage(dist, slug).querySelectorAll('article thead tr')) {
        const cells = row
          .querySelectorAll('th')
          .map((th) => th.text.trim())
          .filter(Boolean);
        for (let i = 1; i < cells.length; i++) {
          pairs++;
          expect(content, `${slug}: "${cells[i - 1]}" and "${cells[i]}"`).not.toContain(
            `${cells[i - 1]}${cells[i]}`,
          );
        }
      }
    }
    expect(pairs, 'tables with header rows were checked').toBeGreaterThan(10);
    const roles = fragments.find((f) => f.url === '/service-linked-roles/')?.content ?? '';
    expect(roles).toMatch(/\bAWSServiceRoleForAmazonGuardDuty\b/);
  });

  it('gives every page its headings as a weighted meta field', () => {
    const access = readPagefindFragments(dist).find((f) => f.url === '/managing-access/');
    expect(access?.meta['headings']).toContain('Who can disable GuardDuty?');
    expect(access?.meta['title']).toBe('Managing access to Amazon GuardDuty with IAM');
  });

  it('versions the Pagefind runtime: pages, script, worker and WebAssembly carry one key', () => {
    const bundle =
      readPage(dist, '').querySelector('site-search')?.getAttribute('data-pagefind') ?? '';
    const key = /^(.*)pagefind\.js\?v=([0-9a-f]{12})$/.exec(bundle);
    expect(key?.[1], 'bundle under the base').toBe(`${base}pagefind/`);
    const v = key?.[2] ?? 'missing';
    for (const slug of [...guidePaths, 'search/']) {
      expect(
        readPage(dist, slug).querySelector('[data-pagefind]')?.getAttribute('data-pagefind'),
        slug,
      ).toBe(`${base}pagefind/pagefind.js?v=${v}`);
    }
    const script = readFileSync(join(dist, 'pagefind', 'pagefind.js'), 'utf8');
    const worker = readFileSync(join(dist, 'pagefind', 'pagefind-worker.js'), 'utf8');
    expect(script).toContain(`pagefind-worker.js?v=${v}\``);
    expect(script).toContain(`wasm.\${language}.pagefind?v=${v}\``);
    expect(worker).toContain(`wasm.\${language}.pagefind?v=${v}\``);
  });

  it('deploys no unused Pagefind UI bundle', () => {
    const files = readdirSync(join(dist, 'pagefind'));
    expect(
      files.filter((f) => /^pagefind-(ui|modular-ui|component-ui|highlight)\./.test(f)),
    ).toEqual([]);
    expect(existsSync(join(dist, 'pagefind', 'pagefind-entry.json'))).toBe(true);
  });
});
