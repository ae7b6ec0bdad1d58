import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { builtHtmlFiles, readPage, readPagefindFragments } from '../helpers/dist.ts';
import { guidePages } from '../support/guide-pages.ts';
import { builds } from '../helpers/builds.ts';

describe.each(builds)('reader markup in the site built $name', ({ dist, base }) => {
  // No style="" attribute, inline <style> or inline <script>: the build's CSP audit
  // (src/lib/csp-audit.ts) fails on any, so this checks what it cannot: that code is coloured.
  it('colours code with token classes that the site’s CSS defines', () => {
    const css = readdirSync(join(dist, '_astro'))
      .filter((f) => f.endsWith('.css'))
      .map((f) => readFileSync(join(dist, '_astro', f), 'utf8'))
      .join('\n');
    const used = new Set<string>();
    for (const file of builtHtmlFiles(dist)) {
      // node-html-parser keeps <pre> content as raw text unless told otherwise.
      const root = parse(readFileSync(join(dist, file), 'utf8'), {
        blockTextElements: { script: true, style: true },
      });
      for (const pre of root.querySelectorAll('pre.astro-code')) {
        // Plain text (```text, for output that is not code) has nothing to colour.
        if (/^(text|txt|plaintext)$/.test(pre.getAttribute('data-language') ?? '')) continue;
        const tokens = pre.querySelectorAll('[class*="tok-"]');
        expect(tokens.length, `${file}: a highlighted block has no coloured token`).toBeGreaterThan(
          0,
        );
        for (const token of tokens)
          for (const c of token.classList.values()) if (c.startsWith('tok-')) used.add(c);
      }
      for (const c of used)
        expect(css, `${file}: no CSS for .${c}`).toMatch(new RegExp(`\\.${c}[{,:\\s]`));
    }
    expect(used).toContain('tok-keyword');
  });

  it('puts every table and code block in a focusable region with a name unique on its page', () => {
    for (const { path: slug } of guidePages) {
      const article = readPage(dist, slug).querySelector('article');
      const boxes = [
        ...(article?.querySelectorAll('table') ?? []).map((t) => t.parentNode),
        ...(article?.querySelectorAll('pre') ?? []),
      ];
      const labels = boxes.map((box) => {
        expect(box?.getAttribute('role'), slug).toBe('region');
        expect(box?.getAttribute('tabindex'), slug).toBe('0');
        return box?.getAttribute('aria-label') ?? '';
      });
      expect(
        labels.every((l) => /^(Table|[A-Za-z]+ example)(: .+)?$/.test(l)),
        `${slug}: ${labels.join(' | ')}`,
      ).toBe(true);
      expect(new Set(labels).size, `${slug}: duplicate region names ${labels.join(' | ')}`).toBe(
        labels.length,
      );
    }
  });

  it('gives every h2–h4 a permalink to its id, named after the heading, kept out of the search index', () => {
    for (const { path: slug } of guidePages) {
      for (const heading of readPage(dist, slug).querySelectorAll(
        'article h2, article h3, article h4',
      )) {
        const link = heading.nextElementSibling;
        expect(link?.getAttribute('href'), `${slug}: ${heading.text}`).toBe(`#${heading.id}`);
        expect(link?.querySelector('.sr-only')?.text, slug).toBe(
          `Permalink to “${heading.text.trim()}”`,
        );
        expect(link?.hasAttribute('data-pagefind-ignore'), slug).toBe(true);
      }
    }
    for (const fragment of readPagefindFragments(dist))
      expect(fragment.content, fragment.url).not.toContain('Permalink to');
  });

  it('applies a saved theme with a classic same-origin script that runs before any stylesheet', () => {
    for (const file of builtHtmlFiles(dist)) {
      const head = parse(readFileSync(join(dist, file), 'utf8')).querySelector('head');
      const first = head?.querySelector('script');
      expect(first?.getAttribute('src'), file).toMatch(
        new RegExp(`^${base}_astro/theme-boot\\.[\\w-]+\\.js$`),
      );
      for (const attr of ['type', 'defer', 'async'])
        expect(first?.hasAttribute(attr), `${file}: ${attr}`).toBe(false);
      const html = head?.innerHTML ?? '';
      const firstStyle = html.search(/<link rel="stylesheet"|<style/);
      expect(html.indexOf('theme-boot'), file).toBeLessThan(firstStyle < 0 ? Infinity : firstStyle);
      const boot = readFileSync(
        join(dist, (first?.getAttribute('src') ?? '').slice(base.length)),
        'utf8',
      );
      expect(boot).toContain("localStorage.getItem('gd-theme')");
    }
  });

  it('keeps the printable guide out of the search index, with unique ids and links that stay on the page', () => {
    const print = readPage(dist, 'print');
    expect(print.querySelector('[data-pagefind-body]')).toBeNull();
    expect(readPagefindFragments(dist).map((f) => f.url)).not.toContain('/print/');
    const ids = print.querySelectorAll('[id]').map((el) => el.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    const pageHrefs = new Set(guidePages.map((page) => `${base}${page.path}`));
    for (const link of print.querySelectorAll('main a[href]')) {
      const href = link.getAttribute('href') ?? '';
      if (href.startsWith('#'))
        expect(ids, `${href} has no target on /print/`).toContain(
          decodeURIComponent(href.slice(1)),
        );
      // A link to a guide page may remain only as the chapter's own "Online at" address.
      else if (pageHrefs.has(href.split('#')[0] ?? ''))
        expect(link.parentNode?.classList.contains('chapter-url'), href).toBe(true);
    }
  });

  it('makes callouts notes named by their type and title, never unnamed or landmarks', () => {
    let callouts = 0;
    for (const { path, file } of guidePages) {
      for (const callout of readPage(dist, path).querySelectorAll('article .callout')) {
        callouts += 1;
        expect(callout.getAttribute('role'), file).toBe('note');
        const title = callout.querySelector('.callout-title')?.text.trim() ?? '';
        expect(callout.getAttribute('aria-label'), file).toMatch(
          new RegExp(`^(Note|Tip|Warning)(: ${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})?$`),
        );
      }
    }
    expect(
      callouts,
      'the guide has callouts, so the check above checked something',
    ).toBeGreaterThan(0);
  });
});
