/**
 * JSON text with positions: `JSON.parse` decides whether a block is valid (it is what readers'
 * tools will use), jsonc-parser supplies the line and column of an error or of any value.
 */
import {
  findNodeAtLocation,
  parseTree,
  type JSONPath,
  type Node as JsonNode,
  type ParseError,
} from 'jsonc-parser';
import { pointAt, type Point } from './source-problems.ts';

/** A path to a value inside a JSON document, e.g. `['Statement', 0, 'Action', 2]`. */
export type JsonPath = JSONPath;

/** JSON that parsed, with a way to find where any of its values is written. */
export interface ParsedJson {
  ok: true;
  value: unknown;
  /** Line and column (1-based, in the JSON text) of the value at `path`, or of its nearest existing parent. */
  locate(path: JsonPath): Point;
  /** Like `locate`, but for a property: where its key is written (`"aws:SourceArn": ...`). */
  locateKey(path: JsonPath): Point;
}

/** JSON that did not parse. */
export interface InvalidJson {
  ok: false;
  /** The parser's own message, e.g. `Expected double-quoted property name in JSON at position 42 (line 4 column 3)`. */
  message: string;
  /** Where the parser gave up (1-based, in the JSON text). */
  point: Point;
}

/** Parses `text` strictly as JSON (no comments, no trailing commas) and keeps positions. */
export function parseJson(text: string): ParsedJson | InvalidJson {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // V8 quotes the text around the error, line breaks included: keep the message on one line.
    const message = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ');
    // V8 names the position for most errors, not for all (`[1,2,]` gives none): fall back to
    // jsonc-parser's first error, then to the end of the text ("Unexpected end of JSON input").
    const position = /at position (\d+)/.exec(message)?.[1];
    const offset = position !== undefined ? Number(position) : (errors[0]?.offset ?? text.length);
    // The commonest slip in hand-written JSON: point at the trailing comma, not at the bracket after it.
    const comma = /,\s*$/.exec(text.slice(0, offset));
    if (comma && /^[\]}]/.test(text.slice(offset))) {
      return {
        ok: false,
        message: `trailing comma before "${text[offset]}" (${message})`,
        point: pointAt(text, comma.index),
      };
    }
    return { ok: false, message, point: pointAt(text, offset) };
  }
  /** The node at `path`, or at its nearest existing parent. */
  function nodeAt(path: JsonPath): JsonNode | undefined {
    // jsonc-parser builds a tree for anything JSON.parse accepts; the guard is for the types.
    for (let depth = path.length; tree && depth >= 0; depth--) {
      const node = findNodeAtLocation(tree, path.slice(0, depth));
      if (node) return node;
    }
    return undefined;
  }

  return {
    ok: true,
    value,
    locate: (path) => pointAt(text, nodeAt(path)?.offset ?? 0),
    locateKey(path) {
      const node = nodeAt(path);
      const property = node?.parent?.type === 'property' ? node.parent : node;
      return pointAt(text, property?.offset ?? 0);
    },
  };
}
