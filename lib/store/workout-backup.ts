/**
 * Finished workout sessions and the user's own routines in the export (lib/store/backup.ts), and
 * how a file's are taken back: each session and each routine checked alone with its stored
 * schema, a bad one left out and counted, never trusted.
 */
import * as v from 'valibot';
import { CLOCK_SKEW_MS } from '../model/entries';
import {
  DEFAULT_OWN_ROUTINES,
  MAX_OWN_ROUTINES,
  ownRoutinesSchema,
  routineSchema,
  type OwnRoutine,
  type OwnRoutines,
} from '../model/routines';
import { sessionSchema } from '../model/session-schema';
import type { Session } from '../model/sessions';
import { MAX_KEPT_SESSIONS } from './items';

/** What a file's workouts came to: what may be imported, and how many of each were left out. */
export interface FileWorkouts {
  sessions: Session[];
  routines?: OwnRoutines;
  leftOut: { sessions: number; routines: number };
}

const isFinished = (session: Session, now: number) =>
  session.endedAt !== undefined && session.endedAt <= now + CLOCK_SKEW_MS;

/**
 * A file's sessions and routines, as `parseBackup` reads them; a file without them (one of before
 * sessions) brings none. `now`: this device's clock, which no finished session may be later than.
 */
export function readFileWorkouts(
  file: { sessions?: unknown; routines?: unknown },
  now: number,
): FileWorkouts {
  const leftOut = { sessions: 0, routines: 0 };
  const sessions: Session[] = [];
  const seen = new Set<string>();
  for (const raw of Array.isArray(file.sessions) ? file.sessions : []) {
    const parsed = v.safeParse(sessionSchema, raw);
    if (parsed.success && isFinished(parsed.output, now) && !seen.has(parsed.output.id)) {
      seen.add(parsed.output.id);
      sessions.push(parsed.output);
    } else leftOut.sessions++;
  }
  if (file.sessions !== undefined && !Array.isArray(file.sessions)) leftOut.sessions++;
  const routines = readFileRoutines(file.routines, now, leftOut);
  return { sessions: keptSessions(sessions), ...(routines ? { routines } : {}), leftOut };
}

function readFileRoutines(
  raw: unknown,
  now: number,
  leftOut: FileWorkouts['leftOut'],
): OwnRoutines | undefined {
  if (raw === undefined) return undefined;
  const record = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const listed = Array.isArray(record.routines) ? record.routines : [];
  const routines: OwnRoutine[] = [];
  for (const item of listed) {
    const parsed = v.safeParse(routineSchema, item);
    const fits =
      parsed.success &&
      parsed.output.updatedAt <= now + CLOCK_SKEW_MS &&
      routines.length < MAX_OWN_ROUTINES &&
      !routines.some(({ id }) => id === parsed.output.id);
    if (fits) routines.push(parsed.output);
    else leftOut.routines++;
  }
  const updatedAt = typeof record.updatedAt === 'number' ? Math.min(record.updatedAt, now) : 0;
  const whole = v.safeParse(ownRoutinesSchema, { routines, rotation: record.rotation, updatedAt });
  if (whole.success) return whole.output;
  // A rotation that cannot be read goes back to the ready one; the routines are kept.
  const rotated = v.safeParse(ownRoutinesSchema, {
    routines,
    rotation: DEFAULT_OWN_ROUTINES.rotation,
    updatedAt,
  });
  if (rotated.success) return rotated.output;
  leftOut.routines += routines.length;
  return undefined;
}

/** Sessions in the order they started, the newest kept when there are too many. */
function keptSessions(sessions: readonly Session[]): Session[] {
  return [...sessions].sort((a, b) => a.startedAt - b.startedAt).slice(-MAX_KEPT_SESSIONS);
}

/** The finished sessions here with a file's: each session once, by its id. */
export function mergeSessions(here: readonly Session[], file: readonly Session[]): Session[] {
  const ids = new Set(here.map(({ id }) => id));
  return keptSessions([...here, ...file.filter(({ id }) => !ids.has(id))]);
}

/**
 * The routines here with a file's: each routine's newer version, the rotation of the newer
 * record. When together they would not fit in sync, the routines here stay as they are.
 */
export function mergeRoutines(here: OwnRoutines, file: OwnRoutines): OwnRoutines {
  const byId = new Map(here.routines.map((routine) => [routine.id, routine]));
  for (const routine of file.routines) {
    const known = byId.get(routine.id);
    if (!known || known.updatedAt < routine.updatedAt) byId.set(routine.id, routine);
  }
  const newer = file.updatedAt > here.updatedAt ? file : here;
  const merged = v.safeParse(ownRoutinesSchema, {
    routines: [...byId.values()],
    rotation: newer.rotation,
    updatedAt: Math.max(here.updatedAt, file.updatedAt),
  });
  return merged.success ? merged.output : here;
}
