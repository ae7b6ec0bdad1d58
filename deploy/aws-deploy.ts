/**
 * Uploads a build to a private S3 bucket and invalidates CloudFront, with the Cache-Control that
 * src/lib/security-headers.ts gives each file. Needs the AWS CLI v2 and credentials allowed to
 * write the bucket and create invalidations (docs/deploying.md has the least-privilege policy).
 *
 *   node deploy/aws-deploy.ts --bucket guide-site-123 --distribution E1ABCDEF2GHIJ [--dir dist] [--prefix docs] [--dry-run]
 *
 * Order matters for readers mid-deploy: hashed assets go up first (new pages never point at a file
 * that is not there yet), then pages and fixed-name files, then a --delete pass removes what the
 * new build no longer has, then the CDN cache is invalidated.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  immutableCacheControl,
  immutableGlobs,
  revalidateCacheControl,
} from '../src/lib/security-headers.ts';

/** Where to deploy. */
export interface DeployTarget {
  /** The built site, e.g. `dist`. */
  dir: string;
  bucket: string;
  /** Key prefix inside the bucket for a subpath deploy (`docs` for BASE_PATH=/docs/); empty for the root. */
  prefix: string;
  distributionId: string;
}

/** The AWS CLI commands that deploy `target`, in order, as argument lists for `aws`. */
export function deployCommands({ dir, bucket, prefix, distributionId }: DeployTarget): string[][] {
  const cleanPrefix = prefix.replace(/^\/+|\/+$/g, '');
  const destination = `s3://${bucket}${cleanPrefix ? `/${cleanPrefix}` : ''}`;
  const source = dir.replace(/\/+$/, '');
  // _headers is for Netlify and Cloudflare Pages; CloudFront's response headers policy carries the same headers.
  const notForS3 = ['--exclude', '_headers'];
  return [
    [
      's3',
      'sync',
      source,
      destination,
      '--exclude',
      '*',
      ...immutableGlobs.flatMap((g) => ['--include', g]),
      '--cache-control',
      immutableCacheControl,
    ],
    [
      's3',
      'sync',
      source,
      destination,
      ...immutableGlobs.flatMap((g) => ['--exclude', g]),
      ...notForS3,
      '--cache-control',
      revalidateCacheControl,
    ],
    // Everything is already uploaded, so this pass only deletes; --size-only keeps it from re-uploading without Cache-Control.
    ['s3', 'sync', source, destination, '--delete', '--size-only', ...notForS3],
    [
      'cloudfront',
      'create-invalidation',
      '--distribution-id',
      distributionId,
      '--paths',
      cleanPrefix ? `/${cleanPrefix}/*` : '/*',
    ],
  ];
}

function main(): void {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string', default: 'dist' },
      bucket: { type: 'string' },
      prefix: { type: 'string', default: '' },
      distribution: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  if (!values.bucket || !values.distribution) {
    console.error(
      'Usage: node deploy/aws-deploy.ts --bucket <bucket> --distribution <distribution id> [--dir dist] [--prefix docs] [--dry-run]',
    );
    process.exit(2);
  }
  if (!existsSync(`${values.dir}/index.html`)) {
    console.error(
      `No built site in ${values.dir}/ (no index.html). Run "SITE_URL=https://... npm run build" first.`,
    );
    process.exit(2);
  }
  for (const args of deployCommands({
    dir: values.dir,
    bucket: values.bucket,
    prefix: values.prefix,
    distributionId: values.distribution,
  })) {
    console.log(`aws ${args.map((a) => (/[\s*;,]/.test(a) ? `'${a}'` : a)).join(' ')}`);
    if (values['dry-run']) continue;
    const run = spawnSync('aws', args, { stdio: 'inherit' });
    if (run.error)
      throw new Error(
        `Could not run the AWS CLI (${run.error.message}). Install AWS CLI v2 and retry.`,
      );
    if (run.status !== 0) process.exit(run.status ?? 1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
