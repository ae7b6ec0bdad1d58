import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipBrowserTests } from '../helpers/browser.ts';
import { launchChromium, type LaunchedBrowser } from '../support/chromium.ts';
import type { StaticServer } from '../support/static-server.ts';
import {
  indexedPagesDefining,
  searchBuilds,
  searchInDialog,
  serveBuild,
  waitForPageResults,
  watchedPage,
  type WatchedPage,
} from './search-harness.ts';

/**
 * Queries readers type, and where the first result must take them: `section` is the heading the
 * first section result must link to; `inSection` asks only that it be a section containing the
 * query (a name used in several places). Runs against the real index in the real dialog, so a
 * change to content, weights, ranking options or section ranking that buries the answer fails here.
 */
const mustFind: ReadonlyArray<{
  query: string;
  /** The page (or, for a name several pages explain, any of the pages) that must come first. */
  page: string | readonly string[];
  section?: string;
  inSection?: true;
}> = [
  {
    query: 'service-linked role',
    page: 'service-linked-roles/',
    section: 'what-makes-a-role-service-linked',
  },
  { query: 'TLS 1.3', page: 'infrastructure-security/', section: 'how-clients-must-connect' },
  // Alerting on it, denying it and granting it are each an answer; the section must use it.
  {
    query: 'DeleteDetector',
    page: [
      'cloudtrail-logging/',
      'managing-access/',
      'multi-account-hardening/service-control-policies/',
    ],
    inSection: true,
  },
  {
    query: 'retention',
    page: 'data-protection/',
    section: 'export-findings-for-longer-retention',
  },
  { query: 'FedRAMP', page: 'compliance-validation/', section: 'what-aws-has-had-audited' },
  { query: 'AWSServiceRoleForAmazonGuardDuty', page: 'service-linked-roles/', inSection: true },
  {
    query: 'who can disable GuardDuty',
    page: 'managing-access/',
    section: 'who-can-disable-guardduty',
  },
  // An identifier puts the page that defines it first, not the overview that mentions it.
  {
    query: 'AmazonGuardDutyFullAccess_v2',
    page: 'managing-access/managed-policies/',
    inSection: true,
  },
  // A page's own topic puts that page first, not the overview.
  { query: 'service-linked roles', page: 'service-linked-roles/' },
  { query: 'CloudTrail', page: 'cloudtrail-logging/' },
  { query: 'compliance', page: 'compliance-validation/' },
  { query: 'resilience', page: 'resilience/' },
];

/**
 * Parts of role and policy names: a reader who types one must find every page about a name that
 * contains it (which pages, the build's index says). Checked on the search page (20 pages).
 */
const nameParts = ['MalwareProtection', 'ServiceRolePolicy', 'AmazonGuardDuty'] as const;
const searchPageLimit = 20;

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
      const allowed = (typeof expected.page === 'string' ? [expected.page] : expected.page).map(
        (p) => `${base}${p}`,
      );
      expect(allowed).toContain(pages[0]);
      const firstPage = (pages[0] ?? '').slice(base.length);
      if (expected.section) expect(firstSection).toBe(`${pages[0]}#${expected.section}`);
      if (expected.inSection) {
        const section = firstSection?.split('#')[1];
        expect(section, 'the first result has a section').toBeDefined();
        expect(sectionText(dist, firstPage, section ?? '').toLowerCase()).toContain(
          expected.query.toLowerCase(),
        );
      }
    });

    // The dialog lists 5 pages and the search page 20: the first must be the same page in both.
    it.each(mustFind.map((m) => m.query))(
      '“%s” puts the same page first on the search page as in the dialog',
      async (query) => {
        await page.goto(server.url);
        await page.keyboard.press('ControlOrMeta+k');
        const inDialog = (await results(query)).pages[0];
        await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`);
        await waitForPageResults(page, query);
        const onSearchPage = await page.$eval('search-page .results > li > a', (a) =>
          (a.getAttribute('href') ?? '').replace(/[?#].*$/, ''),
        );
        expect(inDialog).toBeDefined();
        expect(onSearchPage).toBe(inDialog);
        await page.goto(server.url);
        await page.keyboard.press('ControlOrMeta+k');
      },
    );

    it.each(nameParts)(
      'part of a name, “%s”, finds every page about a name with it',
      async (part) => {
        const expected = indexedPagesDefining(dist, base, part);
        expect(expected.length).toBeGreaterThan(0);
        expect(expected.length, 'all fit on the search page').toBeLessThanOrEqual(searchPageLimit);
        await page.goto(`${server.url}search/?q=${encodeURIComponent(part)}`);
        await waitForPageResults(page, part);
        const found = await page.$$eval('search-page .results > li > a', (links) =>
          links.map((a) => (a.getAttribute('href') ?? '').replace(/[?#].*$/, '')),
        );
        expect(found.sort()).toEqual(expect.arrayContaining(expected));
        // Back to a page with the dialog, for the next query.
        await page.goto(server.url);
        await page.keyboard.press('ControlOrMeta+k');
      },
    );
  },
);
