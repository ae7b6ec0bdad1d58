import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { guidePages } from '../support/guide-pages.ts';
import { childrenNamed, parseXml, type XmlElement } from '../support/xml.ts';
import { builds, testSiteUrl } from '../helpers/builds.ts';
import { builtHtmlFiles, readPage } from '../helpers/dist.ts';

const atom = 'http://www.w3.org/2005/Atom';
/** RFC 3339 date-time, as Atom requires for <updated>. */
const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
/** Every change of every page, as the sources declare them. */
const changeCount = guidePages.reduce((sum, page) => sum + page.changes.length, 0);

const one = (parent: XmlElement, name: string): XmlElement => {
  const found = childrenNamed(parent, name);
  expect(found, `<${parent.name}> has exactly one <${name}>`).toHaveLength(1);
  const [element] = found;
  if (!element) throw new Error(`no <${name}> in <${parent.name}>`);
  return element;
};

describe.each(builds)('the document history built $name', ({ dist, base }) => {
  const feedUrl = `${testSiteUrl}${base}history/feed.xml`;
  /** The built file an absolute URL of this site leads to, or undefined when it leads elsewhere. */
  const builtFileOf = (url: string): string | undefined => {
    const prefix = `${testSiteUrl}${base}`;
    if (!url.startsWith(prefix)) return undefined;
    const path = new URL(url).pathname.slice(base.length);
    return join(dist, path.endsWith('/') || path === '' ? `${path}index.html` : path);
  };

  it('is an Atom feed: the required elements, a self link, one entry per change with a unique id', () => {
    const feed = parseXml(readFileSync(join(dist, 'history', 'feed.xml'), 'utf8'));
    expect([feed.uri, feed.name]).toEqual([atom, 'feed']);
    for (const name of ['id', 'title', 'updated']) expect(one(feed, name).text.trim()).not.toBe('');
    expect(one(feed, 'updated').text).toMatch(rfc3339);
    expect(one(one(feed, 'author'), 'name').text.trim()).not.toBe('');
    const links = childrenNamed(feed, 'link');
    expect(links.find((l) => l.attributes['rel'] === 'self')?.attributes['href']).toBe(feedUrl);

    const entries = childrenNamed(feed, 'entry');
    expect(entries).toHaveLength(changeCount);
    const ids = entries.map((entry) => one(entry, 'id').text);
    expect(new Set(ids).size, 'entry ids are unique').toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^tag:[a-z0-9.-]+,\d{4}-\d{2}-\d{2}:\S+$/);
    const updated = entries.map((entry) => one(entry, 'updated').text);
    for (const stamp of updated) expect(stamp).toMatch(rfc3339);
    expect(updated, 'newest first').toEqual([...updated].sort().reverse());
    expect(one(feed, 'updated').text, 'the feed is as new as its newest entry').toBe(updated[0]);
    for (const entry of entries) {
      expect(one(entry, 'title').text.trim()).not.toBe('');
      expect(one(entry, 'summary').text.trim()).not.toBe('');
      const alternate = childrenNamed(entry, 'link').filter(
        (l) => l.attributes['rel'] === 'alternate',
      );
      expect(alternate).toHaveLength(1);
    }
  });

  it('links each entry to the built page that changed, by absolute URL under SITE_URL and the base', () => {
    const feed = parseXml(readFileSync(join(dist, 'history', 'feed.xml'), 'utf8'));
    const hrefs = childrenNamed(feed, 'entry').flatMap((entry) =>
      childrenNamed(entry, 'link').map((link) => link.attributes['href'] ?? ''),
    );
    const expected = guidePages.flatMap((page) =>
      page.changes.map(() => `${testSiteUrl}${base}${page.path}`),
    );
    expect([...hrefs].sort()).toEqual([...expected].sort());
    for (const href of [...hrefs, feedUrl]) {
      const file = builtFileOf(href);
      expect(file && existsSync(file), `${href} leads to a built file`).toBe(true);
    }
  });

  it('is linked from the <head> of every built page', () => {
    const htmlFiles = builtHtmlFiles(dist);
    expect(htmlFiles.length).toBeGreaterThan(guidePages.length);
    for (const file of htmlFiles) {
      const head = parse(readFileSync(join(dist, file), 'utf8')).querySelector('head');
      const link = head?.querySelector('link[rel="alternate"][type="application/atom+xml"]');
      expect(link?.getAttribute('href'), file).toBe(`${base}history/feed.xml`);
    }
  });

  it('lists every change on the history page, newest first, each row linking to its page', () => {
    const rows = readPage(dist, 'history/').querySelectorAll('main table tbody tr');
    expect(rows).toHaveLength(changeCount);
    const dates = rows.map((row) => row.querySelector('time')?.getAttribute('datetime') ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
    const pageHrefs = new Set(guidePages.map((page) => `${base}${page.path}`));
    for (const row of rows) {
      expect(pageHrefs, row.text).toContain(row.querySelector('a')?.getAttribute('href'));
      expect(row.querySelectorAll('td').map((td) => td.text.trim() !== '')).toEqual([
        true,
        true,
        true,
        true,
      ]);
    }
  });

  it('shows each page’s latest change next to its review date, linked to its row in the history, and in its Markdown twin', () => {
    const history = readPage(dist, 'history/');
    for (const page of guidePages) {
      const [latest] = page.changes;
      if (!latest) throw new Error(`${page.file} has no change`);
      const day = latest.date.toISOString().slice(0, 10);
      const note = readPage(dist, page.path).querySelector('.page-meta .latest-change');
      expect(note?.querySelector('time')?.getAttribute('datetime'), page.file).toBe(day);
      expect(note?.text, page.file).toContain(latest.summary);
      expect(note?.text, page.file).toContain(latest.kind);
      const target = note?.querySelector('a')?.getAttribute('href') ?? '';
      expect(target.startsWith(`${base}history/#`), page.file).toBe(true);
      const row = history.getElementById(decodeURIComponent(target.split('#')[1] ?? ''));
      expect(row?.text, `${page.file}: the linked row is the page's latest change`).toContain(
        latest.summary,
      );
      const twin = readFileSync(join(dist, page.path, 'index.md'), 'utf8');
      expect(twin, page.file).toContain(
        `Latest change (${day}, ${latest.kind}): ${latest.summary}`,
      );
    }
  });

  it('is offered in llms.txt and the sitemap, and as plain Markdown', () => {
    const llms = readFileSync(join(dist, 'llms.txt'), 'utf8');
    expect(llms).toContain(`](${testSiteUrl}${base}history/index.md)`);
    expect(llms).toContain(`](${feedUrl})`);
    expect(readFileSync(join(dist, 'sitemap-0.xml'), 'utf8')).toContain(
      `<loc>${testSiteUrl}${base}history/</loc>`,
    );
    const twin = readFileSync(join(dist, 'history', 'index.md'), 'utf8');
    expect(twin.split('\n')[0]).toBe('# Document history');
    expect(twin.split('\n').filter((line) => /^\| \d{4}-\d{2}-\d{2} \|/.test(line))).toHaveLength(
      changeCount,
    );
  });
});
