/**
 * The Pagefind runtime key: a content hash of the installed runtime (script, worker, WebAssembly),
 * worked out before the build so components can import `pagefind.js?v=<key>`, and handed to them
 * as a Vite virtual module: `import { runtimeKey } from 'virtual:guardduty-guide/pagefind'`.
 */
import * as pagefindApi from 'pagefind';
import type { Plugin } from 'vite';
import { runtimeKey } from '../../lib/search-index.ts';
import { failOn } from './fail-on.ts';

export const VIRTUAL_ID = 'virtual:guardduty-guide/pagefind';

/** The type declaration Astro injects for the virtual module. */
export const virtualModuleTypes =
  `declare module '${VIRTUAL_ID}' {\n` +
  '  /** Content hash of the Pagefind runtime; import pagefind.js?v=<runtimeKey>. */\n' +
  '  export const runtimeKey: string;\n}\n';

/** The Vite plugin that serves the key to components. */
export function runtimeKeyModule(key: string): Plugin {
  return {
    name: 'guardduty-guide:pagefind-runtime',
    resolveId: (id: string) => (id === VIRTUAL_ID ? `\0${VIRTUAL_ID}` : undefined),
    load: (id: string) =>
      id === `\0${VIRTUAL_ID}` ? `export const runtimeKey = ${JSON.stringify(key)};` : undefined,
  };
}

/**
 * The runtime key of the installed Pagefind: a throwaway one-record index, read back in memory
 * (about 30 ms).
 */
export async function currentRuntimeKey(): Promise<string> {
  try {
    const { index, errors } = await pagefindApi.createIndex({});
    failOn('createIndex', errors);
    if (!index) throw new Error('Pagefind returned no index and no error.');
    const record = { url: '/', content: 'runtime key', language: 'en' };
    failOn('addCustomRecord', (await index.addCustomRecord(record)).errors);
    const { files, errors: fileErrors } = await index.getFiles();
    failOn('getFiles', fileErrors);
    return runtimeKey(files);
  } finally {
    await pagefindApi.close();
  }
}
