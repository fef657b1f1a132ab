/**
 * Finished sessions and the user's routines in the export and its import: a round trip gives
 * them back, a file without them imports as before, a damaged one is left out and counted.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createWorker } from '../../lib/app/worker';
import type { OwnRoutines } from '../../lib/model/routines';
import type { Session } from '../../lib/model/sessions';
import { DEFAULT_SETTINGS } from '../../lib/model/settings';
import { createBackup, isDataKey, parseBackup, serializeBackup } from '../../lib/store/backup';
import {
  LOCAL_KEYS,
  readVersioned,
  routinesFormat,
  sessionHistoryFormat,
  SYNC_KEYS,
} from '../../lib/store/items';
import { mergeRoutines, mergeSessions, readFileWorkouts } from '../../lib/store/workout-backup';
import { PARSE_NOW, validBackup } from './backup-files';
import { fakeWorkerDependencies } from './worker-deps';

/** Monday 2026-11-23, 18:00 local time. */
const START = new Date(2026, 10, 23, 18).getTime();
const MINUTE = 60_000;

const ownRoutine = (id: string, name: string, updatedAt: number) => ({
  id,
  name,
  focus: 'back' as const,
  exercises: [
    { exercise: 'deadlift', sets: 3, reps: [8, 10] as [number, number], restSeconds: 150 },
  ],
  updatedAt,
});

const storedSessions = async () =>
  readVersioned(
    sessionHistoryFormat,
    (await fakeBrowser.storage.local.get(LOCAL_KEYS.sessions))[LOCAL_KEYS.sessions],
  ).value.sessions;
const storedRoutines = async () =>
  readVersioned(
    routinesFormat,
    (await fakeBrowser.storage.sync.get(SYNC_KEYS.routines))[SYNC_KEYS.routines],
  ).value;

describe('sessions and routines in the export', () => {
  let now = START;
  const worker = () =>
    createWorker(fakeWorkerDependencies(() => now, { randomId: () => `id${now}` }));

  /** Two finished sessions and one own routine, made by the worker as the user would. */
  async function workedOut(): Promise<{ sessions: Session[]; routines: OwnRoutines }> {
    const instance = worker();
    for (const routine of ['backDay', 'lowerBackDay']) {
      const { session } = await instance.handlers.startSession({ routine });
      const slot = session!.slots[0]!;
      await instance.handlers.logSessionSet({
        slot: 0,
        set: { kind: 'set', exercise: slot.exercise, reps: 10, at: now },
      });
      now += 20 * MINUTE;
      await instance.handlers.endSession({});
      now += 86_400_000;
    }
    await instance.handlers.saveRoutines({
      routines: {
        routines: [ownRoutine('own-abcd1', 'My back day', 0)],
        rotation: ['own-abcd1', 'backDay'],
        updatedAt: 0,
      },
    });
    return { sessions: await storedSessions(), routines: await storedRoutines() };
  }

  const exported = ({ sessions, routines }: { sessions: Session[]; routines: OwnRoutines }) =>
    serializeBackup(createBackup(DEFAULT_SETTINGS, [], [], now, [], { sessions, routines }));

  beforeEach(() => {
    now = START;
  });

  it('come back the same after an export and an import in place of everything', async () => {
    const before = await workedOut();
    expect(before.sessions).toHaveLength(2);
    const parsed = parseBackup(exported(before), now);
    if (!parsed.ok) throw new Error(parsed.messageKey);
    expect(parsed.workouts.leftOut).toEqual({ sessions: 0, routines: 0 });
    fakeBrowser.reset();
    const { sessions, routines } = parsed.backup;
    const imported = await worker().handlers.importWorkouts({
      sessions: sessions!,
      routines,
      mode: 'replace',
    });
    expect(imported).toEqual({ sessions: 2, routines: 1 });
    expect(await storedSessions()).toEqual(before.sessions);
    expect(await storedRoutines()).toEqual(before.routines);
  });

  it('are added to those here, each session once and each routine’s newer version', async () => {
    const before = await workedOut();
    const [first, second] = before.sessions;
    const renamed = ownRoutine('own-abcd1', 'Back, renamed', now + 1);
    const other = ownRoutine('own-efgh2', 'Desk day', now + 1);
    now += 2;
    const file = { routines: [renamed, other], rotation: ['own-efgh2'], updatedAt: now };
    await worker().handlers.importWorkouts({
      sessions: [second!, { ...first!, id: 'idother' }],
      routines: file,
      mode: 'add',
    });
    expect((await storedSessions()).map(({ id }) => id)).toEqual([
      first!.id,
      'idother',
      second!.id,
    ]);
    const routines = await storedRoutines();
    expect(routines.routines.map(({ name }) => name)).toEqual(['Back, renamed', 'Desk day']);
    expect(routines.rotation).toEqual(['own-efgh2']);
  });

  it('a file of before sessions imports as before, and leaves those here alone', async () => {
    const before = await workedOut();
    const parsed = parseBackup(JSON.stringify(validBackup()), PARSE_NOW);
    if (!parsed.ok) throw new Error(parsed.messageKey);
    expect(parsed.backup.entries).toHaveLength(2);
    expect(parsed.workouts).toEqual({ sessions: [], leftOut: { sessions: 0, routines: 0 } });
    expect(parsed.backup.routines).toBeUndefined();
    await worker().handlers.importWorkouts({ sessions: [], mode: 'add' });
    expect(await storedSessions()).toEqual(before.sessions);
    expect(await storedRoutines()).toEqual(before.routines);
  });

  it('leave out, and count, a damaged or unfinished session and a damaged routine', async () => {
    const { sessions, routines } = await workedOut();
    const file = JSON.parse(exported({ sessions, routines })) as Record<string, unknown>;
    const [good, damaged] = sessions;
    const unfinished: Partial<Session> = { ...good!, id: 'idopen' };
    delete unfinished.endedAt;
    file.sessions = [
      good,
      { ...damaged!, sets: 'x' },
      unfinished,
      { ...good!, id: 'idlater', endedAt: now + 86_400_000 },
      good,
      'session',
    ];
    file.routines = {
      ...routines,
      routines: [
        ...routines.routines,
        { ...ownRoutine('own-bad12', '', 0) },
        {
          ...ownRoutine('own-bad34', 'Too many sets', 0),
          exercises: [{ exercise: 'deadlift', sets: 99, restSeconds: 0 }],
        },
      ],
    };
    const parsed = parseBackup(JSON.stringify(file), now);
    if (!parsed.ok) throw new Error(parsed.messageKey);
    expect(parsed.workouts.leftOut).toEqual({ sessions: 5, routines: 2 });
    expect(parsed.backup.sessions).toEqual([good]);
    expect(parsed.backup.routines).toEqual(routines);
  });

  it('keep the routines but not a rotation that cannot be read, and none of a broken record', () => {
    const own = ownRoutine('own-abcd1', 'My back day', 0);
    const badRotation = readFileWorkouts(
      { routines: { routines: [own], rotation: 7, updatedAt: 1 } },
      now,
    );
    expect(badRotation.routines).toEqual({ routines: [own], rotation: ['backDay'], updatedAt: 1 });
    expect(badRotation.leftOut.routines).toBe(0);
    const notAList = readFileWorkouts({ sessions: {}, routines: 'routines' }, now);
    expect(notAList.leftOut.sessions).toBe(1);
    expect(notAList.routines).toEqual({ routines: [], rotation: ['backDay'], updatedAt: 0 });
  });

  it('merge so that what here is newer stays, and what would not fit in sync is not taken', () => {
    const here = {
      routines: [ownRoutine('own-abcd1', 'Newer here', 5)],
      rotation: ['backDay'],
      updatedAt: 5,
    };
    const older = {
      routines: [ownRoutine('own-abcd1', 'Older', 4)],
      rotation: ['own-abcd1'],
      updatedAt: 4,
    };
    expect(mergeRoutines(here, older)).toEqual(here);
    const many = Array.from({ length: 12 }, (_, index) =>
      ownRoutine(`own-many${index}`, `Routine ${index}`, 9),
    );
    expect(mergeRoutines(here, { routines: many, rotation: ['backDay'], updatedAt: 9 })).toEqual(
      here,
    );
    expect(mergeSessions([], [])).toEqual([]);
  });

  it('are kept in the backup taken before a reset or a replacing import', () => {
    expect(isDataKey(LOCAL_KEYS.sessions)).toBe(true);
  });
});
