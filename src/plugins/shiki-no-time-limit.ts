/**
 * A Shiki transformer that turns off Shiki's per-line tokenizing time limit, so a code block
 * highlights the same way on a busy machine as on an idle one. Shiki passes `tokenizeTimeLimit`
 * (default 500 ms) to vscode-textmate, which stops tokenizing a line when time runs out and emits
 * the rest of the line as one token: under load (parallel builds in CI), a long shell line in
 * content/compliance-validation.mdx came out with different <span>s in two builds of the same
 * commit, which tests/build/reproducible.test.ts caught. `preprocess` runs before tokenizing and
 * receives the options object Shiki tokenizes with; 0 means no limit (vscode-textmate checks
 * `timeLimit !== 0`). The guide's code blocks are short, so the limit buys nothing here.
 */
import type { ShikiConfig } from 'astro';

type ShikiTransformer = NonNullable<ShikiConfig['transformers']>[number];

export function shikiNoTimeLimit(): ShikiTransformer {
  return {
    name: 'guardduty-guide:shiki-no-time-limit',
    preprocess(code, options) {
      options.tokenizeTimeLimit = 0;
      return code;
    },
  };
}
