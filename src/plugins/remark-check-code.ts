/**
 * Fails the build when a page's examples would mislead a reader who copies them: a ```json block
 * that does not parse, or an IAM policy that lacks `Version`/`Statement`, names a GuardDuty action
 * that does not exist, or scopes an action to a GuardDuty ARN it cannot apply to (so the statement
 * grants, or denies, nothing). Produces no HTML; it only reads `code` nodes. Every problem is
 * reported as `content/page.mdx:line:column` with the fix (lib/code-checks.ts has the rules).
 */
import { relative, resolve, sep } from 'node:path';
import type { Code, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import actionData from '../data/guardduty-iam-actions.json' with { type: 'json' };
import { checkJsonBlock, fileFromBlockPoint } from '../lib/code-checks.ts';
import { buildActionCatalog, type ActionCatalog } from '../lib/iam-policy.ts';
import { formatSourceProblems, sortProblems, type SourceProblem } from '../lib/source-problems.ts';
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
    if (!file.path) return;
    const fromFile = relative(contentRoot, file.path).split(sep).join('/');
    if (fromFile.startsWith('..')) return; // not a content page
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
    const first = sortProblems(problems)[0];
    if (first) {
      const place = { line: first.line, column: first.column };
      file.fail(formatSourceProblems(`${siteConfig.contentDir}/${fromFile}`, problems), {
        place,
        source: 'remark-check-code',
      });
    }
  };
}
