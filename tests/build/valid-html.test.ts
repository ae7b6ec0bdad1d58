import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBuiltSite, readPages } from '../../src/lib/built-site.ts';
import { builds } from '../helpers/builds.ts';

// html-validate's "standard" preset checks conformance to the HTML standard (nesting, attributes,
// duplicate ids, unclosed elements), not house style; axe covers accessibility separately.
const validator = new HtmlValidate({ extends: ['html-validate:standard'] });

describe.each(builds)('every built page $name', ({ dist, base }) => {
  it('is valid HTML by html-validate', async () => {
    const pages = await readPages(await openBuiltSite(dist, base));
    expect(pages.length).toBeGreaterThanOrEqual(10);
    const problems: string[] = [];
    for (const page of pages) {
      const report = await validator.validateString(page.html, page.urlPath);
      for (const result of report.results) {
        for (const m of result.messages)
          problems.push(`${page.urlPath}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });
});

describe('the HTML validator', () => {
  it('rejects markup a browser would have to repair', async () => {
    const report = await validator.validateString(
      '<!doctype html><html lang="en"><head><title>x</title></head><body><p><div></p></div><span id="a"></span><span id="a"></span></body></html>',
    );
    expect(report.valid).toBe(false);
  });
});

/** One message of the Nu checker's JSON output. */
interface NuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
}

function isNuReport(value: unknown): value is { messages: NuMessage[] } {
  return (
    typeof value === 'object' &&
    value !== null &&
    'messages' in value &&
    Array.isArray(value.messages)
  );
}

/**
 * The W3C Nu HTML Checker (vnu.jar, the reference validator behind validator.w3.org/nu), run once
 * over every page of both builds in one JVM, plus a page that must fail, which proves the checker
 * ran and reads the files (html-validate does not report a <script> after </html>; the Nu checker
 * does, and the build once had one on every guide page).
 */
describe('the W3C Nu HTML Checker', () => {
  const vnuJar = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');
  const probeDir = mkdtempSync(join(tmpdir(), 'vnu-probe-'));
  const probe = join(probeDir, 'stray-script.html');
  let messages: NuMessage[] = [];

  beforeAll(() => {
    writeFileSync(
      probe,
      '<!doctype html><html lang="en"><head><title>x</title></head><body><p>x</p></body></html>' +
        '<script type="module" src="/x.js"></script>',
    );
    const pages = builds.flatMap(({ dist }) =>
      readdirSync(dist, { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('.html'))
        .map((file) => join(dist, file)),
    );
    const run = spawnSync(
      'java',
      ['-jar', vnuJar, '--format', 'json', '--exit-zero-always', probe, ...pages],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    if (run.error)
      throw new Error(
        `Could not run Java for the Nu HTML Checker (${run.error.message}). Install a Java 17+ ` +
          'runtime (apt-get install openjdk-17-jre-headless).',
      );
    const report: unknown = JSON.parse(run.stderr || run.stdout);
    if (!isNuReport(report)) throw new Error(`Unexpected vnu output: ${run.stderr.slice(0, 500)}`);
    messages = report.messages;
  });

  afterAll(() => rmSync(probeDir, { recursive: true, force: true }));

  const errorsIn = (folder: string) =>
    messages
      .filter((m) => m.type === 'error' || m.subType === 'fatal')
      .filter((m) => decodeURI(m.url ?? '').startsWith(`file:${folder}`))
      .map((m) => `${decodeURI(m.url ?? '')}:${m.lastLine ?? '?'}: ${m.message}`);

  it('reads the files and reports what it finds (a <script> after </html>)', () => {
    expect(errorsIn(probe)).toContainEqual(expect.stringContaining('Stray start tag “script”'));
  });

  it.each(builds)('reports no error on any page built $name', ({ dist }) => {
    const errors = errorsIn(dist);
    expect(errors, errors.join('\n')).toEqual([]);
  });
});
