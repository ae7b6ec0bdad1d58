/**
 * Wraps an async task so only the newest value runs: while one run is in flight, later calls just
 * replace the value waiting to run next, and the running task can ask `isStale()` to give up early.
 * Typing "retention" then searches for "re" and "retention", not for every prefix one after
 * another, so results for the last keystroke are not stuck behind a queue of stale searches.
 * The task handles its own errors.
 */
export function latestOnly<T>(
  task: (value: T, isStale: () => boolean) => Promise<void>,
): (value: T) => Promise<void> {
  let running: Promise<void> | undefined;
  let next: { value: T } | undefined;
  const isStale = () => next !== undefined;
  const drain = async (): Promise<void> => {
    while (next) {
      const { value } = next;
      next = undefined;
      await task(value, isStale);
    }
    running = undefined;
  };
  return (value) => {
    next = { value };
    running ??= drain();
    return running;
  };
}
