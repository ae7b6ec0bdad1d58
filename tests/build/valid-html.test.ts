import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { openBuiltSite, readPages } from '../../src/lib/built-site.ts';
import { builds } from '../helpers/builds.ts';

// html-validate's "standard" preset checks conformance to the HTML standard (nesting, attributes,
// duplicate ids, unclosed elements), not house style; axe covers accessibility separately.
const validator = new HtmlValidate({ extends: ['html-validate:standard'] });

describe.each(builds)('every built page $name', ({ dist, base }) => {
  it('is valid HTML', async () => {
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
