/**
 * The Content-Security-Policy of the built site: fails the build if any page carries markup the
 * policy would block, puts the policy in a `<meta http-equiv>` at the top of every page's <head>
 * (GitHub Pages and `astro preview` cannot send headers), and writes `_headers` with the full
 * header set for hosts that read it (Netlify, Cloudflare Pages). Everything comes from
 * src/lib/security-headers.ts. Run by the post-build pass (integrations/post-build.ts): each page
 * gets its `<meta>` as the pass visits it, and `_headers` is written last, so it lists Pagefind's
 * files. The dev server gets no policy: Vite injects inline styles and scripts there.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findCspBlockedMarkup, mayHaveCspBlockedMarkup } from '../lib/csp-audit.ts';
import { listFiles, withPositions, type BuiltPage, type BuiltSite } from '../lib/built-site.ts';
import { contentSecurityPolicy, headerRules, renderHeadersFile } from '../lib/security-headers.ts';

/** The page's markup the policy would block, one line each, for the build error. */
export function auditPage(page: BuiltPage): string[] {
  // Most pages pass the quick look, and then need no hast tree at all.
  if (!mayHaveCspBlockedMarkup(page.document)) return [];
  if (findCspBlockedMarkup(page.tree).length === 0) return [];
  // The shared parse keeps no positions (it is faster without); parse again to name the lines.
  return findCspBlockedMarkup(withPositions(page).tree).map((found) => {
    const where = found.line === undefined ? page.file : `${page.file}:${found.line}`;
    return `  ${where}: ${found.kind}: ${found.snippet}\n    fix: ${found.fix}`;
  });
}

/** The build error for the markup the audit found (auditPage), or `undefined` when there is none. */
export function blockedMarkupProblem(problems: readonly string[]): string | undefined {
  if (problems.length === 0) return undefined;
  return (
    `${problems.length} piece(s) of markup would be blocked by the site's ` +
    "Content-Security-Policy (script-src/style-src 'self', no 'unsafe-inline'; see " +
    `src/lib/security-headers.ts):\n${problems.join('\n')}`
  );
}

const policyMeta = `<meta http-equiv="content-security-policy" content="${contentSecurityPolicy('meta')}">`;

/** Writes the page (as the pass read or finished it) back with the policy in its `<head>`. */
export async function writeWithPolicy(
  site: Pick<BuiltSite, 'outDir'>,
  page: BuiltPage,
): Promise<void> {
  await writeFile(join(site.outDir, page.file), withMetaPolicy(page.html, policyMeta, page.file));
}

/** Writes `_headers` for every file now in the site (Pagefind's included). */
export async function writeHeadersFile(site: BuiltSite): Promise<void> {
  const files = await listFiles(site.outDir);
  await writeFile(join(site.outDir, '_headers'), renderHeadersFile(headerRules(site.base, files)));
}

/** Inserts the policy right after `<meta charset>`, before any stylesheet or script it governs. */
function withMetaPolicy(html: string, meta: string, file: string): string {
  if (html.includes('http-equiv="content-security-policy"'))
    throw new Error(
      `${file} already has a CSP <meta>; src/integrations/security-headers.ts is its only source.`,
    );
  const charset = /<meta charset="utf-8">/i.exec(html);
  if (!charset)
    throw new Error(
      `${file} has no <meta charset="utf-8"> to put the CSP <meta> after; render it through BaseLayout.`,
    );
  const at = charset.index + charset[0].length;
  return html.slice(0, at) + meta + html.slice(at);
}
