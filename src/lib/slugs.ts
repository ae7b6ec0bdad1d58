/**
 * Addresses a content page may not take, because a route or a generated folder of the site already
 * uses them. Astro would stop the build on some of these collisions, but with a routing message that
 * names no content file; this check names the file and the fix.
 */
export const reservedSlugs = ['search', 'print', 'history', 'pagefind', '_astro'] as const;

/** A content file and the slug it would be served at. */
export interface SlugSource {
  /** Path of the source file from the project root, e.g. `content/search.mdx`. */
  file: string;
  slug: string;
}

/** Throws, naming every offending file, if a page would take a reserved address or share one with another page. */
export function assertUsableSlugs(sources: readonly SlugSource[]): void {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const { file, slug } of sources) {
    const first = slug.split('/')[0] ?? '';
    if ((reservedSlugs as readonly string[]).includes(first)) {
      problems.push(
        `${file} would be served at /${slug}/, which the site itself uses (${reservedSlugs.join(', ')} are reserved). Rename the file.`,
      );
    }
    const other = seen.get(slug);
    if (other)
      problems.push(
        `${other} and ${file} would both be served at /${slug}${slug ? '/' : ''}. Rename or remove one of them.`,
      );
    else seen.set(slug, file);
  }
  if (problems.length > 0) throw new Error(`Page address problem(s):\n  ${problems.join('\n  ')}`);
}
