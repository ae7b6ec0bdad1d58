import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The project root (where package.json is). */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Where test builds go, so a test run never overwrites the writer's own dist/. TEST_OUTPUT_DIR
 * moves it (two test runs at once must not share one folder).
 */
export const outputRoot =
  process.env['TEST_OUTPUT_DIR']?.replace(/\/?$/, '/') ?? `${projectRoot}tests/.output/`;

export interface BuildResult {
  /** Exit code of `astro build`. */
  code: number;
  /** stdout and stderr together, with ANSI colours removed. */
  output: string;
}

export interface BuildOptions {
  /** Folder with the astro.config to build (the project itself, or a fixture). */
  cwd?: string;
  /** Where to write the site. */
  outDir: string;
  /** Extra environment, e.g. `{ BASE_PATH: '/docs/' }`. */
  env?: Record<string, string>;
}

/**
 * Variables Vitest sets in its own process.env. A child build or dev server must not inherit them,
 * or the tests check a different site from the one `npm run build` makes: Vite keeps an existing
 * NODE_ENV, so NODE_ENV=test built development bundles (import.meta.env.DEV true, dev-only messages
 * shipped), and process.env.BASE_URL overrode the configured base (a build under /docs/ linked to `/`).
 */
const vitestEnvNames = new Set(['NODE_ENV', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'TEST']);
const isVitestEnvName = (name: string) => vitestEnvNames.has(name) || name.startsWith('VITEST');

/**
 * The environment a developer's shell gives `astro build` or `astro dev`: this process's, minus
 * what Vitest adds, with colours and telemetry off, plus `extra`.
 */
export function childEnvironment(extra: Record<string, string> = {}): Record<string, string> {
  const inherited = Object.entries(process.env).filter(
    (entry): entry is [string, string] => entry[1] !== undefined && !isVitestEnvName(entry[0]),
  );
  return {
    ...Object.fromEntries(inherited),
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    ...extra,
  };
}

/** Runs `astro build` in a child process, so each build reads its own config and environment. */
export function astroBuild({
  cwd = projectRoot,
  outDir,
  env = {},
}: BuildOptions): Promise<BuildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [`${projectRoot}node_modules/astro/bin/astro.mjs`, 'build', '--outDir', outDir],
      {
        cwd,
        env: childEnvironment(env),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code: code ?? 1, output: output.replace(/\u001b\[[0-9;]*m/g, '') }),
    );
  });
}
