/**
 * A browser started once for every test file a vitest worker runs (starting one, with the
 * extension's install, is the slow part of a browser suite): a worker-scoped fixture whose value
 * starts the browser when a file first asks for it, and which closes it when the worker ends.
 */
export function oncePerWorker<Browser extends { close(): Promise<void> }>(
  launch: () => Promise<Browser>,
) {
  // eslint-disable-next-line no-empty-pattern -- vitest fixtures must destructure their first argument
  return async ({}, use: (started: () => Promise<Browser>) => Promise<void>) => {
    let launched: Promise<Browser> | undefined;
    await use(() => (launched ??= launch()));
    if (launched) await (await launched).close();
  };
}
