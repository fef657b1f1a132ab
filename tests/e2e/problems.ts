import type { BrowserContext, ConsoleMessage, Worker } from 'playwright-core';

const EXTENSION_OWN_URL = /^(chrome-extension|data|blob|about):/;

/**
 * Collects what must never happen in the extension: a console error in any page or in the
 * worker, an uncaught exception, a page that could not take over the HTML it was shown first
 * (Svelte's hydration warnings), or a request to anywhere outside the extension.
 */
export function watchForProblems(context: BrowserContext): string[] {
  const problems: string[] = [];
  const onConsole = (where: string) => (message: ConsoleMessage) => {
    if (message.type() === 'error') problems.push(`console error in ${where}: ${message.text()}`);
    if (message.type() === 'warning' && /hydrat/i.test(message.text())) {
      problems.push(`hydration warning in ${where}: ${message.text()}`);
    }
  };
  const watchWorker = (worker: Worker) => worker.on('console', onConsole(worker.url()));
  context.serviceWorkers().forEach(watchWorker);
  context.on('serviceworker', watchWorker);
  context.on('console', (message) => onConsole(message.page()?.url() ?? 'a worker')(message));
  context.on('weberror', (error) =>
    problems.push(`uncaught exception in ${error.page()?.url()}: ${error.error().message}`),
  );
  context.on('request', (request) => {
    if (!EXTENSION_OWN_URL.test(request.url())) problems.push(`network request: ${request.url()}`);
  });
  return problems;
}
