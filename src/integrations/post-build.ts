/**
 * Everything that happens to the built site, in one `astro:build:done` hook and a fixed order, so
 * dist/ is listed and each page read and parsed once (lib/built-site.ts):
 *
 * 1. one pass over the pages gathers their links and ids, hands them to Pagefind, audits their
 *    markup against the Content-Security-Policy and writes each back with the policy as `<meta>`
 *    (integrations/page-pass.ts, on more than one thread); each print page is put together once
 *    the pass has read all its chapters (integrations/print-pages.ts);
 * 2. the `#fragment`s authors wrote are checked against the ids their target pages got
 *    (lib/source-anchors.ts), with `content/x.mdx:line:column` errors;
 * 3. the link check (the sitemap exists by now: @astrojs/sitemap's hook runs before this one),
 *    reported together with the audit's findings;
 * 4. the search index is written (Pagefind starts writing it in its own process once the last
 *    indexed page is read, so that overlaps steps 2 and 3);
 * 5. `_headers` is written for every file.
 *
 * A step that fails stops the build with its message; nothing after it runs.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { openBuiltSite } from '../lib/built-site.ts';
import type { PageLinks } from '../lib/link-check.ts';
import { findBrokenFragments, type SourceAnchors } from '../lib/source-anchors.ts';
import { formatSourceProblems } from '../lib/source-problems.ts';
import { pageHref, slugFromEntryId } from '../lib/urls.ts';
import { siteConfig } from '../site.ts';
import { brokenLinksProblem } from './link-check.ts';
import { openSearchIndex } from './pagefind/build-index.ts';
import { examineSite, type PageFindings } from './page-pass.ts';
import { PrintPages } from './print-pages.ts';
import { blockedMarkupProblem, writeHeadersFile } from './security-headers.ts';

export interface PostBuildOptions {
  /** The `#fragment` links the Markdown pipeline recorded while compiling the pages. */
  anchors: SourceAnchors;
  /** The Pagefind runtime key the pages import (integrations/pagefind). */
  runtimeKey: () => string;
}

export function postBuild({ anchors, runtimeKey }: PostBuildOptions): AstroIntegration {
  let siteUrl = '';
  let base = '/';
  return {
    name: 'guardduty-guide:post-build',
    hooks: {
      'astro:config:done': ({ config }) => {
        siteUrl = config.site ?? 'http://localhost';
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const site = await openBuiltSite(outDir, base);
        const pages: PageLinks[] = [];
        const blocked: string[] = [];
        const search = await openSearchIndex();
        const print = new PrintPages(site);
        const keep = (found: PageFindings) => {
          pages.push(found.links);
          blocked.push(...found.blocked);
        };
        try {
          await examineSite(site, {
            found: (found) => {
              keep(found);
              if (found.search) search.addRecord(found.file, found.search);
              print.keepChapter(found);
            },
            held: (shell) => print.hold(shell),
            // A print page is put together once the pass has read all its chapters.
            between: () => print.assembleReady(),
          });
          // The print pages are not indexed: Pagefind writes its bundle in its own process while
          // Node finishes them and checks the links.
          search.startWriting(outDir);
          await print.assembleReady(true);
          for (const found of print.finished()) {
            // Refused by the index, which is being written: print pages repeat the guide.
            if (found.search) search.addRecord(found.file, found.search);
            keep(found);
          }
          // A broken #fragment is reported at its place in the source, not again as a broken
          // link of the built page.
          const sourceLinks = checkSourceFragments(anchors, pages, base);
          logger.info(`Checked ${sourceLinks} #fragment links in the sources: none broken.`);
          // Both checks read the same pass; a writer gets every broken link and every blocked
          // piece of markup in one build, not one kind per attempt.
          const problems = [
            await brokenLinksProblem(site, pages, siteUrl),
            blockedMarkupProblem(blocked),
          ];
          const found = problems.filter((problem) => problem !== undefined);
          if (found.length > 0) throw new Error(found.join('\n\n'));
        } catch (error) {
          await search.discard();
          throw error;
        }
        logger.info(`Checked links on ${pages.length} pages: none broken.`);

        const key = runtimeKey();
        const { pageCount, bundleDir } = await search.write(outDir, key);
        logger.info(`Pagefind indexed ${pageCount} pages into ${bundleDir} (runtime key ${key})`);

        await writeHeadersFile(site);
        logger.info(`Content-Security-Policy set on ${pages.length} pages; wrote _headers.`);
      },
    },
  };
}

/**
 * Throws with every broken `#fragment`, grouped by source file; returns how many were checked.
 * Each target's ids are those inside `<main>` of its built page.
 */
function checkSourceFragments(
  anchors: SourceAnchors,
  built: readonly PageLinks[],
  base: string,
): number {
  const idsByPath = new Map(built.map((page) => [page.urlPath, page.contentIds]));
  for (const file of anchors.targetFiles()) {
    const ids = idsByPath.get(pageHref(base, slugFromEntryId(file)));
    if (ids) anchors.setIds(file, ids);
  }
  const pages = anchors.pages();
  const displayPath = (file: string) => `${siteConfig.contentDir}/${file}`;
  const broken = findBrokenFragments(pages, displayPath);
  if (broken.size > 0) {
    const messages = [...broken].map(([file, problems]) =>
      formatSourceProblems(displayPath(file), problems),
    );
    throw new Error(
      `Broken #fragment links in the pages' sources:\n${messages.join('\n')}\n` +
        'Heading ids come from the heading text (lowercase, punctuation dropped, spaces as -, ' +
        'a repeat gets -1): check the heading on the target page.',
    );
  }
  return [...pages.values()].reduce((sum, page) => sum + page.links.length, 0);
}
