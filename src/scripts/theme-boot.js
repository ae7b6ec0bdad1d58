// The one classic script, render-blocking in <head> and shipped as written (no build step): a
// module runs after first paint, an inline script breaks the CSP. Before page.ts runs it
// 1. applies the saved theme (theme-switcher.ts) to <html data-theme>, so the first paint is right;
// 2. keeps a search asked for too early (Ctrl/Cmd+K, `/`, a click on the header's Search link) as
//    <html data-search-requested>, which site-search.ts replays; a click still follows the link if
//    page.ts has not run by DOMContentLoaded. isSearchKey is search-shortcut.ts's rule, twice:
//    tests/unit/theme-boot.test.ts checks that they agree.
(function () {
  var root = document.documentElement;
  try {
    var theme = localStorage.getItem('gd-theme');
    if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
  } catch (e) {
    // No storage (privacy modes): the system setting applies.
  }

  function isSearchKey(e, typingInField) {
    if (e.altKey) return false;
    var key = e.key || '';
    if (key.toLowerCase() === 'k') return !e.shiftKey && e.ctrlKey !== e.metaKey;
    return key === '/' && !e.ctrlKey && !e.metaKey && !typingInField;
  }

  var waiting = true;
  var searchLink;
  function request(e) {
    e.preventDefault();
    root.setAttribute('data-search-requested', '');
  }

  document.addEventListener('keydown', function (e) {
    var t = e.target;
    var field = t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
    if (!e.defaultPrevented && !customElements.get('site-search') && isSearchKey(e, field))
      request(e);
  });
  document.addEventListener('click', function (e) {
    var link = e.target instanceof Element && e.target.closest('site-search a.trigger');
    if (!link || !waiting || customElements.get('site-search')) return;
    searchLink = link.href;
    request(e);
  });
  document.addEventListener('DOMContentLoaded', function () {
    waiting = false;
    if (searchLink && root.hasAttribute('data-search-requested')) location.href = searchLink;
  });
})();
