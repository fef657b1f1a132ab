/** fast-check generators of valid domain values. */
import fc from 'fast-check';
import { addDays } from '../../lib/model/days';
import type { Entry } from '../../lib/model/entries';
import { HABIT_KINDS, storedFields, type StoredField } from '../../lib/model/habits';
import type { DeviceDay } from '../../lib/stats/summary';

const MONTH = '2026-11';
const MONTH_START = Date.UTC(2026, 10, 1);

const common = fc.record({
  at: fc.integer({ min: MONTH_START - 86_400_000, max: MONTH_START + 31 * 86_400_000 }),
  day: fc.integer({ min: 0, max: 29 }).map((offset) => addDays(`${MONTH}-01`, offset)),
  device: fc.constantFrom('devA1', 'devB2', 'devC3'),
});

const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const exercise = fc.constantFrom('bentOverRow', 'plank', 'custom-abcd1234', 'rowingMachine');

function clean<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}

export const entryArbitrary: fc.Arbitrary<Entry> = fc
  .oneof(
    fc
      .record({ ml: fc.integer({ min: 1, max: 5000 }) })
      .map((fields) => ({ kind: 'water' as const, ...fields })),
    fc
      .record({
        exercise,
        reps: optional(fc.integer({ min: 0, max: 1000 })),
        seconds: optional(fc.integer({ min: 1, max: 21600 })),
        weight: optional(
          fc.record({
            amount: fc.integer({ min: 0, max: 4000 }).map((q) => q / 4),
            unit: fc.constantFrom('kg' as const, 'lb' as const),
          }),
        ),
        side: optional(fc.constantFrom('left' as const, 'right' as const, 'both' as const)),
        rpe: optional(fc.integer({ min: 2, max: 20 }).map((half) => half / 2)),
        warmup: optional(fc.boolean()),
        note: optional(fc.string({ maxLength: 280 })),
      })
      .filter((set) => set.reps !== undefined || set.seconds !== undefined)
      .map((fields) => ({ kind: 'set' as const, ...fields })),
    fc
      .record({
        exercise,
        seconds: fc.integer({ min: 1, max: 21600 }),
        distanceM: optional(fc.integer({ min: 0, max: 500_000 })),
        note: optional(fc.string({ maxLength: 50 })),
      })
      .map((fields) => ({ kind: 'cardio' as const, ...fields })),
    fc
      .record({
        prompt: fc.constantFrom(
          'posture' as const,
          'movement' as const,
          'breathing' as const,
          'water' as const,
        ),
        outcome: fc.constantFrom(
          'done' as const,
          'snoozed' as const,
          'skipped' as const,
          'dismissed' as const,
          'expired' as const,
        ),
        firedBefore: fc.integer({ min: 0, max: 3_600_000 }),
        answered: fc.boolean(),
        detail: optional(fc.constantFrom('box', 'birdDog')),
      })
      .map(({ firedBefore, answered, ...fields }) => ({
        kind: 'prompt' as const,
        firedBefore,
        answered,
        ...fields,
      })),
    fc
      .record({
        reason: fc.constantFrom('rest' as const, 'vacation' as const, 'sick' as const),
        length: optional(fc.integer({ min: 0, max: 59 })),
      })
      .map((fields) => ({ kind: 'rest' as const, ...fields })),
  )
  .chain((kindFields) =>
    common.map(({ at, day, device }) => {
      const base = { id: `${device}-${at.toString(36)}`, at, day, device };
      if (kindFields.kind === 'prompt') {
        const { firedBefore, answered, ...rest } = kindFields;
        return clean({
          ...base,
          ...rest,
          firedAt: at - firedBefore,
          answeredAt: answered ? at : undefined,
        }) as Entry;
      }
      if (kindFields.kind === 'rest') {
        const { length, ...rest } = kindFields;
        return clean({
          ...base,
          ...rest,
          until: length === undefined ? undefined : addDays(day, length),
        }) as Entry;
      }
      return clean({ ...base, ...kindFields }) as Entry;
    }),
  );

/**
 * The most a generated day holds of a count: a water amount up to four times the usual goal, a
 * count the coarse form keeps beyond the cap of its bits, any other within a person's day.
 */
function countLimit(field: StoredField): number {
  if (field.ofDayGoal) return 8000;
  if (field.coarse) return 2 ** field.coarse.bits + 8;
  return Math.min(field.max ?? 30_000, 30_000);
}

const fieldArbitrary = (field: StoredField): fc.Arbitrary<number | boolean> =>
  field.type === 'flag' ? fc.boolean() : fc.integer({ min: 0, max: countLimit(field) });

/** A day's record of one device, with every field the habit kinds store. */
export const deviceDayArbitrary = (rev: number): fc.Arbitrary<DeviceDay> =>
  fc
    .record({
      ...Object.fromEntries(
        storedFields(HABIT_KINDS).map((field) => [field.name, fieldArbitrary(field)]),
      ),
      rest: optional(fc.constantFrom('rest' as const, 'vacation' as const, 'sick' as const)),
      waterGoalMl: optional(fc.integer({ min: 10, max: 120 }).map((n) => n * 50)),
    })
    .map((record) => clean({ rev, ...record }) as DeviceDay);
