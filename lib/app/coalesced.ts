/**
 * A task that many callers may ask for at once (a burst of logs each asking the nudge engine
 * whether a water reminder is answered): callers arriving while a run has not started yet share
 * that run, so a thousand requests cost a few runs, and every caller still waits for a run that
 * started after it asked.
 */
export function coalesced(task: () => Promise<void>): () => Promise<void> {
  let waiting: Promise<void> | undefined;
  let last: Promise<void> = Promise.resolve();
  return () => {
    if (waiting) return waiting;
    const run = last
      .catch(() => undefined)
      .then(() => {
        waiting = undefined;
        return task();
      });
    waiting = run;
    last = run;
    return run;
  };
}
