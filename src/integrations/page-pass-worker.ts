/**
 * A worker thread of the post-build pass (page-pass.ts): takes the next page from the shared
 * counter until none is left, and sends back what each yields.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { examineFile, type PassSite, type WorkerMessage } from './page-pass.ts';

const { site, files, counter } = workerData as {
  site: PassSite;
  files: readonly string[];
  counter: Int32Array;
};
const send = (message: WorkerMessage) => parentPort?.postMessage(message);

try {
  for (let i = Atomics.add(counter, 0, 1); i < files.length; i = Atomics.add(counter, 0, 1))
    send({ kind: 'page', index: i, result: await examineFile(site, files[i] as string) });
  send({ kind: 'done' });
} catch (error) {
  const failure = error instanceof Error ? error : new Error(String(error));
  send({ kind: 'failed', message: failure.message, stack: failure.stack });
}
