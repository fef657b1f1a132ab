/**
 * Finished workout sessions and the user's own routines as CSV for spreadsheets, beside the
 * entries' CSV (lib/store/backup.ts): a row a session, and a row an exercise of a routine.
 * Instants are ISO 8601 (UTC) and no cell starts a formula, as in the entries' CSV.
 */
import type { OwnRoutines } from '../model/routines';
import { sessionFigures, type Session } from '../model/sessions';
import { csvCell } from './backup';

function csvText(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

const iso = (instant: number | undefined) =>
  instant === undefined ? undefined : new Date(instant).toISOString();

export const SESSION_CSV_COLUMNS = [
  'id',
  'routine',
  'routine_name',
  'day',
  'started_at',
  'ended_at',
  'end',
  'exercises',
  'sets',
  'volume_kg',
  'active_min',
  'records',
] as const;

/**
 * One row a session, in the order they started: its routine (id and name; none for a session
 * started empty), its day (that of its first set), start and end, and what it came to.
 * `routineName`: the name the user knows a routine by, for ids of routines they have.
 */
export function sessionsCsv(
  sessions: readonly Session[],
  routineName: (id: string) => string | undefined,
): string {
  const rows = [...sessions]
    .sort((a, b) => a.startedAt - b.startedAt)
    .map((session) => {
      const figures = sessionFigures(session);
      return [
        session.id,
        session.routine,
        session.routine === undefined ? undefined : routineName(session.routine),
        session.sets[0]?.day,
        iso(session.startedAt),
        iso(session.endedAt),
        session.end,
        figures.exercises,
        figures.sets,
        figures.volumeKg,
        Math.round(figures.activeMs / 60_000),
        figures.records,
      ];
    });
  return csvText(SESSION_CSV_COLUMNS, rows);
}

export const ROUTINE_CSV_COLUMNS = [
  'routine',
  'name',
  'focus',
  'rotation',
  'position',
  'exercise',
  'sets',
  'reps_min',
  'reps_max',
  'hold_min_s',
  'hold_max_s',
  'rest_s',
  'updated_at',
] as const;

/**
 * One row an exercise of each of the user's own routines, in the routine's order: the routine
 * (id, name, what it works, its place in the rotation if it has one), then the exercise's sets,
 * rep range or hold, and rest. Empty reps and hold: as many reps as possible.
 */
export function routinesCsv(own: OwnRoutines): string {
  const rows = own.routines.flatMap((routine) => {
    const place = own.rotation.indexOf(routine.id);
    return routine.exercises.map((exercise, index) => [
      routine.id,
      routine.name,
      routine.focus,
      place >= 0 ? place + 1 : undefined,
      index + 1,
      exercise.exercise,
      exercise.sets,
      exercise.reps?.[0],
      exercise.reps?.[1],
      exercise.holdSeconds?.[0],
      exercise.holdSeconds?.[1],
      exercise.restSeconds,
      iso(routine.updatedAt),
    ]);
  });
  return csvText(ROUTINE_CSV_COLUMNS, rows);
}
