/**
 * Fails the build when a page's examples would mislead a reader who copies them: a ```json block
 * that does not parse, or an IAM policy that lacks `Version`/`Statement`, names a GuardDuty action
 * that does not exist, or scopes an action to a GuardDuty ARN it cannot apply to (so the statement
 * grants, or denies, nothing). Produces no HTML; it only reads `code` nodes. Every problem is
 * reported as `content/page.mdx:line:column` with the fix (lib/code-checks.ts has the rules).
 */
import { resolve } from 'node:path';
import type { Code, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import actionData from '../data/guardduty-iam-actions.json' with { type: 'json' };
import { checkJsonBlock, fileFromBlockPoint } from '../lib/code-checks.ts';
import { buildActionCatalog, type ActionCatalog } from '../lib/iam-policy.ts';
import { contentFileOf, failWith, type SourceProblem } from '../lib/source-problems.ts';
import { siteConfig } from '../site.ts';

interface Options {
  /** Absolute path of the content folder; defaults to `<cwd>/content`. */
  contentRoot?: string;
  /** GuardDuty's actions and resource types; defaults to src/data/guardduty-iam-actions.json. */
  catalog?: ActionCatalog;
}

export function remarkCheckCode({
  contentRoot = resolve(siteConfig.contentDir),
  catalog = buildActionCatalog(actionData),
}: Options = {}) {
  return (tree: Root, file: VFile) => {
    const fromFile = file.path ? contentFileOf(file.path, contentRoot) : undefined;
    if (fromFile === undefined) return; // not a content page
    const problems: SourceProblem[] = [];
    visit(tree, 'code', (node: Code) => {
      if (node.lang !== 'json' || !node.position) return;
      const fence = node.position.start;
      for (const problem of checkJsonBlock(node.value, catalog)) {
        const at = fileFromBlockPoint(fence, problem.point);
        problems.push({
          ...at,
          message: `${problem.message} (in the \`\`\`json block that starts on line ${fence.line}, at its line ${problem.point.line}, column ${problem.point.column})`,
          fix: problem.fix,
        });
      }
    });
    failWith(file, `${siteConfig.contentDir}/${fromFile}`, problems, 'remark-check-code');
  };
}
