// Applies the reader's saved theme (see theme-switcher.ts) to <html data-theme> before first paint.
// Plain JavaScript on purpose: BaseLayout loads it as a classic, render-blocking, same-origin script
// in <head>; a module would run after the first paint and flash the wrong theme, and an inline
// script is blocked by a strict Content-Security-Policy. Without JavaScript the system setting rules.
try {
  var theme = localStorage.getItem('gd-theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch (e) {
  // Storage can be unavailable (privacy modes): the system setting applies.
}
