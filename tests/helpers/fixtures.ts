/**
 * Fixture builds, the way starlight-links-validator tests itself: a tiny site per case under
 * tests/fixtures/<name>/ (the real config and src/, its own content/), built with `astro build`,
 * and helpers that assert on what the build told the writer.
 */
import { expect, vi } from 'vitest';
import { astroBuild, outputRoot, projectRoot, type BuildResult } from '../support/astro-build.ts';

/** A fixture's build: exit code, log, and the folder it wrote. */
export interface FixtureBuild extends BuildResult {
  outDir: string;
}

/** Builds tests/fixtures/<name> with extra environment (e.g. `{ BASE_PATH: '/docs/' }`). */
export async function buildFixture(
  name: string,
  env: Record<string, string> = {},
): Promise<FixtureBuild> {
  const outDir = `${outputRoot}fixture-${name}/`;
  const cwd = `${projectRoot}tests/fixtures/${name}`;
  return { ...(await astroBuild({ cwd, outDir, env })), outDir };
}

/** Builds a fixture that must fail, and returns its log. */
export const buildFailingFixture = vi.defineHelper(
  async (name: string, env: Record<string, string> = {}): Promise<string> => {
    const { code, output } = await buildFixture(name, env);
    expect(
      code,
      `the ${name} fixture built, but its mistake must stop the build:\n${output}`,
    ).not.toBe(0);
    return output;
  },
);

/** The lines of a build log that mention `needle`, for failure messages. */
function linesWith(output: string, needle: string): string[] {
  return output.split('\n').filter((line) => line.includes(needle));
}

/**
 * Asserts the build log reports a problem at `file:line:column` (the way source problems print:
 * `content/index.mdx:22:23 invalid JSON: …`) and that the rest of that line matches `message`.
 */
export const expectBuildProblem = vi.defineHelper(
  (output: string, file: string, line: number, column: number, message: RegExp): void => {
    const at = `${file}:${line}:${column} `;
    const reports = linesWith(output, at).map((l) => l.slice(l.indexOf(at) + at.length));
    expect(reports, `no problem reported at ${at.trim()} in the build log:\n${output}`).not.toEqual(
      [],
    );
    expect(
      reports.some((report) => message.test(report)),
      `${at.trim()} reports ${JSON.stringify(reports)}, none matching ${message}`,
    ).toBe(true);
  },
);

/**
 * Asserts the build log says `file`'s frontmatter does not match the schema, at `field` (a dotted
 * path such as `changes.0.date`), with a message matching `message`.
 */
export const expectFrontmatterProblem = vi.defineHelper(
  (output: string, file: string, field: string, message: RegExp): void => {
    expect(output, 'the log says the frontmatter does not match the schema').toMatch(
      /data does not match collection schema/,
    );
    expect(linesWith(output, `${file}:0:0`), `the log names ${file}:\n${output}`).not.toEqual([]);
    const reports = linesWith(output, `${field}: `).map((l) => l.trim());
    expect(
      reports.some((report) => report.startsWith(`${field}: `) && message.test(report)),
      `no "${field}: …" line matching ${message} in the build log:\n${output}`,
    ).toBe(true);
  },
);
