/**
 * Every IAM policy in the guide is shown with its proof: under it, a table of the scenarios the
 * build simulated, on the web page and in the Markdown twin.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenarios } from '../../src/lib/iam/scenarios.ts';
import { projectRoot } from '../support/astro-build.ts';
import { guidePages, type GuidePage } from '../support/guide-pages.ts';
import { rootBuild } from '../helpers/builds.ts';
import { readPage } from '../helpers/dist.ts';

const dist = rootBuild.dist;

/** The policy ids and the scenario blocks a page's source holds. */
function sourceOf(page: GuidePage) {
  const text = readFileSync(join(projectRoot, 'content', page.file), 'utf8');
  const policyIds = [...text.matchAll(/^```json policy="([^"]+)"/gm)].map((m) => m[1]);
  const blocks = [...text.matchAll(/^```scenarios\n([\s\S]*?)^```$/gm)].map(
    (m) => parseScenarios(m[1] ?? '').block,
  );
  return { text, policyIds, blocks };
}

const withPolicies = guidePages.filter((page) => sourceOf(page).policyIds.length > 0);

describe('the policy examples of the guide and their proof', () => {
  it('every IAM policy in content/ carries an id, and at least four pages show policies', () => {
    for (const page of guidePages) {
      const { text, policyIds } = sourceOf(page);
      const policies = [...text.matchAll(/^```json([^\n]*)\n(?:(?!^```)[\s\S])*?"Statement"/gm)];
      expect(policies.length, page.file).toBe(policyIds.length);
    }
    expect(withPolicies.length).toBeGreaterThanOrEqual(4);
  });

  it.each(withPolicies)(
    '$file: each scenarios block is a captioned table right under its policy, one row per scenario',
    (page) => {
      const { policyIds, blocks } = sourceOf(page);
      const article = readPage(dist, page.path).querySelector('article');
      const tables = (article?.querySelectorAll('table') ?? []).filter((t) =>
        /checked by simulation at build time/.test(t.querySelector('caption')?.text ?? ''),
      );
      expect(tables.length).toBe(blocks.length);
      tables.forEach((table, i) => {
        const block = blocks[i];
        const region = table.parentNode;
        // Same treatment as every table: a focusable, named scroll region.
        expect(region?.getAttribute('class')).toBe('table-scroll');
        expect(region?.getAttribute('role')).toBe('region');
        expect(region?.getAttribute('aria-label')).toMatch(/^Table: /);
        expect(region?.previousElementSibling?.tagName.toLowerCase()).toBe('code-block');
        // Proof, not prose: kept out of the search index so its ARNs do not swamp ranking.
        expect(table.hasAttribute('data-pagefind-ignore')).toBe(true);
        expect(table.querySelectorAll('thead th').map((th) => th.text)).toEqual([
          'Scenario',
          'Request',
          'Expected',
        ]);
        const rows = table.querySelectorAll('tbody tr');
        expect(rows.map((r) => r.querySelector('th[scope="row"]')?.text)).toEqual(
          block?.scenarios.map((s) => s.name),
        );
        expect(rows.map((r) => r.querySelectorAll('td')[1]?.text)).toEqual(
          block?.scenarios.map((s) => s.expect.replace(/^./, (c) => c.toUpperCase())),
        );
        for (const id of block?.policies ?? []) {
          expect(table.querySelector('caption')?.text).toContain(id);
        }
      });
      const shown = tables.map((t) => t.text).join('\n');
      for (const id of policyIds) expect(shown, `policy ${id}`).toContain(id ?? '');
    },
  );

  it.each(withPolicies)('$file: the Markdown twin shows the same scenarios as tables', (page) => {
    const { blocks } = sourceOf(page);
    // Markdown escapes some characters of the names (`*` as `\*`); compare the text a reader sees.
    const twin = readFileSync(join(dist, page.path, 'index.md'), 'utf8').replace(
      /\\([\\`*_{}[\]()#+\-.!|<>])/g,
      '$1',
    );
    expect(twin).not.toContain('```scenarios');
    expect(
      twin.match(/^\*\*Scenarios for .*, checked by simulation at build time\*\*$/gm),
    ).toHaveLength(blocks.length);
    for (const scenario of blocks.flatMap((b) => b.scenarios)) {
      expect(twin).toMatch(
        new RegExp(`^\\| ${scenario.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} +\\|`, 'm'),
      );
    }
  });
});
