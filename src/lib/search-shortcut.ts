/**
 * Which keys open search. Kept apart from src/lib/search.ts and imported by nothing else, so the
 * header script every page loads bundles only this function and not the rest of the search logic.
 */

/** A keyboard event's fields that decide whether it opens search. */
export interface ShortcutKey {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/**
 * Ctrl+K or Cmd+K opens search anywhere (it types nothing); `/` opens it only when the reader is not
 * typing in a field, where `/` is just a character.
 */
export function isSearchShortcut(event: ShortcutKey, typingInField: boolean): boolean {
  if (event.altKey) return false;
  if (event.key.toLowerCase() === 'k') return !event.shiftKey && event.ctrlKey !== event.metaKey;
  // Shift is allowed for `/`: some keyboard layouts need it to type the character.
  return event.key === '/' && !event.ctrlKey && !event.metaKey && !typingInField;
}
