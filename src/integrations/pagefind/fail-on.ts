/** Pagefind's Node API reports problems as a list of strings on every response: fail on any. */
export function failOn(step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind ${step} failed:\n  ${errors.join('\n  ')}`);
}
