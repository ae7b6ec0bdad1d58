/**
 * The post-build pass over every page (integrations/post-build.ts) on more than one core: each
 * page is read, parsed once (lib/built-site.ts), examined and written back with its policy
 * `<meta>` by whichever thread takes it next, the main thread or a worker
 * (page-pass-worker.ts); what each page yields comes back to the main thread in file order, so
 * the checks, the search index and every message are the same as from one thread. Pagefind
 * indexes in its own process meanwhile.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { htmlFiles, parsePage, readText, urlPathOf, type BuiltSite } from '../lib/built-site.ts';
import { linksOf, type PageLinks } from '../lib/link-check.ts';
import { isPrintShell, printableContentOf } from '../lib/print.ts';
import { searchRecordOf, type SearchRecord } from './pagefind/build-index.ts';
import { auditPage, writeWithPolicy } from './security-headers.ts';

/** What the pass keeps of one page. */
export interface PageFindings {
  file: string;
  links: PageLinks;
  /** The page's markup the policy would block, one line each (integrations/security-headers.ts). */
  blocked: string[];
  /** The page's content as a print chapter holds it, as UTF-8 (lib/print.ts). */
  printable?: Uint8Array | undefined;
  /** What Pagefind indexes of the page, if it is marked for search. */
  search?: SearchRecord | undefined;
}

/** A page the pass read but did not examine: a print page's shell, finished after the others. */
export interface HeldPage {
  file: string;
  shell: string;
}

/** The site as a worker needs it: plain data, sent by message. */
export type PassSite = Pick<BuiltSite, 'outDir' | 'base'>;

/** Examines one page's markup and writes it back with the policy. */
export async function examinePage(
  site: PassSite,
  file: string,
  html: string,
): Promise<PageFindings> {
  const page = parsePage(file, urlPathOf(file, site.base), html);
  const content = printableContentOf(html);
  const findings: PageFindings = {
    file,
    links: linksOf(page),
    blocked: auditPage(page),
    printable: content === undefined ? undefined : Buffer.from(content),
    search: searchRecordOf(page),
  };
  await writeWithPolicy(site, page);
  return findings;
}

/** Reads one page: a print shell is held, any other page examined. */
export async function examineFile(site: PassSite, file: string): Promise<PageFindings | HeldPage> {
  const html = await readText(site, file);
  return isPrintShell(html) ? { file, shell: html } : examinePage(site, file, html);
}

/**
 * Below this many pages a worker costs more than it saves: starting one and loading parse5 into
 * it takes about as long as the main thread needs for the whole pass, and its heap adds to the
 * build's peak memory (BENCHMARKS.md).
 */
export const PAGES_PER_WORKER = 250;

/**
 * How many worker threads to use beside the main thread: one per spare core and per
 * `PAGES_PER_WORKER` pages, at most two.
 */
export function passWorkerCount(pages: number, cores = availableParallelism()): number {
  return Math.max(0, Math.min(2, cores - 1, Math.floor(pages / PAGES_PER_WORKER)));
}

/** Messages from page-pass-worker.ts. */
export type WorkerMessage =
  | { kind: 'page'; index: number; result: PageFindings | HeldPage }
  | { kind: 'done' }
  | { kind: 'failed'; message: string; stack?: string | undefined };

/** What the caller of `examineSite` does with each page, on the main thread. */
export interface PassVisitor {
  /** Each examined page, in file order. */
  found(page: PageFindings): void;
  /** Each print shell, in file order, as the pass reaches it. */
  held(shell: HeldPage): void;
  /**
   * Work for the main thread between two of its pages (the print pages whose chapters are all
   * in): meanwhile the workers take more pages from the counter.
   */
  between?(): Promise<void>;
}

/**
 * Runs the pass over every HTML page except Pagefind's, handing each page over in file order.
 * Threads take the next page from a shared counter, so a slow page holds up no one.
 */
export async function examineSite(
  site: BuiltSite,
  visitor: PassVisitor,
  workers?: number,
): Promise<void> {
  const files = htmlFiles(site);
  workers ??= passWorkerCount(files.length);
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const ready = new Map<number, PageFindings | HeldPage>();
  let next = 0;
  const deliver = (index: number, result: PageFindings | HeldPage) => {
    ready.set(index, result);
    for (let item = ready.get(next); item !== undefined; item = ready.get(next)) {
      ready.delete(next++);
      if ('shell' in item) visitor.held(item);
      else visitor.found(item);
    }
  };
  const passSite: PassSite = { outDir: site.outDir, base: site.base };
  const threads = Array.from({ length: Math.min(workers, files.length) }, () =>
    runWorker(passSite, files, counter, deliver),
  );
  const main = (async () => {
    for (let i = Atomics.add(counter, 0, 1); i < files.length; i = Atomics.add(counter, 0, 1)) {
      deliver(i, await examineFile(passSite, files[i] as string));
      await visitor.between?.();
    }
  })();
  const settled = await Promise.allSettled([main, ...threads.map((t) => t.done)]);
  const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failure) {
    await Promise.all(threads.map((t) => t.stop()));
    throw failure.reason;
  }
}

function runWorker(
  site: PassSite,
  files: readonly string[],
  counter: Int32Array,
  deliver: (index: number, result: PageFindings | HeldPage) => void,
): { done: Promise<void>; stop: () => Promise<number> } {
  const worker = new Worker(new URL('./page-pass-worker.ts', import.meta.url), {
    workerData: { site, files, counter },
  });
  const done = new Promise<void>((resolve, reject) => {
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'page') deliver(message.index, message.result);
      else if (message.kind === 'done') resolve();
      else reject(Object.assign(new Error(message.message), { stack: message.stack }));
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (code !== 0) reject(new Error(`The post-build pass's worker stopped (exit ${code}).`));
      resolve();
    });
  });
  return { done: done.finally(() => worker.terminate()), stop: () => worker.terminate() };
}
