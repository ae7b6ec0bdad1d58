/**
 * Build benchmark: `npm run bench` generates sites of 8 (the real guide), 100, 1,000 and 5,000 pages
 * (bench/generate-site.ts), builds and indexes each with the real config, and records wall time,
 * peak memory, time per page, dist size, HTML bytes per page, sidebar bytes per page and the Pagefind
 * index. Results go to bench/.work/build-results.json and to the "Build" and "Page weight" sections
 * of BENCHMARKS.md.
 *
 *   npm run bench                               all sizes; 3 runs up to 1,000 pages, 1 run above
 *   npm run bench -- --sizes 8,100              a quick run (prints, does not touch BENCHMARKS.md)
 *   npm run bench -- --sizes 1000 --runs 5      more runs; add --write to record a partial run
 *   npm run bench -- --from bench/.work/build-results.json --write   re-render the tables of a past run
 *   npm run bench -- --vs-starlight --sizes 8,100,1000   the same pages built with Starlight too,
 *                                                      alternating; --write records the table
 *
 * Every run is a cold build (no Astro or Vite cache), like CI on a fresh clone.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { brotliCompressSync } from 'node:zlib';
import { brokenLinksOf } from '../src/integrations/link-check.ts';
import { eachPage, openBuiltSite } from '../src/lib/built-site.ts';
import { linksOf, type PageLinks } from '../src/lib/link-check.ts';
import { generateSite, projectRoot } from './generate-site.ts';
import { installStarlight, latestStarlightVersion, writeStarlightSite } from './starlight-site.ts';

const defaultSizes = [8, 100, 1000, 5000];
const workDir = join(projectRoot, 'bench/.work');
const siteUrl = 'https://guide.example.com';

/** One cold build of one site. */
interface RunResult {
  /** Wall-clock time of `astro build` (bundle, render, link check, Pagefind), in ms. */
  wallMs: number;
  /** Vite's figure for bundling the server build, which compiles every MDX page, in ms. */
  bundleMs?: number | undefined;
  /** Astro's own figure for rendering the pages ("generating static routes"), in ms. */
  renderMs: number | undefined;
  /** Time spent after Astro finished the pages: build:done hooks (link check, Pagefind, sitemap...), in ms. */
  hooksMs: number | undefined;
  /** Peak resident memory of the Node build process, in MiB (exact, from process.resourceUsage()). */
  peakRssMiB: number | undefined;
  /** Peak of the summed RSS of the build and its children (Pagefind's binary), sampled every 100 ms (Linux only). */
  peakTreeRssMiB: number | undefined;
  /** User + system CPU time of the Node build process, in ms (above wall time means it used several cores). */
  cpuMs: number | undefined;
  /** One-minute load average when the run started: other work on the machine slows wall time, not CPU time. */
  loadBefore: number;
}

/** What a build wrote; identical across runs of one size, so measured once. */
interface OutputStats {
  /** Pages Astro rendered (doc pages plus search and 404). */
  htmlFiles: number;
  distBytes: number;
  distFiles: number;
  /** Raw bytes of each doc page's HTML: median and max. */
  htmlMedian: number;
  htmlMax: number;
  /** Bytes of the sidebar (`<nav aria-label="Guide">`) per doc page: median and max. */
  sidebarMedian: number;
  sidebarMax: number;
  /** The real guide's pages, present at every size: raw and brotli bytes, median over the 8. */
  realHtmlMedian: number;
  realHtmlBrotliMedian: number;
  realHtmlBrotliMax: number;
  pagefindBytes: number;
  pagefindFiles: number;
  /** Raw bytes of the pages that are not doc pages (search, print, 404), which may list the whole site. */
  otherPages: Record<string, number>;
  /** Time to read and parse every page once (parse5, as the post-build pass does), in ms. */
  parseMs?: number | undefined;
  /** Time to read, parse and link-check the built site on its own, in ms (the build does it too). */
  linkCheckMs: number;
}

interface SizeResult {
  pages: number;
  runs: RunResult[];
  output: OutputStats;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string' },
      runs: { type: 'string' },
      write: { type: 'boolean', default: false },
      from: { type: 'string' },
      'no-write': { type: 'boolean', default: false },
      'vs-starlight': { type: 'boolean', default: false },
    },
  });
  const sizes = values.sizes
    ? values.sizes.split(',').map((s) => Number(s.trim().replace(/_/g, '')))
    : defaultSizes;
  const bad = sizes.find((n) => !Number.isInteger(n) || n < 8);
  if (bad !== undefined)
    throw new Error(
      `bench: --sizes takes whole numbers of at least 8, e.g. --sizes 8,100,1000 (got "${values.sizes}")`,
    );
  const forcedRuns = values.runs === undefined ? undefined : Number(values.runs);
  if (forcedRuns !== undefined && (!Number.isInteger(forcedRuns) || forcedRuns < 1))
    throw new Error('bench: --runs takes a whole number of at least 1');
  const write =
    !values['no-write'] &&
    (values.write || (values.sizes === undefined && values.from === undefined));
  if (values.from) {
    const saved = JSON.parse(await readFile(values.from, 'utf8')) as {
      machine: Machine;
      results: SizeResult[];
    };
    await report(saved.machine, saved.results, write);
    return;
  }

  const machine = await describeMachine();
  if (values['vs-starlight']) {
    await versusStarlight(
      machine,
      values.sizes ? sizes : [8, 100, 1000],
      forcedRuns ?? 3,
      values.write,
    );
    return;
  }
  console.log(
    `bench: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB; node ${machine.node}, astro ${machine.versions['astro']}`,
  );
  const results: SizeResult[] = [];
  for (const pages of sizes) {
    // Several runs give a median; a 5,000-page build takes minutes, so it runs once unless asked.
    const runs = forcedRuns ?? (pages > 1000 ? 1 : 3);
    const siteDir = join(workDir, `site-${pages}`);
    const started = performance.now();
    const site = await generateSite(siteDir, pages);
    console.log(
      `\n${pages} pages: generated in ${ms(performance.now() - started)}; ${runs} cold build(s)`,
    );
    const runResults: RunResult[] = [];
    let outDir = '';
    for (let run = 1; run <= runs; run++) {
      outDir = join(siteDir, 'dist');
      const result = await coldBuild(siteDir, outDir);
      runResults.push(result);
      console.log(
        `  run ${run}: ${ms(result.wallMs)} wall, render ${ms(result.renderMs)}, hooks ${ms(result.hooksMs)}, ` +
          `peak ${mib(result.peakRssMiB)} (with children ${mib(result.peakTreeRssMiB)}), cpu ${ms(result.cpuMs)}, load ${result.loadBefore.toFixed(1)}`,
      );
    }
    const output = await measureOutput(outDir, site.realSlugs);
    console.log(
      `  html/page median ${kb(output.htmlMedian)}, max ${kb(output.htmlMax)}; sidebar median ${kb(output.sidebarMedian)}, max ${kb(output.sidebarMax)}; ` +
        `dist ${kb(output.distBytes)} in ${output.distFiles} files; pagefind ${kb(output.pagefindBytes)} in ${output.pagefindFiles} files`,
    );
    results.push({ pages, runs: runResults, output });
  }

  await mkdir(workDir, { recursive: true });
  await writeFile(
    join(workDir, 'build-results.json'),
    `${JSON.stringify({ machine, results }, null, 2)}\n`,
  );
  await report(machine, results, write);
}

/** One size built with this project and with Starlight, alternating. */
interface PairResult {
  pages: number;
  project: RunResult[];
  starlight: RunResult[];
}

/**
 * Builds each size with this project and with a minimal Starlight site (bench/starlight-site.ts),
 * alternating A B B A ... so a change in the machine's load falls on both alike, and prints (with
 * --write, records) the side-by-side table. Build logs go to bench/.work/logs/.
 */
async function versusStarlight(
  machine: Machine,
  sizes: readonly number[],
  runs: number,
  write: boolean,
): Promise<void> {
  const app = await installStarlight(
    join(workDir, 'starlight'),
    await latestStarlightVersion(),
    machine.versions['astro'] ?? 'latest',
    machine.versions['@astrojs/markdown-remark'] ?? 'latest',
  );
  const astroBin = join(app.dir, 'node_modules/astro/bin/astro.mjs');
  console.log(`bench: Starlight ${app.starlight} on Astro ${app.astro}; ${runs} run(s) each`);
  const results: PairResult[] = [];
  for (const pages of sizes) {
    const siteDir = join(workDir, `site-${pages}`);
    await generateSite(siteDir, pages);
    const starlightDir = join(app.dir, `site-${pages}`);
    await writeStarlightSite(app, starlightDir, join(siteDir, 'content'), siteUrl);
    const pair: PairResult = { pages, project: [], starlight: [] };
    const logs = join(workDir, 'logs');
    const one = async (which: 'project' | 'starlight', run: number) => {
      const result =
        which === 'project'
          ? await coldBuild(
              siteDir,
              join(siteDir, 'dist'),
              undefined,
              join(logs, `project-${pages}-${run}.log`),
            )
          : await coldBuild(
              starlightDir,
              join(starlightDir, 'dist'),
              astroBin,
              join(logs, `starlight-${pages}-${run}.log`),
            );
      pair[which].push(result);
      console.log(
        `  ${pages} pages, ${which.padEnd(9)} run ${run}: ${ms(result.wallMs)} wall, cpu ${ms(result.cpuMs)}, ` +
          `peak ${mib(result.peakRssMiB)}; bundle ${ms(result.bundleMs)}, render ${ms(result.renderMs)}, ` +
          `hooks ${ms(result.hooksMs)}; load ${result.loadBefore.toFixed(1)}`,
      );
    };
    for (let run = 1; run <= runs; run++) {
      const order =
        run % 2 === 1 ? (['project', 'starlight'] as const) : (['starlight', 'project'] as const);
      for (const which of order) await one(which, run);
    }
    results.push(pair);
  }
  await mkdir(workDir, { recursive: true });
  await writeFile(
    join(workDir, 'vs-starlight-results.json'),
    `${JSON.stringify({ machine, starlight: app.starlight, results }, null, 2)}\n`,
  );
  const table = renderVersusTable(machine, app.starlight, results);
  console.log(`\n${table}`);
  if (write) {
    await writeMarkedBlock('vs-starlight', table);
    console.log('\nbench: wrote the side-by-side table into BENCHMARKS.md');
  }
}

/** The side-by-side table: medians of wall time, CPU time and peak memory, and their ratios. */
function renderVersusTable(
  machine: Machine,
  starlightVersion: string,
  results: readonly PairResult[],
): string {
  const loads = results.flatMap((r) => [...r.project, ...r.starlight].map((x) => x.loadBefore));
  const when =
    `Measured ${machine.date} at \`${machine.commit}\` on ${machine.cpu}, ${machine.cores} cores; ` +
    `Node ${machine.node}, Astro ${machine.versions['astro']} for both, Starlight ${starlightVersion}. ` +
    `Cold builds, alternating; load average when runs started: ${Math.min(...loads).toFixed(1)}–` +
    `${Math.max(...loads).toFixed(1)} on ${machine.cores} cores.`;
  const cell = (runs: readonly RunResult[]) => {
    const wall = median(runs.map((r) => r.wallMs));
    return `${s(wall)}, ${s(medianOf(runs.map((r) => r.cpuMs)))}, ${mib(medianOf(runs.map((r) => r.peakRssMiB)))}`;
  };
  const ratio = (
    a: readonly RunResult[],
    b: readonly RunResult[],
    pick: (r: RunResult) => number | undefined,
  ) => {
    const x = medianOf(a.map(pick));
    const y = medianOf(b.map(pick));
    return x === undefined || y === undefined ? 'n/a' : (x / y).toFixed(2);
  };
  const phases = (runs: readonly RunResult[]) =>
    `${s(medianOf(runs.map((r) => r.bundleMs)))} / ${s(medianOf(runs.map((r) => r.renderMs)))} / ${s(medianOf(runs.map((r) => r.hooksMs)))}`;
  const rows = results.map(
    ({ pages, project, starlight }) =>
      `| ${pages.toLocaleString('en')} | ${project.length} | ${cell(project)} | ${cell(starlight)} | ` +
      `${ratio(project, starlight, (r) => r.wallMs)} / ${ratio(project, starlight, (r) => r.cpuMs)} / ` +
      `${ratio(project, starlight, (r) => r.peakRssMiB)} | ${phases(project)} | ${phases(starlight)} |`,
  );
  return [
    '<!-- bench:vs-starlight:start (written by `npm run bench -- --vs-starlight --write`) -->',
    when,
    '',
    '| Pages | Runs each | This project: wall, CPU, peak RSS | Starlight: wall, CPU, peak RSS | Ratio wall / CPU / memory | Project: bundle / render / hooks | Starlight: bundle / render / hooks |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '<!-- bench:vs-starlight:end -->',
  ].join('\n');
}

/** Prints the tables and, when asked, writes them into BENCHMARKS.md. */
async function report(
  machine: Machine,
  results: readonly SizeResult[],
  write: boolean,
): Promise<void> {
  const sections = renderSections(machine, results);
  console.log(`\n${sections.build}\n\n${sections.weight}`);
  if (write) {
    await writeBenchmarks(sections);
    console.log('\nbench: wrote the Build and Page weight sections of BENCHMARKS.md');
  } else {
    console.log('\nbench: BENCHMARKS.md left as it is (partial run; pass --write to record it)');
  }
}

/** Runs `astro build` in `siteDir` with no cache, timing it and tracking its memory. */
async function coldBuild(
  siteDir: string,
  outDir: string,
  astroBin = join(projectRoot, 'node_modules/astro/bin/astro.mjs'),
  logFile?: string,
): Promise<RunResult> {
  for (const cache of [outDir, join(siteDir, '.astro'), join(siteDir, 'node_modules')])
    await rm(cache, { recursive: true, force: true });
  const usageFile = join(workDir, `usage-${process.pid}.json`);
  await rm(usageFile, { force: true });
  const hook = new URL('./report-usage.ts', import.meta.url).href;
  const loadBefore = loadavg()[0] ?? 0;
  const started = performance.now();
  const child = spawn(process.execPath, [astroBin, 'build', '--outDir', outDir], {
    cwd: siteDir,
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
      FORCE_COLOR: '0',
      SITE_URL: siteUrl,
      BASE_PATH: '/',
      BENCH_USAGE_FILE: usageFile,
      NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} --import ${hook}`.trim(),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const sampler = sampleTreeRss(child.pid);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exit) => resolve(exit ?? 1));
  });
  const wallMs = performance.now() - started;
  const peakTreeRssMiB = sampler.stop();
  const usage = existsSync(usageFile)
    ? (JSON.parse(await readFile(usageFile, 'utf8')) as { maxRssKiB: number; cpuMs: number })
    : undefined;
  await rm(usageFile, { force: true });
  if (logFile) {
    await mkdir(join(logFile, '..'), { recursive: true });
    await writeFile(logFile, output);
  }
  if (code !== 0) {
    // Rolldown prints a multi-line warning per MDX page (withastro/astro#18087); keep the lines that matter.
    const tail = output
      .split('\n')
      .filter((line) => line.trim() && !/MODULE_LEVEL_DIRECTIVE|[│╭╯]/.test(line))
      .slice(-40)
      .join('\n');
    throw new Error(`bench: astro build failed in ${siteDir} (exit ${code}):\n${tail}`);
  }
  const clean = output.replace(/\u001b\[[0-9;]*m/g, '');
  // Astro prints "generating static routes ... ✓ Completed in 9.50s." then "[build] ✓ Completed in 47.02s."
  // before the build:done hooks run, then "N page(s) built in 54.50s".
  const time = String.raw`((?:\d+m )?[\d.]+m?s)`;
  const bundleMs = duration(new RegExp(String.raw`\[vite\] ✓ built in ${time}`).exec(clean)?.[1]);
  const renderMs = duration(
    new RegExp(String.raw`generating static routes[\s\S]*?✓ Completed in ${time}`).exec(clean)?.[1],
  );
  const astroMs = [...clean.matchAll(new RegExp(String.raw`\[build\] ✓ Completed in ${time}`, 'g'))]
    .map((m) => duration(m[1]))
    .at(-1);
  const totalMs = duration(new RegExp(String.raw`page\(s\) built in ${time}`).exec(clean)?.[1]);
  return {
    wallMs,
    bundleMs,
    renderMs,
    hooksMs: astroMs !== undefined && totalMs !== undefined ? totalMs - astroMs : undefined,
    peakRssMiB: usage ? usage.maxRssKiB / 1024 : undefined,
    peakTreeRssMiB,
    cpuMs: usage?.cpuMs,
    loadBefore,
  };
}

/** Astro's "520ms", "9.50s" or "2m 14s" to milliseconds. */
function duration(text: string | undefined): number | undefined {
  const match = text ? /^(?:(\d+)m )?([\d.]+)(m?s)$/.exec(text) : null;
  if (!match) return undefined;
  const [, minutes = '0', value = '0', unit] = match;
  return Number(minutes) * 60_000 + Number(value) * (unit === 'ms' ? 1 : 1000);
}

/**
 * Samples the summed VmRSS of a process and its descendants every 100 ms from /proc (Linux only;
 * elsewhere it reports nothing). Catches Pagefind's binary, which process.resourceUsage() cannot see.
 */
function sampleTreeRss(pid: number | undefined): { stop(): number | undefined } {
  if (pid === undefined || platform() !== 'linux') return { stop: () => undefined };
  let peakKiB = 0;
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    void treeRssKiB(pid)
      .then((kib) => (peakKiB = Math.max(peakKiB, kib)))
      .finally(() => (busy = false));
  }, 100);
  return {
    stop: () => {
      clearInterval(timer);
      return peakKiB > 0 ? peakKiB / 1024 : undefined;
    },
  };
}

async function treeRssKiB(pid: number): Promise<number> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    const tasks = await readdir(`/proc/${pid}/task`);
    const children = (
      await Promise.all(
        tasks.map((t) => readFile(`/proc/${pid}/task/${t}/children`, 'utf8').catch(() => '')),
      )
    )
      .join(' ')
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
    const childRss = await Promise.all(children.map((c) => treeRssKiB(c)));
    return rss + childRss.reduce((a, b) => a + b, 0);
  } catch {
    return 0; // the process ended between two reads
  }
}

/** Sizes of what the build wrote, and how long the link checker takes over it. */
async function measureOutput(outDir: string, realSlugs: readonly string[]): Promise<OutputStats> {
  const files = (await readdir(outDir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
  let distBytes = 0;
  let pagefindBytes = 0;
  let pagefindFiles = 0;
  const pageBytes: number[] = [];
  const sidebarBytes: number[] = [];
  const pagefindDir = join(outDir, 'pagefind');
  for (const file of files) {
    const { size } = await stat(file);
    distBytes += size;
    if (file.startsWith(pagefindDir)) {
      pagefindBytes += size;
      pagefindFiles += 1;
    }
    if (!isDocPage(outDir, file)) continue;
    const html = await readFile(file, 'utf8');
    pageBytes.push(Buffer.byteLength(html));
    sidebarBytes.push(Buffer.byteLength(sidebarOf(html)));
  }
  const otherPages: Record<string, number> = {};
  for (const page of otherPageFiles) {
    const file = join(outDir, page);
    if (existsSync(file)) otherPages[page.replace(/index\.html$/, '')] = (await stat(file)).size;
  }
  otherPages['largest print page'] = await largestPrintPage(outDir);
  const real = await Promise.all(
    realSlugs.map((slug) => readFile(join(outDir, slug, 'index.html'))),
  );
  const realBrotli = real.map((html) => brotliCompressSync(html).length);
  const site = await openBuiltSite(outDir, '/');
  const parseStarted = performance.now();
  await eachPage(site, () => undefined);
  const parseMs = performance.now() - parseStarted;
  const checkStarted = performance.now();
  const links: PageLinks[] = [];
  await eachPage(site, (page) => void links.push(linksOf(page)));
  await brokenLinksOf(site, links, siteUrl);
  const linkCheckMs = performance.now() - checkStarted;
  return {
    htmlFiles: files.filter((f) => f.endsWith('.html')).length,
    distBytes,
    distFiles: files.length,
    htmlMedian: median(pageBytes),
    htmlMax: Math.max(...pageBytes),
    sidebarMedian: median(sidebarBytes),
    sidebarMax: Math.max(...sidebarBytes),
    realHtmlMedian: median(real.map((b) => b.length)),
    realHtmlBrotliMedian: median(realBrotli),
    realHtmlBrotliMax: Math.max(...realBrotli),
    pagefindBytes,
    pagefindFiles,
    otherPages,
    parseMs,
    linkCheckMs,
  };
}

/** Pages that are not doc pages; the bench reports their size apart. */
const otherPageFiles = ['search/index.html', 'print/index.html', '404.html'];

/** The largest print page (/print/ splits by section on large sites: src/lib/print.ts). */
async function largestPrintPage(outDir: string): Promise<number> {
  const dir = join(outDir, 'print');
  if (!existsSync(dir)) return 0;
  let largest = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile() && entry.name === 'index.html')
      largest = Math.max(largest, (await stat(join(entry.parentPath, entry.name))).size);
  return largest;
}

/** Doc pages are every `index.html` except the search and print pages (404.html is not one either). */
function isDocPage(outDir: string, file: string): boolean {
  return (
    file.endsWith('/index.html') &&
    !otherPageFiles.some((page) => file === join(outDir, page)) &&
    !file.startsWith(join(outDir, 'print/')) &&
    !file.startsWith(join(outDir, 'pagefind'))
  );
}

/** The sidebar's markup: from `<nav` with aria-label="Guide" to its closing `</nav>` (navs are not nested). */
function sidebarOf(html: string): string {
  const start = html.search(/<nav[^>]*aria-label="Guide"/);
  if (start < 0) return '';
  const end = html.indexOf('</nav>', start);
  return end < 0 ? '' : html.slice(start, end + '</nav>'.length);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function medianOf(values: ReadonlyArray<number | undefined>): number | undefined {
  const known = values.filter((v): v is number => v !== undefined);
  return known.length ? median(known) : undefined;
}

interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  versions: Record<string, string>;
  commit: string;
  date: string;
}

async function describeMachine(): Promise<Machine> {
  const versions: Record<string, string> = {};
  for (const pkg of [
    'astro',
    '@astrojs/mdx',
    '@astrojs/markdown-remark',
    '@astrojs/markdown-satteri',
    'satteri',
    'vite',
    'pagefind',
    'shiki',
  ]) {
    try {
      const json = JSON.parse(
        await readFile(join(projectRoot, 'node_modules', pkg, 'package.json'), 'utf8'),
      ) as { version: string };
      versions[pkg] = json.version;
    } catch {
      versions[pkg] = 'not installed';
    }
  }
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
    cores: availableParallelism(),
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${platform()} ${release()}`,
    node: process.versions.node,
    versions,
    commit: await gitCommit(),
    date: new Date().toISOString().slice(0, 10),
  };
}

function gitCommit(): Promise<string> {
  return new Promise((resolve) => {
    const git = spawn('git', ['describe', '--always', '--dirty'], {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let out = '';
    git.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    git.on('error', () => resolve('unknown'));
    git.on('close', () => resolve(out.trim() || 'unknown'));
  });
}

/** The two BENCHMARKS.md sections this script owns, as Markdown. */
function renderSections(
  machine: Machine,
  results: readonly SizeResult[],
): { build: string; weight: string } {
  const when =
    `Measured ${machine.date} at \`${machine.commit}\` on ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}; ` +
    `Node ${machine.node}, Astro ${machine.versions['astro']}, @astrojs/mdx ${machine.versions['@astrojs/mdx']}, Vite ${machine.versions['vite']}, ` +
    `Pagefind ${machine.versions['pagefind']}, Shiki ${machine.versions['shiki']}. Every run is a cold build (no Astro or Vite cache); ` +
    `load average when runs started: ${loadRange(results)} on ${machine.cores} cores (other work on the machine stretches wall time, not CPU time).`;
  const buildRows = results.map(({ pages, runs, output }) => {
    const wall = runs.map((r) => r.wallMs);
    const spread = runs.length > 1 ? ` (${s(Math.min(...wall))}–${s(Math.max(...wall))})` : '';
    const wallMedian = median(wall);
    const cpu = medianOf(runs.map((r) => r.cpuMs));
    return `| ${pages.toLocaleString('en')} | ${runs.length} | ${s(wallMedian)}${spread} | ${perPage(wallMedian, pages)} | ${s(cpu)} | ${perPage(cpu, pages)} | ${s(medianOf(runs.map((r) => r.renderMs)))} | ${s(medianOf(runs.map((r) => r.hooksMs)))} | ${s(output.linkCheckMs)} | ${mib(medianOf(runs.map((r) => r.peakRssMiB)))} | ${mib(medianOf(runs.map((r) => r.peakTreeRssMiB)))} |`;
  });
  const weightRows = results.map(
    ({ pages, output }) =>
      `| ${pages.toLocaleString('en')} | ${kb(output.htmlMedian)} / ${kb(output.htmlMax)} | ${kb(output.sidebarMedian)} / ${kb(output.sidebarMax)} | ${kb(output.realHtmlMedian)} | ${kb(output.realHtmlBrotliMedian)} / ${kb(output.realHtmlBrotliMax)} | ${Object.entries(
        output.otherPages,
      )
        .map(([page, bytes]) => `${page} ${size(bytes)}`)
        .join(
          ', ',
        )} | ${mb(output.distBytes)} in ${output.distFiles.toLocaleString('en')} | ${mb(output.pagefindBytes)} in ${output.pagefindFiles.toLocaleString('en')} |`,
  );
  const build = [
    '<!-- bench:build:start (written by `npm run bench`; edit the script, not this table) -->',
    when,
    '',
    '| Pages | Runs | Wall time, median (range) | Wall per page | CPU time | CPU per page | Render pages | After build (hooks) | Link check alone | Peak RSS, build | Peak RSS, with Pagefind |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...buildRows,
    '<!-- bench:build:end -->',
  ].join('\n');
  const weight = [
    '<!-- bench:weight:start (written by `npm run bench`) -->',
    '| Pages | HTML per doc page, median / max | Sidebar per page, median / max | The 8 real pages, median | …brotli, median / max | Other pages (raw) | dist | Pagefind index |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...weightRows,
    '<!-- bench:weight:end -->',
  ].join('\n');
  return { build, weight };
}

/** Replaces the marked blocks in BENCHMARKS.md (creating the file and sections if needed), leaving everything else alone. */
async function writeBenchmarks(sections: { build: string; weight: string }): Promise<void> {
  await writeMarkedBlock('build', sections.build);
  await writeMarkedBlock('weight', sections.weight);
}

/** Replaces one `<!-- bench:NAME:start -->` ... `<!-- bench:NAME:end -->` block of BENCHMARKS.md. */
async function writeMarkedBlock(name: string, block: string): Promise<void> {
  const file = join(projectRoot, 'BENCHMARKS.md');
  const text = existsSync(file) ? await readFile(file, 'utf8') : '# Benchmarks\n';
  const pattern = new RegExp(`<!-- bench:${name}:start[\\s\\S]*?<!-- bench:${name}:end -->`);
  if (!pattern.test(text))
    throw new Error(
      `bench: BENCHMARKS.md has no <!-- bench:${name}:start --> ... <!-- bench:${name}:end --> block; add the markers where the table belongs.`,
    );
  await writeFile(
    file,
    text.replace(pattern, () => block),
  );
}

function perPage(total: number | undefined, pages: number): string {
  return total === undefined ? 'n/a' : `${(total / pages).toFixed(1)} ms`;
}

function loadRange(results: readonly SizeResult[]): string {
  const loads = results.flatMap((r) => r.runs.map((run) => run.loadBefore));
  return `${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`;
}

function ms(value: number | undefined): string {
  if (value === undefined) return 'n/a';
  return value < 1000 ? `${Math.round(value)} ms` : `${(value / 1000).toFixed(1)} s`;
}

function s(value: number | undefined): string {
  return value === undefined ? 'n/a' : `${(value / 1000).toFixed(1)} s`;
}

function mib(value: number | undefined): string {
  return value === undefined ? 'n/a' : `${Math.round(value).toLocaleString('en')} MiB`;
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

function size(bytes: number): string {
  return bytes < 2 ** 20 ? kb(bytes) : mb(bytes);
}

function mb(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MiB`;
}

await main();
