/**
 * Puts the cascade-layer order statement (src/styles/layers.css) at the top of every stylesheet
 * module. Layer order is fixed by the first `@layer` a browser meets, and Astro emits component
 * styles before the global stylesheet, so a single declaration in global.css came too late and
 * `components` ended up below `base`. Repeating the same statement is harmless.
 */
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

export function cssLayerOrder(layersFile: URL): Plugin {
  const statement = readFileSync(layersFile, 'utf8')
    .split('\n')
    .filter((line) => line.trim().startsWith('@layer'))
    .join('\n');
  if (!/^@layer [\w\s,-]+;$/.test(statement))
    throw new Error(`${layersFile.pathname} must hold one "@layer a, b, c;" statement.`);
  return {
    name: 'guardduty-guide:css-layer-order',
    enforce: 'pre',
    transform(code, id) {
      if (!/\.css($|\?)|[?&]lang\.css/.test(id) || code.startsWith(statement)) return undefined;
      return { code: `${statement}\n${code}`, map: null };
    },
  };
}
