/**
 * Reads where the site is deployed from the environment, so one source tree can be built for a
 * domain root (`/`) or a subpath (`/docs/`). Pure: pass `process.env` in, get validated values out.
 */

/** Where and under which path the built site is served. */
export interface SiteLocation {
  /** Absolute origin the site is served from, without a trailing slash, e.g. `https://guide.example.com`. */
  site: string;
  /** Path prefix for every page, always starting and ending with `/`, e.g. `/` or `/docs/`. */
  base: string;
}

/** Used when `SITE_URL` is unset: the address `npm start` serves on. */
export const DEFAULT_SITE_URL = 'http://localhost:4321';

/** Thrown when `SITE_URL` or `BASE_PATH` cannot be used; the message says what to set instead. */
export class SiteEnvError extends Error {
  override name = 'SiteEnvError';
}

/** Validates `SITE_URL` and `BASE_PATH` and normalises `BASE_PATH` to `/segment/` form. */
export function resolveSiteLocation(env: Record<string, string | undefined>): SiteLocation {
  return { site: resolveSiteUrl(env['SITE_URL']), base: resolveBasePath(env['BASE_PATH']) };
}

function resolveSiteUrl(raw: string | undefined): string {
  const value = raw?.trim() || DEFAULT_SITE_URL;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new SiteEnvError(
      `SITE_URL="${value}" is not an absolute URL. Set it to the origin the site is served from, e.g. SITE_URL=https://guide.example.com`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new SiteEnvError(
      `SITE_URL="${value}" must use https:// (or http:// for local previews).`,
    );
  }
  if (url.pathname !== '/' || url.search || url.hash) {
    throw new SiteEnvError(
      `SITE_URL="${value}" must be an origin only. Put the path in BASE_PATH instead, e.g. SITE_URL=${url.origin} BASE_PATH=${url.pathname}`,
    );
  }
  return url.origin;
}

function resolveBasePath(raw: string | undefined): string {
  const value = raw?.trim() || '/';
  if (
    /[?#\\\s]/.test(value) ||
    value.includes('//') ||
    value.split('/').some((s) => s === '..' || s === '.')
  ) {
    throw new SiteEnvError(
      `BASE_PATH="${value}" is not a plain URL path. Use segments separated by "/", e.g. BASE_PATH=/docs/`,
    );
  }
  if (!/^[\w\-./~%]*$/.test(value)) {
    throw new SiteEnvError(
      `BASE_PATH="${value}" contains characters that need escaping in URLs; use letters, digits, "-", "_" and "/".`,
    );
  }
  const trimmed = value.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}
