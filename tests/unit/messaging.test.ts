import { describe, expect, it } from 'vitest';
// What `$state(...)` and `$state.snapshot(...)` compile to in a page; vitest compiles Svelte for
// the server, where `$state` makes no proxy.
// eslint-disable-next-line svelte/no-svelte-internal -- the real proxy, not a look-alike
import { proxy as stateProxy, snapshot } from 'svelte/internal/client';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MessageError, sendMessage } from '../../lib/adapters/send-message';
import { listenForMessages } from '../../lib/adapters/listen-for-messages';
import { ProblemError } from '../../lib/model/problem';
import { handlersWith } from './handlers';

const status = { version: '9.9.9', startedAt: 1, device: 'devA1' };

describe('messaging between contexts', () => {
  it('delivers a typed request to the listener and returns its answer', async () => {
    listenForMessages(handlersWith({ getStatus: () => status }));
    await expect(sendMessage('getStatus', {})).resolves.toEqual(status);
  });

  it('raises the problem the worker answered with, key and substitutions', async () => {
    listenForMessages(
      handlersWith({
        getStatus: () => {
          throw new ProblemError('storage.unreadableMonth', ['2026-11']);
        },
      }),
    );
    const error: unknown = await sendMessage('getStatus', {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MessageError);
    expect((error as MessageError).problem).toEqual({
      key: 'storage.unreadableMonth',
      params: ['2026-11'],
    });
  });

  it('raises when nobody answers', async () => {
    fakeBrowser.runtime.onMessage.addListener(() => undefined);
    await expect(sendMessage('getStatus', {})).rejects.toThrow('No answer to getStatus');
  });

  it('refuses a Svelte $state proxy, as Firefox does; its snapshot goes through', async () => {
    const refs = [{ id: 'devA1-mhx2k9q0', day: '2026-11-26' }];
    listenForMessages(handlersWith({ removeEntries: (data) => ({ removed: data.refs }) }));
    const state = stateProxy(refs);
    await expect(sendMessage('removeEntries', { refs: state })).rejects.toThrow(
      /could not be cloned/,
    );
    await expect(sendMessage('removeEntries', { refs: snapshot(state) })).resolves.toEqual({
      removed: refs,
    });
  });

  it('gives every change an id and sends it again, with the same id, when its answer is lost', async () => {
    const seen: { changeId?: string }[] = [];
    fakeBrowser.runtime.onMessage.addListener(
      (message: unknown, _sender: unknown, respond: (reply: unknown) => void) => {
        const { data } = message as { data: { changeId?: string } };
        seen.push(data);
        // The first answer is lost, as when the worker stops before replying.
        if (seen.length === 1) return undefined;
        respond({ ok: true, value: { removed: [] } });
        return true;
      },
    );
    await expect(
      sendMessage('removeEntries', { refs: [{ id: 'devA1-abc', day: '2026-11-24' }] }),
    ).resolves.toEqual({ removed: [] });
    expect(seen).toHaveLength(2);
    expect(seen[0]!.changeId).toMatch(/^[a-f0-9]{32}$/);
    expect(seen[1]!.changeId).toBe(seen[0]!.changeId);
  });
});
