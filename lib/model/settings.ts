/**
 * The user's settings: one record that syncs across devices, last writer wins by `updatedAt`.
 * Version 2 added the nudge settings, version 3 the moves of movement breaks and quiet while a tab
 * plays sound, version 4 what earlier days expected (see the migrations in lib/store/items.ts).
 */
import * as v from 'valibot';
import { DEFAULT_BREAK_MOVES } from './catalogue';
import { MAX_START_OF_DAY_HOUR } from './days';
import { dayKeySchema, EXERCISE_ID, LATEST_INSTANT } from './entries';
import { BODY_WEIGHT_KG, suggestedWaterGoalMl, WATER_GOAL_ML, waterGoalMl } from './water';

const wholeNumber = (min: number, max: number, message: string) =>
  v.pipe(v.number(message), v.integer(message), v.minValue(min, message), v.maxValue(max, message));

export interface Goals {
  waterMl: number;
  postureChecks: number;
  movementBreaks: number;
  breathingSessions: number;
  /** Workout days per week, 0 to 7. */
  workoutsPerWeek: number;
}

export const goalsSchema = v.strictObject({
  /** Absent: suggested from body weight (lib/model/water.ts). */
  waterMl: v.optional(wholeNumber(WATER_GOAL_ML.min, WATER_GOAL_ML.max, 'invalid.goal.water')),
  postureChecks: wholeNumber(0, 12, 'invalid.goal.posture'),
  movementBreaks: wholeNumber(0, 12, 'invalid.goal.movement'),
  breathingSessions: wholeNumber(0, 6, 'invalid.goal.breathing'),
  workoutsPerWeek: wholeNumber(0, 7, 'invalid.goal.workouts'),
});

/** What the toolbar badge shows: daily habits not yet met, water drunk, time to the next nudge. */
export const BADGE_MODES = ['habitsLeft', 'water', 'nextNudge', 'off'] as const;

export const SNOOZE_CHOICES = [5, 10, 15] as const;

const MINUTES_PER_DAY = 24 * 60;
const minuteOfDay = wholeNumber(0, MINUTES_PER_DAY, 'invalid.nudge.time');

/** A range of the day, in minutes from midnight: from 540 to 1080 is 09:00 to 18:00. */
export const timeRangeSchema = v.pipe(
  v.strictObject({ from: minuteOfDay, to: minuteOfDay }),
  v.check((range) => range.from < range.to, 'invalid.nudge.rangeOrder'),
);
export type TimeRange = v.InferOutput<typeof timeRangeSchema>;

const dayRangesSchema = v.pipe(
  v.array(timeRangeSchema),
  v.maxLength(4, 'invalid.nudge.tooManyRanges'),
  v.check(
    (ranges) => ranges.every((range, index) => index === 0 || ranges[index - 1]!.to <= range.from),
    'invalid.nudge.rangesOverlap',
  ),
);

export const nudgeKindSchema = v.pipe(
  v.strictObject({
    enabled: v.boolean(),
    /** `interval`: every N minutes of active time; `times`: at fixed clock times. */
    mode: v.picklist(['interval', 'times'], 'invalid.nudge.mode'),
    everyMinutes: wholeNumber(10, 480, 'invalid.nudge.interval'),
    times: v.pipe(v.array(minuteOfDay), v.maxLength(12, 'invalid.nudge.tooManyTimes')),
  }),
  v.check((kind) => kind.mode !== 'times' || kind.times.length > 0, 'invalid.nudge.noTimes'),
);
export type NudgeKindSettings = v.InferOutput<typeof nudgeKindSchema>;

export const nudgeSettingsSchema = v.strictObject({
  posture: nudgeKindSchema,
  movement: nudgeKindSchema,
  breathing: nudgeKindSchema,
  water: nudgeKindSchema,
  /** Active hours for each ISO weekday, Monday first: several ranges a day, or none. */
  activeHours: v.pipe(v.array(dayRangesSchema), v.length(7, 'invalid.nudge.week')),
  /** What coming back after an absence does: restart the timers, carry on, or stay paused. */
  afterAbsence: v.picklist(['reset', 'continue', 'pause'], 'invalid.nudge.afterAbsence'),
  /** Minutes without input after which the user counts as away (the idle API's threshold). */
  awayAfterMinutes: wholeNumber(1, 60, 'invalid.nudge.away'),
  deferInFullscreen: v.boolean(),
  /** Wait while a tab plays sound (a call, a video). */
  quietWhileAudible: v.boolean(),
  snoozeMinutes: v.picklist(SNOOZE_CHOICES, 'invalid.nudge.snooze'),
  /** Skips allowed a day; 0 for no limit. */
  skipCap: wholeNumber(0, 20, 'invalid.nudge.skipCap'),
  badge: v.picklist(BADGE_MODES, 'invalid.nudge.badge'),
});
export type NudgeSettings = v.InferOutput<typeof nudgeSettingsSchema>;

const workday: TimeRange[] = [{ from: 9 * 60, to: 18 * 60 }];

export const DEFAULT_NUDGES: NudgeSettings = {
  posture: { enabled: true, mode: 'interval', everyMinutes: 30, times: [] },
  movement: { enabled: true, mode: 'interval', everyMinutes: 60, times: [] },
  breathing: {
    enabled: true,
    mode: 'times',
    everyMinutes: 180,
    times: [11 * 60, 14 * 60 + 30, 17 * 60],
  },
  water: { enabled: true, mode: 'interval', everyMinutes: 90, times: [] },
  activeHours: [workday, workday, workday, workday, workday, [], []],
  afterAbsence: 'reset',
  awayAfterMinutes: 5,
  deferInFullscreen: true,
  quietWhileAudible: false,
  snoozeMinutes: 10,
  skipCap: 0,
  badge: 'habitsLeft',
};

/**
 * The welcome page's starting points: how often each kind comes. Gentle suits a first week,
 * standard is the default, focused is for a back that needs the most attention.
 */
export const NUDGE_PRESETS = {
  gentle: { posture: 60, movement: 90, breathing: [14 * 60], water: 120 },
  standard: { posture: 30, movement: 60, breathing: [11 * 60, 14 * 60 + 30, 17 * 60], water: 90 },
  focused: {
    posture: 20,
    movement: 45,
    breathing: [10 * 60, 12 * 60, 14 * 60, 16 * 60],
    water: 60,
  },
} as const;
export type NudgePreset = keyof typeof NUDGE_PRESETS;

/** The nudge settings with a preset's rhythm; active hours and everything else stay. */
export function withPreset(nudges: NudgeSettings, preset: NudgePreset): NudgeSettings {
  const rhythm = NUDGE_PRESETS[preset];
  const every = (kind: NudgeKindSettings, minutes: number): NudgeKindSettings => ({
    ...kind,
    enabled: true,
    mode: 'interval',
    everyMinutes: minutes,
  });
  return {
    ...nudges,
    posture: every(nudges.posture, rhythm.posture),
    movement: every(nudges.movement, rhythm.movement),
    breathing: { ...nudges.breathing, enabled: true, mode: 'times', times: [...rhythm.breathing] },
    water: every(nudges.water, rhythm.water),
  };
}

/** The preset the nudge settings follow, if any. */
export function presetOf(nudges: NudgeSettings): NudgePreset | undefined {
  return (Object.keys(NUDGE_PRESETS) as NudgePreset[]).find(
    (preset) => JSON.stringify(withPreset(nudges, preset)) === JSON.stringify(nudges),
  );
}

/** ISO weekdays as bits: bit n is weekday n (1 = Monday). */
const WEEKDAY_BITS = 0b1111_1110;

/**
 * What the days up to a last day expected, as stored (lib/model/expectations.ts): the last day,
 * the goals (water resolved from body weight), and the weekdays without active hours as bits.
 * A tuple, because sync holds the settings in one item of at most 8,192 bytes.
 */
export const expectationPeriodSchema = v.strictTuple([
  dayKeySchema,
  wholeNumber(WATER_GOAL_ML.min, suggestedWaterGoalMl(BODY_WEIGHT_KG.max), 'invalid.goal.water'),
  goalsSchema.entries.postureChecks,
  goalsSchema.entries.movementBreaks,
  goalsSchema.entries.breathingSessions,
  goalsSchema.entries.workoutsPerWeek,
  v.pipe(
    wholeNumber(0, WEEKDAY_BITS, 'invalid.expectations'),
    v.check((bits) => (bits & ~WEEKDAY_BITS) === 0, 'invalid.expectations'),
  ),
]);
export type ExpectationPeriod = v.InferOutput<typeof expectationPeriodSchema>;

/** Periods kept at most: one more folds the two oldest (lib/model/expectations.ts). */
export const MAX_EXPECTATION_PERIODS = 80;

/** The smallest and largest cup a user can keep. */
export const CUP_ML = { min: 50, max: 2000 } as const;

export const settingsSchema = v.strictObject({
  // Bounded, so that no record (a file's, another device's) can claim to be newest forever.
  updatedAt: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(LATEST_INSTANT)),
  units: v.picklist(['metric', 'imperial'], 'invalid.units'),
  startOfDayHour: wholeNumber(0, MAX_START_OF_DAY_HOUR, 'invalid.startOfDay'),
  bodyWeightKg: v.optional(
    v.pipe(
      v.number('invalid.bodyWeight'),
      v.minValue(BODY_WEIGHT_KG.min, 'invalid.bodyWeight'),
      v.maxValue(BODY_WEIGHT_KG.max, 'invalid.bodyWeight'),
    ),
  ),
  goals: goalsSchema,
  /** Remembered cup sizes, offered as one-click buttons. */
  cupsMl: v.pipe(
    v.array(wholeNumber(CUP_ML.min, CUP_ML.max, 'invalid.cup')),
    v.minLength(1, 'invalid.cups'),
    v.maxLength(4, 'invalid.cups'),
  ),
  nudges: nudgeSettingsSchema,
  /**
   * The moves movement breaks rotate through (lib/model/catalogue.ts BREAK_MOVES). A move this
   * version does not know is kept, not refused: a newer version on another device may have
   * chosen it, and refusing would let this one save its settings over the user's choice.
   */
  breakMoves: v.pipe(
    v.array(v.pipe(v.string('invalid.breakMoves'), v.regex(EXERCISE_ID, 'invalid.breakMoves'))),
    v.minLength(1, 'invalid.breakMoves'),
    v.check((ids) => new Set(ids).size === ids.length, 'invalid.breakMoves'),
  ),
  /**
   * What earlier days expected, oldest first, each period until its last day; the days after
   * the last are judged by these settings. Kept by the worker when settings change (what a page
   * sends is not taken, except from an imported file); absent, these settings are in force
   * since the first day.
   */
  pastExpectations: v.optional(
    v.pipe(
      v.array(expectationPeriodSchema),
      v.maxLength(MAX_EXPECTATION_PERIODS, 'invalid.expectations'),
      v.check(
        (periods) =>
          periods.every((period, index) => index === 0 || periods[index - 1]![0] < period[0]),
        'invalid.expectations',
      ),
    ),
    [],
  ),
});

export type Settings = v.InferOutput<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  updatedAt: 0,
  units: 'metric',
  startOfDayHour: 0,
  goals: { postureChecks: 4, movementBreaks: 3, breathingSessions: 1, workoutsPerWeek: 3 },
  cupsMl: [250, 500],
  nudges: DEFAULT_NUDGES,
  breakMoves: [...DEFAULT_BREAK_MOVES],
  pastExpectations: [],
};

/** ISO weekdays (1 = Monday) without active hours: the nudge habits do not count them. */
export function nudgeFreeWeekdays(settings: Settings): number[] {
  return settings.nudges.activeHours.flatMap((ranges, index) =>
    ranges.length === 0 ? [index + 1] : [],
  );
}

/** The goals streaks are judged by, with the water goal resolved. */
export function effectiveGoals(settings: Settings, workoutDay = false): Goals {
  return {
    ...settings.goals,
    waterMl: waterGoalMl(
      { goalMl: settings.goals.waterMl, bodyWeightKg: settings.bodyWeightKg },
      workoutDay,
    ),
  };
}
