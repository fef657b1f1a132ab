/**
 * What went wrong, in the user's words: an i18n key of locales/en.yml and its substitutions.
 * Errors carry it as data across every boundary (the worker's replies included), and each page
 * translates it; nothing is packed into a string to be parsed back.
 */
export interface Problem {
  key: string;
  params?: string[];
}

/** An error to be shown to the user as its problem's sentence. */
export class ProblemError extends Error {
  override name = 'ProblemError';
  readonly problem: Problem;

  constructor(key: string, params: readonly string[] = []) {
    super(params.length > 0 ? `${key} (${params.join(', ')})` : key);
    this.problem = params.length > 0 ? { key, params: [...params] } : { key };
  }
}

/** Something the user has no words for: shown as "Something went wrong", with the detail. */
export function unknownProblem(detail: string): Problem {
  return { key: 'error.unknown', params: [detail] };
}

/** A text that is a message key (`invalid.waterMl`) rather than a sentence. */
const MESSAGE_KEY = /^[a-z]+(\.[A-Za-z0-9]+)+$/;

/** Whether a text is a message key, as the domain's schemas give, or valibot's own English. */
export function isMessageKey(text: string): boolean {
  return MESSAGE_KEY.test(text);
}

/** A schema's message: the domain's schemas give keys, valibot's own checks English. */
export function problemOfText(text: string): Problem {
  return isMessageKey(text) ? { key: text } : unknownProblem(text);
}

/** The problem an error carries; any other error is an unknown one, its own text the detail. */
export function problemOf(error: unknown): Problem {
  if (error instanceof ProblemError) return error.problem;
  return unknownProblem(error instanceof Error ? error.message : String(error));
}
