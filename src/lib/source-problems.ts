/** Problems found in an authored source file, reported as `file:line:column`, what is wrong and the fix. */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One problem at a place in a source file. */
export interface SourceProblem {
  /** 1-based line in the source file. */
  line: number;
  /** 1-based column in the source file. */
  column: number;
  /** What is wrong, naming the value as written. */
  message: string;
  /** What to change so the problem goes away. */
  fix: string;
}

/** A 1-based line and column. */
export interface Point {
  line: number;
  column: number;
}

/**
 * One message for every problem in a file, in source order, each on its own line as
 * `content/page.mdx:12:5 message` followed by an indented `Fix:` line, so an editor or terminal
 * can jump to it and the author can fix them all in one go.
 */
export function formatSourceProblems(
  displayPath: string,
  problems: readonly SourceProblem[],
): string {
  const sorted = sortProblems(problems);
  const lines = sorted.map(
    (p) => `${displayPath}:${p.line}:${p.column} ${p.message}\n  Fix: ${p.fix}`,
  );
  return sorted.length === 1
    ? (lines[0] ?? '')
    : `${sorted.length} problems in ${displayPath}:\n${lines.join('\n')}`;
}

/** Problems in source order. */
export function sortProblems(problems: readonly SourceProblem[]): SourceProblem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.column - b.column);
}

/** The 1-based line and column of a 0-based offset in `text`. */
export function pointAt(text: string, offset: number): Point {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lastBreak = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: before.length - lastBreak };
}

/**
 * The path of a file inside the content folder, with `/` separators (`a/b.mdx`), or `undefined`
 * for a file outside it. The one derivation of a page's content-relative path: the plugins call it
 * with the file being compiled, `lib/content.ts` with each collection entry.
 */
export function contentFileOf(path: string, contentRoot: string): string | undefined {
  const inside = relative(resolve(contentRoot), resolve(path)).split(sep).join('/');
  return inside === '' || inside.startsWith('../') || isAbsolute(inside) ? undefined : inside;
}

/**
 * The content-relative path of the document a Markdown plugin is compiling (its `fileURL`), or
 * `undefined` when it is not a content page (or has no file).
 */
export function contentFileOfURL(
  fileURL: URL | undefined,
  contentRoot: string,
): string | undefined {
  return fileURL?.protocol === 'file:'
    ? contentFileOf(fileURLToPath(fileURL), contentRoot)
    : undefined;
}

/**
 * A satteri plugin factory that makes the plugin only for a page of the content folder, from its
 * path there (`data-protection/index.mdx`); any other file (Astro's own Markdown, a test's
 * snippet) gets no plugin.
 */
export function forContentFiles<P>(
  contentRoot: string,
  make: (contentFile: string) => P,
): (context: { readonly fileURL: URL | undefined }) => P | null {
  return ({ fileURL }) => {
    const contentFile = contentFileOfURL(fileURL, contentRoot);
    return contentFile === undefined ? null : make(contentFile);
  };
}

/**
 * Every problem found in one source file, as one error placed at the first problem: `line` and
 * `column` are where @astrojs/mdx points the terminal and the editor (its `err.loc`).
 */
export class SourceProblemsError extends Error {
  override name = 'SourceProblemsError';
  /** 1-based line of the first problem. */
  readonly line: number;
  /** 1-based column of the first problem. */
  readonly column: number;
  /** The check that found them, e.g. `remark-check-code`. */
  readonly source: string;

  constructor(message: string, first: Point, source: string) {
    super(message);
    this.line = first.line;
    this.column = first.column;
    this.source = source;
  }
}

/**
 * Stops the compile of the file shown as `displayPath` with every problem found in it, placed at
 * the first one, so the terminal and the editor point at the line to fix. Does nothing when there
 * are none.
 */
export function failWith(
  displayPath: string,
  problems: readonly SourceProblem[],
  source: string,
): void {
  const first = sortProblems(problems)[0];
  if (!first) return;
  throw new SourceProblemsError(formatSourceProblems(displayPath, problems), first, source);
}
