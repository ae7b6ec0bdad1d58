/**
 * Checks on the code examples in a page: every ```json block parses, and a block that is an IAM
 * policy passes the policy checks. Positions are inside the block; the remark plugin turns them
 * into file positions.
 */
import { checkPolicy, isPolicyDocument, type ActionCatalog } from './iam-policy.ts';
import { parseJson } from './json-source.ts';
import type { Point } from './source-problems.ts';

/** A problem inside a code block, at a 1-based line and column of the block's text. */
export interface BlockProblem {
  point: Point;
  message: string;
  fix: string;
}

/** Checks the text of a ```json block. */
export function checkJsonBlock(text: string, catalog: ActionCatalog): BlockProblem[] {
  const parsed = parseJson(text);
  if (!parsed.ok) {
    return [
      {
        point: parsed.point,
        message: `invalid JSON: ${parsed.message}`,
        fix: 'JSON allows no comments, trailing commas, single quotes or "..." placeholders: correct the JSON, or fence an excerpt that is not meant to parse as ```text',
      },
    ];
  }
  if (!isPolicyDocument(parsed.value)) return [];
  return checkPolicy(parsed.value, catalog).map((problem) => ({
    point: parsed.locate(problem.path),
    message: problem.message,
    fix: problem.fix,
  }));
}

/**
 * Where a point inside a fenced block's text lies in the file: the text starts on the line after
 * the opening fence, and each line lost the fence's indentation.
 */
export function fileFromBlockPoint(fenceStart: Point, inBlock: Point): Point {
  return { line: fenceStart.line + inBlock.line, column: fenceStart.column - 1 + inBlock.column };
}
