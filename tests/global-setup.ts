import { rm } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import { astroBuild, outputRoot } from './support/astro-build.ts';

/** The SITE_URL of the test builds (tests/build/reproducible.test.ts rebuilds with the same environment). */
const testSiteUrl = 'https://guide.example.com';

/** One build of the site that the tests read. */
export interface SiteBuild {
  /** How describe titles name it: "at the domain root", "under /docs/". */
  name: string;
  /** The BASE_PATH it was built with. */
  base: string;
  /** Its output folder. */
  dist: string;
  /** What `astro build` printed (the integrations report there, e.g. how many pages had links checked). */
  log: string;
}

/** The two builds every build and e2e test reads: at the domain root and under /docs/. */
const builds: [SiteBuild, SiteBuild] = [
  { name: 'at the domain root', base: '/', dist: `${outputRoot}root/`, log: '' },
  { name: 'under /docs/', base: '/docs/', dist: `${outputRoot}docs/`, log: '' },
];

declare module 'vitest' {
  export interface ProvidedContext {
    /** The builds of the site, the one at `/` first (read them through tests/helpers/builds.ts). */
    builds: [SiteBuild, SiteBuild];
    testSiteUrl: string;
  }
}

/** Builds the site once per test run (both base paths), so no test file builds it again. */
export default async function setup(project: TestProject): Promise<void> {
  await rm(outputRoot, { recursive: true, force: true });
  for (const build of builds) {
    const { base, dist } = build;
    const result = await astroBuild({
      outDir: dist,
      env: { BASE_PATH: base, SITE_URL: testSiteUrl },
    });
    if (result.code !== 0)
      throw new Error(`The site failed to build with BASE_PATH=${base}:\n${result.output}`);
    build.log = result.output;
  }
  project.provide('builds', builds);
  project.provide('testSiteUrl', testSiteUrl);
}
