import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipBrowserTests } from '../helpers/browser.ts';
import { launchChromium, type LaunchedBrowser } from '../support/chromium.ts';
import type { StaticServer } from '../support/static-server.ts';
import {
  searchBuilds,
  searchInDialog,
  serveBuild,
  watchedPage,
  type WatchedPage,
} from './search-harness.ts';

/**
 * Queries readers type, and where the first result must take them: `section` is the heading the
 * first section result must link to; `inSection` asks only that it be a section containing the
 * query (a name used in several places). Runs against the real index in the real dialog, so a
 * change to content, weights, ranking options or section ranking that buries the answer fails here.
 */
const mustFind: ReadonlyArray<{ query: string; page: string; section?: string; inSection?: true }> =
  [
    {
      query: 'service-linked role',
      page: 'service-linked-roles/',
      section: 'what-makes-a-role-service-linked',
    },
    { query: 'TLS 1.3', page: 'infrastructure-security/', section: 'how-clients-must-connect' },
    { query: 'DeleteDetector', page: 'cloudtrail-logging/', inSection: true },
    {
      query: 'retention',
      page: 'data-protection/',
      section: 'export-findings-for-longer-retention',
    },
    { query: 'FedRAMP', page: 'compliance-validation/', section: 'programs-that-cover-guardduty' },
    { query: 'AWSServiceRoleForAmazonGuardDuty', page: 'service-linked-roles/', inSection: true },
    {
      query: 'who can disable GuardDuty',
      page: 'managing-access/',
      section: 'who-can-disable-guardduty',
    },
    // An identifier puts the page that defines it first, not the overview that mentions it.
    {
      query: 'AmazonGuardDutyFullAccess_v2',
      page: 'managing-access/',
      section: 'aws-managed-policies',
    },
    // A page's own topic puts that page first, not the overview.
    { query: 'service-linked roles', page: 'service-linked-roles/' },
    { query: 'CloudTrail', page: 'cloudtrail-logging/' },
    { query: 'compliance', page: 'compliance-validation/' },
    { query: 'resilience', page: 'resilience/' },
  ];

/** Parts of role and policy names, which must still find every page that uses the name. */
const nameParts = [
  { query: 'MalwareProtection', pages: ['service-linked-roles/', 'managing-access/'] },
  { query: 'ServiceRolePolicy', pages: ['service-linked-roles/', 'managing-access/'] },
  { query: 'AmazonGuardDuty', pages: ['service-linked-roles/', 'managing-access/'] },
] as const;

/** Text of a built page from the element with `id` up to the next heading. */
function sectionText(dist: string, page: string, id: string): string {
  const html = readFileSync(join(dist, page, 'index.html'), 'utf8');
  const start = html.indexOf(`id="${id}"`);
  if (start < 0) return '';
  const next = html.slice(start + 1).search(/<h[1-6][\s>]/);
  const section = next < 0 ? html.slice(start) : html.slice(start, start + 1 + next);
  return section.replace(/<[^>]+>/g, ' ').replace(/&[a-z]+;/g, ' ');
}

describe.skipIf(skipBrowserTests).each(searchBuilds)(
  'search ranking, built $name',
  ({ dist, base }) => {
    let chromium: LaunchedBrowser;
    let server: StaticServer;
    let watched: WatchedPage;
    let page: Page;

    beforeAll(async () => {
      chromium = await launchChromium();
      server = await serveBuild(dist, base);
      watched = await watchedPage(chromium.browser, server);
      page = watched.page;
      await page.goto(server.url);
      await page.keyboard.press('ControlOrMeta+k');
    });

    afterAll(async () => {
      expect(watched?.problems ?? []).toEqual([]);
      await chromium?.close();
      await server?.close();
    });

    async function results(
      query: string,
    ): Promise<{ pages: string[]; firstSection: string | undefined }> {
      await searchInDialog(page, query);
      const strip = (href: string) => href.replace(/\?[^#]*/, '');
      const pages = (
        await page.$$eval('dialog .hit-page [role="option"]', (os) =>
          os.map((o) => o.getAttribute('href') ?? ''),
        )
      ).map(strip);
      const firstSection = await page.$$eval('dialog [role="option"]', (os) => {
        const hrefs = os.map((o) => ({
          href: o.getAttribute('href') ?? '',
          section: o.closest('.hit-section') !== null,
        }));
        const second = hrefs[1];
        return second?.section ? second.href : undefined;
      });
      return { pages, firstSection: firstSection && strip(firstSection) };
    }

    it.each(mustFind)('“$query” puts $page first', async (expected) => {
      const { pages, firstSection } = await results(expected.query);
      expect(pages[0]).toBe(`${base}${expected.page}`);
      if (expected.section)
        expect(firstSection).toBe(`${base}${expected.page}#${expected.section}`);
      if (expected.inSection) {
        const section = firstSection?.split('#')[1];
        expect(section, 'the first result has a section').toBeDefined();
        expect(sectionText(dist, expected.page, section ?? '').toLowerCase()).toContain(
          expected.query.toLowerCase(),
        );
      }
    });

    it.each(nameParts)(
      'part of a name, “$query”, finds every page that uses it',
      async ({ query, pages: expected }) => {
        const { pages } = await results(query);
        for (const p of expected) expect(pages).toContain(`${base}${p}`);
      },
    );
  },
);
