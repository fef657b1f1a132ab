/**
 * A refused message as the problem its sender shows: an i18n key and its substitutions, never a
 * validator's English. The domain's schemas name their problems by key ("invalid.waterMl"); the
 * checks of a request's shape (an unknown field, a missing one, a wrong type, a list too long)
 * are said by kind, with the request and the field.
 */
import type * as v from 'valibot';
import { isMessageKey, type Problem } from '../model/problem';

/** Names from elsewhere are cut short: a refusal quotes them, it does not carry them. */
const MAX_QUOTED = 40;

export function quoted(text: string): string {
  return text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text;
}

/** A request's data is its fields, always an object: never a list, text or nothing. */
export function isFieldsObject(data: unknown): data is Record<string, unknown> {
  if (typeof data !== 'object' || data === null) return false;
  const prototype: unknown = Object.getPrototypeOf(data);
  return prototype === Object.prototype || prototype === null;
}

export function refusedData(type: string): Problem {
  return { key: 'invalid.request.data', params: [type] };
}

export function unknownMessage(type: unknown): Problem {
  return { key: 'error.unknownMessage', params: [quoted(String(type))] };
}

export const INVALID_BATCH: Problem = { key: 'error.invalidBatch' };

/** The problem of a request's first issue: the domain's key, or the kind of shape it breaks. */
export function problemOfIssue(type: string, issue: v.BaseIssue<unknown>, where: string): Problem {
  if (isMessageKey(issue.message)) return { key: issue.message };
  const params = [type, quoted(where)];
  if (issue.type === 'strict_object' && issue.expected === 'never')
    return { key: 'invalid.request.unexpectedField', params };
  if (issue.kind === 'schema' && issue.received === 'undefined')
    return { key: 'invalid.request.missingField', params };
  if (issue.type === 'min_length' || issue.type === 'max_length') {
    const list = Array.isArray(issue.input);
    return { key: list ? 'invalid.request.count' : 'invalid.request.length', params };
  }
  return { key: 'invalid.request.field', params };
}
