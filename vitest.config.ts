import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
        },
      },
      {
        test: {
          // Tiny sites under tests/fixtures/ built one by one: no global build to wait for
          // (npx vitest run --project fixtures).
          name: 'fixtures',
          include: ['tests/fixtures/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Astro builds are CPU-bound and CI has two cores: one file at a time.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'site',
          include: [
            'tests/build/**/*.test.ts',
            'tests/content/**/*.test.ts',
            'tests/e2e/**/*.test.ts',
          ],
          // Builds the site once per run, at / and under /docs/, for every test in this project.
          globalSetup: ['tests/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          // Astro builds and Chromium are CPU-bound and CI has two cores: one file at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
