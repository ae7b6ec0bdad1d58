import { describe, expect, it } from 'vitest';
import { indexedArticleRange } from '../../src/lib/indexed-article.ts';

const page = (main: string) => `<html><body><header>Nav</header><main>${main}</main></body></html>`;
const slice = (html: string) => {
  const range = indexedArticleRange(html);
  return range && html.slice(range.start, range.end);
};

describe('indexedArticleRange', () => {
  it('finds the article marked for search, up to its own closing tag before </main>', () => {
    const article =
      '<article class="prose" data-pagefind-body><h1>T</h1><article>n</article></article>';
    expect(slice(page(`${article}<aside>x</aside>`))).toBe(article);
  });

  it('finds nothing on a page without one, or when the mark is not on an <article>', () => {
    expect(indexedArticleRange(page('<h1>Search</h1>'))).toBeUndefined();
    expect(
      indexedArticleRange(page('<article><div data-pagefind-body>x</div></article>')),
    ).toBeUndefined();
  });
});
