import { describe, expect, it } from 'vitest';
// What `$state(...)` and `$state.snapshot(...)` compile to in a page; vitest compiles Svelte for
// the server, where `$state` makes no proxy.
// eslint-disable-next-line svelte/no-svelte-internal -- the real proxy, not a look-alike
import { proxy as stateProxy, snapshot } from 'svelte/internal/client';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MessageError, sendMessage } from '../../lib/adapters/send-message';
import { listenForMessages } from '../../lib/adapters/listen-for-messages';
import { ProblemError } from '../../lib/model/problem';
import { BATCH, MAX_MESSAGES_PER_BATCH } from '../../lib/messaging/wire';
import { handlersWith } from './handlers';

/** Every message the worker receives, as it arrives. */
function received(): unknown[] {
  const messages: unknown[] = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    messages.push(message);
  });
  return messages;
}

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

  it('sends the messages of one task as one batch; each caller gets its own answer', async () => {
    listenForMessages(
      handlersWith({
        getStatus: () => status,
        removeEntries: ({ refs }) => {
          if (refs[0]!.id === 'devA1-bad') throw new ProblemError('nudge.alreadyAnswered');
          return { removed: refs };
        },
      }),
    );
    const messages = received();
    const good = [{ id: 'devA1-abc', day: '2026-11-24' }];
    const answers = await Promise.allSettled([
      sendMessage('getStatus', {}),
      sendMessage('removeEntries', { refs: good }),
      sendMessage('removeEntries', { refs: [{ id: 'devA1-bad', day: '2026-11-24' }] }),
    ]);
    expect(messages).toEqual([{ type: BATCH, data: expect.any(Array) }]);
    expect((messages[0] as { data: unknown[] }).data).toHaveLength(3);
    expect(answers[0]).toEqual({ status: 'fulfilled', value: status });
    expect(answers[1]).toEqual({ status: 'fulfilled', value: { removed: good } });
    expect(answers[2]).toMatchObject({
      status: 'rejected',
      reason: { problem: { key: 'nudge.alreadyAnswered' } },
    });
    // A message sent after the task's own code goes alone.
    await sendMessage('getStatus', {});
    expect(messages[1]).toEqual({ type: 'getStatus', data: {} });
  });

  it('splits a long run of messages into batches of at most the limit', async () => {
    listenForMessages(handlersWith({ getStatus: () => status }));
    const messages = received();
    const count = MAX_MESSAGES_PER_BATCH * 2 + 1;
    const answers = await Promise.all(
      Array.from({ length: count }, () => sendMessage('getStatus', {})),
    );
    expect(answers).toEqual(Array.from({ length: count }, () => status));
    expect(messages.map((message) => (message as { data: unknown[] }).data.length)).toEqual([
      MAX_MESSAGES_PER_BATCH,
      MAX_MESSAGES_PER_BATCH,
      1,
    ]);
  });

  it('sends each change of a batch whose answer was lost again, with its own id', async () => {
    const batches: { data: { changeId: string } }[][] = [];
    fakeBrowser.runtime.onMessage.addListener(
      (message: unknown, _sender: unknown, respond: (reply: unknown) => void) => {
        const { data } = message as { data: { data: { changeId: string } }[] };
        batches.push(data);
        if (batches.length === 1) return undefined;
        respond({ ok: true, value: data.map(() => ({ ok: true, value: { removed: [] } })) });
        return true;
      },
    );
    const refs = [{ id: 'devA1-abc', day: '2026-11-24' }];
    await Promise.all([
      sendMessage('removeEntries', { refs }),
      sendMessage('removeEntries', { refs }),
    ]);
    expect(batches).toHaveLength(2);
    const ids = (batch: { data: { changeId: string } }[]) => batch.map(({ data }) => data.changeId);
    expect(new Set(ids(batches[0]!)).size).toBe(2);
    expect(ids(batches[1]!)).toEqual(ids(batches[0]!));
  });
});
