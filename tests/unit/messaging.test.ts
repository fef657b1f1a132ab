import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MessageError, sendMessage } from '../../lib/messaging';
import { listenForMessages } from '../../lib/messaging-listen';
import { handlersWith } from './handlers';

const status = { version: '9.9.9', startedAt: 1, device: 'devA1' };

describe('messaging between contexts', () => {
  it('delivers a typed request to the listener and returns its answer', async () => {
    listenForMessages(handlersWith({ getStatus: () => status }));
    await expect(sendMessage('getStatus', {})).resolves.toEqual(status);
  });

  it('raises the error the worker answered with', async () => {
    listenForMessages(
      handlersWith({
        getStatus: () => {
          throw new Error('not ready');
        },
      }),
    );
    await expect(sendMessage('getStatus', {})).rejects.toThrow(new MessageError('not ready'));
  });

  it('raises when nobody answers', async () => {
    fakeBrowser.runtime.onMessage.addListener(() => undefined);
    await expect(sendMessage('getStatus', {})).rejects.toThrow('No answer to getStatus');
  });
});
