import { posix } from 'node:path';
import { pageHref, safeDecode, slugFromEntryId } from './urls.ts';

/** A link an author wrote to another page's source file, resolved to its site URL. */
export interface SourceLink {
  /** Path of the target file relative to the content folder, e.g. `data-protection.mdx`. */
  targetFile: string;
  /** The target page's slug. */
  slug: string;
  /** The `#fragment` without `#`, or `''`. */
  fragment: string;
  /** The URL to put in the HTML: base + slug + `/` + fragment. */
  url: string;
}

/**
 * Resolves a Markdown link written to a source file (`./service-linked-roles.mdx#deletion`) to the
 * page's URL under `base`. Returns `undefined` for links that are not to a `.md`/`.mdx` file
 * (external URLs, `#fragment`-only links, site paths).
 * @param fromFile path of the linking page relative to the content folder (`index.mdx`, `a/b.mdx`)
 */
export function resolveSourceLink(
  href: string,
  fromFile: string,
  base: string,
): SourceLink | undefined {
  if (
    /^[a-z][a-z\d+.-]*:/i.test(href) ||
    href.startsWith('//') ||
    href.startsWith('/') ||
    href.startsWith('#')
  )
    return undefined;
  const hashAt = href.indexOf('#');
  const pathPart = hashAt >= 0 ? href.slice(0, hashAt) : href;
  const fragment = hashAt >= 0 ? href.slice(hashAt + 1) : '';
  if (!/\.mdx?$/.test(pathPart)) return undefined;
  const targetFile = posix.normalize(posix.join(posix.dirname(fromFile), safeDecode(pathPart)));
  const slug = slugFromEntryId(targetFile);
  return {
    targetFile,
    slug,
    fragment,
    url: pageHref(base, slug) + (fragment ? `#${fragment}` : ''),
  };
}

/**
 * The files a link to `targetFile` may mean, the written one first. A page and a section index
 * have one address (`data-protection.mdx` and `data-protection/index.mdx` are both
 * `/data-protection/`), so a link keeps working when a page becomes a section, or back.
 */
export function sourceFileCandidates(targetFile: string): [string, string] {
  const extension = posix.extname(targetFile);
  const stem = targetFile.slice(0, -extension.length);
  if (posix.basename(stem) === 'index' && posix.dirname(stem) !== '.')
    return [targetFile, `${posix.dirname(stem)}${extension}`];
  return [targetFile, `${stem}/index${extension}`];
}
