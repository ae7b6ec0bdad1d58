/**
 * Runs the browser tests on a busy machine: one CPU burner per core, started before the runs and
 * stopped after them, then the e2e suite (both builds, Chromium, wrangler) several times in a row.
 * A test that waits on a clock instead of a condition fails here first. Not part of CI or
 * `npm test`: it takes every core for as long as it runs.
 *
 *   node bench/busy-browser-tests.ts [--runs 3] [--burners 2] [-- <extra vitest arguments>]
 *
 * Prints one line per run (result, test counts, time, load average) and exits non-zero if any run
 * failed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';

const root = new URL('..', import.meta.url).pathname;

/** Starts a process that keeps one core at 100% until it is stopped. */
function startBurner(): ChildProcess {
  return spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
}

interface RunResult {
  code: number;
  passed: number;
  failed: number;
  seconds: number;
  load: string;
  failures: string[];
  /** The run's whole output, kept for a failed run. */
  output: string;
}

/** One `vitest run` of the e2e tests (with the site builds its global setup makes). */
function runBrowserTests(extra: readonly string[], outputDir: string): Promise<RunResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        join(root, 'node_modules/vitest/vitest.mjs'),
        'run',
        '--project',
        'site',
        'tests/e2e',
        ...extra,
      ],
      {
        cwd: root,
        env: { ...process.env, TEST_OUTPUT_DIR: outputDir, NO_COLOR: '1', FORCE_COLOR: '0' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const tests = /Tests\s+(?:(\d+) failed\s*\|\s*)?(\d+) passed/.exec(output);
      resolve({
        code: code ?? 1,
        failed: Number(tests?.[1] ?? 0),
        passed: Number(tests?.[2] ?? 0),
        seconds: (performance.now() - started) / 1000,
        load: loadavg()
          .map((l) => l.toFixed(2))
          .join(' '),
        failures: output.split('\n').filter((line) => /^\s*(×|FAIL)\s/.test(line)),
        output,
      });
    });
  });
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: {
      runs: { type: 'string', default: '3' },
      burners: { type: 'string', default: String(availableParallelism()) },
    },
    allowPositionals: true,
  });
  const runs = Number(values.runs);
  const burnerCount = Number(values.burners);
  if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(burnerCount) || burnerCount < 0) {
    console.error('--runs and --burners take whole numbers (runs at least 1).');
    process.exit(2);
  }
  const burners = Array.from({ length: burnerCount }, startBurner);
  const stopBurners = () => {
    for (const burner of burners) if (burner.exitCode === null) burner.kill('SIGKILL');
  };
  process.on('exit', stopBurners);
  process.on('SIGINT', () => process.exit(130));
  const outputDir = mkdtempSync(join(tmpdir(), 'busy-browser-tests-'));
  console.log(
    `${burnerCount} CPU burner(s) on ${availableParallelism()} core(s); ${runs} run(s) of the browser tests`,
  );
  const results: RunResult[] = [];
  try {
    for (let i = 1; i <= runs; i++) {
      const result = await runBrowserTests(positionals, outputDir);
      results.push(result);
      console.log(
        `run ${i}: ${result.code === 0 ? 'pass' : 'FAIL'}, ${result.passed} passed, ` +
          `${result.failed} failed, ${result.seconds.toFixed(0)} s, load average ${result.load}`,
      );
      for (const line of result.failures) console.log(`  ${line.trim()}`);
      if (result.code !== 0) {
        const log = join(root, 'bench/.work', `busy-run-${i}.log`);
        mkdirSync(dirname(log), { recursive: true });
        writeFileSync(log, result.output);
        console.log(`  full output: ${log}`);
      }
    }
  } finally {
    stopBurners();
    rmSync(outputDir, { recursive: true, force: true });
  }
  const failedRuns = results.filter((r) => r.code !== 0).length;
  console.log(
    failedRuns === 0 ? `all ${runs} runs passed` : `${failedRuns} of ${runs} runs failed`,
  );
  process.exit(failedRuns === 0 ? 0 : 1);
}

await main();
