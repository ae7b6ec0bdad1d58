/** Plain data the library works on: no astro:* imports, so unit tests need no mocks. */
import type { PageChange } from './document-history.ts';

/** A heading as Astro reports it after rendering a page. */
export interface Heading {
  /** 1 for h1 ... 6 for h6. */
  depth: number;
  /** The id attribute, the target of `#fragment` links. */
  slug: string;
  /** The heading's text content. */
  text: string;
}

/** An official reference listed at the foot of a page. */
export interface Source {
  title: string;
  url: string;
}

/** One authored page, as the library sees it. */
export interface DocPage {
  /** Path below the base without slashes at either end; `''` for the home page. */
  slug: string;
  /** The source file relative to the content folder, e.g. `data-protection.mdx`. */
  sourceFile: string;
  /** The page's h1. */
  title: string;
  /** Meta description and search summary. */
  description: string;
  /** Navigation label (the title when the page sets none). */
  label: string;
  /** Position in the navigation. */
  order: number;
  /** The date a person last checked the facts. */
  lastReviewed: Date;
  /** Official references. */
  sources: Source[];
  /** The page's document history, newest first (at least one entry). */
  changes: PageChange[];
  /** Search terms for the page that it may not use itself (frontmatter `aliases`); never shown. */
  aliases: string[];
}
