/**
 * Workout sessions in the worker: starting one from a routine (or empty), logging its sets as
 * ordinary sets that also belong to it, pausing, skipping, ending; and the rest timer, an alarm
 * (never a timer: a stopped worker loses nothing), whose notification says what comes next and
 * logs exactly that set from its button. Everything is in storage: the session item says where
 * the user is, the alarm when the rest ends.
 */
import { SerialQueue } from '../model/async';
import { exerciseNameKey } from '../model/exercise-keys';
import { localDayKey } from '../model/days';
import { EntryValidationError, type NewEntry } from '../model/entries';
import { ProblemError } from '../model/problem';
import { findRoutine } from '../model/routines';
import {
  endSession,
  isLeft,
  lastActivity,
  LEFT_AFTER_MS,
  nextSet,
  pauseSession,
  recordSet,
  resumeSession,
  sessionFigures,
  skipSlot,
  startSession,
  type NextSet,
  type Session,
} from '../model/sessions';
import { setAmountText } from '../model/set-text';
import type { Handlers, RequestOf } from '../messaging/protocol';
import {
  activeSessionFormat,
  LOCAL_KEYS,
  MAX_KEPT_SESSIONS,
  readVersioned,
  routinesFormat,
  sessionHistoryFormat,
  SYNC_KEYS,
  writeVersioned,
  type KeyValueArea,
  type StoredSession,
} from '../store/items';
import { readEntries } from '../store/buckets';
import type { Logged } from '../store/writer';
import { mergeRoutines, mergeSessions } from '../store/workout-backup';
import { sessionSlots } from '../stats/session-targets';
import { monthsBack } from '../sync/plan';
import type { WorkerContext } from './dependencies';
import { readCustomExercises, readSettings } from './shared-records';

export const REST_ALARM = 'session:rest';
export const LEFT_ALARM = 'session:left';
export const REST_NOTIFICATION = 'session-rest';
/** Snooze on a rest notification, and the wait while the user should not be interrupted. */
export const REST_SNOOZE_MS = 30_000;
/** Months of entries read for what each exercise did last time. */
const MONTHS_OF_LAST_TIME = 3;

type LogSet = (entries: NewEntry[]) => Promise<Logged>;

/** The session under way (or the last one ended, until closed) as stored; none when unreadable. */
export async function readActiveSession(local: KeyValueArea): Promise<StoredSession> {
  const raw = (await local.get(LOCAL_KEYS.session))[LOCAL_KEYS.session];
  return readVersioned(activeSessionFormat, raw).value;
}

export function sessions({ deps }: WorkerContext, logSet: LogSet) {
  /** Session operations run one at a time: a button press and a popup click never interleave. */
  const queue = new SerialQueue();

  const load = () => readActiveSession(deps.local);

  async function save(stored: StoredSession): Promise<void> {
    await deps.local.set({ [LOCAL_KEYS.session]: writeVersioned(activeSessionFormat, stored) });
    await applyAlarms(stored.session);
  }

  /** The alarms match the session: the rest's end, and when it counts as left. */
  async function applyAlarms(session: Session | undefined): Promise<void> {
    const going = session && session.endedAt === undefined;
    if (going && session.rest && !session.rest.shown)
      await deps.alarms.create(REST_ALARM, { when: session.rest.endsAt });
    else await deps.alarms.clear(REST_ALARM);
    if (going)
      await deps.alarms.create(LEFT_ALARM, { when: lastActivity(session) + LEFT_AFTER_MS });
    else await deps.alarms.clear(LEFT_ALARM);
  }

  /** The session under way; one left open for hours is ended (with what was logged) first. */
  async function current(): Promise<Session | undefined> {
    const stored = await load();
    const session = stored.session;
    if (!session || session.endedAt !== undefined) return undefined;
    if (!isLeft(session, deps.now())) return session;
    await finish(session);
    return undefined;
  }

  async function going(): Promise<Session> {
    const session = await current();
    if (!session) throw new ProblemError('session.none');
    return session;
  }

  async function readHistory(): Promise<Session[]> {
    const raw = (await deps.local.get(LOCAL_KEYS.sessions))[LOCAL_KEYS.sessions];
    return readVersioned(sessionHistoryFormat, raw).value.sessions;
  }

  const writeHistory = (sessions: Session[]) =>
    deps.local.set({ [LOCAL_KEYS.sessions]: writeVersioned(sessionHistoryFormat, { sessions }) });

  /** Ends a session: kept in the history when anything was logged in it. */
  async function finish(session: Session): Promise<StoredSession> {
    const ended = endSession(session, deps.now());
    const history = await readHistory();
    const previous = history.filter((past) => past.routine === ended.routine).at(-1);
    const stored: StoredSession = {
      session: ended,
      ...(previous && ended.routine ? { before: sessionFigures(previous) } : {}),
    };
    if (ended.sets.length > 0) {
      await writeHistory([...history, ended].slice(-MAX_KEPT_SESSIONS));
    }
    await deps.notifications.clear(REST_NOTIFICATION);
    await save(stored);
    return stored;
  }

  async function start({ routine: id }: RequestOf<'startSession'>): Promise<StoredSession> {
    const now = deps.now();
    const [settings, custom, ownRaw] = await Promise.all([
      readSettings(deps.sync),
      readCustomExercises(deps.sync),
      deps.sync.get(SYNC_KEYS.routines),
    ]);
    const own = readVersioned(routinesFormat, ownRaw[SYNC_KEYS.routines]).value.routines;
    const routine = id === undefined ? undefined : findRoutine(id, own);
    if (id !== undefined && !routine) throw new ProblemError('session.noRoutine');
    const before = await current();
    if (before) await finish(before);
    const today = localDayKey(now, settings.startOfDayHour);
    const entries = routine
      ? await readEntries(deps.local, monthsBack(today, MONTHS_OF_LAST_TIME).reverse())
      : [];
    const slots = routine ? sessionSlots(routine.exercises, entries, today, custom) : [];
    const stored = { session: startSession(deps.randomId(), slots, now, routine?.id) };
    await save(stored);
    return stored;
  }

  async function logInSession(request: RequestOf<'logSessionSet'>): Promise<StoredSession> {
    const session = await going();
    const next = nextSet(session);
    // A notification's button names the set it offered: pressed again, or late, it logs nothing.
    if (
      request.expected &&
      (next?.slot !== request.expected.slot || next.set !== request.expected.set)
    )
      return { session };
    const { slot, set: values, restSeconds } = request;
    if (values.kind !== 'set') throw new EntryValidationError('invalid.entryKind', 'set');
    const planned = session.slots[slot];
    if (slot > session.slots.length || (planned && planned.exercise !== values.exercise))
      throw new EntryValidationError('session.invalid.slot', 'slot');
    const at = deps.now();
    const logged = await logSet([{ ...values, at }]);
    const [entry] = logged.entries;
    // Storage is full: the set waits for room, and the session carries on without it.
    if (!entry || entry.kind !== 'set') return { session };
    const { id, day, exercise, reps, seconds, weight, side } = entry;
    const records = logged.records[0]?.length ?? 0;
    const updated = recordSet(
      session,
      {
        id,
        day,
        at,
        slot,
        exercise,
        ...(reps !== undefined ? { reps } : {}),
        ...(seconds !== undefined ? { seconds } : {}),
        ...(weight ? { weight } : {}),
        ...(side ? { side } : {}),
        ...(records > 0 ? { records } : {}),
      },
      restSeconds,
    );
    await deps.notifications.clear(REST_NOTIFICATION);
    const stored = { session: updated };
    await save(stored);
    return stored;
  }

  async function change(update: (session: Session) => Session): Promise<StoredSession> {
    const stored = { session: update(await going()) };
    if (!stored.session.rest) await deps.notifications.clear(REST_NOTIFICATION);
    await save(stored);
    return stored;
  }

  /** What the rest notification says comes next: "Rest over: set 3 of 3, Bent-over row 12 × 20 kg". */
  async function restOver(next: NextSet): Promise<void> {
    const custom = await readCustomExercises(deps.sync);
    const name =
      custom.find((exercise) => exercise.id === next.exercise)?.name ??
      deps.t(exerciseNameKey(next.exercise));
    const amount = setAmountText(deps.t, next.target);
    await deps.notifications.create(REST_NOTIFICATION, {
      type: 'basic',
      iconUrl: deps.iconUrl,
      title: deps.t('session.restOver', [next.set, next.of, name, amount]),
      message: deps.t(deps.buttons ? 'session.restOverButtons' : 'session.restOverClick'),
      ...(deps.buttons
        ? {
            buttons: [
              { title: deps.t('session.logThis', [amount]) },
              { title: deps.t('session.snooze') },
            ],
          }
        : {}),
    });
  }

  /** A fullscreen window or (when chosen) a tab playing sound: the rest notification waits. */
  async function keepQuiet(): Promise<boolean> {
    const { nudges } = await readSettings(deps.sync);
    return (
      (nudges.deferInFullscreen && (await deps.isFullscreen())) ||
      (nudges.quietWhileAudible && (await deps.isAudible()))
    );
  }

  async function restEnded(): Promise<void> {
    const session = await current();
    const next = session?.rest && nextSet(session);
    if (!session?.rest || !next || session.pausedAt !== undefined) return;
    if (await keepQuiet()) {
      await save({
        session: { ...session, rest: { ...session.rest, endsAt: deps.now() + REST_SNOOZE_MS } },
      });
      return;
    }
    await restOver(next);
    // Shown once: a worker starting again does not set its alarm again.
    await save({ session: { ...session, rest: { ...session.rest, shown: true } } });
  }

  async function snooze(): Promise<void> {
    const session = await current();
    await deps.notifications.clear(REST_NOTIFICATION);
    if (!session?.rest) return;
    const { shown: _shown, ...rest } = session.rest;
    await save({ session: { ...session, rest: { ...rest, endsAt: deps.now() + REST_SNOOZE_MS } } });
  }

  /** The notification's button logs the set it named, as it named it. */
  async function logOffered(): Promise<void> {
    const session = await current();
    const next = session && nextSet(session);
    const offered = session?.rest?.shown ? session.rest : undefined;
    // Only the set a shown notification named: a second press meets the next rest, unshown.
    if (!offered || !next || next.slot !== offered.slot || next.set !== offered.set)
      return void (await deps.notifications.clear(REST_NOTIFICATION));
    await logInSession({
      slot: next.slot,
      set: { kind: 'set', exercise: next.exercise, ...next.target, at: deps.now() },
      expected: { slot: next.slot, set: next.set },
    });
  }

  /**
   * The user's routines and rotation, as one record (newest write wins, like settings); one a
   * newer version wrote is never written over.
   */
  async function saveRoutines({ routines, restore }: RequestOf<'saveRoutines'>) {
    const stored = readVersioned(
      routinesFormat,
      (await deps.sync.get(SYNC_KEYS.routines))[SYNC_KEYS.routines],
    );
    if (stored.status === 'newer') throw new ProblemError('routine.unreadable');
    const saved = restore ? routines : { ...routines, updatedAt: deps.now() };
    if (stored.status === 'ok' && stored.value.updatedAt > saved.updatedAt) return stored.value;
    await deps.sync.set({ [SYNC_KEYS.routines]: writeVersioned(routinesFormat, saved) });
    return saved;
  }

  /**
   * A file's finished sessions and routines, after its import: in place of those here
   * (`replace`), or beside them, each session once and each routine's newer version (`add`).
   */
  async function importWorkouts({ sessions, routines, mode }: RequestOf<'importWorkouts'>) {
    await writeHistory(mergeSessions(mode === 'replace' ? [] : await readHistory(), sessions));
    if (routines) {
      const raw = (await deps.sync.get(SYNC_KEYS.routines))[SYNC_KEYS.routines];
      const here = readVersioned(routinesFormat, raw);
      const kept =
        mode === 'add' && here.status === 'ok' ? mergeRoutines(here.value, routines) : routines;
      await saveRoutines({ routines: kept, restore: true });
    }
    return { sessions: sessions.length, routines: routines?.routines.length ?? 0 };
  }

  const run = <T>(operation: () => Promise<T>) => queue.run(operation);

  const handlers: Pick<
    Handlers,
    | 'startSession'
    | 'logSessionSet'
    | 'pauseSession'
    | 'endSession'
    | 'skipSessionExercise'
    | 'saveRoutines'
    | 'importWorkouts'
  > = {
    saveRoutines: (request) => run(() => saveRoutines(request)),
    importWorkouts: (request) => run(() => importWorkouts(request)),
    startSession: (request) => run(() => start(request)),
    logSessionSet: (request) => run(() => logInSession(request)),
    pauseSession: ({ paused }) =>
      run(() =>
        change((session) =>
          paused ? pauseSession(session, deps.now()) : resumeSession(session, deps.now()),
        ),
      ),
    skipSessionExercise: ({ slot }) => run(() => change((session) => skipSlot(session, slot))),
    endSession: ({ dismiss }) =>
      run(async () => {
        const session = await current();
        if (session) return finish(session);
        if (dismiss) await deps.local.remove(LOCAL_KEYS.session);
        return dismiss ? {} : load();
      }),
  };

  return {
    handlers,
    /** Whether an alarm is the session's; the worker asks before the nudge engine. */
    ownsAlarm: (name: string) => name === REST_ALARM || name === LEFT_ALARM,
    ownsNotification: (id: string) => id === REST_NOTIFICATION,
    onAlarm: (name: string) =>
      run(async () => {
        if (name === REST_ALARM) await restEnded();
        // Reading it ends a session left for hours, or moves the alarm to its last activity.
        else if (await current()) await applyAlarms(await current());
      }),
    onButtonClicked: (index: number) => run(() => (index === 0 ? logOffered() : snooze())),
    /** Clicking opens the session (Firefox, whose notifications have no buttons, logs from there). */
    async onClicked(): Promise<void> {
      await deps.notifications.clear(REST_NOTIFICATION);
      await deps.openSession?.();
    },
    /** On every start: the alarms match the stored session again (idempotent). */
    resume: () => run(async () => applyAlarms(await current())),
  };
}
