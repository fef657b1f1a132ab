/**
 * The weekly check-in: body weight, waist and the user's own measurements, how clothes fit, a
 * short note and which photos were taken. One check-in a week, named by the Monday that starts
 * the week. Weights are stored in kilograms and lengths in centimetres (rounded to what a tape
 * or a scale reads), whatever unit the user typed: a chart mixes no units.
 *
 * Where each part is kept (lib/store/checkins.ts): measurements, fit and the poses photographed
 * sync; the note stays on the device that wrote it; the photos stay in that device's IndexedDB.
 */
import * as v from 'valibot';
import { dayKeyFromNumber, dayNumber, isDayKey, weekStartNumber, type DayKey } from './days';
import { dayKeySchema, LATEST_INSTANT } from './entries';
import { BODY_WEIGHT_KG } from './water';
import { KG_PER_LB, roundTo, type UnitSystem, type WeightUnit } from './units';

export const FITS = ['looser', 'same', 'tighter'] as const;
export type Fit = (typeof FITS)[number];
export const POSES = ['front', 'side', 'back'] as const;
export type Pose = (typeof POSES)[number];
export type LengthUnit = 'cm' | 'in';

export const CM_PER_IN = 2.54;

/** What a person can weigh and measure: a waist of 5 m or a weight of 0 is a typing slip. */
export const CHECKIN_LIMITS = {
  /** As the settings' body weight, which a check-in updates. */
  weightKg: BODY_WEIGHT_KG,
  lengthCm: { min: 10, max: 250 },
  noteLength: 280,
  /** Measurements besides the waist (chest, hips, upper arm...). */
  measurements: 6,
  measurementName: 24,
} as const;

export const WAIST = 'waist';

const MEASUREMENT_NAME = /^\p{L}[\p{L}\p{N} '-]*$/u;

const weightKgSchema = v.pipe(
  v.number('checkin.invalid.weight'),
  v.minValue(CHECKIN_LIMITS.weightKg.min, 'checkin.invalid.weight'),
  v.maxValue(CHECKIN_LIMITS.weightKg.max, 'checkin.invalid.weight'),
);
const lengthCmSchema = v.pipe(
  v.number('checkin.invalid.length'),
  v.minValue(CHECKIN_LIMITS.lengthCm.min, 'checkin.invalid.length'),
  v.maxValue(CHECKIN_LIMITS.lengthCm.max, 'checkin.invalid.length'),
);
export const measurementNameSchema = v.pipe(
  v.string('checkin.invalid.measurementName'),
  v.trim(),
  v.minLength(1, 'checkin.invalid.measurementName'),
  v.maxLength(CHECKIN_LIMITS.measurementName, 'checkin.invalid.measurementName'),
  v.regex(MEASUREMENT_NAME, 'checkin.invalid.measurementName'),
);

/** A Monday. */
export const weekKeySchema = v.pipe(
  dayKeySchema,
  v.check((day) => isWeekKey(day), 'checkin.invalid.week'),
);

export const checkInSchema = v.strictObject({
  week: weekKeySchema,
  updatedAt: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(LATEST_INSTANT)),
  weightKg: v.optional(weightKgSchema),
  /** Lengths by measurement name, the waist among them. */
  lengthsCm: v.pipe(
    v.custom<object>((value) => !Array.isArray(value), 'checkin.invalid.lengths'),
    v.record(measurementNameSchema, lengthCmSchema),
    v.check(
      (lengths) => Object.keys(lengths).length <= CHECKIN_LIMITS.measurements + 1,
      'checkin.invalid.tooManyMeasurements',
    ),
  ),
  fit: v.optional(v.picklist(FITS, 'checkin.invalid.fit')),
  note: v.optional(
    v.pipe(v.string(), v.maxLength(CHECKIN_LIMITS.noteLength, 'checkin.invalid.note')),
  ),
  photos: v.pipe(
    v.array(v.picklist(POSES)),
    v.check((poses) => new Set(poses).size === poses.length, 'checkin.invalid.photos'),
  ),
});
export type CheckIn = v.InferOutput<typeof checkInSchema>;

/** Whether a check-in holds anything at all. */
export function isEmptyCheckIn(checkIn: CheckIn): boolean {
  return (
    checkIn.weightKg === undefined &&
    Object.keys(checkIn.lengthsCm).length === 0 &&
    checkIn.fit === undefined &&
    !checkIn.note &&
    checkIn.photos.length === 0
  );
}

export function isWeekKey(day: DayKey): boolean {
  if (!isDayKey(day)) return false;
  const number = dayNumber(day);
  return weekStartNumber(number) === number;
}

/** The Monday of a day's week. */
export function weekOf(day: DayKey): DayKey {
  return dayKeyFromNumber(weekStartNumber(dayNumber(day)));
}

export function lengthUnitOf(system: UnitSystem): LengthUnit {
  return system === 'metric' ? 'cm' : 'in';
}

/** A length as typed, stored in centimetres to the millimetre. */
export function lengthToCm(amount: number, unit: LengthUnit): number {
  return roundTo(unit === 'cm' ? amount : amount * CM_PER_IN, 1);
}

/** A stored length in the user's unit, to the tenth. */
export function lengthIn(cm: number, unit: LengthUnit): number {
  return roundTo(unit === 'cm' ? cm : cm / CM_PER_IN, 1);
}

/** A weight as typed, stored in kilograms to 10 g. */
export function weightToKg(amount: number, unit: WeightUnit): number {
  return roundTo(unit === 'kg' ? amount : amount * KG_PER_LB, 2);
}

/** A stored weight in the user's unit, to the tenth. */
export function weightIn(kg: number, unit: WeightUnit): number {
  return roundTo(unit === 'kg' ? kg : kg / KG_PER_LB, 1);
}

export interface WeeklyPoint {
  week: DayKey;
  value: number;
}

/**
 * Exponentially smoothed weekly values (half of each new week's difference is taken, more after
 * a gap of weeks), so a week's water or a heavy meal does not hide the trend. Each smoothed value
 * lies between the smallest and the largest point so far.
 */
export function smoothed(points: readonly WeeklyPoint[], weekWeight = 0.5): WeeklyPoint[] {
  const line: WeeklyPoint[] = [];
  let previous: { week: number; value: number } | undefined;
  for (const point of points) {
    const week = dayNumber(point.week) / 7;
    const value = previous
      ? previous.value +
        (1 - (1 - weekWeight) ** Math.max(1, week - previous.week)) * (point.value - previous.value)
      : point.value;
    previous = { week, value };
    line.push({ week: point.week, value });
  }
  return line;
}

/** The change from the first point to the last (0 without two points). */
export function changeSinceStart(points: readonly WeeklyPoint[]): number {
  if (points.length < 2) return 0;
  return points[points.length - 1]!.value - points[0]!.value;
}

/** A measurement's weekly points, oldest first, from check-ins in any order. */
export function seriesOf(
  checkIns: readonly CheckIn[],
  measure: (checkIn: CheckIn) => number | undefined,
): WeeklyPoint[] {
  return checkIns
    .flatMap((checkIn) => {
      const value = measure(checkIn);
      return value === undefined ? [] : [{ week: checkIn.week, value }];
    })
    .sort((a, b) => (a.week < b.week ? -1 : a.week > b.week ? 1 : 0));
}

/** Every measurement name used, the waist first, then by first use. */
export function measurementNames(checkIns: readonly CheckIn[]): string[] {
  const names = new Set<string>([WAIST]);
  const ordered = [...checkIns].sort((a, b) => (a.week < b.week ? -1 : 1));
  for (const checkIn of ordered) for (const name of Object.keys(checkIn.lengthsCm)) names.add(name);
  return [...names];
}

export interface CheckInStreak {
  current: number;
  best: number;
  /** Whether this week already has its check-in. */
  thisWeek: boolean;
}

/**
 * Check-in streaks counted in weeks. A week all of whose days up to today are time off is
 * skipped (it neither breaks nor grows a streak); this week counts only once checked in.
 */
export function checkInStreak(
  weeks: readonly DayKey[],
  timeOff: (day: DayKey) => boolean,
  today: DayKey,
): CheckInStreak {
  const done = new Set(weeks);
  const todayNumber = dayNumber(today);
  const thisWeek = weekStartNumber(todayNumber);
  const sorted = [...done].map(dayNumber).sort((a, b) => a - b);
  if (sorted.length === 0) return { current: 0, best: 0, thisWeek: false };
  let run = 0;
  let best = 0;
  for (let week = sorted[0]!; week <= thisWeek; week += 7) {
    if (done.has(dayKeyFromNumber(week))) best = Math.max(best, ++run);
    else if (week === thisWeek) break;
    else if (!wholeWeekOff(week, timeOff)) run = 0;
  }
  return { current: run, best, thisWeek: done.has(dayKeyFromNumber(thisWeek)) };
}

function wholeWeekOff(week: number, timeOff: (day: DayKey) => boolean): boolean {
  for (let day = week; day < week + 7; day++) if (!timeOff(dayKeyFromNumber(day))) return false;
  return true;
}
