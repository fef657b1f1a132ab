/**
 * The pages' side of lib/protocol.ts: sending a typed request. It imports the protocol's types
 * only, so the pages do not carry the request schemas (the worker checks every message).
 */
import { browser } from 'wxt/browser';
import type { Envelope, MessageType, Reply, RequestOf, ResponseMap } from './protocol';

export class MessageError extends Error {
  override name = 'MessageError';
}

export async function sendMessage<K extends MessageType>(
  type: K,
  data: RequestOf<K>,
): Promise<ResponseMap[K]> {
  // Firefox structured-clones every message and cannot clone a Svelte `$state` proxy (Chromium
  // copies through JSON and can): cloning here makes a page that sends one fail in every browser
  // and in the unit tests, not only in Firefox. Pages send `$state.snapshot(...)`.
  const envelope: Envelope = structuredClone({ type, data });
  const reply = (await browser.runtime.sendMessage(envelope)) as Reply<ResponseMap[K]> | undefined;
  if (!reply) throw new MessageError(`No answer to ${type}`);
  if (!reply.ok) throw new MessageError(reply.error);
  return reply.value;
}
