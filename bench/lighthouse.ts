/**
 * Lighthouse bench: `npm run bench:lighthouse` builds the site (SITE_URL https://guide.example.com,
 * base /), serves it the way the host does (brotli, the security headers from dist/_headers) and runs
 * Lighthouse on every guide page plus the search and print pages, with the system Chromium through
 * chrome-launcher and the flags the browser tests use. It records the four category scores and the
 * Core Web Vitals Lighthouse measures in a lab (LCP, CLS, and TBT standing in for INP), and lists
 * every audit that cost a point, so BENCHMARKS.md can explain it.
 *
 *   npm run bench:lighthouse                      print the table (median of 1 run per page)
 *   npm run bench:lighthouse -- --runs 3 --write  median of 3 runs, written to BENCHMARKS.md
 *   npm run bench:lighthouse -- --dist dist/      measure an existing build instead of building
 *
 * Lighthouse's default settings: a mobile device on a simulated slow 4G network with 4x CPU slowdown.
 * The 404 page is left out: Lighthouse refuses to audit a page served with status 404.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { headersForPath, parseHeadersFile } from '../src/lib/security-headers.ts';
import { astroBuild, projectRoot } from '../tests/support/astro-build.ts';
import { chromiumArgs, chromiumPath } from '../tests/support/chromium.ts';
import { guidePages } from '../tests/support/guide-pages.ts';
import { serveStatic } from '../tests/support/static-server.ts';

const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const pages = [...guidePages.map((page) => page.path), 'search/', 'print/'];
const START =
  '<!-- bench:lighthouse:start (written by `npm run bench:lighthouse -- --write`; edit the script, not this table) -->';
const END = '<!-- bench:lighthouse:end -->';

/** One page's figures (medians over the runs). */
interface PageResult {
  path: string;
  /** Category scores, 0–100. */
  scores: Record<(typeof categories)[number], number>;
  /** Largest Contentful Paint, ms. */
  lcp: number;
  /** Cumulative Layout Shift. */
  cls: number;
  /** Total Blocking Time, ms. */
  tbt: number;
  /** For categories under 100: the audits that lost points in most runs, "category: audit id (value per run)". */
  lost: string[];
}

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '1' },
    write: { type: 'boolean', default: false },
    dist: { type: 'string' },
  },
});
const runs = Math.max(1, Number(args.runs));
/** One-minute load average when the bench started: other work on the machine inflates TBT and slows paints. */
const loadAtStart = loadavg()[0] ?? 0;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
};

async function main(): Promise<void> {
  const dist = args.dist
    ? join(projectRoot, args.dist)
    : join(projectRoot, 'bench/.work/lighthouse-dist/');
  if (!args.dist) {
    await mkdir(dist, { recursive: true });
    const build = await astroBuild({
      outDir: dist,
      env: { SITE_URL: 'https://guide.example.com', BASE_PATH: '/' },
    });
    if (build.code !== 0) throw new Error(`bench: the site failed to build:\n${build.output}`);
  } else if (!existsSync(join(dist, 'index.html'))) {
    throw new Error(`bench: ${dist} holds no built site; run "npm run build" or leave out --dist.`);
  }
  const headersFile = join(dist, '_headers');
  const headers = existsSync(headersFile)
    ? headersForPath(parseHeadersFile(await readFile(headersFile, 'utf8')), '/')
    : {};
  const server = await serveStatic({ dir: dist, headers, compress: true });
  const chrome = await launch({
    chromePath: process.env['CHROME_PATH'] ?? chromiumPath,
    chromeFlags: ['--headless=new', ...chromiumArgs],
  });
  const results: PageResult[] = [];
  try {
    for (const path of pages) {
      const samples: Array<{
        scores: Record<string, number>;
        lcp: number;
        cls: number;
        tbt: number;
        lost: Array<{ key: string; value: string }>;
      }> = [];
      for (let run = 0; run < runs; run++) {
        const lhr = await audit(server.url + path, chrome.port);
        const scores = Object.fromEntries(
          categories.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]),
        );
        const lost = categories.flatMap((c) =>
          (lhr.categories[c]?.auditRefs ?? [])
            .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
            .map((ref) => ({
              key: `${c}: ${ref.id}`,
              value: lhr.audits[ref.id]?.displayValue ?? lhr.audits[ref.id]?.title ?? '',
            })),
        );
        const numeric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
        samples.push({
          scores,
          lcp: numeric('largest-contentful-paint'),
          cls: numeric('cumulative-layout-shift'),
          tbt: numeric('total-blocking-time'),
          lost,
        });
      }
      const page: PageResult = {
        path: `/${path}`,
        scores: Object.fromEntries(
          categories.map((c) => [c, median(samples.map((s) => s.scores[c] ?? 0))]),
        ) as PageResult['scores'],
        lcp: median(samples.map((s) => s.lcp)),
        cls: median(samples.map((s) => s.cls)),
        tbt: median(samples.map((s) => s.tbt)),
        lost: [],
      };
      // Where a category scored under 100: the audits that lost points in most runs, with each run's value.
      for (const c of categories.filter((c) => page.scores[c] < 100)) {
        const keys = [...new Set(samples.flatMap((s) => s.lost.map((l) => l.key)))].filter((k) =>
          k.startsWith(`${c}:`),
        );
        for (const key of keys) {
          const values = samples.flatMap((s) =>
            s.lost.filter((l) => l.key === key).map((l) => l.value),
          );
          if (values.length * 2 > samples.length) page.lost.push(`${key} (${values.join(', ')})`);
        }
      }
      results.push(page);
      console.log(
        `${page.path.padEnd(28)} ${categories.map((c) => page.scores[c]).join(' / ')}  LCP ${Math.round(page.lcp)} ms  CLS ${page.cls.toFixed(3)}  TBT ${Math.round(page.tbt)} ms`,
      );
      for (const line of page.lost) console.log(`    lost: ${line}`);
    }
  } finally {
    chrome.kill();
    await server.close();
  }
  const lighthouseVersion = (
    JSON.parse(
      await readFile(join(projectRoot, 'node_modules/lighthouse/package.json'), 'utf8'),
    ) as { version: string }
  ).version;
  const table = render(results, { lighthouseVersion, chromium: await chromiumVersion(), runs });
  console.log(`\n${table}`);
  await writeFile(
    join(projectRoot, 'bench/.work/lighthouse-results.json'),
    `${JSON.stringify(results, null, 2)}\n`,
  );
  if (args.write) {
    await writeSection(table);
    console.log('\nbench: wrote the Lighthouse table in BENCHMARKS.md');
  }
}

/** One Lighthouse run; a failed trace (NO_NAVSTART and the like, which a busy machine causes) is retried twice. */
async function audit(
  url: string,
  port: number,
  attempt = 1,
): Promise<NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr']> {
  const result = await lighthouse(url, {
    port,
    logLevel: 'error',
    output: 'json',
    onlyCategories: [...categories],
  });
  if (!result) throw new Error(`bench: Lighthouse returned nothing for ${url}`);
  if (!result.lhr.runtimeError) return result.lhr;
  if (attempt < 3) return audit(url, port, attempt + 1);
  throw new Error(
    `bench: Lighthouse failed on ${url} three times: ${result.lhr.runtimeError.message}`,
  );
}

async function chromiumVersion(): Promise<string> {
  const { execFile } = await import('node:child_process');
  return new Promise((resolve) =>
    execFile(process.env['CHROME_PATH'] ?? chromiumPath, ['--version'], (error, stdout) =>
      resolve(error ? 'unknown' : stdout.trim()),
    ),
  );
}

function render(
  results: PageResult[],
  meta: { lighthouseVersion: string; chromium: string; runs: number },
): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const lines = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${cpu} (${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, ${platform()} ${release()}), ` +
      `Node ${process.versions.node}, Lighthouse ${meta.lighthouseVersion}, ${meta.chromium}; default mobile settings (simulated slow 4G, 4x CPU slowdown); ` +
      `median of ${meta.runs} run${meta.runs === 1 ? '' : 's'} per page; load average ${loadAtStart.toFixed(1)} at the start; served with brotli and the site's security headers.`,
    '',
    '| Page | Performance | Accessibility | Best practices | SEO | LCP | CLS | TBT |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map(
      (r) =>
        `| \`${r.path}\` | ${r.scores.performance} | ${r.scores.accessibility} | ${r.scores['best-practices']} | ${r.scores.seo} | ` +
        `${(r.lcp / 1000).toFixed(2)} s | ${r.cls.toFixed(3)} | ${Math.round(r.tbt)} ms |`,
    ),
  ];
  const lost = results.flatMap((r) => r.lost.map((l) => `- \`${r.path}\` ${l}`));
  lines.push(
    '',
    lost.length === 0
      ? 'No page lost a point in any category.'
      : `Where a score is under 100, the audits that cost the points:\n\n${lost.join('\n')}`,
  );
  return lines.join('\n');
}

/** Replaces the generated block in BENCHMARKS.md's Lighthouse section, creating either if missing. */
async function writeSection(table: string): Promise<void> {
  const file = join(projectRoot, 'BENCHMARKS.md');
  let text = await readFile(file, 'utf8').catch(() => '# Benchmarks\n');
  const block = `${START}\n${table}\n${END}`;
  if (text.includes(START) && text.includes(END)) {
    text = text.slice(0, text.indexOf(START)) + block + text.slice(text.indexOf(END) + END.length);
  } else {
    text = `${text.trimEnd()}\n\n## Lighthouse\n\n${block}\n`;
  }
  await writeFile(file, text);
}

await main();
