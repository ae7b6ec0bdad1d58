import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { findCspBlockedMarkupInHtml } from '../lib/csp-audit.ts';
import { contentSecurityPolicy, headerRules, renderHeadersFile } from '../lib/security-headers.ts';

/**
 * After the build: fails it if any page carries markup the Content-Security-Policy would block,
 * puts the policy in a `<meta http-equiv>` at the top of every page's <head> (GitHub Pages and
 * `astro preview` cannot send headers), and writes `_headers` with the full header set for hosts
 * that read it (Netlify, Cloudflare Pages). Everything comes from src/lib/security-headers.ts.
 * The dev server gets no policy: Vite injects inline styles and scripts there.
 */
export function securityHeaders(): AstroIntegration {
  let base = '/';
  return {
    name: 'guardduty-guide:security-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const files = (await readdir(outDir, { recursive: true, withFileTypes: true }))
          .filter((entry) => entry.isFile())
          .map((entry) => relative(outDir, join(entry.parentPath, entry.name)).split(sep).join('/'))
          .sort();
        const meta = `<meta http-equiv="content-security-policy" content="${contentSecurityPolicy('meta')}">`;
        const problems: string[] = [];
        for (const file of files.filter((f) => f.endsWith('.html'))) {
          const path = join(outDir, file);
          const html = await readFile(path, 'utf8');
          for (const found of findCspBlockedMarkupInHtml(html)) {
            const where = found.line === undefined ? file : `${file}:${found.line}`;
            problems.push(`  ${where}: ${found.kind}: ${found.snippet}\n    fix: ${found.fix}`);
          }
          await writeFile(path, withMetaPolicy(html, meta, file));
        }
        if (problems.length > 0) {
          throw new Error(
            `${problems.length} piece(s) of markup would be blocked by the site's Content-Security-Policy ` +
              `(script-src/style-src 'self', no 'unsafe-inline'; see src/lib/security-headers.ts):\n${problems.join('\n')}`,
          );
        }
        await writeFile(join(outDir, '_headers'), renderHeadersFile(headerRules(base, files)));
        logger.info(
          `Content-Security-Policy set on ${files.filter((f) => f.endsWith('.html')).length} pages; wrote _headers.`,
        );
      },
    },
  };
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
