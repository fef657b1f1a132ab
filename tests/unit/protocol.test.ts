import { describe, expect, it, vi } from 'vitest';
import { createDispatcher, isEnvelope } from '../../lib/protocol';

const status = { version: '1.2.3', startedAt: 42 };

describe('createDispatcher', () => {
  it('runs the handler of a valid message and wraps its answer', async () => {
    const dispatch = createDispatcher({ getStatus: () => status });
    expect(await dispatch({ type: 'getStatus', data: {} })).toEqual({ ok: true, value: status });
  });

  it('recognises only envelopes as its messages', () => {
    expect(isEnvelope('hello')).toBe(false);
    expect(isEnvelope(null)).toBe(false);
    expect(isEnvelope({ type: 'getStatus' })).toBe(false);
    expect(isEnvelope({ type: 'getStatus', data: {} })).toBe(true);
  });

  it('refuses an unknown type without running any handler', async () => {
    const getStatus = vi.fn(() => status);
    const reply = await createDispatcher({ getStatus })({ type: 'toString', data: {} });
    expect(reply).toEqual({ ok: false, error: 'Unknown message type: toString' });
    expect(getStatus).not.toHaveBeenCalled();
  });

  it('refuses invalid data without running the handler', async () => {
    const getStatus = vi.fn(() => status);
    const reply = await createDispatcher({ getStatus })({ type: 'getStatus', data: { x: 1 } });
    expect(reply).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Invalid getStatus: /),
    });
    expect(getStatus).not.toHaveBeenCalled();
  });

  it('turns a failing handler into an error reply', async () => {
    const dispatch = createDispatcher({
      getStatus: () => {
        throw new Error('disk full');
      },
    });
    expect(await dispatch({ type: 'getStatus', data: {} })).toEqual({
      ok: false,
      error: 'disk full',
    });
  });
});
