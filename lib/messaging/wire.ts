/**
 * What travels between the pages and the worker, apart from lib/messaging/protocol.ts so the
 * pages carry no schemas.
 */
import type { Problem } from '../model/problem';

export interface Envelope {
  type: string;
  data: unknown;
}

/** A handler's answer, or the problem that stopped it (never English to be parsed back). */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: Problem };

export function isEnvelope(message: unknown): message is Envelope {
  return typeof message === 'object' && message !== null && 'type' in message && 'data' in message;
}

/**
 * Messages a page sends in one task travel as one: the browser's messaging costs about a
 * millisecond a message whatever it carries. The worker checks and answers each inside on its
 * own.
 */
export const BATCH = 'batch';
export const MAX_MESSAGES_PER_BATCH = 200;

/** What goes on the wire for these messages: one alone as it is, more in batches. */
export function batched<T>(
  items: readonly T[],
  envelopeOf: (item: T) => Envelope,
): { message: Envelope; items: T[] }[] {
  if (items.length === 1) return [{ message: envelopeOf(items[0]!), items: [...items] }];
  const batches: { message: Envelope; items: T[] }[] = [];
  for (let start = 0; start < items.length; start += MAX_MESSAGES_PER_BATCH) {
    const part = items.slice(start, start + MAX_MESSAGES_PER_BATCH);
    batches.push({ message: { type: BATCH, data: part.map(envelopeOf) }, items: part });
  }
  return batches;
}
