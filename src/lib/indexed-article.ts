/**
 * The one reader of where DocsLayout puts a page's content in the built HTML, for the build steps
 * that take it from there (the search index and the print pages). Pure string work, no parse.
 */

/**
 * Where the indexed article sits in a built page (DocsLayout's `<article data-pagefind-body>`, the
 * part search indexes and print reprints): from its `<article` to the end of its `</article>`, the
 * last one before `</main>`. `undefined` for a page without one (search, history, 404, print).
 */
export function indexedArticleRange(html: string): { start: number; end: number } | undefined {
  const marked = html.indexOf(' data-pagefind-body');
  if (marked < 0) return undefined;
  const start = html.lastIndexOf('<article', marked);
  const end = html.lastIndexOf('</article>', html.indexOf('</main>', marked));
  if (start < 0 || end < marked || html.slice(start, marked).includes('>')) return undefined;
  return { start, end: end + '</article>'.length };
}
