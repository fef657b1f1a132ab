import { i18n } from '../lib/adapters/translate';
import { problemOf, type Problem } from '../lib/model/problem';

/** The sentence for a problem: its message with its substitutions, or the unknown error's. */
export function describeProblem({ key, params }: Problem): string {
  const translated = (i18n.t as (key: string, substitutions?: string[]) => string)(key, params);
  return translated || i18n.t('error.unknown', [key]);
}

/** The sentence to show for an error from the worker, the domain or a browser API. */
export function describeError(error: unknown): string {
  return describeProblem(problemOf(error));
}

/** An answer that says the change waits to be stored (storage is full), and what to do. */
export function pendingOf(answer: unknown): Problem | undefined {
  return typeof answer === 'object' && answer !== null && 'pending' in answer
    ? (answer as { pending?: Problem }).pending
    : undefined;
}

/**
 * Waits for a request whose failure the page shows: `show` is given the sentence after a failure
 * and undefined after a success. The answer, or undefined when the request failed. A change kept
 * waiting for room (a log into a full storage) is not stored yet: its sentence is shown, and
 * the answer is undefined, as for a failure.
 */
export async function showingFailure<T>(
  request: Promise<T>,
  show: (problem: string | undefined) => void,
): Promise<T | undefined> {
  try {
    const answer = await request;
    const pending = pendingOf(answer);
    show(pending && describeProblem(pending));
    return pending ? undefined : answer;
  } catch (error) {
    show(describeError(error));
    return undefined;
  }
}

/**
 * For a change to this browser's data: a full storage.local is said in the user's words, with
 * what was kept, never as the browser's ("Resource::kQuotaBytes quota exceeded").
 */
export function describeWriteError(error: unknown): string {
  const problem = problemOf(error);
  const quota = problem.key === 'error.unknown' && /quota/i.test(problem.params?.[0] ?? '');
  return quota ? i18n.t('storage.full') : describeProblem(problem);
}
