import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childEnvironment, projectRoot } from '../support/astro-build.ts';
import { skipBrowserTests } from '../helpers/browser.ts';
import { launchChromium, type LaunchedBrowser } from '../support/chromium.ts';
import { rootBuild } from '../helpers/builds.ts';
import { indexedPagesContaining } from './search-harness.ts';

/** A free local port for the dev server. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/**
 * `npm run dev` serves the last build's search index from the output folder, and says so plainly
 * (terminal, 404 body, the dialog) when there is none. The dev server's output folder is pointed at
 * a temporary folder, first empty, then holding a copy of a test build's index.
 */
describe.skipIf(skipBrowserTests)('search in the dev server', () => {
  const rootDist = rootBuild.dist;
  let outDir: string;
  let dev: ChildProcess | undefined;
  let log = '';
  let origin: string;
  let chromium: LaunchedBrowser;

  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'search-dev-'));
    const port = await freePort();
    origin = `http://localhost:${port}`;
    const child = spawn(
      process.execPath,
      [
        `${projectRoot}node_modules/astro/bin/astro.mjs`,
        'dev',
        '--port',
        String(port),
        '--outDir',
        outDir,
      ],
      {
        cwd: projectRoot,
        env: childEnvironment({ BASE_PATH: '/', NODE_ENV: 'development' }),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    dev = child;
    // Ready when it prints its address; an exit before that fails with its log.
    await new Promise<void>((resolve, reject) => {
      const onOutput = (chunk: Buffer) => {
        log += chunk.toString();
        if (log.includes(`localhost:${port}`)) resolve();
      };
      child.stdout?.on('data', onOutput);
      child.stderr?.on('data', onOutput);
      child.once('exit', (code) => reject(new Error(`astro dev exited (${code}):\n${log}`)));
    });
    chromium = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await chromium?.close();
    dev?.kill('SIGTERM');
    await rm(outDir, { recursive: true, force: true });
  });

  /** A word the guide uses; how many pages use it, the test build's index says. */
  const word = 'Artifact';

  async function searchTheWord(): Promise<string> {
    const page = await chromium.browser.newPage();
    try {
      await page.goto(origin);
      await page.waitForFunction(() => customElements.get('site-search') !== undefined, null, {
        timeout: 60_000,
      });
      await page.keyboard.press('ControlOrMeta+k');
      await page.locator('#search-dialog-input').fill(word);
      const status = page.locator('dialog [role="status"]');
      await expect.poll(() => status.textContent(), { timeout: 60_000 }).not.toBe('');
      return (await status.textContent()) ?? '';
    } finally {
      await page.close();
    }
  }

  it('with no build yet, says how to make an index: in the terminal, in the 404 and in the dialog', async () => {
    expect(log).toMatch(/No search index at .*\. Run "npm run build" once/);
    const response = await fetch(`${origin}/pagefind/pagefind.js?v=1`);
    expect(response.status).toBe(404);
    expect(await response.text()).toMatch(/Run "npm run build" once/);
    expect(await searchTheWord()).toMatch(/Search has no index yet\. Run “npm run build” once/);
  });

  it('serves the last build’s index, so search works in dev', async () => {
    await cp(join(rootDist, 'pagefind'), join(outDir, 'pagefind'), { recursive: true });
    const response = await fetch(`${origin}/pagefind/pagefind.js?v=1`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    const count = indexedPagesContaining(rootDist, '/', word).length;
    expect(count).toBeGreaterThan(0);
    const matches = count === 1 ? '1 page matches' : `${count} pages match`;
    expect(await searchTheWord()).toBe(`${matches} “${word}”.`);
  });
});
