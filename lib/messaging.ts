/** The browser side of lib/protocol.ts: sending a typed request and wiring the dispatcher. */
import { browser } from 'wxt/browser';
import {
  createDispatcher,
  isEnvelope,
  type Envelope,
  type Handlers,
  type MessageType,
  type Reply,
  type RequestOf,
  type ResponseMap,
} from './protocol';

export class MessageError extends Error {
  override name = 'MessageError';
}

export async function sendMessage<K extends MessageType>(
  type: K,
  data: RequestOf<K>,
): Promise<ResponseMap[K]> {
  const envelope: Envelope = { type, data };
  const reply = (await browser.runtime.sendMessage(envelope)) as Reply<ResponseMap[K]> | undefined;
  if (!reply) throw new MessageError(`No answer to ${type}`);
  if (!reply.ok) throw new MessageError(reply.error);
  return reply.value;
}

/**
 * Must be called synchronously at the top of the background main, like every listener. Answers
 * through sendResponse (returning true to keep the channel open), the one form every browser,
 * the polyfill and fakeBrowser all understand; messages that are not ours are left alone.
 */
export function listenForMessages(handlers: Handlers): void {
  const dispatch = createDispatcher(handlers);
  browser.runtime.onMessage.addListener(
    (message: unknown, _sender: unknown, sendResponse: (reply: Reply<unknown>) => void) => {
      if (!isEnvelope(message)) return undefined;
      void dispatch(message).then(sendResponse);
      return true;
    },
  );
}
