import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** The axe-core rule sets the product bar names: WCAG 2.0–2.2 A and AA, and best practices. */
const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * Runs axe-core on the page as it is now (a dialog open, a drawer open) and returns one readable
 * line per failing element ("rule (help): selector: what to fix"), so a failure names what broke.
 * The context must be created with `bypassCSP: true` (the site's strict policy rightly blocks the
 * injected script).
 */
export async function runAxe(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axeSource });
  return page.evaluate(async (tags) => {
    interface AxeResults {
      violations: Array<{
        id: string;
        help: string;
        nodes: Array<{ target: string[]; failureSummary?: string }>;
      }>;
    }
    const axe = (
      window as unknown as { axe: { run(ctx: Document, opts: object): Promise<AxeResults> } }
    ).axe;
    const results = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return results.violations.flatMap((v) =>
      v.nodes.map((n) => {
        const fix = (n.failureSummary ?? '').replace(/\s+/g, ' ');
        return `${v.id} (${v.help}): ${n.target.join(' ')}: ${fix}`;
      }),
    );
  }, axeTags);
}
