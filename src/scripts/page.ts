/**
 * The one module every page loads (BaseLayout; tests/build/budget.test.ts keeps it within 2 KiB
 * brotli). It wires what must answer at once: the header search (button and shortcuts), the theme
 * switch and the Copy buttons. Everything else loads with import() when the reader first needs
 * it: the search dialog and Pagefind on the first search, the copy feedback on the first copy,
 * the On-this-page highlight on the first scroll, the landing highlight when the address carries
 * `?highlight=`, and the search page's code on /search/.
 */
import './code-block.ts';
import './site-search.ts';
import './theme-switcher.ts';

const params = new URLSearchParams(location.search);
// The parameter's name comes from the page (Search.astro), so this module holds no search settings.
const highlightParam = document.querySelector<HTMLElement>('site-search')?.dataset['highlight'];

if (highlightParam && params.has(highlightParam))
  void import('./search-highlight.ts').then(({ highlightPage }) => highlightPage(location.search));

// "On this page" needs no highlight until the reader scrolls (a page opened part-way down counts).
if (document.querySelector('toc-spy')) {
  const loadTocSpy = () => void import('./toc-spy.ts');
  if (scrollY > 0) loadTocSpy();
  else addEventListener('scroll', loadTocSpy, { once: true, passive: true });
}

// /search/?q=… searches as it opens; an empty search page waits until the reader is in its form.
const searchPage = document.querySelector('search-page');
if (searchPage) {
  const loadSearchPage = () => void import('./search-page.ts');
  if (params.get('q')) loadSearchPage();
  else searchPage.addEventListener('focusin', loadSearchPage, { once: true });
}
