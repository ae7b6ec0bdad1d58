/**
 * Search-quality benchmark: `npm run bench:search-quality`. Runs every query of
 * bench/search-quality-queries.ts through the guide's real search page (`/search/?q=`, the same
 * client code as the header dialog) in headless Chromium, against a fresh build of the guide, and
 * prints:
 * - top-1: the share of queries whose first result is a page that answers them;
 * - top-3: the share with such a page among the first three;
 * - MRR: the mean of 1 / rank of the first answering page (0 when none is listed);
 * - empty: queries that listed no page at all;
 * - first section: for queries that name one, how often the first page's first section is it.
 *
 * Options: `--dist=<folder>` measures an existing build at `/` instead of building one;
 * `--write=<label>` records the figures in BENCHMARKS.md as the row `<label>` (e.g. `before`,
 * `after`), replacing an older row of that label; `--verbose` prints every query's results.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { astroBuild, projectRoot } from '../tests/support/astro-build.ts';
import { launchChromium } from '../tests/support/chromium.ts';
import { serveStatic } from '../tests/support/static-server.ts';
import { qualityQueries, type QualityQuery, type QueryKind } from './search-quality-queries.ts';

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [name = '', value = ''] = a.replace(/^--/, '').split('=');
    return [name, value];
  }),
);

/** What the search page listed for one query. */
interface Listed {
  /** Page paths in result order, without the base, query or fragment (`''` for the overview). */
  pages: string[];
  /** The heading id of the first page's first section, if it lists one. */
  firstSection: string | undefined;
  /** The status line, for the report. */
  status: string;
}

interface Scored extends QualityQuery {
  listed: Listed;
  /** 1-based rank of the first answering page; 0 when none is listed. */
  rank: number;
}

async function main(): Promise<void> {
  const given = args.get('dist');
  const work = given ? undefined : await mkdtemp(join(tmpdir(), 'search-quality-'));
  const dist = given || join(work ?? '', 'site');
  try {
    if (!given) {
      console.log('Building the guide…');
      const built = await astroBuild({ outDir: dist, env: { BASE_PATH: '/' } });
      if (built.code !== 0) throw new Error(`astro build failed:\n${built.output}`);
    }
    const scored = await runQueries(dist);
    report(scored);
    const label = args.get('write');
    if (label) await record(label, scored);
  } finally {
    if (work) await rm(work, { recursive: true, force: true });
  }
}

async function runQueries(dist: string): Promise<Scored[]> {
  const server = await serveStatic({ dir: dist });
  const { browser, close } = await launchChromium();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const scored: Scored[] = [];
    for (const entry of qualityQueries) {
      await page.goto(`${server.url}search/?q=${encodeURIComponent(entry.query)}`);
      // Done when the result list says which query it shows (data-for); a build from before that
      // signal existed is done when its status line says anything.
      await page.waitForFunction((query) => {
        const list = document.querySelector('search-page [data-results]');
        const status = document.querySelector('search-page [data-status]')?.textContent ?? '';
        return list?.hasAttribute('data-for')
          ? list.getAttribute('data-for') === query
          : status !== '';
      }, entry.query);
      const listed = await page.evaluate((): Listed => {
        const path = (href: string) =>
          new URL(href, location.href).pathname.replace(/^\//, '').replace(/\/$/, '');
        const items = [...document.querySelectorAll('search-page .results > li')];
        const pages = items
          .map((li) => li.querySelector(':scope > a')?.getAttribute('href'))
          .filter((href): href is string => href !== null && href !== undefined)
          .map(path);
        const section = items[0]?.querySelector('ul a')?.getAttribute('href') ?? '';
        return {
          pages,
          firstSection: section.includes('#') ? section.split('#')[1] : undefined,
          status: document.querySelector('search-page [data-status]')?.textContent ?? '',
        };
      });
      const rank = listed.pages.findIndex((p) => entry.pages.includes(p)) + 1;
      scored.push({ ...entry, listed, rank });
    }
    await context.close();
    return scored;
  } finally {
    await close();
    await server.close();
  }
}

/** The figures for a set of scored queries. */
interface Figures {
  queries: number;
  top1: number;
  top3: number;
  mrr: number;
  empty: number;
  sections: { right: number; of: number };
}

function figures(scored: readonly Scored[]): Figures {
  const n = scored.length || 1;
  const withSection = scored.filter((s) => s.section);
  return {
    queries: scored.length,
    top1: scored.filter((s) => s.rank === 1).length / n,
    top3: scored.filter((s) => s.rank >= 1 && s.rank <= 3).length / n,
    mrr: scored.reduce((sum, s) => sum + (s.rank ? 1 / s.rank : 0), 0) / n,
    empty: scored.filter((s) => s.listed.pages.length === 0).length,
    sections: {
      right: withSection.filter((s) => s.rank === 1 && s.listed.firstSection === s.section).length,
      of: withSection.length,
    },
  };
}

const percent = (x: number) => `${(x * 100).toFixed(1)} %`;

function report(scored: readonly Scored[]): void {
  const verbose = args.has('verbose');
  for (const s of scored) {
    const sectionMissed = s.section !== undefined && s.listed.firstSection !== s.section;
    if (!verbose && s.rank === 1 && !sectionMissed) continue;
    const shown = s.listed.pages.slice(0, 3).map((p) => p || '(overview)');
    console.log(
      `${s.rank === 1 ? 'ok  ' : s.rank ? `#${s.rank}  ` : 'MISS'} [${s.kind}] “${s.query}” ` +
        `wants ${s.pages.map((p) => p || '(overview)').join(' | ')}; got ${shown.join(', ') || 'nothing'}` +
        (sectionMissed
          ? ` (first section ${s.listed.firstSection ?? 'none'}, wants ${s.section})`
          : '') +
        ` — ${s.listed.status}`,
    );
  }
  const kinds = [...new Set(scored.map((s) => s.kind))];
  const rows = [
    ['all', figures(scored)] as const,
    ...kinds.map((k: QueryKind) => [k, figures(scored.filter((s) => s.kind === k))] as const),
    ['held out (never tuned)', figures(scored.filter((s) => s.heldOut))] as const,
  ];
  console.log('\n| Queries | n | top-1 | top-3 | MRR | empty | first section right |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [name, f] of rows)
    console.log(
      `| ${name} | ${f.queries} | ${percent(f.top1)} | ${percent(f.top3)} | ${f.mrr.toFixed(3)} | ${f.empty} | ${f.sections.right} of ${f.sections.of} |`,
    );
}

const START = '<!-- search-quality:start -->';
const END = '<!-- search-quality:end -->';
const HEADER = [
  '| Run | Commit | Date | Queries | top-1 | top-3 | MRR | Empty results | First section right |',
  '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
];

/** Writes the row `label` into the table between the markers in BENCHMARKS.md. */
async function record(label: string, scored: readonly Scored[]): Promise<void> {
  const f = figures(scored);
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
    cwd: projectRoot,
    encoding: 'utf8',
  }).trim();
  const row =
    `| ${label} | \`${commit}\` | ${new Date().toISOString().slice(0, 10)} | ${f.queries} | ` +
    `${percent(f.top1)} | ${percent(f.top3)} | ${f.mrr.toFixed(3)} | ${f.empty} | ` +
    `${f.sections.right} of ${f.sections.of} |`;
  const file = join(projectRoot, 'BENCHMARKS.md');
  const text = await readFile(file, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start)
    throw new Error(`BENCHMARKS.md has no ${START} … ${END} block to record the figures in.`);
  const rows = text
    .slice(start + START.length, end)
    .split('\n')
    .filter((line) => line.startsWith('| ') && !HEADER.includes(line))
    .filter((line) => !line.startsWith(`| ${label} |`));
  const block = [START, ...HEADER, ...rows, row, END].join('\n');
  await writeFile(file, text.slice(0, start) + block + text.slice(end + END.length));
  console.log(`Recorded “${label}” in ${file}`);
}

await main();
