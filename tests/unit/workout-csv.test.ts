/**
 * Sessions and routines as CSV: read back with a plain CSV reader, the rows give the sessions'
 * figures and the routines' exercises again, and no cell of a name starts a formula.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { OwnRoutine, OwnRoutines } from '../../lib/model/routines';
import {
  endSession,
  recordSet,
  slotForPicked,
  startSession,
  type Session,
} from '../../lib/model/sessions';
import {
  ROUTINE_CSV_COLUMNS,
  routinesCsv,
  SESSION_CSV_COLUMNS,
  sessionsCsv,
} from '../../lib/store/workout-csv';

/** Monday 2026-11-23, 18:00 local time. */
const START = new Date(2026, 10, 23, 18).getTime();
const MINUTE = 60_000;

/** RFC 4180 as a spreadsheet reads it: quoted cells, doubled quotes, CRLF rows. */
function readCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let at = 0; at < text.length; at++) {
    const char = text[at]!;
    if (quoted && char === '"' && text[at + 1] === '"') {
      cell += '"';
      at++;
    } else if (char === '"') quoted = !quoted;
    else if (quoted) cell += char;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[at + 1] === '\n') {
      rows.push([...row, cell]);
      row = [];
      cell = '';
      at++;
    } else cell += char;
  }
  const [header, ...body] = rows;
  return body.map((cells) => Object.fromEntries(header!.map((name, i) => [name, cells[i]!])));
}

function session(id: string, at: number, sets: { exercise: string; reps: number; kg?: number }[]) {
  let going: Session = startSession(id, [], at, id === 'empty' ? undefined : 'backDay');
  sets.forEach((set, index) => {
    going = recordSet(
      going,
      {
        id: `${id}set${index}`,
        day: '2026-11-23',
        at: at + (index + 1) * MINUTE,
        slot: slotForPicked(going, set.exercise),
        exercise: set.exercise,
        reps: set.reps,
        ...(set.kg ? { weight: { amount: set.kg, unit: 'kg' as const } } : {}),
      },
      undefined,
    );
  });
  return endSession(going, at + 30 * MINUTE);
}

const routine = (id: string, name: string, exercises: OwnRoutine['exercises']): OwnRoutine => ({
  id,
  name,
  focus: 'back',
  exercises,
  updatedAt: START,
});

describe('sessions and routines as CSV', () => {
  it('a row a session, oldest first, with its routine and what it came to', () => {
    const later = session('later', START + 86_400_000, [{ exercise: 'deadlift', reps: 8, kg: 80 }]);
    const earlier = session('empty', START, [
      { exercise: 'facePull', reps: 12 },
      { exercise: 'deadlift', reps: 10, kg: 60 },
    ]);
    const csv = sessionsCsv([later, earlier], (id) => (id === 'backDay' ? 'Back day' : undefined));
    expect(csv.split('\r\n')[0]).toBe(SESSION_CSV_COLUMNS.join(','));
    const rows = readCsv(csv);
    expect(rows.map((row) => row.id)).toEqual(['empty', 'later']);
    expect(rows[1]).toEqual({
      id: 'later',
      routine: 'backDay',
      routine_name: 'Back day',
      day: '2026-11-23',
      started_at: new Date(START + 86_400_000).toISOString(),
      ended_at: new Date(START + 86_400_000 + 30 * MINUTE).toISOString(),
      end: 'ended',
      exercises: '1',
      sets: '1',
      volume_kg: '640',
      active_min: '30',
      records: '0',
    });
    expect(rows[0]).toMatchObject({ routine: '', routine_name: '', sets: '2', volume_kg: '600' });
  });

  it('a row an exercise of each own routine: read back, the routines are whole again', () => {
    const exercise = fc.record({
      exercise: fc.constantFrom('deadlift', 'facePull', 'plank', 'pullUp'),
      sets: fc.integer({ min: 1, max: 10 }),
      restSeconds: fc.integer({ min: 0, max: 600 }),
      range: fc.option(
        fc.tuple(
          fc.constantFrom('reps', 'holdSeconds'),
          fc.integer({ min: 1, max: 100 }),
          fc.integer({ min: 0, max: 50 }),
        ),
        { nil: undefined },
      ),
    });
    const name = fc.oneof(
      fc.string({ minLength: 1, maxLength: 40 }).filter((text) => !text.startsWith("'")),
      fc.constant('=HYPERLINK("x")'),
    );
    const routines = fc.uniqueArray(
      fc.record({
        id: fc.stringMatching(/^own-[a-z0-9]{4,8}$/),
        name,
        exercises: fc.array(exercise, { minLength: 1, maxLength: 12 }),
      }),
      { selector: (made) => made.id, maxLength: 12 },
    );
    fc.assert(
      fc.property(routines, (made) => {
        const own: OwnRoutines = {
          routines: made.map(({ id, name, exercises }) =>
            routine(
              id,
              name,
              exercises.map(({ range, ...rest }) => ({
                ...rest,
                ...(range ? { [range[0]]: [range[1], range[1] + range[2]] } : {}),
              })),
            ),
          ),
          rotation: [...made.map(({ id }) => id).slice(0, 2), 'backDay'],
          updatedAt: START,
        };
        const csv = routinesCsv(own);
        expect(csv.split('\r\n')[0]).toBe(ROUTINE_CSV_COLUMNS.join(','));
        const rows = readCsv(csv);
        // No cell a spreadsheet would run as a formula.
        expect(rows.flatMap(Object.values).some((cell) => /^[=+\-@]/.test(cell))).toBe(false);
        const number = (cell: string) => (cell === '' ? undefined : Number(cell));
        const range = (min: string, max: string) =>
          min === '' ? undefined : ([number(min)!, number(max)!] as [number, number]);
        const back = own.routines.map((kept) => {
          const lines = rows.filter((row) => row.routine === kept.id);
          return {
            id: kept.id,
            name: lines[0]!.name!.replace(/^'(?=[=+\-@\t\r])/, ''),
            focus: lines[0]!.focus,
            exercises: lines.map((row) => ({
              exercise: row.exercise!,
              sets: number(row.sets!)!,
              ...(range(row.reps_min!, row.reps_max!)
                ? { reps: range(row.reps_min!, row.reps_max!) }
                : {}),
              ...(range(row.hold_min_s!, row.hold_max_s!)
                ? { holdSeconds: range(row.hold_min_s!, row.hold_max_s!) }
                : {}),
              restSeconds: number(row.rest_s!)!,
            })),
            updatedAt: Date.parse(lines[0]!.updated_at!),
            place: lines[0]!.rotation,
          };
        });
        expect(back.map(({ place: _place, ...kept }) => kept)).toEqual(own.routines);
        expect(back.map(({ place }) => place)).toEqual(
          own.routines.map(({ id }) =>
            own.rotation.includes(id) ? String(own.rotation.indexOf(id) + 1) : '',
          ),
        );
      }),
    );
  });
});
