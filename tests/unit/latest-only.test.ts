import { describe, expect, it } from 'vitest';
import { latestOnly } from '../../src/lib/browser/latest-only.ts';

describe('latestOnly', () => {
  it('runs the first value at once and, of the values given while it runs, only the last', async () => {
    const ran: string[] = [];
    let release: () => void = () => undefined;
    const staleSeen: boolean[] = [];
    const run = latestOnly(async (value: string, isStale) => {
      ran.push(value);
      if (value === 'r') await new Promise<void>((resolve) => (release = resolve));
      staleSeen.push(isStale());
    });
    const first = run('r');
    void run('re');
    void run('ret');
    const last = run('retention');
    release();
    await Promise.all([first, last]);
    expect(ran).toEqual(['r', 'retention']);
    // 'r' learned it was stale once newer input waited; 'retention' did not.
    expect(staleSeen).toEqual([true, false]);
    await run('x');
    expect(ran).toEqual(['r', 'retention', 'x']);
  });
});
