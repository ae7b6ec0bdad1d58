import { parse } from 'node-html-parser';

/** Markup in a built page that the site's Content-Security-Policy would block. */
export interface CspBlockedMarkup {
  /** What it is, e.g. `inline <style> element`. */
  kind: string;
  /** The start of the offending markup, for the error message. */
  snippet: string;
  /** How to fix it. */
  fix: string;
}

/** `<script type>` values that hold data, not code; CSP does not apply to them. */
const dataScriptTypes = new Set(['application/json', 'application/ld+json', 'text/plain']);

/**
 * Finds what `script-src 'self'` and `style-src 'self'` (no hashes, no 'unsafe-inline') block:
 * inline `<script>` and `<style>` elements, `style=""` attributes, `on*=""` handlers and
 * `javascript:` URLs. A page with none of them runs under the policy without a violation.
 */
export function findCspBlockedMarkup(html: string): CspBlockedMarkup[] {
  const root = parse(html, { comment: false });
  const found: CspBlockedMarkup[] = [];
  const snippet = (text: string) => (text.length > 80 ? `${text.slice(0, 77)}...` : text);
  for (const script of root.querySelectorAll('script')) {
    if (
      script.hasAttribute('src') ||
      dataScriptTypes.has((script.getAttribute('type') ?? '').toLowerCase())
    )
      continue;
    found.push({
      kind: 'inline <script>',
      snippet: snippet(script.outerHTML),
      fix: 'put the code in a .ts file imported from a <script> tag; if Astro inlined a small script, keep vite.build.assetsInlineLimit from inlining .js (astro.config.ts)',
    });
  }
  for (const style of root.querySelectorAll('style')) {
    found.push({
      kind: 'inline <style> element',
      snippet: snippet(style.outerHTML),
      fix: "keep build.inlineStylesheets: 'never' in astro.config.ts so Astro links component CSS as files",
    });
  }
  for (const element of root.querySelectorAll('*')) {
    for (const name of Object.keys(element.attributes)) {
      const lower = name.toLowerCase();
      if (lower === 'style') {
        found.push({
          kind: 'style="" attribute',
          snippet: snippet(element.outerHTML),
          fix: 'style it with a class in a stylesheet instead',
        });
      } else if (/^on[a-z]+$/.test(lower)) {
        found.push({
          kind: `${lower}="" event handler`,
          snippet: snippet(element.outerHTML),
          fix: 'attach the listener from a script file instead',
        });
      }
    }
    const href = element.getAttribute('href') ?? element.getAttribute('src') ?? '';
    if (/^\s*javascript:/i.test(href)) {
      found.push({
        kind: 'javascript: URL',
        snippet: snippet(element.outerHTML),
        fix: 'use a <button> with a listener from a script file',
      });
    }
  }
  return found;
}
