/**
 * Search benchmark: `npm run bench:search` (add `-- --write` to record the results in BENCHMARKS.md,
 * `-- --sizes=100,1000` to choose site sizes, `-- --keep` to keep the generated sites for profiling).
 *
 * Builds the guide once into a temporary folder to borrow its real header, dialog, scripts and
 * styles, then for each size writes that many generated pages (words drawn from the guide's own
 * text, so term frequencies look like documentation) and indexes them with the same code the build
 * uses (src/integrations/pagefind/build-index.ts). In Chromium it then measures, through the real dialog:
 * - the bytes transferred from opening search to the first result of the first query;
 * - the time from the last keystroke of a query to its results being in the page, as the median
 *   over several queries, each in a fresh browser context (nothing cached).
 * Generated sites live in the OS temporary folder and are deleted afterwards; nothing is committed.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { parse } from 'node-html-parser';
import type { Browser } from 'playwright-core';
import { buildSearchIndex } from '../src/integrations/pagefind/build-index.ts';
import { astroBuild, projectRoot } from '../tests/support/astro-build.ts';
import { chromiumPath, launchChromium } from '../tests/support/chromium.ts';
import { serveStatic } from '../tests/support/static-server.ts';

const args = new Map(
  process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string | undefined]),
);
const sizes = (args.get('sizes') ?? '100,1000,10000').split(',').map(Number);
const write = args.has('write');
/** Keep the generated sites (their folders are printed) to profile them by hand. */
const keep = args.has('keep');

/** Queries typed in the benchmark: common words, a phrase, a name, a question, a rare page name. */
const queries = [
  'retention',
  'service-linked role',
  'TLS 1.3',
  'DeleteDetector',
  'who can disable GuardDuty',
  'encryption',
  'CloudTrail',
  'AWSServiceRoleForBench42',
];
/** Milliseconds between keystrokes, like a quick typist. */
const KEY_DELAY = 60;

/** A small seeded PRNG (mulberry32), so every run generates the same sites. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Words of the guide's pages, with their real frequencies (repeated as often as they occur). */
async function guideWords(): Promise<string[]> {
  const dir = join(projectRoot, 'content');
  const words: string[] = [];
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.mdx'))) {
    const text = (await readFile(join(dir, file), 'utf8'))
      .replace(/^---[\s\S]*?---/, '')
      .replace(/[`*#|<>[\](){}"]/g, ' ');
    words.push(...text.split(/\s+/).filter((w) => /^[\w.:'’-]{2,40}$/.test(w)));
  }
  return words;
}

/**
 * The parts of a built page every generated page reuses: its <head>, its header (search included)
 * and the page module that BaseLayout puts at the end of <body>.
 */
async function template(
  builtSite: string,
): Promise<{ head: string; header: string; scripts: string }> {
  const page = parse(await readFile(join(builtSite, 'resilience', 'index.html'), 'utf8'));
  const head = page.querySelector('head')?.innerHTML;
  const header = page.querySelector('header')?.outerHTML;
  const scripts = page
    .querySelectorAll('body > script[type="module"]')
    .map((s) => s.outerHTML)
    .join('');
  if (!head || !header || !scripts)
    throw new Error(
      'The built resilience page has no <head>, <header> or page module; did the layout change?',
    );
  return { head, header, scripts };
}

/** Writes `count` pages of about 700 words with six sections each; returns the site folder. */
async function generateSite(
  count: number,
  words: string[],
  parts: { head: string; header: string; scripts: string },
  builtSite: string,
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `search-bench-${count}-`));
  await cpSiteAssets(builtSite, dir);
  const next = random(count);
  const pick = (n: number) =>
    Array.from({ length: n }, () => words[Math.floor(next() * words.length)]).join(' ');
  for (let i = 0; i < count; i++) {
    const headings = Array.from({ length: 6 }, (_, j) => ({ id: `section-${j}`, text: pick(4) }));
    const sections = headings.map(
      (h, j) =>
        `<h2 id="${h.id}">${escape(h.text)}</h2><p>${escape(pick(60))}</p><p>${escape(pick(50))} <code>AWSServiceRoleForBench${i}Part${j}</code></p>`,
    );
    const title = `Page ${i}: ${pick(3)}`;
    const html =
      `<!doctype html><html lang="en"><head>${parts.head}</head><body>${parts.header}<main id="main"><article class="prose" data-pagefind-body ` +
      `data-pagefind-meta="headings[data-headings]" data-headings="${escape(headings.map((h) => h.text).join(' · '))}"><h1>${escape(title)}</h1>` +
      `<p>${escape(pick(40))} <code>AWSServiceRoleForBench${i}</code></p>${sections.join('')}</article></main>${parts.scripts}</body></html>`;
    await mkdir(join(dir, `p${i}`), { recursive: true });
    await writeFile(join(dir, `p${i}`, 'index.html'), html);
  }
  return dir;
}

async function cpSiteAssets(builtSite: string, dir: string): Promise<void> {
  const { cp } = await import('node:fs/promises');
  await cp(join(builtSite, '_astro'), join(dir, '_astro'), { recursive: true });
  await cp(join(builtSite, 'favicon.svg'), join(dir, 'favicon.svg'));
}

function escape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Total bytes and number of files below `dir`. */
async function folderSize(dir: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
    files++;
  }
  return { bytes, files };
}

interface QueryRun {
  query: string;
  /** Milliseconds from the last keystroke to the results of the full query being in the page. */
  ms: number;
  /** Bytes received from opening the dialog to the first result (bodies as served, no HTTP compression). */
  bytes: number;
  /** The same, if the host compresses JavaScript and JSON with brotli (Pagefind's index files are already gzipped). */
  bytesCompressed: number;
  requests: number;
}

/** Opens a fresh context, opens the dialog, types `query`, and measures. */
async function runQuery(browser: Browser, url: string, query: string): Promise<QueryRun> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(url);
    await page.waitForLoadState('networkidle');
    const responses: Array<{ url: string; body: Buffer }> = [];
    page.on('response', (response) => {
      void response.body().then(
        (body) => responses.push({ url: response.url(), body }),
        () => undefined,
      );
    });
    await page.keyboard.press('ControlOrMeta+k');
    await page.waitForSelector('#search-dialog-input:focus');
    // Pagefind starts loading when the dialog opens; let it finish as a reader's first second would.
    await page.waitForLoadState('networkidle');
    await page.evaluate((q) => {
      const status = document.querySelector('dialog [data-status]');
      const input = document.querySelector<HTMLInputElement>('#search-dialog-input');
      const w = window as unknown as { lastInput: number; done: Promise<number> };
      input?.addEventListener('input', () => (w.lastInput = performance.now()));
      w.done = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (status?.textContent?.includes(`“${q}”`)) {
            observer.disconnect();
            resolve(performance.now());
          }
        });
        if (status)
          observer.observe(status, { childList: true, characterData: true, subtree: true });
      });
    }, query);
    await page.keyboard.type(query, { delay: KEY_DELAY });
    const ms = await page.evaluate(async () => {
      const w = window as unknown as { lastInput: number; done: Promise<number> };
      return (await w.done) - w.lastInput;
    });
    await page.waitForLoadState('networkidle');
    const compressible = (u: string) => /\.(js|json|css)(\?|$)/.test(u);
    const bytes = responses.reduce((sum, r) => sum + r.body.length, 0);
    const bytesCompressed = responses.reduce(
      (sum, r) => sum + (compressible(r.url) ? brotliCompressSync(r.body).length : r.body.length),
      0,
    );
    return { query, ms, bytes, bytesCompressed, requests: responses.length };
  } finally {
    await context.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MiB`;

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'search-bench-build-'));
  const rows: string[] = [];
  const { browser, close } = await launchChromium();
  try {
    console.log('Building the guide once for its header, scripts and styles…');
    const built = await astroBuild({ outDir: join(work, 'site'), env: { BASE_PATH: '/' } });
    if (built.code !== 0) throw new Error(`astro build failed:\n${built.output}`);
    const parts = await template(join(work, 'site'));
    const words = await guideWords();
    for (const size of sizes) {
      console.log(`\n${size} pages: generating…`);
      const dir = await generateSite(size, words, parts, join(work, 'site'));
      try {
        const started = performance.now();
        const { pageCount } = await buildSearchIndex(dir);
        const indexSeconds = (performance.now() - started) / 1000;
        const index = await folderSize(join(dir, 'pagefind'));
        const server = await serveStatic({ dir });
        try {
          const runs: QueryRun[] = [];
          for (const query of queries)
            runs.push(await runQuery(browser, `${server.url}p${Math.floor(size / 2)}/`, query));
          const first = runs[0];
          const row = {
            size,
            pageCount,
            indexSeconds,
            index,
            first,
            medianMs: median(runs.map((r) => r.ms)),
            maxMs: Math.max(...runs.map((r) => r.ms)),
          };
          console.log(
            JSON.stringify(
              {
                ...row,
                runs: runs.map(
                  (r) =>
                    `${r.query}: ${r.ms.toFixed(1)} ms, ${kib(r.bytes)} (${r.requests} requests)`,
                ),
              },
              null,
              2,
            ),
          );
          rows.push(
            `| ${size.toLocaleString('en')} | ${row.indexSeconds.toFixed(1)} s | ${mib(index.bytes)} | ${index.files.toLocaleString('en')} | ` +
              `${kib(first?.bytes ?? 0)} (${kib(first?.bytesCompressed ?? 0)}) in ${first?.requests ?? 0} requests | ${row.medianMs.toFixed(0)} ms | ${row.maxMs.toFixed(0)} ms |`,
          );
        } finally {
          await server.close();
        }
      } finally {
        if (keep) console.log(`Kept ${dir}`);
        else await rm(dir, { recursive: true, force: true });
      }
    }
  } finally {
    await close();
    if (!keep) await rm(work, { recursive: true, force: true });
  }
  const report = await renderReport(rows);
  console.log(`\n${report}`);
  if (write) await writeSection(report);
}

async function renderReport(rows: string[]): Promise<string> {
  const pkg = (name: string) =>
    readFile(join(projectRoot, 'node_modules', name, 'package.json'), 'utf8').then(
      (t) => (JSON.parse(t) as { version: string }).version,
    );
  const { execFileSync } = await import('node:child_process');
  const chromiumVersion = execFileSync(chromiumPath, ['--version'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim();
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return [
    `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench:search -- --write\` on ${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM;`,
    `Node ${process.version}, Pagefind ${await pkg('pagefind')}, Astro ${await pkg('astro')}, ${chromiumVersion} (headless), served from 127.0.0.1 with no network throttling.`,
    `Pages are generated (about 700 words, six sections, words drawn from the guide) and indexed by the build's own code.`,
    `Queries: ${queries.map((q) => `“${q}”`).join(', ')}; each typed at ${KEY_DELAY} ms per key in a fresh browser context.`,
    '',
    '| Pages | Index time | Index size | Index files | First query: bytes as served (brotli for JS/JSON) | Last keystroke → results, median | worst |',
    '| ---: | ---: | ---: | ---: | --- | ---: | ---: |',
    ...rows,
  ].join('\n');
}

const START = '<!-- search-bench:start -->';
const END = '<!-- search-bench:end -->';

/** Replaces the generated block in BENCHMARKS.md's Search section (creating either if missing). */
async function writeSection(report: string): Promise<void> {
  const file = join(projectRoot, 'BENCHMARKS.md');
  let text = await readFile(file, 'utf8').catch(() => '# Benchmarks\n');
  const block = `${START}\n${report}\n${END}`;
  if (text.includes(START) && text.includes(END)) {
    text = text.slice(0, text.indexOf(START)) + block + text.slice(text.indexOf(END) + END.length);
  } else {
    text = `${text.trimEnd()}\n\n## Search\n\n${block}\n`;
  }
  await writeFile(file, text);
  console.log(`Wrote the results to ${file}`);
}

await main();
