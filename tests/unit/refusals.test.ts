import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createDispatcher,
  requestSchemas,
  type Handlers,
  type MessageType,
  type RequestOf,
} from '../../lib/messaging/protocol';
import { BATCH, type Reply } from '../../lib/messaging/wire';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createWorker } from '../../lib/app/worker';
import { DEFAULT_SETTINGS } from '../../lib/model/settings';
import { messageKeys } from './messages';
import { fakeWorkerDependencies } from './worker-deps';

const at = Date.UTC(2026, 10, 24, 9);
const customExercise = {
  id: 'custom-abcd1234',
  name: 'Towel row',
  region: 'upper',
  measure: 'reps',
  updatedAt: at,
} as const;

const OWN_ROUTINE = {
  id: 'own-abcd1',
  name: 'My back day',
  focus: 'back' as const,
  exercises: [
    { exercise: 'deadlift', sets: 3, reps: [8, 10] as [number, number], restSeconds: 150 },
  ],
  updatedAt: at,
};

/** One request of each type as the pages send it: each must pass, so each mutation means something. */
const VALID: { [K in MessageType]: RequestOf<K> } = {
  getStatus: {},
  logEntries: {
    entries: [
      { kind: 'water', ml: 250, at },
      { kind: 'set', exercise: 'deadlift', reps: 8, weight: { amount: 60, unit: 'kg' }, at },
    ],
    changeId: 'change-12345678',
  },
  removeEntries: { refs: [{ id: 'entry-1234', day: '2026-11-24' }], changeId: 'change-12345678' },
  syncNow: {},
  saveSettings: { settings: { ...DEFAULT_SETTINGS, updatedAt: at } },
  saveCustomExercise: { exercise: customExercise },
  answerPrompt: { kind: 'posture', outcome: 'snoozed', snoozeMinutes: 10, prompt: at },
  pauseNudges: { choice: '1h' },
  resumeNudges: {},
  takeTimeOff: { reason: 'vacation', from: '2026-11-24', until: '2026-11-30' },
  nudgeStatus: {},
  testNotification: {},
  stageImport: {
    id: 'import-1234',
    part: 0,
    entries: [{ kind: 'water', ml: 250, at, id: 'entry-1234', day: '2026-11-24', device: 'devA1' }],
  },
  commitImport: {
    id: 'import-1234',
    parts: 1,
    mode: 'add',
    settings: { ...DEFAULT_SETTINGS, updatedAt: at },
    customExercises: [customExercise],
  },
  entryDigests: { from: '2026-01', until: '2026-12' },
  resetData: {},
  restoreBackup: {},
  historyYears: {},
  removeOldHistory: { before: 2025 },
  startSession: { routine: 'backDay' },
  logSessionSet: {
    slot: 0,
    set: { kind: 'set', exercise: 'bentOverRow', reps: 12, weight: { amount: 20, unit: 'kg' }, at },
    restSeconds: 90,
    expected: { slot: 0, set: 2 },
  },
  pauseSession: { paused: true },
  saveRoutines: {
    routines: {
      routines: [OWN_ROUTINE],
      rotation: ['own-abcd1', 'backDay'],
      updatedAt: at,
    },
  },
  skipSessionExercise: { slot: 1 },
  endSession: {},
  saveCheckIn: {
    checkIn: {
      week: '2026-11-23',
      updatedAt: at,
      weightKg: 80.5,
      lengthsCm: { waist: 86, chest: 101.5 },
      fit: 'looser',
      note: 'New belt hole',
      photos: ['front'],
    },
  },
  deleteCheckIn: { week: '2026-11-23' },
  saveCheckInReminder: { reminder: { enabled: true, weekday: 7, minute: 600 } },
  importCheckIns: {
    checkIns: [{ week: '2026-11-23', updatedAt: at, lengthsCm: { waist: 86 }, photos: [] }],
    mode: 'add',
  },
  importWorkouts: {
    sessions: [],
    routines: {
      routines: [OWN_ROUTINE],
      rotation: ['backDay'],
      updatedAt: at,
    },
    mode: 'replace',
  },
};

const HUGE = 'x'.repeat(1_000_000);
/** What a hostile sender puts where a value belongs: every type but the right one, and more. */
const WRONG_VALUES: unknown[] = [null, HUGE, -1.5, true, {}, [], [[]], Number.NaN];

/** Wrong values that are right at their place: a day without nudges, a file without exercises. */
const RIGHT_AFTER_ALL = [
  { path: /\.activeHours\.\d$/, value: [] },
  { path: /^customExercises$/, value: [] },
  { path: /^routines\.routines$/, value: [] },
  { path: /^checkIns?(\.\d+)?\.lengthsCm$/, value: {} },
  { path: /^checkIns?(\.\d+)?\.photos$/, value: [] },
  { path: /^checkIns$/, value: [] },
  { path: /^sessions$/, value: [] },
];

type Json = unknown;
type Mutation = { what: string; data: Json };

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value with the one at `path` replaced (or removed, for `undefined`). */
function replaced(value: Json, path: (string | number)[], by: Json | undefined): Json {
  if (path.length === 0) return by;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    return value.map((item, index) => (index === head ? replaced(item, rest, by) : item));
  }
  const copy = { ...(value as Record<string, Json>) };
  if (rest.length === 0 && by === undefined) delete copy[head!];
  else copy[head!] = replaced(copy[head!], rest, by);
  return copy;
}

/** Every path into a value: each field of each object, each item of each list. */
function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const children: [string | number, Json][] = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : isObject(value)
      ? Object.entries(value)
      : [];
  return children.flatMap(([key, child]) => [[...prefix, key], ...paths(child, [...prefix, key])]);
}

function valueAt(value: Json, path: (string | number)[]): Json {
  return path.reduce<Json>((inner, key) => (inner as Record<string, Json>)[key], value);
}

/** Malformed requests of a type: wrong data, an extra field anywhere, a wrong value anywhere. */
function mutations(valid: Json): Mutation[] {
  const found: Mutation[] = [null, undefined, [], [valid], 'syncNow', HUGE, 42, true].map(
    (data) => ({ what: `data ${JSON.stringify(data)?.slice(0, 20)}`, data }),
  );
  const objects = [[], ...paths(valid)].filter((path) => isObject(valueAt(valid, path)));
  for (const path of objects) {
    for (const extra of ['unexpected', HUGE, '__proto__x']) {
      found.push({
        what: `extra field at ${path.join('.')}`,
        data: replaced(valid, path, { ...(valueAt(valid, path) as object), [extra]: 1 }),
      });
    }
    // An object given as a list of itself, or as a list of its fields' values.
    const object = valueAt(valid, path) as Record<string, Json>;
    found.push({ what: `list for ${path.join('.')}`, data: replaced(valid, path, [object]) });
    found.push({
      what: `values for ${path.join('.')}`,
      data: replaced(valid, path, Object.values(object)),
    });
  }
  for (const path of paths(valid)) {
    for (const wrong of WRONG_VALUES) {
      const original = valueAt(valid, path);
      if (JSON.stringify(wrong) === JSON.stringify(original)) continue;
      // Either boolean is right where a boolean belongs.
      if (typeof wrong === 'boolean' && typeof original === 'boolean') continue;
      const where = path.join('.');
      const right = RIGHT_AFTER_ALL.some(
        (allowed) =>
          allowed.path.test(where) && JSON.stringify(allowed.value) === JSON.stringify(wrong),
      );
      if (right) continue;
      found.push({
        what: `${JSON.stringify(wrong)?.slice(0, 20)} at ${path.join('.')}`,
        data: replaced(valid, path, wrong),
      });
    }
  }
  return found;
}

/** Removing each field: a refusal wherever the field is required. */
function withoutEachField(valid: Json): Mutation[] {
  return paths(valid)
    .filter((path) => typeof path.at(-1) === 'string')
    .map((path) => ({ what: `without ${path.join('.')}`, data: replaced(valid, path, undefined) }));
}

/** Handlers that record any call; a refused message must reach none of them. */
function spyingHandlers() {
  const called: string[] = [];
  const handlers = Object.fromEntries(
    Object.keys(requestSchemas).map((type) => [type, vi.fn(() => void called.push(type))]),
  ) as unknown as Handlers;
  return { handlers, called };
}

/** Words of valibot's own messages: a refusal carrying one passes the validator's text on. */
const VALIDATOR_WORDS = /Invalid (type|key|length|format|value|integer)|Expected|Received|never/;

let keys: Set<string>;
beforeEach(async () => {
  keys ??= await messageKeys();
});

function expectSaidRefusal(reply: Reply<unknown>, what: string) {
  expect(reply.ok, what).toBe(false);
  if (reply.ok) return;
  const { key, params = [] } = reply.error;
  expect(keys.has(key), `${what}: ${key} is a message`).toBe(true);
  expect(key, what).not.toBe('error.unknown');
  for (const param of params) {
    expect(param, what).not.toMatch(VALIDATOR_WORDS);
    expect(param.length, what).toBeLessThanOrEqual(60);
  }
}

describe('every message type with malformed data', () => {
  it('takes each valid request as the pages send it', async () => {
    const { handlers, called } = spyingHandlers();
    const dispatch = createDispatcher(handlers);
    for (const [type, data] of Object.entries(VALID)) {
      expect(await dispatch({ type, data }), type).toEqual({ ok: true, value: undefined });
    }
    expect(called).toEqual(Object.keys(requestSchemas));
  });

  it.each(Object.keys(requestSchemas) as MessageType[])(
    '%s: refuses each in an i18n message with its substitutions, running nothing',
    async (type) => {
      const { handlers, called } = spyingHandlers();
      const dispatch = createDispatcher(handlers);
      const malformed = mutations(VALID[type]);
      expect(malformed.length).toBeGreaterThan(5);
      for (const { what, data } of malformed) {
        expectSaidRefusal(await dispatch({ type, data }), `${type}: ${what}`);
      }
      expect(called).toEqual([]);
      // A request without an optional field (changeId, restore, until...) is still whole.
      for (const { what, data } of withoutEachField(VALID[type])) {
        const reply = await dispatch({ type, data });
        if (!reply.ok) expectSaidRefusal(reply, `${type}: ${what}`);
      }
    },
  );

  it('says which field: an extra one, a missing one, a wrong one, a list too long', async () => {
    const dispatch = createDispatcher(spyingHandlers().handlers);
    expect(await dispatch({ type: 'getStatus', data: { x: 1 } })).toEqual({
      ok: false,
      error: { key: 'invalid.request.unexpectedField', params: ['getStatus', 'x'] },
    });
    expect(await dispatch({ type: 'pauseNudges', data: {} })).toEqual({
      ok: false,
      error: { key: 'invalid.request.missingField', params: ['pauseNudges', 'choice'] },
    });
    expect(
      await dispatch({ type: 'stageImport', data: { ...VALID.stageImport, part: 1.5 } }),
    ).toEqual({
      ok: false,
      error: { key: 'invalid.request.field', params: ['stageImport', 'part'] },
    });
    expect(await dispatch({ type: 'logEntries', data: { entries: [] } })).toEqual({
      ok: false,
      error: { key: 'invalid.request.count', params: ['logEntries', 'entries'] },
    });
    // The domain's own problems keep their words.
    expect(
      await dispatch({ type: 'logEntries', data: { entries: [{ kind: 'water', ml: 0, at }] } }),
    ).toEqual({ ok: false, error: { key: 'invalid.waterMl' } });
  });

  it('refuses syncNow with any data, and runs no sync', async () => {
    const { handlers, called } = spyingHandlers();
    const dispatch = createDispatcher(handlers);
    for (const data of [[], [{}], { force: true }, null, 'now']) {
      expect(await dispatch({ type: 'syncNow', data })).toMatchObject({
        ok: false,
        error: { key: expect.stringMatching(/^invalid\.request\./) as unknown },
      });
    }
    expect(called).toEqual([]);
  });

  it('refuses an unknown type and a malformed batch in words, quoting a name cut short', async () => {
    const { handlers, called } = spyingHandlers();
    const dispatch = createDispatcher(handlers);
    for (const type of ['toString', '__proto__', HUGE, 'hasOwnProperty']) {
      expectSaidRefusal(await dispatch({ type, data: {} }), `type ${type.slice(0, 20)}`);
    }
    for (const data of [[], 'x', null, [{ type: BATCH, data: [] }], [{ type: 'getStatus' }]]) {
      expectSaidRefusal(await dispatch({ type: BATCH, data }), `batch ${JSON.stringify(data)}`);
    }
    const inBatch = await dispatch({
      type: BATCH,
      data: [
        { type: 'syncNow', data: [] },
        { type: 'nope', data: {} },
      ],
    });
    expect(inBatch.ok).toBe(true);
    for (const reply of (inBatch as { value: Reply<unknown>[] }).value) {
      expectSaidRefusal(reply, 'in a batch');
    }
    expect(called).toEqual([]);
  });
});

describe('the worker given malformed messages', () => {
  it('stores nothing and schedules nothing, whatever the message', async () => {
    const worker = createWorker(fakeWorkerDependencies(() => at + 60_000));
    await worker.resume();
    const before = async () => ({
      local: await fakeBrowser.storage.local.get(),
      sync: await fakeBrowser.storage.sync.get(),
      alarms: await fakeBrowser.alarms.getAll(),
    });
    const stored = await before();
    const dispatch = createDispatcher(worker.handlers);
    for (const type of Object.keys(requestSchemas) as MessageType[]) {
      for (const { what, data } of mutations(VALID[type])) {
        expectSaidRefusal(await dispatch({ type, data }), `${type}: ${what}`);
      }
    }
    expect(await before()).toEqual(stored);
  });
});
