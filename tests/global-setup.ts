import { rm } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import { astroBuild, outputRoot } from './support/astro-build.ts';

/** The SITE_URL of the test builds (tests/build/reproducible.test.ts rebuilds with the same environment). */
export const testSiteUrl = 'https://guide.example.com';

/** The two builds every build and e2e test reads: at the domain root and under /docs/. */
export const builds = {
  root: { base: '/', outDir: `${outputRoot}root/` },
  docs: { base: '/docs/', outDir: `${outputRoot}docs/` },
} as const;

declare module 'vitest' {
  export interface ProvidedContext {
    /** Output folder of the build at `/`. */
    rootDist: string;
    /** Output folder of the build under `/docs/`. */
    docsDist: string;
  }
}

/** Builds the site once per test run (both base paths), so no test file builds it again. */
export default async function setup(project: TestProject): Promise<void> {
  await rm(outputRoot, { recursive: true, force: true });
  for (const { base, outDir } of Object.values(builds)) {
    const result = await astroBuild({ outDir, env: { BASE_PATH: base, SITE_URL: testSiteUrl } });
    if (result.code !== 0)
      throw new Error(`The site failed to build with BASE_PATH=${base}:\n${result.output}`);
  }
  project.provide('rootDist', builds.root.outDir);
  project.provide('docsDist', builds.docs.outDir);
}
