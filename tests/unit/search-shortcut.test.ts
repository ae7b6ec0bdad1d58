import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { isSearchShortcut, type ShortcutKey } from '../../src/lib/browser/search-shortcut.ts';

const key = (k: string | undefined, mods: Partial<Omit<ShortcutKey, 'key'>> = {}): ShortcutKey => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('isSearchShortcut', () => {
  it('opens on Ctrl+K or Cmd+K, even while typing in a field', () => {
    expect(isSearchShortcut(key('k', { ctrlKey: true }), false)).toBe(true);
    expect(isSearchShortcut(key('K', { metaKey: true }), true)).toBe(true);
  });

  it('opens on / only outside fields', () => {
    expect(isSearchShortcut(key('/'), false)).toBe(true);
    expect(isSearchShortcut(key('/', { shiftKey: true }), false)).toBe(true);
    expect(isSearchShortcut(key('/'), true)).toBe(false);
  });

  it('ignores plain k, Alt combinations, Ctrl+Shift+K and key events without a key (autofill)', () => {
    expect(isSearchShortcut(key('k'), false)).toBe(false);
    expect(isSearchShortcut(key('k', { ctrlKey: true, altKey: true }), false)).toBe(false);
    expect(isSearchShortcut(key('k', { ctrlKey: true, shiftKey: true }), false)).toBe(false);
    expect(isSearchShortcut(key('/', { ctrlKey: true }), false)).toBe(false);
    expect(isSearchShortcut(key(undefined, { ctrlKey: true }), false)).toBe(false);
  });
});

/**
 * Runs theme-boot.js (a classic script, no imports) against a stand-in document and returns what it
 * does with one keydown: whether it queued a search request and kept the key from the browser.
 */
function bootReaction(
  event: ShortcutKey,
  inField: boolean,
): { queued: boolean; prevented: boolean } {
  const listeners = new Map<string, (e: unknown) => void>();
  const attributes = new Set<string>();
  const root = {
    dataset: {},
    setAttribute: (name: string) => attributes.add(name),
    hasAttribute: (name: string) => attributes.has(name),
  };
  const source = readFileSync(new URL('../../src/scripts/theme-boot.js', import.meta.url), 'utf8');
  runInNewContext(source, {
    document: {
      documentElement: root,
      addEventListener: (type: string, listener: (e: unknown) => void) =>
        listeners.set(type, listener),
    },
    localStorage: { getItem: () => null },
    customElements: { get: () => undefined },
    Element: class {},
    location: {},
  });
  let prevented = false;
  listeners.get('keydown')?.({
    ...event,
    defaultPrevented: false,
    target: inField ? { tagName: 'INPUT', isContentEditable: false } : { tagName: 'BODY' },
    preventDefault: () => (prevented = true),
  });
  return { queued: attributes.has('data-search-requested'), prevented };
}

describe('theme-boot.js, before the page module has run', () => {
  const cases = [
    key('k', { ctrlKey: true }),
    key('K', { metaKey: true }),
    key('k', { ctrlKey: true, metaKey: true }),
    key('k', { ctrlKey: true, shiftKey: true }),
    key('k', { ctrlKey: true, altKey: true }),
    key('k'),
    key('/'),
    key('/', { shiftKey: true }),
    key('/', { metaKey: true }),
    key('a', { ctrlKey: true }),
    key(undefined),
  ];

  it.each(cases.flatMap((c) => [true, false].map((inField) => ({ ...c, inField }))))(
    'queues the search exactly when the page module would open it: $key ctrl=$ctrlKey meta=$metaKey shift=$shiftKey alt=$altKey in a field=$inField',
    ({ inField, ...event }) => {
      const expected = isSearchShortcut(event, inField);
      expect(bootReaction(event, inField)).toEqual({ queued: expected, prevented: expected });
    },
  );
});
