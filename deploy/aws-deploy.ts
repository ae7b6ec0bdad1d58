/**
 * Uploads a build to a private S3 bucket and invalidates CloudFront, with the Cache-Control that
 * src/lib/security-headers.ts gives each file. Needs the AWS CLI v2 and credentials allowed to
 * write the bucket and create invalidations (docs/deploying.md has the least-privilege policy).
 *
 *   node deploy/aws-deploy.ts --bucket guide-site-123 --distribution E1ABCDEF2GHIJ [--dir dist] [--prefix docs] [--dry-run]
 *
 * Order matters for readers mid-deploy: hashed assets go up first (new pages never point at a file
 * that is not there yet), then pages and fixed-name files (Markdown and text with their charset),
 * then a --delete pass removes what the new build no longer has, except Pagefind's hashed chunks,
 * then the CDN cache is invalidated. A tab opened before the deploy keeps loading the old chunks,
 * so those are pruned a day after they stop being used (see pruneSearchChunks).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  globMatches,
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

/** Text files the AWS CLI would upload without a charset (curly quotes would show garbled). */
const textTypes = [
  { glob: '*.md', contentType: 'text/markdown; charset=utf-8' },
  { glob: '*.txt', contentType: 'text/plain; charset=utf-8' },
] as const;

/** Pagefind's content-hashed files, which a page opened before a deploy may still ask for. */
export const searchChunkGlobs = immutableGlobs.filter((glob) => glob.startsWith('pagefind/'));

/** How long a Pagefind chunk stays after the deploy that stopped using it. */
export const searchChunkGraceMs = 24 * 60 * 60 * 1000;

/**
 * Checks every input before it reaches the AWS CLI, so a value can never be read as a flag
 * (`--dir=--delete`) or escape the prefix (`..`). Returns one message per bad input.
 */
export function targetProblems(target: DeployTarget): string[] {
  const problems: string[] = [];
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(target.bucket) || target.bucket.includes('..'))
    problems.push(
      `--bucket "${target.bucket}" is not an S3 bucket name (3-63 lower-case letters, digits, "." and "-").`,
    );
  if (!/^E[A-Z0-9]{8,}$/.test(target.distributionId))
    problems.push(
      `--distribution "${target.distributionId}" is not a CloudFront distribution ID (E followed by capitals and digits, e.g. E1ABCDEF2GHIJK).`,
    );
  const prefix = target.prefix.replace(/^\/+|\/+$/g, '');
  if (!/^[A-Za-z0-9_~./-]*$/.test(prefix) || prefix.split('/').some((s) => s === '..' || s === '.'))
    problems.push(
      `--prefix "${target.prefix}" must be a plain key prefix such as "docs" (letters, digits, "_", "~", ".", "-" and "/", no ".." segment).`,
    );
  if (target.dir === '' || target.dir.startsWith('-'))
    problems.push(`--dir "${target.dir}" must be a folder path, e.g. dist.`);
  return problems;
}

/** The AWS CLI commands that deploy `target`, in order, as argument lists for `aws`. */
export function deployCommands({ dir, bucket, prefix, distributionId }: DeployTarget): string[][] {
  const cleanPrefix = prefix.replace(/^\/+|\/+$/g, '');
  const destination = `s3://${bucket}${cleanPrefix ? `/${cleanPrefix}` : ''}`;
  const source = dir.replace(/\/+$/, '');
  // _headers is for Netlify and Cloudflare Pages; CloudFront's response headers policy carries the same headers.
  const notForS3 = ['--exclude', '_headers'];
  const textGlobs = textTypes.flatMap(({ glob }) => ['--exclude', glob]);
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
      ...textGlobs,
      ...notForS3,
      '--cache-control',
      revalidateCacheControl,
    ],
    ...textTypes.map(({ glob, contentType }) => [
      's3',
      'sync',
      source,
      destination,
      '--exclude',
      '*',
      '--include',
      glob,
      '--content-type',
      contentType,
      '--cache-control',
      revalidateCacheControl,
    ]),
    // Everything is already uploaded, so this pass only deletes; --size-only keeps it from
    // re-uploading without Cache-Control. Pagefind's chunks are left for pruneSearchChunks.
    [
      's3',
      'sync',
      source,
      destination,
      '--delete',
      '--size-only',
      ...notForS3,
      ...searchChunkGlobs.flatMap((g) => ['--exclude', g]),
    ],
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

/** A Pagefind chunk in the bucket that the new build no longer has. */
export interface StaleChunk {
  key: string;
  /** When a deploy first found it unused (the `superseded-at` metadata it set), if one did. */
  supersededAt?: string;
}

/**
 * What to do with chunks the build no longer has: mark the new ones with the time (so the next
 * deploy knows how long they have been unused; S3 keeps no such date) and delete those unused for
 * longer than the grace period. A chunk's upload date says nothing here: an old chunk may have
 * been in use until this deploy.
 */
export function planChunkPruning(
  stale: readonly StaleChunk[],
  now: Date,
  graceMs = searchChunkGraceMs,
): { mark: string[]; remove: string[] } {
  const mark: string[] = [];
  const remove: string[] = [];
  for (const chunk of stale) {
    const since = chunk.supersededAt === undefined ? NaN : Date.parse(chunk.supersededAt);
    if (Number.isNaN(since)) mark.push(chunk.key);
    else if (now.getTime() - since >= graceMs) remove.push(chunk.key);
  }
  return { mark, remove };
}

/** The bucket keys of Pagefind chunks in a listing that `builtFiles` (paths below the base) lacks. */
export function staleChunkKeys(
  keys: readonly string[],
  builtFiles: ReadonlySet<string>,
  prefix: string,
): string[] {
  const cleanPrefix = prefix.replace(/^\/+|\/+$/g, '');
  const below = cleanPrefix ? `${cleanPrefix}/` : '';
  return keys.filter((key) => {
    if (!key.startsWith(below)) return false;
    const path = key.slice(below.length);
    return searchChunkGlobs.some((g) => globMatches(g, path)) && !builtFiles.has(path);
  });
}

/** Quotes an argument for a POSIX shell, so a printed command pastes back exactly. */
export function shellQuote(arg: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`;
}

function aws(args: readonly string[], capture = false): string {
  const run = spawnSync('aws', args, {
    stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit',
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.error)
    throw new Error(
      `Could not run the AWS CLI (${run.error.message}). Install AWS CLI v2 and retry.`,
    );
  if (run.status !== 0) process.exit(run.status ?? 1);
  return run.stdout ?? '';
}

function jsonOf(text: string): unknown {
  return text.trim() === '' ? null : JSON.parse(text);
}

/** Marks newly unused Pagefind chunks and deletes those unused for a day (docs/deploying.md). */
function pruneSearchChunks(target: DeployTarget, builtFiles: ReadonlySet<string>): void {
  const cleanPrefix = target.prefix.replace(/^\/+|\/+$/g, '');
  const listPrefix = `${cleanPrefix ? `${cleanPrefix}/` : ''}pagefind/`;
  const listing = jsonOf(
    aws(
      [
        's3api',
        'list-objects-v2',
        '--bucket',
        target.bucket,
        '--prefix',
        listPrefix,
        '--query',
        'Contents[].Key',
        '--output',
        'json',
      ],
      true,
    ),
  );
  const keys = Array.isArray(listing) ? listing.filter((k) => typeof k === 'string') : [];
  const stale = staleChunkKeys(keys, builtFiles, target.prefix).map((key): StaleChunk => {
    const head = jsonOf(
      aws(
        ['s3api', 'head-object', '--bucket', target.bucket, '--key', key, '--output', 'json'],
        true,
      ),
    );
    const metadata =
      typeof head === 'object' && head !== null && 'Metadata' in head ? head.Metadata : undefined;
    const at =
      typeof metadata === 'object' && metadata !== null && 'superseded-at' in metadata
        ? metadata['superseded-at']
        : undefined;
    return typeof at === 'string' ? { key, supersededAt: at } : { key };
  });
  const { mark, remove } = planChunkPruning(stale, new Date());
  const now = new Date().toISOString();
  for (const key of mark) {
    // Copying an object onto itself with new metadata is how S3 records a date on it.
    const source = `s3://${target.bucket}/${key}`;
    aws([
      's3',
      'cp',
      source,
      source,
      '--metadata-directive',
      'REPLACE',
      '--metadata',
      `superseded-at=${now}`,
      '--cache-control',
      immutableCacheControl,
    ]);
  }
  for (const key of remove) aws(['s3', 'rm', `s3://${target.bucket}/${key}`]);
  console.log(
    `Pagefind chunks no longer used: ${mark.length} marked, ${remove.length} deleted after a day unused.`,
  );
}

function builtFileSet(dir: string): Set<string> {
  return new Set(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/')),
  );
}

function main(): void {
  const usage =
    'Usage: node deploy/aws-deploy.ts --bucket <bucket> --distribution <distribution id> [--dir dist] [--prefix docs] [--dry-run]';
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
    console.error(usage);
    process.exit(2);
  }
  const target: DeployTarget = {
    dir: values.dir,
    bucket: values.bucket,
    prefix: values.prefix,
    distributionId: values.distribution,
  };
  const problems = targetProblems(target);
  if (problems.length > 0) {
    console.error([...problems, usage].join('\n'));
    process.exit(2);
  }
  if (!existsSync(`${target.dir}/index.html`)) {
    console.error(
      `No built site in ${target.dir}/ (no index.html). Run "SITE_URL=https://... npm run build" first.`,
    );
    process.exit(2);
  }
  const commands = deployCommands(target);
  for (const args of commands.slice(0, -1)) {
    console.log(['aws', ...args].map(shellQuote).join(' '));
    if (!values['dry-run']) aws(args);
  }
  if (values['dry-run'])
    console.log(
      '# then: list pagefind/ chunks the build no longer has, mark new ones with superseded-at,' +
        ' delete those unused for a day',
    );
  else pruneSearchChunks(target, builtFileSet(target.dir));
  const invalidation = commands.at(-1) ?? [];
  console.log(['aws', ...invalidation].map(shellQuote).join(' '));
  if (!values['dry-run']) aws(invalidation);
}

/** Whether this file is the script node was asked to run (symlinks and URL-encoded paths too). */
export function isMainModule(moduleUrl: string, argv1: string | undefined): boolean {
  if (argv1 === undefined) return false;
  try {
    return realpathSync(fileURLToPath(moduleUrl)) === realpathSync(argv1);
  } catch {
    return false;
  }
}

if (isMainModule(import.meta.url, process.argv[1])) main();
