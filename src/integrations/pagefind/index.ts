import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { serveLastIndex } from './dev-server.ts';
import { currentRuntimeKey, runtimeKeyModule, virtualModuleTypes } from './runtime-key.ts';

/**
 * Search in three jobs, one file each: the runtime key components import (runtime-key.ts), the
 * index built from the output (build-index.ts, run by the post-build pass in
 * integrations/post-build.ts, which is handed `runtimeKey()`), and the last build's index served
 * by `astro dev` (dev-server.ts). How the files may be cached: src/lib/security-headers.ts.
 */
export function pagefind(): AstroIntegration & { runtimeKey(): string } {
  let key = '';
  let base = '/';
  let distDir = '';
  return {
    name: 'guardduty-guide:pagefind',
    runtimeKey: () => key,
    hooks: {
      'astro:config:setup': async ({ updateConfig }) => {
        key = await currentRuntimeKey();
        updateConfig({ vite: { plugins: [runtimeKeyModule(key)] } });
      },
      'astro:config:done': ({ config, injectTypes }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        distDir = fileURLToPath(config.outDir);
        injectTypes({ filename: 'pagefind.d.ts', content: virtualModuleTypes });
      },
      'astro:server:setup': ({ server, logger }) => {
        serveLastIndex(server, join(distDir, 'pagefind'), base, logger);
      },
    },
  };
}
