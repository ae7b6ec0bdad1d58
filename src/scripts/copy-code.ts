/**
 * What a Copy button says after a copy, loaded on the first click (code-block.ts starts the copy
 * itself inside the click, where browsers allow clipboard writes): the button's label, and an
 * announcement through the page's polite live region ("Copied", or how to copy by hand).
 */
const timers = new WeakMap<HTMLButtonElement, ReturnType<typeof setTimeout>>();

export async function reportCopy(
  copied: Promise<void>,
  button: HTMLButtonElement,
  liveRegion: HTMLElement,
): Promise<void> {
  let message = 'Copied';
  try {
    await copied;
    button.textContent = 'Copied';
  } catch {
    button.textContent = 'Copy failed';
    message = 'Copy failed: select the code and copy it with your keyboard or menu.';
  }
  // Cleared first so the same message twice in a row is announced twice.
  liveRegion.textContent = '';
  requestAnimationFrame(() => (liveRegion.textContent = message));
  clearTimeout(timers.get(button));
  timers.set(
    button,
    setTimeout(() => (button.textContent = 'Copy'), 2000),
  );
}
