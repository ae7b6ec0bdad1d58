import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  deployCommands,
  isMainModule,
  planChunkPruning,
  searchChunkGraceMs,
  shellQuote,
  staleChunkKeys,
  targetProblems,
} from '../../deploy/aws-deploy.ts';
import { projectRoot } from '../support/astro-build.ts';

const good = {
  dir: 'dist',
  bucket: 'guide-bucket',
  prefix: 'docs',
  distributionId: 'E1ABCDEF2GHIJK',
};

describe('the deploy script’s inputs (security review I5)', () => {
  it('accepts real bucket names, distribution IDs and prefixes', () => {
    expect(targetProblems(good)).toEqual([]);
    expect(targetProblems({ ...good, prefix: '' })).toEqual([]);
    expect(targetProblems({ ...good, prefix: '/guides/gd/', bucket: 'a.b-c' })).toEqual([]);
  });

  it.each([
    [{ dir: '--delete' }, /--dir "--delete" must be a folder path/],
    [{ bucket: '--delete' }, /--bucket "--delete" is not an S3 bucket name/],
    [{ bucket: 'Guide_Bucket' }, /is not an S3 bucket name/],
    [{ bucket: 'a..b' }, /is not an S3 bucket name/],
    [{ distributionId: '--paths=/x' }, /is not a CloudFront distribution ID/],
    [{ distributionId: 'e1abcdef2' }, /is not a CloudFront distribution ID/],
    [{ prefix: '../other-site' }, /--prefix "\.\.\/other-site" must be a plain key prefix/],
    [{ prefix: 'docs/../logs' }, /must be a plain key prefix/],
    [{ prefix: 'docs --delete' }, /must be a plain key prefix/],
    [{ prefix: "docs';rm -rf ~'" }, /must be a plain key prefix/],
  ])('rejects %j', (bad, message) => {
    expect(targetProblems({ ...good, ...bad }).join('\n')).toMatch(message);
  });
});

describe('the dry run prints commands a shell reads back exactly', () => {
  it('quotes every argument that a shell would split or expand', () => {
    for (const arg of ["it's", 'a b', '*', 'public, max-age=0', '$(id)', '`id`', 'a;b', '~', ''])
      expect(spawnSync('sh', ['-c', `printf %s ${shellQuote(arg)}`]).stdout.toString()).toBe(arg);
    expect(shellQuote('s3://guide-bucket/docs')).toBe('s3://guide-bucket/docs');
  });

  const work = mkdtempSync(join(tmpdir(), 'deploy dry run '));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('runs when started through a symlink or a path with spaces (the main guard never skips it)', () => {
    const site = join(work, 'dist');
    mkdirSync(site);
    writeFileSync(join(site, 'index.html'), '<!doctype html>');
    const link = join(work, 'deploy link.ts');
    symlinkSync(join(projectRoot, 'deploy/aws-deploy.ts'), link);
    const args = ['--bucket', 'guide-bucket', '--distribution', 'E1ABCDEF2GHIJK', '--dir', site];
    const run = spawnSync(process.execPath, [link, ...args, '--dry-run'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`aws s3 sync '${site}' s3://guide-bucket --exclude '*'`);
    expect(run.stdout).toContain('aws cloudfront create-invalidation');
    expect(isMainModule(new URL('../../deploy/aws-deploy.ts', import.meta.url).href, link)).toBe(
      true,
    );
    expect(
      isMainModule(new URL('../../deploy/aws-deploy.ts', import.meta.url).href, undefined),
    ).toBe(false);
  });

  it('refuses a bad input before printing or running anything', () => {
    const run = spawnSync(
      process.execPath,
      [
        join(projectRoot, 'deploy/aws-deploy.ts'),
        '--bucket',
        'b!',
        '--distribution',
        'E1ABCDEF2GHIJK',
        '--dry-run',
      ],
      { encoding: 'utf8' },
    );
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('--bucket "b!" is not an S3 bucket name');
  });
});

describe('what the deploy uploads and keeps (security review I8, L6)', () => {
  const commands = deployCommands(good);

  it('uploads Markdown and text with charset=utf-8', () => {
    const typeOf = (glob: string) => {
      const pass = commands.find((c) => c.includes('--content-type') && c.includes(glob));
      return pass?.[pass.indexOf('--content-type') + 1];
    };
    expect(typeOf('*.md')).toBe('text/markdown; charset=utf-8');
    expect(typeOf('*.txt')).toBe('text/plain; charset=utf-8');
  });

  it('never deletes Pagefind chunks in the --delete pass, and deletes only below the prefix', () => {
    const deletePass = commands.find((c) => c.includes('--delete')) ?? [];
    for (const glob of ['pagefind/index/*', 'pagefind/fragment/*', 'pagefind/*.pf_meta'])
      expect(deletePass[deletePass.indexOf(glob) - 1], glob).toBe('--exclude');
    expect(deletePass[3]).toBe('s3://guide-bucket/docs');
  });

  it('finds the chunks the build no longer has, below the prefix only', () => {
    const built = new Set(['pagefind/index/en_new.pf_index', 'index.html']);
    expect(
      staleChunkKeys(
        [
          'docs/pagefind/index/en_new.pf_index',
          'docs/pagefind/index/en_old.pf_index',
          'docs/pagefind/fragment/en_old.pf_fragment',
          'docs/pagefind/pagefind.js',
          'other/pagefind/index/en_x.pf_index',
        ],
        built,
        'docs',
      ),
    ).toEqual(['docs/pagefind/index/en_old.pf_index', 'docs/pagefind/fragment/en_old.pf_fragment']);
  });

  it('keeps an unused chunk for a day from the deploy that stopped using it, not from its upload', () => {
    const now = new Date('2026-12-02T12:00:00Z');
    const plan = planChunkPruning(
      [
        { key: 'new-unused' },
        { key: 'unused-an-hour', supersededAt: '2026-12-02T11:00:00Z' },
        {
          key: 'unused-a-day',
          supersededAt: new Date(now.getTime() - searchChunkGraceMs).toISOString(),
        },
        { key: 'bad-date', supersededAt: 'yesterday' },
      ],
      now,
    );
    expect(plan).toEqual({ mark: ['new-unused', 'bad-date'], remove: ['unused-a-day'] });
  });
});
