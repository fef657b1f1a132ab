/** The worker's side of lib/messaging/protocol.ts: every message checked, then its handler run. */
import { browser } from 'wxt/browser';
import { createDispatcher, type Handlers } from '../messaging/protocol';
import { isEnvelope, type Reply } from '../messaging/wire';

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
