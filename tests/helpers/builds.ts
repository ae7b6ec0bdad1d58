import { inject } from 'vitest';

/**
 * The two builds of the site that tests/global-setup.ts makes once per run, at the domain root and
 * under /docs/: `describe.each(builds)('… built $name', ({ dist, base }) => …)`.
 */
export const builds = inject('builds');

/** The build at the domain root, for tests whose subject does not depend on the base. */
export const rootBuild = builds[0];

/** The SITE_URL both builds were made with. */
export const testSiteUrl = inject('testSiteUrl');
