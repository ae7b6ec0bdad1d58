import { describe, expect, it } from 'vitest';
import { deployCommands } from '../../deploy/aws-deploy.ts';
import { cacheControlFor, globMatches } from '../../src/lib/security-headers.ts';

const files = [
  'index.html',
  'data-protection/index.html',
  'data-protection/index.md',
  '_headers',
  'robots.txt',
  '_astro/BaseLayout.CYwe4Z5g.css',
  'pagefind/pagefind.js',
  'pagefind/pagefind-worker.js',
  'pagefind/pagefind-entry.json',
  'pagefind/wasm.en.pagefind',
  'pagefind/pagefind.en_b3b0d8dba2.pf_meta',
  'pagefind/fragment/en_23ac6cc.pf_fragment',
  'pagefind/index/en_922f2d9.pf_index',
];

/** Whether `aws s3 sync` uploads `file` under these arguments: later --exclude/--include filters win. */
function syncIncludes(args: readonly string[], file: string): boolean {
  let included = true;
  args.forEach((arg, i) => {
    const pattern = args[i + 1];
    if (
      (arg === '--exclude' || arg === '--include') &&
      pattern !== undefined &&
      globMatches(pattern, file)
    )
      included = arg === '--include';
  });
  return included;
}

describe('the S3 + CloudFront deploy', () => {
  const commands = deployCommands({
    dir: 'dist/',
    bucket: 'guide-bucket',
    prefix: '/docs/',
    distributionId: 'E1EXAMPLE',
  });
  const uploads = commands.filter((c) => c[1] === 'sync' && c.includes('--cache-control'));

  it('uploads every file once, with the Cache-Control its name calls for, and never the _headers file', () => {
    for (const file of files) {
      const passes = uploads.filter((args) => syncIncludes(args, file));
      if (file === '_headers') {
        expect(passes, file).toEqual([]);
        continue;
      }
      expect(passes.length, file).toBe(1);
      const args = passes[0] ?? [];
      expect(args[args.indexOf('--cache-control') + 1], file).toBe(cacheControlFor(file));
    }
  });

  it('uploads hashed assets before the pages that use them, deletes stale files last, then invalidates the subpath', () => {
    expect(commands.map((c) => c.slice(0, 2).join(' '))).toEqual([
      's3 sync',
      's3 sync',
      's3 sync',
      's3 sync',
      's3 sync',
      'cloudfront create-invalidation',
    ]);
    expect(commands[0]).toContain('public, max-age=31536000, immutable');
    expect(commands.findIndex((c) => c.includes('--delete'))).toBe(4);
    expect(
      commands.every(
        (c) => c[1] !== 'sync' || (c[2] === 'dist' && c[3] === 's3://guide-bucket/docs'),
      ),
    ).toBe(true);
    expect(commands.at(-1)).toEqual([
      'cloudfront',
      'create-invalidation',
      '--distribution-id',
      'E1EXAMPLE',
      '--paths',
      '/docs/*',
    ]);
  });

  it('deploys to the bucket root when there is no prefix', () => {
    const root = deployCommands({ dir: 'dist', bucket: 'b', prefix: '', distributionId: 'E1' });
    expect(root[0]?.[3]).toBe('s3://b');
    expect(root.at(-1)?.at(-1)).toBe('/*');
  });
});
