/**
 * The protocol map as the compiler sees it: `npm run check:types` type-checks this file,
 * and each `@ts-expect-error` line fails the check if the mistake under it ever compiles.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { sendMessage } from '../../lib/adapters/send-message';
import type { Handlers, RequestOf, ResponseMap } from '../../lib/messaging/protocol';
import type { Reply } from '../../lib/messaging/wire';
import type { Problem } from '../../lib/model/problem';
import type { Settings } from '../../lib/model/settings';
import type { NudgeStatus } from '../../lib/nudge/engine';
import type { FlushResult } from '../../lib/sync/flush';

type Send = typeof sendMessage;

describe('the protocol map', () => {
  it('types each request and its answer from one map', () => {
    expectTypeOf<RequestOf<'pauseNudges'>>().toEqualTypeOf<{
      choice: '30m' | '1h' | 'tomorrow' | 'untilResumed';
    }>();
    expectTypeOf<ReturnType<typeof sendMessage<'syncNow'>>>().toEqualTypeOf<Promise<FlushResult>>();
    expectTypeOf<ReturnType<Handlers['nudgeStatus']>>().toEqualTypeOf<
      Promise<NudgeStatus> | NudgeStatus
    >();
    expectTypeOf<ResponseMap['saveSettings']>().toEqualTypeOf<Settings>();
  });

  it('carries a refusal as a problem, not as text', () => {
    expectTypeOf<Extract<Reply<number>, { ok: false }>['error']>().toEqualTypeOf<Problem>();
    expectTypeOf<Problem>().toEqualTypeOf<{ key: string; params?: string[] }>();
  });

  it('refuses a request of the wrong shape, and an answer used as the wrong type', () => {
    const misuses = async (send: Send) => {
      // @ts-expect-error: pauseNudges takes a choice, not minutes
      await send('pauseNudges', { minutes: 30 });
      // @ts-expect-error: a request needs its fields
      await send('takeTimeOff', { reason: 'vacation' });
      // @ts-expect-error: no such message
      await send('deleteAll', {});
      // @ts-expect-error: syncNow answers how the flush went, not the settings
      const settings: Settings = await send('syncNow', {});
      // @ts-expect-error: a handler must answer its own response type
      const handler: Handlers['getStatus'] = () => ({ version: 1 });
      // @ts-expect-error: a refusal's error is a problem, not a string
      const text: string = ({ ok: false, error: { key: 'x' } } as Reply<void> & { ok: false })
        .error;
      return [settings, handler, text];
    };
    expectTypeOf(misuses).toBeFunction();
  });
});
