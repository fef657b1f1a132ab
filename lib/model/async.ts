/** Ordering of asynchronous work, for the worker's one-at-a-time queues and repeated refreshes. */

/** Runs operations one at a time, in the order given; one that fails does not stop the next. */
export class SerialQueue {
  #tail: Promise<unknown> = Promise.resolve();

  run<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(operation);
    this.#tail = result.catch(() => undefined);
    return result;
  }
}

/**
 * Runs `task` on request; requests arriving while it runs cause exactly one more run after it,
 * not one each. Every request's promise settles when the runs it asked for are done.
 */
export function coalescing(task: () => Promise<void>): {
  run(): Promise<void>;
  /** Settles when the runs under way are done, asking for none. */
  settled(): Promise<void>;
  readonly busy: boolean;
} {
  let running: Promise<void> | undefined;
  let again = false;
  return {
    get busy() {
      return running !== undefined;
    },
    settled() {
      return running ?? Promise.resolve();
    },
    run() {
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        do {
          again = false;
          await task();
        } while (again);
      })().finally(() => (running = undefined));
      return running;
    },
  };
}
