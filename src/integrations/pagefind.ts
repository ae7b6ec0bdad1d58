import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefindApi from 'pagefind';

/**
 * Indexes the built site with Pagefind's Node API on `astro:build:done` and writes `dist/pagefind/`.
 * Only pages whose <main> carries `data-pagefind-body` are indexed (the layout sets it on doc pages).
 */
export function pagefind(): AstroIntegration {
  return {
    name: 'guardduty-guide:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        try {
          const { index, errors } = await pagefindApi.createIndex({});
          failOn('createIndex', errors);
          if (!index) throw new Error('Pagefind returned no index and no error.');
          const added = await index.addDirectory({ path: outDir });
          failOn('addDirectory', added.errors);
          if (added.page_count === 0) {
            throw new Error(`Pagefind found no page with data-pagefind-body in ${outDir}; search would be empty.`);
          }
          const written = await index.writeFiles({ outputPath: `${outDir.replace(/\/$/, '')}/pagefind` });
          failOn('writeFiles', written.errors);
          logger.info(`Pagefind indexed ${added.page_count} pages into ${written.outputPath}`);
        } finally {
          await pagefindApi.close();
        }
      },
    },
  };
}

function failOn(step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind ${step} failed:\n  ${errors.join('\n  ')}`);
}
