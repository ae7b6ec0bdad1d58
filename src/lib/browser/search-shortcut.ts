/**
 * Which keys open search. Kept apart from the other search modules and imported only by the page
 * module every page loads, which must stay small (tests/build/budget.test.ts).
 */

/** A keyboard event's fields that decide whether it opens search. */
export interface ShortcutKey {
  /** Missing on the keydown events some browsers fire for autofill. */
  key: string | undefined;
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
  const key = event.key ?? '';
  if (key.toLowerCase() === 'k') return !event.shiftKey && event.ctrlKey !== event.metaKey;
  // Shift is allowed for `/`: some keyboard layouts need it to type the character.
  return key === '/' && !event.ctrlKey && !event.metaKey && !typingInField;
}
