/**
 * Loaded into the benchmarked `astro build` with NODE_OPTIONS=--import: when the process exits, it
 * writes its own resource usage (peak RSS, CPU time) to BENCH_USAGE_FILE. Exact, and it works on any
 * OS, unlike sampling /proc from outside.
 */
import { writeFileSync } from 'node:fs';

const file = process.env['BENCH_USAGE_FILE'];
if (file) {
  process.on('exit', () => {
    const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
    writeFileSync(
      file,
      JSON.stringify({ maxRssKiB: maxRSS, cpuMs: (userCPUTime + systemCPUTime) / 1000 }),
    );
  });
}
