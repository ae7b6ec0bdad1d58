import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE_URL, resolveSiteLocation, SiteEnvError } from '../../src/lib/site-env.ts';

describe('resolveSiteLocation', () => {
  it('defaults to the local preview origin at the domain root', () => {
    expect(resolveSiteLocation({})).toEqual({ site: DEFAULT_SITE_URL, base: '/' });
  });

  it('normalises BASE_PATH to a leading and trailing slash', () => {
    expect(resolveSiteLocation({ BASE_PATH: 'docs' }).base).toBe('/docs/');
    expect(resolveSiteLocation({ BASE_PATH: '/docs' }).base).toBe('/docs/');
    expect(resolveSiteLocation({ BASE_PATH: '/a/b/' }).base).toBe('/a/b/');
    expect(resolveSiteLocation({ BASE_PATH: '/' }).base).toBe('/');
  });

  it('keeps only the origin of SITE_URL', () => {
    expect(resolveSiteLocation({ SITE_URL: 'https://guide.example.com/' }).site).toBe(
      'https://guide.example.com',
    );
  });

  it('rejects a SITE_URL that is not an absolute URL, naming the variable and an example', () => {
    expect(() => resolveSiteLocation({ SITE_URL: 'guide.example.com' })).toThrow(SiteEnvError);
    expect(() => resolveSiteLocation({ SITE_URL: 'guide.example.com' })).toThrow(
      /SITE_URL=.*https:\/\//,
    );
  });

  it('rejects a SITE_URL with a path and says to move it to BASE_PATH', () => {
    expect(() => resolveSiteLocation({ SITE_URL: 'https://example.com/docs' })).toThrow(
      /BASE_PATH=\/docs/,
    );
  });

  it('rejects a SITE_URL with a non-web scheme', () => {
    expect(() => resolveSiteLocation({ SITE_URL: 'ftp://example.com' })).toThrow(/https/);
  });

  it('rejects a BASE_PATH with a query, a fragment, a parent segment or a double slash', () => {
    for (const bad of ['/docs?x=1', '/docs#top', '/../docs', '//docs', '/my docs/']) {
      expect(() => resolveSiteLocation({ BASE_PATH: bad }), bad).toThrow(/BASE_PATH/);
    }
  });
});
