/**
 * Checks on the code examples in a page: every ```json block parses, and a block that is an IAM
 * policy passes the policy checks (lib/iam/policy-check.ts). Positions are inside the block; the
 * remark plugin turns them into file positions.
 */
import type { IamCatalog } from './iam/catalog.ts';
import { checkPolicy, isPolicyDocument } from './iam/policy-check.ts';
import { parseJson, type JsonPath } from './json-source.ts';
import type { Point } from './source-problems.ts';

/** A problem inside a code block, at a 1-based line and column of the block's text. */
export interface BlockProblem {
  point: Point;
  message: string;
  fix: string;
}

/** A ```json block, read. */
export type JsonBlock =
  | { kind: 'invalid'; problem: BlockProblem }
  | { kind: 'data' }
  | {
      kind: 'policy';
      document: Record<string, unknown>;
      /** Where a value inside the policy is written, in the block's text. */
      locate(path: JsonPath): Point;
      /** Checks the policy against the IAM catalog, with positions in the block. */
      check(catalog: IamCatalog): BlockProblem[];
    };

/** Parses the text of a ```json block and says whether it is an IAM policy. */
export function readJsonBlock(text: string): JsonBlock {
  const parsed = parseJson(text);
  if (!parsed.ok) {
    return {
      kind: 'invalid',
      problem: {
        point: parsed.point,
        message: `invalid JSON: ${parsed.message}`,
        fix:
          'JSON allows no comments, trailing commas, single quotes or "..." placeholders: ' +
          'correct the JSON, or fence an excerpt that is not meant to parse as ```text',
      },
    };
  }
  const document = parsed.value;
  if (!isPolicyDocument(document)) return { kind: 'data' };
  return {
    kind: 'policy',
    document,
    locate: (path) => parsed.locate(path),
    check: (catalog) =>
      checkPolicy(document, catalog).map((problem) => ({
        point: problem.atKey ? parsed.locateKey(problem.path) : parsed.locate(problem.path),
        message: problem.message,
        fix: problem.fix,
      })),
  };
}

/**
 * Where a point inside a fenced block's text lies in the file: the text starts on the line after
 * the opening fence, and each line lost the fence's indentation.
 */
export function fileFromBlockPoint(fenceStart: Point, inBlock: Point): Point {
  return { line: fenceStart.line + inBlock.line, column: fenceStart.column - 1 + inBlock.column };
}
