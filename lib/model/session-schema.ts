/**
 * The stored form of a session (lib/model/sessions.ts), checked when read back from storage or
 * a file: apart from the model so that reading where the user is needs no validation library.
 */
import * as v from 'valibot';
import { dayKeySchema, exerciseIdSchema, idSchema, instantSchema } from './entries';
import { LIMITS } from './limits';
import { routineExerciseFields } from './routines';
import { SESSION_ENDS, type Session } from './sessions';

const whole = (max: number) => v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(max));

const setTargetFields = {
  reps: v.optional(whole(LIMITS.reps.max)),
  seconds: v.optional(whole(LIMITS.seconds.max)),
  weight: v.optional(
    v.strictObject({
      amount: v.pipe(v.number(), v.minValue(LIMITS.weight.min), v.maxValue(LIMITS.weight.max)),
      unit: v.picklist(['kg', 'lb']),
    }),
  ),
  side: v.optional(v.picklist(['left', 'right', 'both'])),
};

const MAX_SLOTS = 30;
const MAX_SETS = 300;
const slotIndex = whole(MAX_SLOTS);

/** A slot may grow past its routine's sets (one more for good measure). */
const slotSchema = v.strictObject({
  ...routineExerciseFields,
  sets: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50)),
  target: v.strictObject(setTargetFields),
  last: v.optional(v.strictObject({ ...setTargetFields, day: dayKeySchema })),
});

const setSchema = v.strictObject({
  ...setTargetFields,
  id: idSchema,
  day: dayKeySchema,
  at: instantSchema,
  slot: slotIndex,
  exercise: exerciseIdSchema,
  records: v.optional(whole(10)),
});

export const sessionSchema = v.strictObject({
  id: idSchema,
  routine: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z][A-Za-z0-9-]{1,40}$/))),
  startedAt: instantSchema,
  slots: v.pipe(v.array(slotSchema), v.maxLength(MAX_SLOTS)),
  sets: v.pipe(v.array(setSchema), v.maxLength(MAX_SETS)),
  skipped: v.array(slotIndex),
  pausedAt: v.optional(instantSchema),
  pausedMs: v.pipe(v.number(), v.integer(), v.minValue(0)),
  rest: v.optional(
    v.strictObject({
      endsAt: instantSchema,
      slot: slotIndex,
      set: whole(50),
      shown: v.optional(v.literal(true)),
    }),
  ),
  endedAt: v.optional(instantSchema),
  end: v.optional(v.picklist(SESSION_ENDS)),
}) as unknown as v.GenericSchema<unknown, Session>;
