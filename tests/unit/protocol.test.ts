import { describe, expect, it, vi } from 'vitest';
import { createDispatcher, MAX_ENTRIES_PER_MESSAGE } from '../../lib/messaging/protocol';
import { BATCH, isEnvelope, MAX_MESSAGES_PER_BATCH } from '../../lib/messaging/wire';
import { WriteRefusedError } from '../../lib/store/month-cache';
import { handlersWith } from './handlers';

const status = { version: '1.2.3', startedAt: 42, device: 'devA1' };
const water = { kind: 'water', ml: 250, at: Date.UTC(2026, 10, 24) };

describe('createDispatcher', () => {
  it('runs the handler of a valid message and wraps its answer', async () => {
    const dispatch = createDispatcher(handlersWith({ getStatus: () => status }));
    expect(await dispatch({ type: 'getStatus', data: {} })).toEqual({ ok: true, value: status });
  });

  it('recognises only envelopes as its messages', () => {
    expect(isEnvelope('hello')).toBe(false);
    expect(isEnvelope(null)).toBe(false);
    expect(isEnvelope({ type: 'getStatus' })).toBe(false);
    expect(isEnvelope({ type: 'getStatus', data: {} })).toBe(true);
  });

  it('answers each message of a batch on its own, in order, a refused one alone', async () => {
    const logEntries = vi.fn(() => ({ entries: [], records: [] }));
    const dispatch = createDispatcher(handlersWith({ getStatus: () => status, logEntries }));
    const reply = await dispatch({
      type: BATCH,
      data: [
        { type: 'logEntries', data: { entries: [water] } },
        { type: 'logEntries', data: { entries: [{ ...water, ml: -1 }] } },
        { type: 'getStatus', data: {} },
      ],
    });
    expect(reply).toEqual({
      ok: true,
      value: [
        { ok: true, value: { entries: [], records: [] } },
        { ok: false, error: { key: 'invalid.waterMl' } },
        { ok: true, value: status },
      ],
    });
    expect(logEntries).toHaveBeenCalledTimes(1);
  });

  it('refuses a batch that is empty, too long, nested or not of envelopes, running nothing', async () => {
    const getStatus = vi.fn(() => status);
    const dispatch = createDispatcher(handlersWith({ getStatus }));
    const asked = { type: 'getStatus', data: {} };
    const refused = { ok: false, error: { key: 'error.invalidBatch' } };
    for (const data of [
      [],
      Array.from({ length: MAX_MESSAGES_PER_BATCH + 1 }, () => asked),
      [asked, { type: BATCH, data: [asked] }],
      [asked, 'getStatus'],
      { 0: asked, length: 1 },
    ]) {
      expect(await dispatch({ type: BATCH, data })).toEqual(refused);
    }
    expect(getStatus).not.toHaveBeenCalled();
  });

  it('refuses an unknown type without running any handler', async () => {
    const getStatus = vi.fn(() => status);
    const reply = await createDispatcher(handlersWith({ getStatus }))({
      type: 'toString',
      data: {},
    });
    expect(reply).toEqual({
      ok: false,
      error: { key: 'error.unknownMessage', params: ['toString'] },
    });
    expect(getStatus).not.toHaveBeenCalled();
  });

  it('refuses invalid data without running the handler, naming where', async () => {
    const logEntries = vi.fn();
    const dispatch = createDispatcher(handlersWith({ logEntries }));
    expect(
      await dispatch({ type: 'logEntries', data: { entries: [{ ...water, ml: -1 }] } }),
    ).toEqual({
      ok: false,
      error: { key: 'invalid.waterMl' },
    });
    expect(await dispatch({ type: 'logEntries', data: { entries: [] } })).toMatchObject({
      ok: false,
    });
    const tooMany = Array.from({ length: MAX_ENTRIES_PER_MESSAGE + 1 }, () => water);
    expect(await dispatch({ type: 'logEntries', data: { entries: tooMany } })).toMatchObject({
      ok: false,
    });
    expect(await dispatch({ type: 'getStatus', data: { x: 1 } })).toEqual({
      ok: false,
      error: { key: 'invalid.request.unexpectedField', params: ['getStatus', 'x'] },
    });
    expect(logEntries).not.toHaveBeenCalled();
  });

  it('passes valid data through', async () => {
    const logEntries = vi.fn(async () => ({ entries: [], records: [] }));
    await createDispatcher(handlersWith({ logEntries }))({
      type: 'logEntries',
      data: { entries: [water] },
    });
    expect(logEntries).toHaveBeenCalledWith({ entries: [water] });
  });

  it('turns a failing handler into an error reply', async () => {
    const dispatch = createDispatcher(
      handlersWith({
        getStatus: () => {
          throw new Error('disk full');
        },
      }),
    );
    expect(await dispatch({ type: 'getStatus', data: {} })).toEqual({
      ok: false,
      error: { key: 'error.unknown', params: ['disk full'] },
    });
  });

  it('answers a refusal with its key and substitutions, as data', async () => {
    const dispatch = createDispatcher(
      handlersWith({
        restoreBackup: () => {
          throw new WriteRefusedError('storage.unreadableMonth', ['2026-11']);
        },
      }),
    );
    expect(await dispatch({ type: 'restoreBackup', data: {} })).toEqual({
      ok: false,
      error: { key: 'storage.unreadableMonth', params: ['2026-11'] },
    });
  });
});
