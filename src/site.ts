/** The site's own facts, in one place. Page order lives in each page's `sidebar.order`. */
export const siteConfig = {
  /** Shown in the header, the <title> suffix and Open Graph `og:site_name`. */
  title: 'Amazon GuardDuty Security Guide',
  /** Short label for the home page in breadcrumbs and the sidebar. */
  homeLabel: 'Security overview',
  /** The document language, for <html lang> and Pagefind. */
  lang: 'en',
  /** Browser UI colour for light and dark schemes (matches --gd-color-bg in tokens.css). */
  themeColor: { light: '#ffffff', dark: '#0f1419' },
  /** Folder (relative to the project root) that holds the authored pages. */
  contentDir: 'content',
} as const;
