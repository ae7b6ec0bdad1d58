/**
 * The guide's pages as its content/ folder declares them, in reading order, so tests and bench
 * follow the content instead of a hard-coded list: writers add pages and turn pages into sections
 * (folders with an index page) without editing a test.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { sortPages } from '../../src/lib/navigation.ts';
import { docsSchema } from '../../src/lib/schema.ts';
import type { DocPage } from '../../src/lib/types.ts';
import { slugFromEntryId } from '../../src/lib/urls.ts';
import { siteConfig } from '../../src/site.ts';
import { projectRoot } from './astro-build.ts';

/** One page of the guide, read from its source file. */
export interface GuidePage extends DocPage {
  /** The source file below the content folder, e.g. `data-protection.mdx` or `detection/index.mdx`. */
  file: string;
  /** The page's path below the base: `''` for home, `data-protection/`, `detection/findings/`. */
  path: string;
  /** True for a folder's index page (a section): the sidebar shows it as a group. */
  isSection: boolean;
}

/**
 * Every page under `contentDir` (the project's content/ by default), in the sidebar's reading
 * order, with its frontmatter validated by the site's own schema.
 */
export function readGuidePages(contentDir = join(projectRoot, siteConfig.contentDir)): GuidePage[] {
  const files = readdirSync(contentDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.mdx'))
    .map((file) => relative(contentDir, join(contentDir, file)).split(sep).join('/'));
  const byFile = files.map((file): GuidePage => {
    const { frontmatter } = parseFrontmatter(readFileSync(join(contentDir, file), 'utf8'));
    const parsed = docsSchema.safeParse(frontmatter);
    if (!parsed.success)
      throw new Error(`${contentDir}/${file}: invalid frontmatter: ${parsed.error.message}`);
    const data = parsed.data;
    const slug = slugFromEntryId(file);
    return {
      slug,
      title: data.title,
      description: data.description,
      label: data.sidebar.label ?? (slug === '' ? siteConfig.homeLabel : data.title),
      order: data.sidebar.order,
      lastReviewed: data.lastReviewed,
      sources: data.sources,
      changes: data.changes,
      aliases: data.aliases,
      sourceFile: file,
      file,
      path: slug ? `${slug}/` : '',
      isSection: false,
    };
  });
  // A section is a page with pages below it (a folder holding only index.mdx is a plain page).
  for (const page of byFile)
    page.isSection = page.slug !== '' && byFile.some((p) => p.slug.startsWith(`${page.slug}/`));
  const bySlug = new Map(byFile.map((page) => [page.slug, page]));
  return sortPages(byFile).map((page) => {
    const found = bySlug.get(page.slug);
    if (!found) throw new Error(`sortPages returned an unknown page "${page.slug}"`);
    return found;
  });
}

/** The project's own guide pages, read once. */
export const guidePages: readonly GuidePage[] = readGuidePages();

/** The home page of the guide. */
export const homePage: GuidePage = (() => {
  const home = guidePages.find((page) => page.slug === '');
  if (!home)
    throw new Error(`${siteConfig.contentDir}/index.mdx is missing: the guide has no home page`);
  return home;
})();

/** Every page but the home page: the topics (and sections) the home page introduces. */
export const topicPages: readonly GuidePage[] = guidePages.filter((page) => page.slug !== '');
